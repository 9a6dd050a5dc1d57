"""State layer: SQLAlchemy tables, Alembic migrations and repositories.

Entry points: `Store.open(url)` (synchronous; migrates at start-up) and `AsyncStore`
(the same repositories, awaitable). `DATABASE_URL` defaults to `DEFAULT_DATABASE_URL`,
a SQLite file under `data/`; PostgreSQL via `postgresql+psycopg://…`.
"""

from __future__ import annotations

from agendabot.state.aio import AsyncStore
from agendabot.state.db import DEFAULT_DATABASE_URL, create_db_engine
from agendabot.state.errors import InvalidDatabaseUrl, InvalidValue, SchemaTooNew, StateError
from agendabot.state.migrate import current_revision, head_revision, migrate
from agendabot.state.records import (
    AuditEntry,
    LedgerEntry,
    NewMessage,
    OutboxMessage,
    Snapshot,
    StatusChange,
    Subscription,
)
from agendabot.state.store import Store, new_replica_id
from agendabot.state.values import (
    PILLARS,
    STATUSES,
    CommitmentStatus,
    Pillar,
    iso_week,
    normalize_pillar,
    normalize_status,
    normalize_target,
)

__all__ = [
    "DEFAULT_DATABASE_URL",
    "PILLARS",
    "STATUSES",
    "AsyncStore",
    "AuditEntry",
    "CommitmentStatus",
    "InvalidDatabaseUrl",
    "InvalidValue",
    "LedgerEntry",
    "NewMessage",
    "OutboxMessage",
    "Pillar",
    "SchemaTooNew",
    "Snapshot",
    "StateError",
    "StatusChange",
    "Store",
    "Subscription",
    "create_db_engine",
    "current_revision",
    "head_revision",
    "iso_week",
    "migrate",
    "new_replica_id",
    "normalize_pillar",
    "normalize_status",
    "normalize_target",
]
