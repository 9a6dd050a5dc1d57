"""Running bots announce themselves: `agendabot serve` beats every `HEARTBEAT` and leaves on
shutdown, so `agendabot restore` can tell a live database from an idle one."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import delete, select

from agendabot.state.db import upsert
from agendabot.state.repo_base import Repository
from agendabot.state.tables import ReplicaRow
from agendabot.state.values import check_aware

HEARTBEAT: Final = timedelta(seconds=30)
# A replica that has not beaten for this long is taken for dead (a crash leaves its row).
ALIVE_WITHIN: Final = 3 * HEARTBEAT


class Replicas(Repository):
    def beat(self, replica: str, *, started_at: datetime, now: datetime) -> None:
        """Record that `replica` is alive at `now`."""
        check_aware(now)
        check_aware(started_at)
        values = {"replica": replica, "started_at": started_at, "seen_at": now}
        with self._write() as conn:
            upsert(conn, ReplicaRow, values, key=("replica",))

    def leave(self, replica: str) -> None:
        """A clean shutdown: `replica` no longer runs."""
        with self._write() as conn:
            conn.execute(delete(ReplicaRow).where(ReplicaRow.replica == replica))

    def alive(self, now: datetime, *, within: timedelta = ALIVE_WITHIN) -> dict[str, datetime]:
        """The replicas seen within `within` before `now`, with when each was last seen."""
        check_aware(now)
        with self._read() as conn:
            rows = conn.execute(
                select(ReplicaRow.replica, ReplicaRow.seen_at).where(
                    ReplicaRow.seen_at >= now - within
                )
            ).all()
        return {row.replica: row.seen_at for row in rows}

    def forget_all(self) -> int:
        """Drop every row (after a restore: the copied rows name processes of another time)."""
        with self._write() as conn:
            return conn.execute(delete(ReplicaRow)).rowcount
