"""Handled Slack event ids, so a retried or replayed event is answered once (all replicas)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import delete

from agendabot.state.db import insert_ignore
from agendabot.state.repo_base import Repository
from agendabot.state.tables import HandledEventRow
from agendabot.state.values import check_aware

DEFAULT_RETENTION: Final = timedelta(hours=2)
MIN_RETENTION: Final = timedelta(hours=1)  # Slack retries and Socket Mode replays fit in this
MAX_EVENT_ID_LENGTH: Final = 255


class HandledEvents(Repository):
    def seen_event(
        self, event_id: str, now: datetime, *, retention: timedelta = DEFAULT_RETENTION
    ) -> bool:
        """True the first time `event_id` is offered (handle it), False on every repeat.

        Atomic across processes (unique key). Ids older than `retention` are pruned in the
        same transaction, so the table stays small without a separate job.
        """
        if not event_id or len(event_id) > MAX_EVENT_ID_LENGTH:
            raise ValueError(f"event_id must be 1..{MAX_EVENT_ID_LENGTH} characters")
        check_aware(now)
        _check_retention(retention)
        with self._write() as conn:
            conn.execute(delete(HandledEventRow).where(HandledEventRow.seen_at < now - retention))
            return insert_ignore(conn, HandledEventRow, {"event_id": event_id, "seen_at": now})

    def prune(self, now: datetime, *, retention: timedelta = DEFAULT_RETENTION) -> int:
        """Forget event ids older than `retention`; returns how many were removed."""
        check_aware(now)
        _check_retention(retention)
        with self._write() as conn:
            return conn.execute(
                delete(HandledEventRow).where(HandledEventRow.seen_at < now - retention)
            ).rowcount


def _check_retention(retention: timedelta) -> None:
    if retention < MIN_RETENTION:
        raise ValueError(f"retention must be at least {MIN_RETENTION}, got {retention}")
