"""When a document lands: one notice "Nieuw: …" with its link, to every subscriber, once.

Pure functions. The adapter (`agendabot.jobs.update_sender`) loads the ids already announced,
calls `plan_document_notices`, and records the new ids together with the messages in one
transaction, so a crash never loses or doubles a notice. The very first run records a
baseline and announces nothing (installing the bot does not announce the documents it starts
with). Each message's `dedupe_key` names the recipient and the documents, so two replicas
that notice the same document enqueue it once.

Subscriptions are per pillar; a document concerns the whole action agenda, so everyone who
follows any pillar hears of it (each recipient once, however many pillars they follow).

New Kamervragen are announced the same way (`plan_kamervragen_notices`): an open set when
it is registered ("Nieuw: …, antwoord uiterlijk 11 december"), and again when a
*mededeling* moves its deadline ("Uitstel: …"); a set given a pillar only to the
subscribers of that pillar. Its notice id names the set and its
deadline, so each deadline is announced once; the first run that sees any set records a
baseline of its own (sets already open when this started are not announced).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

from agendabot.core.documents.library import kind_label
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.kamervragen.model import KamervragenSet
from agendabot.core.reply.model import Context, Header, Link, Paragraph, Reply, Span, Strong
from agendabot.core.time.dutch_dates import dutch_date

__all__ = [
    "KAMERVRAGEN",
    "NOTICE_TYPE",
    "DocumentNotice",
    "NoticeMessage",
    "NoticePlan",
    "kamervragen_notice",
    "kamervragen_notice_id",
    "notice_of",
    "notice_reply",
    "notices_from_payload",
    "plan_document_notices",
    "plan_kamervragen_notices",
]

NOTICE_TYPE: Final = "document_notices"
KAMERVRAGEN: Final = "Kamervragen"  # the notice kind of an open set
NEW: Final = "Nieuw"
POSTPONED: Final = "Uitstel"
_KV_PREFIX: Final = "kv:"


class Subscriber(Protocol):
    @property
    def target(self) -> str: ...

    @property
    def pillar(self) -> str: ...  # "1", "2" or "all"


@dataclass(frozen=True, slots=True)
class DocumentNotice:
    """What a notice says about one document."""

    document_id: str
    citation: str
    title: str
    kind: str  # "lijst van vragen en antwoorden", "Kamerbrief", …, or KAMERVRAGEN
    url: str  # "" when there is none (a set of Kamervragen without its page)
    label: str = NEW  # or POSTPONED (a set of Kamervragen whose deadline moved)

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.document_id,
            "citation": self.citation,
            "title": self.title,
            "kind": self.kind,
            "url": self.url,
            "label": self.label,
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> DocumentNotice:
        return cls(
            document_id=str(data["id"]),
            citation=str(data["citation"]),
            title=str(data["title"]),
            kind=str(data.get("kind") or "document"),
            url=str(data["url"]),
            label=str(data.get("label") or NEW),
        )


@dataclass(frozen=True, slots=True)
class NoticeMessage:
    recipient: str
    notices: tuple[DocumentNotice, ...]
    dedupe_key: str

    def payload(self) -> dict[str, Any]:
        return {"type": NOTICE_TYPE, "documents": [n.to_payload() for n in self.notices]}


@dataclass(frozen=True, slots=True)
class NoticePlan:
    """The ids to record as announced, and the messages to enqueue with them."""

    record: tuple[str, ...]
    messages: tuple[NoticeMessage, ...]
    baseline: bool


def notice_of(document: QADocument | Letter) -> DocumentNotice:
    meta = document.meta
    return DocumentNotice(meta.id, meta.citation, meta.title, kind_label(meta.kind), meta.url)


def plan_document_notices(
    documents: Sequence[QADocument | Letter],
    announced: Iterable[str],
    subscriptions: Iterable[Subscriber],
) -> NoticePlan:
    """Which documents are new since the last run, and who is told (see the module doc)."""
    known = set(announced)
    fresh = [d for d in documents if d.meta.id not in known]
    if not fresh:
        return NoticePlan(record=(), messages=(), baseline=False)
    ids = tuple(d.meta.id for d in fresh)
    if not known:
        return NoticePlan(record=ids, messages=(), baseline=True)
    notices = tuple(notice_of(d) for d in sorted(fresh, key=lambda d: d.meta.order))
    recipients = sorted({s.target for s in subscriptions})
    messages = tuple(
        NoticeMessage(recipient, notices, _dedupe_key(recipient, ids)) for recipient in recipients
    )
    return NoticePlan(record=ids, messages=messages, baseline=False)


def kamervragen_notice_id(found: KamervragenSet) -> str:
    """The notice id of a set at its current deadline (at most 64 characters, as stored)."""
    full = f"{_KV_PREFIX}{found.id}@{found.due.isoformat()}"
    if len(full) <= 64:
        return full
    digest = hashlib.sha256(full.encode("utf-8")).hexdigest()[:24]
    return f"{_KV_PREFIX}{found.id[:25]}-{digest}@{found.due.isoformat()}"


def _set_of(notice_id: str) -> str:
    """The set part of a Kamervragen notice id (all but its deadline)."""
    return notice_id[len(_KV_PREFIX) :].rsplit("@", 1)[0]


def kamervragen_notice(found: KamervragenSet, *, postponed: bool) -> DocumentNotice:
    who = ", ".join(found.members)
    return DocumentNotice(
        document_id=kamervragen_notice_id(found),
        citation=f"Kamervragen {who}",
        title=f"{found.subject or found.title}; antwoord uiterlijk {dutch_date(found.due)}",
        kind=KAMERVRAGEN,
        url=found.url or "",
        label=POSTPONED if postponed else NEW,
    )


def plan_kamervragen_notices(
    sets: Sequence[KamervragenSet],
    announced: Iterable[str],
    subscriptions: Iterable[Subscriber],
) -> NoticePlan:
    """Open sets not announced at their current deadline: "Nieuw" the first time, "Uitstel"
    when an earlier deadline of the same set was announced (see the module doc)."""
    known = {i for i in announced if i.startswith(_KV_PREFIX)}
    fresh = sorted(
        (s for s in sets if s.is_open and kamervragen_notice_id(s) not in known),
        key=lambda s: (s.due, s.id),
    )
    if not fresh:
        return NoticePlan(record=(), messages=(), baseline=False)
    ids = tuple(kamervragen_notice_id(s) for s in fresh)
    if not known:
        return NoticePlan(record=ids, messages=(), baseline=True)
    seen = {_set_of(i) for i in known}
    notices = [
        kamervragen_notice(s, postponed=_set_of(i) in seen) for s, i in zip(fresh, ids, strict=True)
    ]
    follows: dict[str, list[int | None]] = {}
    for subscription in subscriptions:
        pillar = None if subscription.pillar == "all" else int(subscription.pillar)
        follows.setdefault(subscription.target, []).append(pillar)
    messages = []
    for recipient, pillars in sorted(follows.items()):
        mine = tuple(
            n for s, n in zip(fresh, notices, strict=True) if any(map(s.for_pillar, pillars))
        )
        if mine:  # a set with a pillar goes to that pillar's subscribers only
            key = _dedupe_key(recipient, [n.document_id for n in mine])
            messages.append(NoticeMessage(recipient, mine, key))
    return NoticePlan(record=ids, messages=tuple(messages), baseline=False)


def _dedupe_key(recipient: str, ids: Sequence[str]) -> str:
    digest = hashlib.sha256("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:32]
    return f"document:{recipient}:{digest}"


def notices_from_payload(payload: Mapping[str, Any]) -> list[DocumentNotice]:
    if payload.get("type") != NOTICE_TYPE:
        raise ValueError(f"not a document notice payload: {payload.get('type')!r}")
    return [DocumentNotice.from_payload(item) for item in payload.get("documents", ())]


def notice_reply(notices: Sequence[DocumentNotice]) -> Reply:
    """One message: "Nieuw: Kamerstuk 31 749, nr. 8 — <titel>" per document, with its link;
    "Nieuw: Kamervragen Jansen — <onderwerp>; antwoord uiterlijk …" or "Uitstel: …" per
    set of Kamervragen."""
    unique = list(dict.fromkeys(notices))
    if not unique:
        raise ValueError("no documents to announce")
    lines: list[Span] = []
    for index, notice in enumerate(unique):
        if index:
            lines.append("\n")
        cited: Span = Link(notice.citation, notice.url) if notice.url else notice.citation
        lines += [Strong(f"{notice.label}: "), cited, f" — {notice.title}"]
    sets = [n for n in unique if n.kind == KAMERVRAGEN]
    if len(unique) == 1:
        only = unique[0]
        text = f"{only.label}: {only.citation} — {only.title}"
        if not sets:
            header = f"Nieuw document: {only.kind}"
        else:
            header = "Nieuwe Kamervragen" if only.label == NEW else "Uitstel voor Kamervragen"
    else:
        header = f"{len(unique)} meldingen" if sets else f"{len(unique)} nieuwe documenten"
        text = f"{header}: " + ", ".join(n.citation for n in unique)
    hints = []
    if len(sets) < len(unique):
        hints.append("Vraag ernaar met /vraag DOCUMENT:N, bijvoorbeeld /vraag 451:47.")
    if sets:
        hints.append("Alle open Kamervragen: /agenda kamervragen.")
    return Reply(text=text, parts=(Header(header), Paragraph(lines), Context(tuple(hints))))
