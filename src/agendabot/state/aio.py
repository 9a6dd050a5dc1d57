"""Async access to the state layer for the Slack app and the scheduler.

Why a synchronous engine behind `asyncio.to_thread` rather than SQLAlchemy's asyncio
extension: every transaction here is short (one to three statements), Alembic and the CLI
are synchronous anyway, psycopg 3 and sqlite3 need no extra driver (aiosqlite is itself a
thread per connection), and one code path serves sync and async callers alike. The event
loop never waits on the database; each call below runs in the default thread pool.

Every method mirrors the synchronous repository method of the same name (same arguments,
same validation errors), e.g. `await astore.subscriptions.subscribe(...)` runs
`Store.subscriptions.subscribe(...)` in a worker thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from agendabot.state.audit import AuditLog
from agendabot.state.documents import AnnouncedDocuments
from agendabot.state.events import DEFAULT_RETENTION, HandledEvents
from agendabot.state.ledger import DigestLedger
from agendabot.state.outbox import Outbox
from agendabot.state.records import (
    AuditEntry,
    LedgerEntry,
    NewMessage,
    OutboxMessage,
    Snapshot,
    StatusChange,
    Subscription,
)
from agendabot.state.replicas import Replicas
from agendabot.state.snapshots import Snapshots
from agendabot.state.statuses import Statuses
from agendabot.state.store import Store
from agendabot.state.subscriptions import Subscriptions


class AsyncSubscriptions:
    def __init__(self, repo: Subscriptions) -> None:
        self._repo = repo

    async def subscribe(self, target: str, pillar: str | int, *, by: str, now: datetime) -> bool:
        return await asyncio.to_thread(self._repo.subscribe, target, pillar, by=by, now=now)

    async def unsubscribe(self, target: str, pillar: str | int, *, by: str, now: datetime) -> bool:
        return await asyncio.to_thread(self._repo.unsubscribe, target, pillar, by=by, now=now)

    async def for_target(self, target: str) -> list[Subscription]:
        return await asyncio.to_thread(self._repo.for_target, target)

    async def for_pillar(self, pillar: str | int) -> list[Subscription]:
        return await asyncio.to_thread(self._repo.for_pillar, pillar)

    async def all(self) -> list[Subscription]:
        return await asyncio.to_thread(self._repo.all)


class AsyncStatuses:
    def __init__(self, repo: Statuses) -> None:
        self._repo = repo

    async def record(
        self,
        commitment_id: str,
        status: str,
        *,
        by: str,
        now: datetime,
        link: str | None = None,
        note: str | None = None,
    ) -> StatusChange:
        return await asyncio.to_thread(
            self._repo.record, commitment_id, status, by=by, now=now, link=link, note=note
        )

    async def history(self, commitment_id: str) -> list[StatusChange]:
        return await asyncio.to_thread(self._repo.history, commitment_id)

    async def current_status(self, commitment_id: str) -> StatusChange | None:
        return await asyncio.to_thread(self._repo.current_status, commitment_id)

    async def current_statuses(self) -> dict[str, StatusChange]:
        return await asyncio.to_thread(self._repo.current_statuses)


class AsyncSnapshots:
    def __init__(self, repo: Snapshots) -> None:
        self._repo = repo

    async def load(self) -> dict[str, Snapshot]:
        return await asyncio.to_thread(self._repo.load)

    async def save(
        self,
        snapshots: Sequence[Snapshot],
        *,
        now: datetime,
        messages: Iterable[NewMessage] = (),
        complete: bool = True,
    ) -> int:
        return await asyncio.to_thread(
            self._repo.save, snapshots, now=now, messages=list(messages), complete=complete
        )


class AsyncDigestLedger:
    def __init__(self, repo: DigestLedger) -> None:
        self._repo = repo

    async def claim(
        self, recipient: str, week: str, replica: str, *, now: datetime, stale_after: timedelta
    ) -> bool:
        return await asyncio.to_thread(
            self._repo.claim, recipient, week, replica, now=now, stale_after=stale_after
        )

    async def mark_sent(
        self, recipient: str, week: str, *, now: datetime, message_ref: str | None = None
    ) -> bool:
        return await asyncio.to_thread(
            self._repo.mark_sent, recipient, week, now=now, message_ref=message_ref
        )

    async def mark_failed(
        self, recipient: str, week: str, *, replica: str, error: str, permanent: bool = False
    ) -> bool:
        return await asyncio.to_thread(
            self._repo.mark_failed,
            recipient,
            week,
            replica=replica,
            error=error,
            permanent=permanent,
        )

    async def get(self, recipient: str, week: str) -> LedgerEntry | None:
        return await asyncio.to_thread(self._repo.get, recipient, week)

    async def entries(self, week: str) -> list[LedgerEntry]:
        return await asyncio.to_thread(self._repo.entries, week)

    async def unsent(self, week: str) -> list[LedgerEntry]:
        return await asyncio.to_thread(self._repo.unsent, week)


class AsyncOutbox:
    def __init__(self, repo: Outbox) -> None:
        self._repo = repo

    async def enqueue(
        self,
        recipient: str,
        payload: dict[str, Any],
        *,
        now: datetime,
        dedupe_key: str | None = None,
    ) -> bool:
        return await asyncio.to_thread(
            self._repo.enqueue, recipient, payload, now=now, dedupe_key=dedupe_key
        )

    async def enqueue_many(self, messages: Iterable[NewMessage], *, now: datetime) -> int:
        return await asyncio.to_thread(self._repo.enqueue_many, list(messages), now=now)

    async def claim_batch(
        self, replica: str, *, now: datetime, stale_after: timedelta, limit: int = 100
    ) -> list[OutboxMessage]:
        return await asyncio.to_thread(
            self._repo.claim_batch, replica, now=now, stale_after=stale_after, limit=limit
        )

    async def mark_sent(self, ids: Sequence[int], *, now: datetime) -> int:
        return await asyncio.to_thread(self._repo.mark_sent, ids, now=now)

    async def mark_failed(
        self, ids: Sequence[int], *, replica: str, error: str, permanent: bool = False
    ) -> int:
        return await asyncio.to_thread(
            self._repo.mark_failed, ids, replica=replica, error=error, permanent=permanent
        )

    async def pending(self) -> list[OutboxMessage]:
        return await asyncio.to_thread(self._repo.pending)


class AsyncHandledEvents:
    def __init__(self, repo: HandledEvents) -> None:
        self._repo = repo

    async def seen_event(
        self, event_id: str, now: datetime, *, retention: timedelta = DEFAULT_RETENTION
    ) -> bool:
        return await asyncio.to_thread(self._repo.seen_event, event_id, now, retention=retention)

    async def prune(self, now: datetime, *, retention: timedelta = DEFAULT_RETENTION) -> int:
        return await asyncio.to_thread(self._repo.prune, now, retention=retention)


class AsyncAuditLog:
    def __init__(self, repo: AuditLog) -> None:
        self._repo = repo

    async def record(
        self, actor: str, action: str, *, now: datetime, details: dict[str, Any] | None = None
    ) -> None:
        await asyncio.to_thread(self._repo.record, actor, action, now=now, details=details)

    async def recent(self, limit: int = 100, *, action: str | None = None) -> list[AuditEntry]:
        return await asyncio.to_thread(self._repo.recent, limit, action=action)


class AsyncReplicas:
    def __init__(self, repo: Replicas) -> None:
        self._repo = repo

    async def beat(self, replica: str, *, started_at: datetime, now: datetime) -> None:
        await asyncio.to_thread(self._repo.beat, replica, started_at=started_at, now=now)

    async def leave(self, replica: str) -> None:
        await asyncio.to_thread(self._repo.leave, replica)


class AsyncAnnouncedDocuments:
    def __init__(self, repo: AnnouncedDocuments) -> None:
        self._repo = repo

    async def known(self) -> set[str]:
        return await asyncio.to_thread(self._repo.known)

    async def record(
        self, document_ids: Sequence[str], *, now: datetime, messages: Iterable[NewMessage] = ()
    ) -> int:
        return await asyncio.to_thread(
            self._repo.record, document_ids, now=now, messages=list(messages)
        )


class AsyncStore:
    """The async face of a `Store` (same repositories, awaitable methods)."""

    def __init__(self, store: Store) -> None:
        self.sync = store
        self.subscriptions = AsyncSubscriptions(store.subscriptions)
        self.statuses = AsyncStatuses(store.statuses)
        self.snapshots = AsyncSnapshots(store.snapshots)
        self.ledger = AsyncDigestLedger(store.ledger)
        self.outbox = AsyncOutbox(store.outbox)
        self.events = AsyncHandledEvents(store.events)
        self.audit = AsyncAuditLog(store.audit)
        self.replicas = AsyncReplicas(store.replicas)
        self.documents = AsyncAnnouncedDocuments(store.documents)

    @classmethod
    async def open(cls, url: str | None = None, *, run_migrations: bool = True) -> AsyncStore:
        """`Store.open` in a worker thread (migrations included)."""
        store = await asyncio.to_thread(Store.open, url, run_migrations=run_migrations)
        return cls(store)

    async def ping(self) -> bool:
        return await asyncio.to_thread(self.sync.ping)

    async def close(self) -> None:
        await asyncio.to_thread(self.sync.close)
