"""Commitment snapshots: what subscribers were last told about each commitment.

After a content update (or a status change) the caller compares the current commitments
with `load()`, composes notifications for what changed (due date moved, status changed,
new commitment), and calls `save()` with the new snapshots *and* those notifications: both
land in one transaction, so a crash never loses or doubles them. Give each notification a
deterministic `dedupe_key` (e.g. "update:<recipient>:<commitment id>:<new hash>"), so two
replicas that notice the same change enqueue it once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import delete, select

from agendabot.state.db import upsert
from agendabot.state.outbox import enqueue_in
from agendabot.state.records import NewMessage, Snapshot
from agendabot.state.repo_base import Repository
from agendabot.state.tables import SnapshotRow
from agendabot.state.values import check_aware, check_identifier


class Snapshots(Repository):
    def load(self) -> dict[str, Snapshot]:
        """The last-notified snapshot of every commitment, by commitment id."""
        with self._read() as conn:
            rows = conn.execute(select(SnapshotRow)).mappings().all()
        return {
            row["commitment_id"]: Snapshot(
                commitment_id=row["commitment_id"],
                pillar=row["pillar"],
                due=row["due"],
                status=row["status"],
                content_hash=row["content_hash"],
            )
            for row in rows
        }

    def save(
        self,
        snapshots: Sequence[Snapshot],
        *,
        now: datetime,
        messages: Iterable[NewMessage] = (),
        complete: bool = True,
    ) -> int:
        """Store `snapshots` and enqueue `messages` atomically; returns how many messages were new.

        With `complete` (the default) `snapshots` is the whole current set: snapshots of
        commitments not in it are removed.
        """
        check_aware(now)
        ids = [check_identifier(snapshot.commitment_id, "toezegging") for snapshot in snapshots]
        with self._write() as conn:
            for snapshot in snapshots:
                upsert(
                    conn,
                    SnapshotRow,
                    {
                        "commitment_id": snapshot.commitment_id,
                        "pillar": snapshot.pillar,
                        "due": snapshot.due,
                        "status": snapshot.status,
                        "content_hash": snapshot.content_hash,
                        "updated_at": now,
                    },
                    key=("commitment_id",),
                )
            if complete:
                conn.execute(delete(SnapshotRow).where(SnapshotRow.commitment_id.not_in(ids)))
            return enqueue_in(conn, messages, now)
