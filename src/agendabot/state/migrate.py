"""Schema migrations (Alembic), run programmatically at start-up.

`migrate(url)` brings the database to the newest revision this code knows. It is idempotent
and safe when several processes start at once: on PostgreSQL the upgrade runs inside one
transaction holding an advisory lock, on SQLite inside a `BEGIN IMMEDIATE` transaction (the
write lock). A database stamped with a revision this code does not know — migrated by a
newer agendabot — is refused with `SchemaTooNew` before anything is changed.

Developers make a new revision with `python -m agendabot.state.migrations revision
--autogenerate -m "wat er verandert"` (uses `DATABASE_URL`, default the SQLite file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from agendabot.state.db import create_db_engine, read_only
from agendabot.state.errors import SchemaTooNew

MIGRATIONS_DIR: Final = Path(__file__).with_name("migrations")
# pg_advisory_xact_lock key: any constant bigint shared by every agendabot process.
ADVISORY_LOCK_KEY: Final = 0x616762_6D6967  # "agb" "mig"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic `Config` for the package's migrations, without any alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """The newest revision this code knows."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> frozenset[str]:
    """Every revision this code knows (a database at any other was migrated by a newer one)."""
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(revision.revision for revision in script.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with read_only(engine).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(target: str | Engine | None = None) -> str | None:
    """Upgrade the database at `target` (URL or engine) to the head revision; return it.

    Raises `SchemaTooNew` when the database is at a revision this code does not know.
    """
    engine = target if isinstance(target, Engine) else create_db_engine(target)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
            config = alembic_config(conn)
            _refuse_unknown_revisions(conn, ScriptDirectory.from_config(config))
            command.upgrade(config, "head")
    finally:
        if engine is not target:
            engine.dispose()
    return head_revision()


def _refuse_unknown_revisions(conn: Connection, script: ScriptDirectory) -> None:
    known = {revision.revision for revision in script.walk_revisions()}
    for found in MigrationContext.configure(conn).get_current_heads():
        if found not in known:
            raise SchemaTooNew(found, script.get_current_head())
