"""Shared pytest fixtures. Keep each fixture small and documented; add yours below.

Databases
- `postgres_url` (session): a throwaway PostgreSQL cluster, see `tests/postgres.py`.
- `db_url` (function, parametrised "sqlite" / "postgresql"): an empty database of its own
  per test, not migrated; tests using it run once on each backend.
- `store` (function, parametrised "sqlite" / "postgresql"): a migrated, empty
  `agendabot.state.Store`, closed afterwards. On PostgreSQL all tests share one migrated
  database whose tables are emptied before each test (much faster than a database each).
- `sqlite_url` (function): an empty SQLite file database only.

Content
- `content_copy` (function): a copy of the repository's `content/` (without the sources) in
  the test's temporary directory, to change and reload.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from agendabot.content.knowledge import load_knowledge
from agendabot.core.bot.knowledge import Knowledge
from agendabot.state import Store, migrate
from agendabot.state.tables import Base
from postgres import STARTUP_SECONDS, create_database, drop_database, postgres_url

__all__ = ["postgres_url"]  # re-exported fixture

# Slack emulators: `no_proxy_env`, `slack_web_api`, `socket_mode`, `slack_client`; the log of
# the whole run for the secret-grep test (`tests/log_audit.py`).
pytest_plugins = ["tests.slack.plugin", "tests.log_audit"]


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The shipped content, loaded once for the whole run (a test module that needs other
    knowledge defines its own `knowledge`). It is immutable: tests vary it with `replace`."""
    return load_knowledge()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    content = Path(__file__).resolve().parents[1] / "content"
    shutil.copytree(content, target, ignore=shutil.ignore_patterns("sources"))
    return target


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """An empty SQLite database file in the test's temporary directory."""
    return f"sqlite:///{tmp_path / 'agendabot.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or a fresh PostgreSQL database on the test cluster."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'agendabot.sqlite3'}"
        return
    url = create_database(request.getfixturevalue("postgres_url"))
    try:
        yield url
    finally:
        drop_database(url)


@pytest.fixture(scope="session")
def _migrated_postgres_url(postgres_url: str) -> Iterator[str]:
    """One migrated PostgreSQL database for the `store` fixture, for the whole session."""
    url = create_database(postgres_url)
    migrate(url)
    try:
        yield url
    finally:
        drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty `Store`: once on a SQLite file, once on PostgreSQL."""
    if request.param == "sqlite":
        opened = Store.open(f"sqlite:///{tmp_path / 'agendabot.sqlite3'}")
    else:
        opened = Store.open(request.getfixturevalue("_migrated_postgres_url"))
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        with opened.engine.begin() as conn:
            conn.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY")
    try:
        yield opened
    finally:
        opened.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report how long the throwaway PostgreSQL cluster took to start (when one was used)."""
    if STARTUP_SECONDS:
        terminalreporter.write_line(
            f"PostgreSQL test cluster: started in {STARTUP_SECONDS[0]:.2f} s (initdb + pg_ctl)"
        )
