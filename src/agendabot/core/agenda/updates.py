"""Update notifications: what changed in a commitment since subscribers last heard of it.

Pure functions. The adapter (`agendabot.jobs.digest_sender`) loads the last-notified snapshots and
the current statuses, calls `plan_updates`, and stores the new snapshots together with the
planned messages in one transaction (`Snapshots.save(…, messages=…)`), so a crash never
loses or doubles a notification.

Changes that are announced, to the subscribers of the commitment's pillar (and of "all"):

* status: marked *afgerond* (with its link, if any) or *vervallen*, or opened again;
* due date moved;
* a new commitment after a content update.

Other edits (a corrected title or quote) only refresh the snapshot. A commitment that
disappeared from the content is forgotten silently. The very first run (no snapshots at all)
records a baseline and announces nothing, so installing the bot does not send 58 "new"
messages.

One message per recipient per run, holding all of that recipient's changes. Its
`dedupe_key` is derived from the recipient and the exact transitions (old → new
fingerprint), so two replicas that notice the same change enqueue it once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal, Protocol

from agendabot.core.agenda.commitments import Commitment
from agendabot.core.reply.model import Context, Header, Link, Paragraph, Reply, Span, Strong
from agendabot.core.time.dutch_dates import dutch_date

__all__ = [
    "NO_PILLAR",
    "PAYLOAD_TYPE",
    "Change",
    "CommitmentSnapshot",
    "StatusInfo",
    "UpdateMessage",
    "UpdatePlan",
    "changes_from_payload",
    "current_snapshots",
    "plan_updates",
    "update_reply",
]

NO_PILLAR: Final = "-"  # the snapshot's pillar for a commitment without one
PAYLOAD_TYPE: Final = "commitment_updates"

ChangeKind = Literal["afgerond", "vervallen", "heropend", "verschoven", "nieuw"]
_KIND_ORDER: Final[dict[str, int]] = {
    "nieuw": 0,
    "verschoven": 1,
    "afgerond": 2,
    "vervallen": 3,
    "heropend": 4,
}


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """A commitment's current status as recorded in the state layer.

    `version` identifies the status change (its id), so that marking a commitment
    afgerond a second time, after it was opened again, is a new transition.
    """

    status: str
    link: str | None = None
    version: int = 0


class SnapshotLike(Protocol):
    """What subscribers were last told (e.g. `agendabot.state.Snapshot`)."""

    @property
    def commitment_id(self) -> str: ...
    @property
    def pillar(self) -> str: ...
    @property
    def due(self) -> date | None: ...
    @property
    def status(self) -> str: ...
    @property
    def content_hash(self) -> str: ...


class SubscriptionLike(Protocol):
    """A subscription (e.g. `agendabot.state.Subscription`): target and "1", "2" or "all"."""

    @property
    def target(self) -> str: ...
    @property
    def pillar(self) -> str: ...


@dataclass(frozen=True, slots=True)
class CommitmentSnapshot:
    """The state of a commitment as it will be remembered (fields of `Snapshot`)."""

    commitment_id: str
    pillar: str
    due: date | None
    status: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class Change:
    """One announced change of one commitment (JSON round-trip: `to_payload`/`from_payload`)."""

    commitment_id: str
    title: str
    pillar: int | None
    kind: ChangeKind
    due: date
    old_due: date | None = None
    link: str | None = None  # the link given when it was marked afgerond
    source: str = ""  # citation
    url: str | None = None  # the official document

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.commitment_id,
            "title": self.title,
            "pillar": self.pillar,
            "kind": self.kind,
            "due": self.due.isoformat(),
            "old_due": self.old_due.isoformat() if self.old_due else None,
            "link": self.link,
            "source": self.source,
            "url": self.url,
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> Change:
        kind = str(data["kind"])
        if kind not in _KIND_ORDER:
            raise ValueError(f"unknown change kind {kind!r}")
        pillar = data.get("pillar")
        old_due = data.get("old_due")
        return cls(
            commitment_id=str(data["id"]),
            title=str(data["title"]),
            pillar=int(pillar) if pillar is not None else None,
            kind=kind,  # type: ignore[arg-type]  # checked above
            due=date.fromisoformat(str(data["due"])),
            old_due=date.fromisoformat(str(old_due)) if old_due else None,
            link=data.get("link"),
            source=str(data.get("source") or ""),
            url=data.get("url"),
        )


@dataclass(frozen=True, slots=True)
class UpdateMessage:
    """The changes for one recipient, ready for the outbox."""

    recipient: str
    changes: tuple[Change, ...]
    dedupe_key: str

    def payload(self) -> dict[str, Any]:
        return {"type": PAYLOAD_TYPE, "changes": [change.to_payload() for change in self.changes]}


@dataclass(frozen=True, slots=True)
class UpdatePlan:
    """What to store: the new snapshots (the complete set) and the messages to enqueue."""

    snapshots: tuple[CommitmentSnapshot, ...]
    changes: tuple[Change, ...]
    messages: tuple[UpdateMessage, ...]
    baseline: bool  # True when there were no snapshots yet: nothing is announced


# ------------------------------------------------------------------------------ snapshots


def _pillar_key(pillar: int | None) -> str:
    return str(pillar) if pillar is not None else NO_PILLAR


def _fingerprint(commitment: Commitment, status: StatusInfo) -> str:
    """A hash of everything subscribers could be told about: content, status and its version."""
    data = commitment.model_dump(mode="json")
    data["_status"] = [status.status, status.link, status.version]
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _status_of(commitment: Commitment, statuses: Mapping[str, StatusInfo]) -> StatusInfo:
    return statuses.get(commitment.id) or StatusInfo(commitment.status)


def current_snapshots(
    commitments: Iterable[Commitment], statuses: Mapping[str, StatusInfo]
) -> list[CommitmentSnapshot]:
    """The snapshot of every commitment as it is now."""
    out = []
    for commitment in commitments:
        status = _status_of(commitment, statuses)
        out.append(
            CommitmentSnapshot(
                commitment_id=commitment.id,
                pillar=_pillar_key(commitment.pillar),
                due=commitment.due,
                status=status.status,
                content_hash=_fingerprint(commitment, status),
            )
        )
    return out


# ------------------------------------------------------------------------------ the diff


def _change(
    commitment: Commitment,
    url: str | None,
    kind: ChangeKind,
    *,
    old_due: date | None = None,
    link: str | None = None,
) -> Change:
    return Change(
        commitment_id=commitment.id,
        title=commitment.title,
        pillar=commitment.pillar,
        kind=kind,
        due=commitment.due,
        old_due=old_due,
        link=link,
        source=commitment.citation(),
        url=url,
    )


def _changes_of(
    commitment: Commitment,
    status: StatusInfo,
    before: SnapshotLike | None,
    url: str | None,
) -> list[Change]:
    if before is None:
        return [_change(commitment, url, "nieuw")]
    changes: list[Change] = []
    if before.due is not None and before.due != commitment.due:
        changes.append(_change(commitment, url, "verschoven", old_due=before.due))
    if before.status != status.status:
        if status.status == "afgerond":
            changes.append(_change(commitment, url, "afgerond", link=status.link))
        elif status.status == "vervallen":
            changes.append(_change(commitment, url, "vervallen"))
        elif status.status == "open":
            changes.append(_change(commitment, url, "heropend"))
    return changes


def _follows(subscription_pillar: str, commitment_pillar: int | None) -> bool:
    return subscription_pillar == "all" or (
        commitment_pillar is not None and subscription_pillar == str(commitment_pillar)
    )


def plan_updates(
    commitments: Iterable[Commitment],
    statuses: Mapping[str, StatusInfo],
    previous: Mapping[str, SnapshotLike],
    subscriptions: Iterable[SubscriptionLike],
    *,
    links: Mapping[str, str] | None = None,
) -> UpdatePlan:
    """Compare the commitments as they are now with what subscribers were last told.

    `statuses` holds the state layer's current status per commitment id (others keep the
    content's status); `previous` the stored snapshots by commitment id; `links` maps
    document keys to the URL of the official publication.
    """
    links = links or {}
    commitments = list(commitments)
    snapshots = current_snapshots(commitments, statuses)
    baseline = not previous
    changes: list[Change] = []
    transitions: dict[str, str] = {}  # commitment id → "old>new" fingerprint
    if not baseline:
        for commitment, snapshot in zip(commitments, snapshots, strict=True):
            before = previous.get(commitment.id)
            if before is not None and before.content_hash == snapshot.content_hash:
                continue
            found = _changes_of(
                commitment,
                _status_of(commitment, statuses),
                before,
                links.get(commitment.document),
            )
            if found:
                changes.extend(found)
                old = before.content_hash if before is not None else ""
                transitions[commitment.id] = f"{old}>{snapshot.content_hash}"
    changes.sort(key=lambda c: (_KIND_ORDER[c.kind], c.due, c.commitment_id))
    messages = _messages(changes, subscriptions, transitions)
    return UpdatePlan(
        snapshots=tuple(snapshots),
        changes=tuple(changes),
        messages=tuple(messages),
        baseline=baseline,
    )


def _messages(
    changes: Sequence[Change],
    subscriptions: Iterable[SubscriptionLike],
    transitions: Mapping[str, str],
) -> list[UpdateMessage]:
    pillars_of: dict[str, set[str]] = {}
    for subscription in subscriptions:
        pillars_of.setdefault(subscription.target, set()).add(str(subscription.pillar))
    messages: list[UpdateMessage] = []
    for recipient in sorted(pillars_of):
        followed = pillars_of[recipient]
        mine = tuple(c for c in changes if any(_follows(p, c.pillar) for p in followed))
        if not mine:
            continue
        keys = sorted({f"{c.commitment_id}:{transitions[c.commitment_id]}" for c in mine})
        digest = hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()[:40]
        messages.append(UpdateMessage(recipient, mine, f"update:{recipient}:{digest}"))
    return messages


# ------------------------------------------------------------------------------ the message


def changes_from_payload(payload: Mapping[str, Any]) -> list[Change]:
    """The changes stored in an outbox payload (see `UpdateMessage.payload`)."""
    if payload.get("type") != PAYLOAD_TYPE:
        raise ValueError(f"not an update payload: {payload.get('type')!r}")
    return [Change.from_payload(item) for item in payload.get("changes", ())]


def _change_spans(change: Change) -> list[Span]:
    due = dutch_date(change.due)
    if change.kind == "afgerond":
        what = "is afgerond"
    elif change.kind == "vervallen":
        what = "is vervallen"
    elif change.kind == "heropend":
        what = f"staat weer open (deadline {due})"
    elif change.kind == "verschoven":
        old = dutch_date(change.old_due) if change.old_due else "onbekend"
        what = f"heeft een nieuwe deadline: {due} (was {old})"
    else:
        what = f"is nieuw (deadline {due})"
    spans: list[Span] = ["• ", Strong(change.title), f" {what}"]
    if change.kind == "afgerond" and change.link:
        spans += [" — ", Link("resultaat", change.link)]
    source: Span = Link(change.source, change.url) if change.url else change.source
    if change.source:
        spans += [" · ", source]
    spans.append(f" ({change.commitment_id})")
    return spans


def update_reply(changes: Sequence[Change]) -> Reply:
    """One message announcing `changes` (duplicates of the same change are shown once)."""
    unique: list[Change] = []
    for change in changes:
        if change not in unique:
            unique.append(change)
    if not unique:
        raise ValueError("no changes to announce")
    lines: list[Span] = []
    for index, change in enumerate(unique):
        if index:
            lines.append("\n")
        lines.extend(_change_spans(change))
    count = len(unique)
    noun = "wijziging" if count == 1 else "wijzigingen"
    if count == 1:
        text = f"Toezegging bijgewerkt: {unique[0].title} ({unique[0].kind})."
    else:
        text = f"{count} toezeggingen bijgewerkt."
    return Reply(
        text=text,
        parts=(
            Header(f"Toezeggingen: {count} {noun}"),
            Paragraph(lines),
            Context(("Je volgt deze pijler met /agenda abonneer; stoppen: /agenda opzeggen.",)),
        ),
    )
