"""Database URLs and health: `ping()` says False while the database is away, True after."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agendabot.state import InvalidDatabaseUrl, Store
from agendabot.state.db import parse_url
from postgres import started_cluster


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        (None, "sqlite"),
        ("", "sqlite"),
        ("sqlite:///tmp/x.sqlite3", "sqlite"),
        ("postgresql://u@h/db", "postgresql+psycopg"),
        ("postgres://u@h/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
    ],
)
def test_urls_are_normalised(given: str | None, driver: str) -> None:
    assert parse_url(given).drivername == driver


@pytest.mark.parametrize("given", ["mysql://u@h/db", "postgresql+psycopg2://u@h/db", "no url"])
def test_unusable_urls_are_refused_in_dutch_and_english(given: str) -> None:
    with pytest.raises(InvalidDatabaseUrl, match="DATABASE_URL"):
        parse_url(given)


def test_ping_is_false_when_nothing_listens() -> None:
    store = Store.open("postgresql+psycopg://nobody@127.0.0.1:9/none", run_migrations=False)
    try:
        assert store.ping() is False
    finally:
        store.close()


def test_ping_follows_a_postgresql_server_that_goes_away_and_returns() -> None:
    with started_cluster() as cluster:
        store = Store.open(cluster.url)
        try:
            now = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
            assert store.ping() is True
            assert store.events.seen_event("Ev1", now) is True
            cluster.stop_server()
            assert store.ping() is False
            cluster.start_server()
            assert store.ping() is True  # the pool replaced its dead connections
            assert store.events.seen_event("Ev1", now) is False  # and the data survived
        finally:
            store.close()
