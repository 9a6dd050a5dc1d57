"""Update notifications: what changed in the commitments, and new documents, to each
subscriber, once.

Compare the commitments with the stored snapshots and enqueue one message per subscriber
for what changed (`Snapshots.save` stores both in one transaction); likewise the documents,
and the open Kamervragen at their deadline, with those already announced
(`AnnouncedDocuments.record`). Then claim the outbox,
post one batched message per recipient and mark them sent. Failures follow the digest's
rule (`agendabot.jobs.delivery.is_transient`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from agendabot.content import Content
from agendabot.core.agenda.announcements import (
    NOTICE_TYPE,
    notice_reply,
    notices_from_payload,
    plan_document_notices,
    plan_kamervragen_notices,
)
from agendabot.core.agenda.updates import (
    PAYLOAD_TYPE,
    StatusInfo,
    changes_from_payload,
    plan_updates,
    update_reply,
)
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.reply.model import Reply
from agendabot.jobs.delivery import (
    ContentProvider,
    Poster,
    document_links,
    is_transient,
)
from agendabot.jobs.digest_config import DigestConfig
from agendabot.state import AsyncStore, NewMessage, OutboxMessage, Snapshot, Subscription


@dataclass
class UpdatesRun:
    enqueued: int = 0
    sent: dict[str, int] = field(default_factory=dict)  # recipient → changes announced
    failed: dict[str, str] = field(default_factory=dict)
    deferred: list[str] = field(default_factory=list)  # not tried: Slack was unreachable


logger = logging.getLogger("agendabot.digest")


class UpdateSender:
    """The update half of `DigestJob`; the attributes are set by `DigestJob.__init__`."""

    store: AsyncStore
    poster: Poster
    content: ContentProvider
    config: DigestConfig
    replica: str
    _stopping: bool

    async def refresh_updates(self, now: datetime) -> int:
        """Compare the commitments with the snapshots; enqueue what changed. Returns how
        many messages were new (0 on the first run: it only records the baseline)."""
        content = self.content()
        current = await self.store.statuses.current_statuses()
        statuses = {
            cid: StatusInfo(change.status, change.link, change.id or 0)
            for cid, change in current.items()
        }
        previous = await self.store.snapshots.load()
        subscriptions = await self.store.subscriptions.all()
        plan = plan_updates(
            content.commitments,
            statuses,
            previous,
            subscriptions,
            links=document_links(content),
        )
        snapshots = [
            Snapshot(s.commitment_id, s.pillar, s.due, s.status, s.content_hash)
            for s in plan.snapshots
        ]
        added = await self._refresh_documents(content, subscriptions, now)
        if not plan.messages and {s.commitment_id: s for s in snapshots} == previous:
            return added  # nothing changed: no write
        messages = [NewMessage(m.recipient, m.payload(), m.dedupe_key) for m in plan.messages]
        return added + await self.store.snapshots.save(snapshots, now=now, messages=messages)

    async def _refresh_documents(
        self, content: Content, subscriptions: Sequence[Subscription], now: datetime
    ) -> int:
        """Enqueue "Nieuw: …" for documents not announced before, and for open Kamervragen
        at a deadline not announced before ("Uitstel: …" when it moved); each a baseline
        the first time."""
        documents: list[QADocument | Letter] = [*content.qa_lists, *content.letters]
        known = await self.store.documents.known()
        added = 0
        for plan in (
            plan_document_notices(documents, known, subscriptions),
            plan_kamervragen_notices(content.kamervragen, known, subscriptions),
        ):
            if plan.record:
                messages = [
                    NewMessage(m.recipient, m.payload(), m.dedupe_key) for m in plan.messages
                ]
                added += await self.store.documents.record(plan.record, now=now, messages=messages)
        return added

    async def send_updates(self, now: datetime) -> UpdatesRun:
        """Post the pending update notifications, one batched message per recipient."""
        run = UpdatesRun()
        await self._send_updates(now, run)
        return run

    async def _send_updates(self, now: datetime, run: UpdatesRun) -> None:
        batch = await self.store.outbox.claim_batch(
            self.replica, now=now, stale_after=self.config.stale_after
        )
        by_recipient: dict[str, list[OutboxMessage]] = {}
        for message in batch:
            by_recipient.setdefault(message.recipient, []).append(message)
        unreachable = False
        for recipient, messages in by_recipient.items():
            ids = [m.id for m in messages]
            if unreachable or self._stopping:
                run.deferred.append(recipient)
                reason = "shutting down" if self._stopping else "Slack unreachable"
                await self.store.outbox.mark_failed(
                    ids, replica=self.replica, error=f"deferred: {reason}"
                )
                continue
            cap = self.config.catch_up.max_attempts
            if all(m.permanent_failures >= cap for m in messages):
                logger.error(
                    "updates for %s: refused by Slack %s times (%s); giving up",
                    recipient,
                    cap,
                    messages[0].last_error,
                )
                await self.store.audit.record(
                    "agendabot",
                    "outbox.gave_up",
                    now=now,
                    details={"recipient": recipient, "ids": ids, "error": messages[0].last_error},
                )
                await self.store.outbox.mark_sent(ids, now=now)
                continue
            try:
                changes, reply = _reply_for(messages)
                metadata = {"event_type": "agendabot_update", "event_payload": {"ids": ids}}
                await asyncio.wait_for(
                    self.poster.post(recipient, reply, metadata=metadata),
                    timeout=self.config.stale_after.total_seconds() / 2,
                )
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
                run.failed[recipient] = error
                permanent = not is_transient(exc)
                unreachable = not permanent
                if permanent:
                    logger.error("updates for %s refused by Slack: %s", recipient, error)
                else:
                    logger.warning(
                        "updates for %s delayed, Slack is unreachable: %s", recipient, error
                    )
                await self.store.outbox.mark_failed(
                    ids, replica=self.replica, error=error, permanent=permanent
                )
                continue
            await self.store.outbox.mark_sent(ids, now=now)
            run.sent[recipient] = len(changes)


def _reply_for(messages: Sequence[OutboxMessage]) -> tuple[list[object], Reply]:
    """One reply for a recipient's pending messages: commitment changes, new documents, or
    both (one post, so a retry never repeats half of it)."""
    changes = [
        c
        for m in messages
        if m.payload.get("type") == PAYLOAD_TYPE
        for c in changes_from_payload(m.payload)
    ]
    notices = [
        n
        for m in messages
        if m.payload.get("type") == NOTICE_TYPE
        for n in notices_from_payload(m.payload)
    ]
    unknown = [m.id for m in messages if m.payload.get("type") not in (PAYLOAD_TYPE, NOTICE_TYPE)]
    if unknown:
        raise ValueError(f"outbox messages {unknown} have an unknown payload type")
    replies = ([update_reply(changes)] if changes else []) + (
        [notice_reply(notices)] if notices else []
    )
    reply = replies[0]
    for other in replies[1:]:
        reply = replace(
            reply, text=f"{reply.text} {other.text}", parts=(*reply.parts, *other.parts)
        )
    return [*changes, *notices], reply
