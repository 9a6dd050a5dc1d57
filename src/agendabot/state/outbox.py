"""The update-notification outbox: messages for subscribers, delivered exactly once.

Producers `enqueue` (idempotent per `dedupe_key`); senders `claim_batch`, post, then
`mark_sent` or `mark_failed`. A claim older than `stale_after` (a crashed sender) is taken
over by the next `claim_batch`, like the digest ledger.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, RowMapping, and_, insert, or_, select, update

from agendabot.state.db import insert_ignore
from agendabot.state.records import NewMessage, OutboxMessage
from agendabot.state.repo_base import Repository
from agendabot.state.tables import OutboxRow
from agendabot.state.values import check_aware, check_identifier, check_positive, normalize_target

MAX_ERROR_LENGTH = 2000


class Outbox(Repository):
    def enqueue(
        self,
        recipient: str,
        payload: dict[str, Any],
        *,
        now: datetime,
        dedupe_key: str | None = None,
    ) -> bool:
        """Add one message; False when a message with the same `dedupe_key` already exists."""
        return self.enqueue_many([NewMessage(recipient, payload, dedupe_key)], now=now) == 1

    def enqueue_many(self, messages: Iterable[NewMessage], *, now: datetime) -> int:
        """Add several messages in one transaction; returns how many were new."""
        check_aware(now)
        with self._write() as conn:
            return enqueue_in(conn, messages, now)

    def claim_batch(
        self,
        replica: str,
        *,
        now: datetime,
        stale_after: timedelta,
        limit: int = 100,
    ) -> list[OutboxMessage]:
        """Claim up to `limit` unsent messages for `replica`, oldest first; each is won by one
        caller only. Group the result by `recipient` to batch notifications."""
        replica = check_identifier(replica, "replica")
        check_aware(now)
        check_positive(stale_after, "stale_after")
        claimable = and_(
            OutboxRow.sent_at.is_(None),
            or_(OutboxRow.claimed_at.is_(None), OutboxRow.claimed_at < now - stale_after),
        )
        # Two statements in one transaction: lock up to `limit` claimable rows (skipping rows
        # another claimer holds; SQLite's write lock serialises claimers anyway), then claim
        # them. The claim condition is repeated in the UPDATE, so a row changed by someone
        # else meanwhile is not taken.
        candidates = (
            select(OutboxRow.id)
            .where(claimable)
            .order_by(OutboxRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        with self._write() as conn:
            ids = list(conn.execute(candidates).scalars())
            if not ids:
                return []
            stmt = (
                update(OutboxRow)
                .where(OutboxRow.id.in_(ids), claimable)
                .values(claimed_by=replica, claimed_at=now, attempts=OutboxRow.attempts + 1)
                .returning(*OutboxRow.__table__.columns)
            )
            rows = conn.execute(stmt).mappings().all()
        return sorted((_message(row) for row in rows), key=lambda message: message.id)

    def mark_sent(self, ids: Sequence[int], *, now: datetime) -> int:
        """Record messages as delivered; returns how many this call marked."""
        check_aware(now)
        return self._update(
            OutboxRow.id.in_(ids), OutboxRow.sent_at.is_(None), values={"sent_at": now}
        )

    def mark_failed(
        self, ids: Sequence[int], *, replica: str, error: str, permanent: bool = False
    ) -> int:
        """Release this replica's claims on `ids` so the next `claim_batch` retries them;
        `permanent` (Slack refused the recipient) adds one to their `permanent_failures`."""
        return self._update(
            OutboxRow.id.in_(ids),
            OutboxRow.sent_at.is_(None),
            OutboxRow.claimed_by == replica,
            values={
                "claimed_by": None,
                "claimed_at": None,
                "last_error": error[:MAX_ERROR_LENGTH],
                "permanent_failures": OutboxRow.permanent_failures + (1 if permanent else 0),
            },
        )

    def pending(self) -> list[OutboxMessage]:
        """Every message not yet delivered (claimed or not), oldest first."""
        stmt = select(OutboxRow).where(OutboxRow.sent_at.is_(None)).order_by(OutboxRow.id)
        with self._read() as conn:
            return [_message(row) for row in conn.execute(stmt).mappings()]

    def _update(self, *conditions: ColumnElement[bool], values: dict[str, Any]) -> int:
        with self._write() as conn:
            return conn.execute(update(OutboxRow).where(*conditions).values(**values)).rowcount


def enqueue_in(conn: Connection, messages: Iterable[NewMessage], now: datetime) -> int:
    """Insert messages within the caller's transaction; duplicates by `dedupe_key` are skipped."""
    added = 0
    for message in messages:
        values = {
            "recipient": normalize_target(message.recipient),
            "payload": message.payload,
            "dedupe_key": message.dedupe_key,
            "created_at": now,
            "attempts": 0,
        }
        if message.dedupe_key is None:
            conn.execute(insert(OutboxRow).values(**values))
            added += 1
        else:
            added += insert_ignore(conn, OutboxRow, values)
    return added


def _message(row: RowMapping) -> OutboxMessage:
    return OutboxMessage(
        id=row["id"],
        recipient=row["recipient"],
        payload=row["payload"],
        dedupe_key=row["dedupe_key"],
        created_at=row["created_at"],
        claimed_at=row["claimed_at"],
        claimed_by=row["claimed_by"],
        sent_at=row["sent_at"],
        attempts=row["attempts"],
        last_error=row["last_error"],
        permanent_failures=row["permanent_failures"],
    )
