"""What every repository shares: an engine, and short read or write transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert

from agendabot.state.db import read_only
from agendabot.state.tables import AuditRow


class Repository:
    """Base class: one short transaction per public method, no clock inside."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._reader = read_only(engine)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._reader.begin() as conn:
            yield conn


def audit(conn: Connection, actor: str, action: str, at: datetime, details: dict[str, Any]) -> None:
    """Append an audit entry inside the caller's transaction."""
    conn.execute(insert(AuditRow).values(actor=actor, action=action, at=at, details=details))
