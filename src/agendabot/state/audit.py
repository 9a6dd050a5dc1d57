"""The audit log: who did what, when (status changes and subscriptions are added by their
repositories; callers add others, such as content reloads or refused attempts)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from agendabot.state.records import AuditEntry
from agendabot.state.repo_base import Repository, audit
from agendabot.state.tables import AuditRow
from agendabot.state.values import check_aware, check_identifier


class AuditLog(Repository):
    def record(
        self, actor: str, action: str, *, now: datetime, details: dict[str, Any] | None = None
    ) -> None:
        """Append an entry; `details` must be JSON-serialisable."""
        actor = check_identifier(actor, "gebruiker")
        action = check_identifier(action, "actie")
        check_aware(now)
        with self._write() as conn:
            audit(conn, actor, action, now, dict(details or {}))

    def recent(self, limit: int = 100, *, action: str | None = None) -> list[AuditEntry]:
        """The newest entries first, optionally only one action (e.g. "status.afgerond")."""
        stmt = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if action is not None:
            stmt = stmt.where(AuditRow.action == action)
        with self._read() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [
            AuditEntry(
                actor=row["actor"],
                at=row["at"],
                action=row["action"],
                details=row["details"],
                id=row["id"],
            )
            for row in rows
        ]
