"""Migrations at start-up: idempotent, concurrent, and refusing a newer schema."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from agendabot.state import (
    SchemaTooNew,
    Store,
    create_db_engine,
    current_revision,
    head_revision,
    migrate,
)
from agendabot.state.tables import Base

TABLES = {
    "alembic_version",
    "announced_documents",
    "audit_log",
    "commitment_snapshots",
    "digest_ledger",
    "handled_events",
    "outbox",
    "replicas",
    "status_changes",
    "subscriptions",
}


def test_migrate_creates_the_schema_and_is_idempotent(db_url: str) -> None:
    head = head_revision()
    assert head is not None
    assert migrate(db_url) == head
    assert migrate(db_url) == head
    engine = create_db_engine(db_url)
    try:
        assert set(inspect(engine).get_table_names()) == TABLES
        assert current_revision(engine) == head
    finally:
        engine.dispose()


def test_the_migrations_match_the_models(db_url: str) -> None:
    """A table changed without a new revision shows up here as a difference."""
    migrate(db_url)
    engine = create_db_engine(db_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_a_newer_schema_is_refused_without_touching_it(db_url: str) -> None:
    migrate(db_url)
    engine = create_db_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        with pytest.raises(SchemaTooNew) as raised:
            migrate(db_url)
        message = str(raised.value)
        assert "nieuwer dan deze agendabot" in message  # Dutch
        assert "newer than this agendabot" in message  # English
        assert "9999_from_the_future" in message
        assert message.count(". ") == 0 and message.endswith(".")  # one sentence
        with pytest.raises(SchemaTooNew):
            Store.open(db_url)
        assert current_revision(engine) == "9999_from_the_future"
    finally:
        engine.dispose()


def _migrate_worker(url: str, start: Any, results: Any) -> None:
    try:
        start.wait(timeout=60)
        results.put(("ok", migrate(url)))
    except Exception as exc:  # report any failure to the test process
        results.put(("error", repr(exc)))


def test_concurrent_start_ups_migrate_once(db_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    processes = 3
    start, results = ctx.Barrier(processes), ctx.Queue()
    workers = [
        ctx.Process(target=_migrate_worker, args=(db_url, start, results)) for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    outcome = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    assert outcome == [("ok", head_revision())] * processes
    with Store.open(db_url) as store:
        assert store.ping()


def test_the_default_url_is_a_sqlite_file_under_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with Store.open() as store:
        assert store.ping()
        assert store.engine.url.get_backend_name() == "sqlite"
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
    assert (tmp_path / "data" / "agendabot.sqlite3").is_file()
