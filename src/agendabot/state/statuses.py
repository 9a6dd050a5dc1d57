"""Commitment status changes (open, afgerond, vervallen): append-only history, who and when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import RowMapping, func, insert, select

from agendabot.state.records import StatusChange
from agendabot.state.repo_base import Repository, audit
from agendabot.state.tables import StatusChangeRow
from agendabot.state.values import (
    check_aware,
    check_identifier,
    check_link,
    check_note,
    normalize_status,
)


class Statuses(Repository):
    """Every change is kept; the current status is the latest change (highest id).

    A commitment without any change has no row: its status is whatever the content says
    (normally "open"). Each change is also audited as "status.<status>".
    """

    def record(
        self,
        commitment_id: str,
        status: str,
        *,
        by: str,
        now: datetime,
        link: str | None = None,
        note: str | None = None,
    ) -> StatusChange:
        """Append a status change and return it (with its id); validates every field."""
        change = StatusChange(
            commitment_id=check_identifier(commitment_id, "toezegging"),
            status=normalize_status(status),
            by=check_identifier(by, "gebruiker"),
            at=check_aware(now),
            link=check_link(link),
            note=check_note(note),
        )
        with self._write() as conn:
            new_id = conn.execute(
                insert(StatusChangeRow)
                .values(
                    commitment_id=change.commitment_id,
                    status=change.status,
                    link=change.link,
                    changed_by=change.by,
                    changed_at=change.at,
                    note=change.note,
                )
                .returning(StatusChangeRow.id)
            ).scalar_one()
            details = {"commitment_id": change.commitment_id, "link": change.link}
            if change.note:
                details["note"] = change.note
            audit(conn, change.by, f"status.{change.status}", change.at, details)
        return StatusChange(
            commitment_id=change.commitment_id,
            status=change.status,
            by=change.by,
            at=change.at,
            link=change.link,
            note=change.note,
            id=new_id,
        )

    def history(self, commitment_id: str) -> list[StatusChange]:
        """All changes of one commitment, oldest first."""
        stmt = (
            select(StatusChangeRow)
            .where(StatusChangeRow.commitment_id == commitment_id)
            .order_by(StatusChangeRow.id)
        )
        with self._read() as conn:
            return [_record(row) for row in conn.execute(stmt).mappings()]

    def current_status(self, commitment_id: str) -> StatusChange | None:
        """The latest change of one commitment, or None when it never changed."""
        stmt = (
            select(StatusChangeRow)
            .where(StatusChangeRow.commitment_id == commitment_id)
            .order_by(StatusChangeRow.id.desc())
            .limit(1)
        )
        with self._read() as conn:
            row = conn.execute(stmt).mappings().first()
        return _record(row) if row is not None else None

    def current_statuses(self) -> dict[str, StatusChange]:
        """The latest change of every commitment that has one, in a single query."""
        latest = (
            select(func.max(StatusChangeRow.id))
            .group_by(StatusChangeRow.commitment_id)
            .scalar_subquery()
        )
        stmt = select(StatusChangeRow).where(StatusChangeRow.id.in_(latest))
        with self._read() as conn:
            return {row["commitment_id"]: _record(row) for row in conn.execute(stmt).mappings()}


def _record(row: RowMapping) -> StatusChange:
    return StatusChange(
        commitment_id=row["commitment_id"],
        status=normalize_status(row["status"]),
        by=row["changed_by"],
        at=row["changed_at"],
        link=row["link"],
        note=row["note"],
        id=row["id"],
    )
