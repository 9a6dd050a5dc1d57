"""Engine creation from a database URL, and the small SQL helpers repositories share.

Design: a synchronous SQLAlchemy engine with short transactions. Async callers go through
`agendabot.state.aio.AsyncStore`, which runs each repository call in a worker thread
(`asyncio.to_thread`); Alembic and the CLI use the same engine directly.

SQLite (the default, `sqlite:///data/agendabot.sqlite3`, relative to the working directory):
WAL journal, a busy timeout, and `BEGIN IMMEDIATE` for transactions that write, so two
processes queue for the write lock instead of failing with "database is locked" halfway.
PostgreSQL: `postgresql+psycopg://user:pass@host/db` (psycopg 3); `postgresql://` and
`postgres://` are read as psycopg 3 too.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from agendabot.state.errors import InvalidDatabaseUrl
from agendabot.state.tables import Base

DEFAULT_DATABASE_URL: Final = "sqlite:///data/agendabot.sqlite3"
SQLITE_BUSY_TIMEOUT_MS: Final = 15_000
POSTGRES_CONNECT_TIMEOUT_S: Final = 5

# Execution option marking a read-only transaction (plain `BEGIN` on SQLite, not IMMEDIATE).
READ_ONLY: Final = "agendabot_read_only"


def parse_url(url: str | None) -> URL:
    """Parse and normalise a database URL; `None` or "" means the SQLite default."""
    raw = (url or "").strip() or DEFAULT_DATABASE_URL
    try:
        parsed = make_url(raw)
    except ArgumentError:
        raise InvalidDatabaseUrl(
            "DATABASE_URL is geen geldige database-URL / is not a valid database URL; "
            "use sqlite:///pad/naar/bestand.sqlite3 or postgresql+psycopg://user@host/db."
        ) from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgres":
        backend = "postgresql"
    if backend == "postgresql" and driver in ("", "psycopg"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        return parsed.set(drivername="sqlite")
    raise InvalidDatabaseUrl(
        f"DATABASE_URL gebruikt '{parsed.drivername}', agendabot kent alleen SQLite en PostgreSQL "
        "/ only sqlite:/// and postgresql+psycopg:// URLs are supported."
    )


def create_db_engine(url: str | None = None, **engine_options: Any) -> Engine:
    """An engine for `url` (default: the SQLite file under `data/`, created as needed)."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, engine_options)
    connect_args = {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S}
    return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args, **engine_options)


def _sqlite_engine(parsed: URL, engine_options: Mapping[str, Any]) -> Engine:
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        parsed,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        **engine_options,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Take over transaction control from the sqlite3 module (it would not BEGIN before
        # DDL); the "begin" listener below emits BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _enable_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        read_only = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def _enable_wal(cursor: sqlite3.Cursor) -> None:
    """Switch the file to WAL (a persistent setting). Switching needs a moment of exclusive
    access and SQLite then answers "database is locked" without waiting for the busy
    timeout, so a process starting next to another one retries for a while."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() in ("wal", "memory"):
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def read_only(engine: Engine) -> Engine:
    """The same engine (same pool) for transactions that only read."""
    return engine.execution_options(**{READ_ONLY: True})


def ping(engine: Engine) -> bool:
    """True when the database answers `SELECT 1`; False (never an exception) when it is away."""
    try:
        with read_only(engine).connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:  # any driver, network or pool failure means "not healthy"
        return False
    return True


def insert_ignore(conn: Connection, table: type[Base], values: Mapping[str, Any]) -> bool:
    """`INSERT … ON CONFLICT DO NOTHING`; True when the row was inserted by this call.

    Uses RETURNING rather than `rowcount`, which psycopg 3 does not report for this statement
    through SQLAlchemy.
    """
    key = table.__mapper__.primary_key
    if conn.dialect.name == "postgresql":
        pg_stmt = pg_insert(table).values(**values).on_conflict_do_nothing().returning(*key)
        return conn.execute(pg_stmt).first() is not None
    lite_stmt = sqlite_insert(table).values(**values).on_conflict_do_nothing().returning(*key)
    return conn.execute(lite_stmt).first() is not None


def upsert(
    conn: Connection, table: type[Base], values: Mapping[str, Any], key: Sequence[str]
) -> None:
    """`INSERT … ON CONFLICT (key) DO UPDATE` setting every non-key column of `values`."""
    if conn.dialect.name == "postgresql":
        pg_stmt = pg_insert(table).values(**values)
        changes = {name: pg_stmt.excluded[name] for name in values if name not in key}
        conn.execute(pg_stmt.on_conflict_do_update(index_elements=list(key), set_=changes))
        return
    lite_stmt = sqlite_insert(table).values(**values)
    lite_changes = {name: lite_stmt.excluded[name] for name in values if name not in key}
    conn.execute(lite_stmt.on_conflict_do_update(index_elements=list(key), set_=lite_changes))
