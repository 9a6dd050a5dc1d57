"""When a document lands: one notice "Nieuw: …" with its link, to every subscriber, once.

Pure functions. The adapter (`agendabot.jobs.update_sender`) loads the ids already announced,
calls `plan_document_notices`, and records the new ids together with the messages in one
transaction, so a crash never loses or doubles a notice. The very first run records a
baseline and announces nothing (installing the bot does not announce the documents it starts
with). Each message's `dedupe_key` names the recipient and the documents, so two replicas
that notice the same document enqueue it once.

Subscriptions are per pillar; a document concerns the whole action agenda, so everyone who
follows any pillar hears of it (each recipient once, however many pillars they follow).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

from agendabot.core.documents.library import kind_label
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.reply.model import Context, Header, Link, Paragraph, Reply, Span, Strong

__all__ = [
    "NOTICE_TYPE",
    "DocumentNotice",
    "NoticeMessage",
    "NoticePlan",
    "notice_of",
    "notice_reply",
    "notices_from_payload",
    "plan_document_notices",
]

NOTICE_TYPE: Final = "document_notices"


class Subscriber(Protocol):
    @property
    def target(self) -> str: ...


@dataclass(frozen=True, slots=True)
class DocumentNotice:
    """What a notice says about one document."""

    document_id: str
    citation: str
    title: str
    kind: str  # "lijst van vragen en antwoorden", "Kamerbrief", …
    url: str

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.document_id,
            "citation": self.citation,
            "title": self.title,
            "kind": self.kind,
            "url": self.url,
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> DocumentNotice:
        return cls(
            document_id=str(data["id"]),
            citation=str(data["citation"]),
            title=str(data["title"]),
            kind=str(data.get("kind") or "document"),
            url=str(data["url"]),
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


def _dedupe_key(recipient: str, ids: Sequence[str]) -> str:
    digest = hashlib.sha256("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:32]
    return f"document:{recipient}:{digest}"


def notices_from_payload(payload: Mapping[str, Any]) -> list[DocumentNotice]:
    if payload.get("type") != NOTICE_TYPE:
        raise ValueError(f"not a document notice payload: {payload.get('type')!r}")
    return [DocumentNotice.from_payload(item) for item in payload.get("documents", ())]


def notice_reply(notices: Sequence[DocumentNotice]) -> Reply:
    """One message: "Nieuw: Kamerstuk 31 749, nr. 8 — <titel>" per document, with its link."""
    unique = list(dict.fromkeys(notices))
    if not unique:
        raise ValueError("no documents to announce")
    lines: list[Span] = []
    for index, notice in enumerate(unique):
        if index:
            lines.append("\n")
        lines += [Strong("Nieuw: "), Link(notice.citation, notice.url), f" — {notice.title}"]
    if len(unique) == 1:
        text = f"Nieuw: {unique[0].citation} — {unique[0].title}"
        header = f"Nieuw document: {unique[0].kind}"
    else:
        text = f"{len(unique)} nieuwe documenten: " + ", ".join(n.citation for n in unique)
        header = f"{len(unique)} nieuwe documenten"
    return Reply(
        text=text,
        parts=(
            Header(header),
            Paragraph(lines),
            Context(("Vraag ernaar met /vraag DOCUMENT:N, bijvoorbeeld /vraag 451:47.",)),
        ),
    )
