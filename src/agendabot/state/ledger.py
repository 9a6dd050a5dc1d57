"""The digest ledger: one weekly digest per (recipient, ISO week), posted exactly once.

Protocol for a sender (any number of replicas, each with its own `replica` id):

1. `claim(recipient, week, replica, now=…, stale_after=…)`; go on only when it returns True.
2. Post the digest.
3. `mark_sent(...)` on success, or `mark_failed(...)` to release the claim for a retry.

A claim whose holder crashed between 1 and 3 is taken over by the next `claim` once it is
older than `stale_after`. Pick `stale_after` well above the longest time a send can take
(including Slack's 429 back-off): a takeover of a claim that is still being worked on
would post twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import RowMapping, and_, or_, select, update

from agendabot.state.db import insert_ignore
from agendabot.state.records import LedgerEntry
from agendabot.state.repo_base import Repository
from agendabot.state.tables import LedgerRow
from agendabot.state.values import (
    check_aware,
    check_identifier,
    check_iso_week,
    check_positive,
    normalize_target,
)

MAX_ERROR_LENGTH = 2000


class DigestLedger(Repository):
    def claim(
        self,
        recipient: str,
        week: str,
        replica: str,
        *,
        now: datetime,
        stale_after: timedelta,
    ) -> bool:
        """True only when this caller owns the (recipient, week) digest now.

        Owning means: the row was absent and this call inserted it, or it was released by
        `mark_failed`, or its claim is older than `stale_after` (the holder is presumed dead).
        A sent digest is never claimed again.
        """
        recipient, week = normalize_target(recipient), check_iso_week(week)
        replica = check_identifier(replica, "replica")
        check_aware(now)
        check_positive(stale_after, "stale_after")
        with self._write() as conn:
            inserted = insert_ignore(
                conn,
                LedgerRow,
                {
                    "recipient": recipient,
                    "iso_week": week,
                    "state": "claimed",
                    "claimed_at": now,
                    "claimed_by": replica,
                    "attempts": 1,
                },
            )
            if inserted:
                return True
            taken_over = conn.execute(
                update(LedgerRow)
                .where(
                    LedgerRow.recipient == recipient,
                    LedgerRow.iso_week == week,
                    or_(
                        LedgerRow.state == "failed",
                        and_(
                            LedgerRow.state == "claimed",
                            or_(
                                LedgerRow.claimed_at.is_(None),
                                LedgerRow.claimed_at < now - stale_after,
                            ),
                        ),
                    ),
                )
                .values(
                    state="claimed",
                    claimed_at=now,
                    claimed_by=replica,
                    attempts=LedgerRow.attempts + 1,
                )
            ).rowcount
            return taken_over == 1

    def mark_sent(
        self,
        recipient: str,
        week: str,
        *,
        now: datetime,
        message_ref: str | None = None,
    ) -> bool:
        """Record the digest as posted (with e.g. Slack's message `ts`); True when this call did."""
        recipient, week = normalize_target(recipient), check_iso_week(week)
        check_aware(now)
        with self._write() as conn:
            changed = conn.execute(
                update(LedgerRow)
                .where(
                    LedgerRow.recipient == recipient,
                    LedgerRow.iso_week == week,
                    LedgerRow.state != "sent",
                )
                .values(state="sent", sent_at=now, message_ref=message_ref, last_error=None)
            ).rowcount
        return changed == 1

    def mark_failed(
        self, recipient: str, week: str, *, replica: str, error: str, permanent: bool = False
    ) -> bool:
        """Release this replica's claim after a failed post, so a later `claim` retries at once.

        `permanent` (Slack refused the recipient, e.g. `channel_not_found`) adds one to
        `permanent_failures`, which a sender caps; a transient failure (429, 5xx, a dropped
        connection) does not. Returns False when the claim is no longer this replica's.
        """
        recipient, week = normalize_target(recipient), check_iso_week(week)
        with self._write() as conn:
            changed = conn.execute(
                update(LedgerRow)
                .where(
                    LedgerRow.recipient == recipient,
                    LedgerRow.iso_week == week,
                    LedgerRow.state == "claimed",
                    LedgerRow.claimed_by == replica,
                )
                .values(
                    state="failed",
                    claimed_at=None,
                    claimed_by=None,
                    last_error=error[:MAX_ERROR_LENGTH],
                    permanent_failures=LedgerRow.permanent_failures + (1 if permanent else 0),
                )
            ).rowcount
        return changed == 1

    def get(self, recipient: str, week: str) -> LedgerEntry | None:
        recipient, week = normalize_target(recipient), check_iso_week(week)
        stmt = select(LedgerRow).where(LedgerRow.recipient == recipient, LedgerRow.iso_week == week)
        with self._read() as conn:
            row = conn.execute(stmt).mappings().first()
        return _entry(row) if row is not None else None

    def entries(self, week: str) -> list[LedgerEntry]:
        """Every ledger row of one week, by recipient."""
        return self._select(check_iso_week(week), unsent_only=False)

    def unsent(self, week: str) -> list[LedgerEntry]:
        """Rows of `week` that are claimed or failed but not sent (candidates for a retry).

        Recipients without any row for the week are not listed: compare with the subscriptions.
        """
        return self._select(check_iso_week(week), unsent_only=True)

    def _select(self, week: str, *, unsent_only: bool) -> list[LedgerEntry]:
        stmt = select(LedgerRow).where(LedgerRow.iso_week == week).order_by(LedgerRow.recipient)
        if unsent_only:
            stmt = stmt.where(LedgerRow.state != "sent")
        with self._read() as conn:
            return [_entry(row) for row in conn.execute(stmt).mappings()]


def _entry(row: RowMapping) -> LedgerEntry:
    return LedgerEntry(
        recipient=row["recipient"],
        iso_week=row["iso_week"],
        state=row["state"],
        claimed_at=row["claimed_at"],
        claimed_by=row["claimed_by"],
        sent_at=row["sent_at"],
        attempts=row["attempts"],
        last_error=row["last_error"],
        message_ref=row["message_ref"],
        permanent_failures=row["permanent_failures"],
    )
