"""Subscriptions, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from agendabot.state import InvalidValue, Store

T0 = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def test_subscribe_is_idempotent_and_unsubscribe_reports_removal(store: Store) -> None:
    subs = store.subscriptions
    assert subs.subscribe("C0AAA0001", "1", by="U0BBB0001", now=T0) is True
    assert subs.subscribe("c0aaa0001", 1, by="U0BBB0002", now=T0 + timedelta(hours=1)) is False
    assert subs.subscribe("C0AAA0001", "alles", by="U0BBB0001", now=T0) is True

    listed = subs.for_target("C0AAA0001")
    assert [(s.target, s.pillar) for s in listed] == [("C0AAA0001", "1"), ("C0AAA0001", "all")]
    assert listed[0].created_by == "U0BBB0001"  # the first subscribe is kept
    assert listed[0].created_at == T0 and listed[0].created_at.tzinfo is not None

    assert subs.unsubscribe("C0AAA0001", "1", by="U0BBB0001", now=T0) is True
    assert subs.unsubscribe("C0AAA0001", "1", by="U0BBB0001", now=T0) is False
    assert [s.pillar for s in subs.for_target("C0AAA0001")] == ["all"]


def test_listing_by_pillar_includes_subscribers_of_all(store: Store) -> None:
    subs = store.subscriptions
    subs.subscribe("C0AAA0001", "1", by="U0BBB0001", now=T0)
    subs.subscribe("U0CCC0001", "2", by="U0CCC0001", now=T0)
    subs.subscribe("G0DDD0001", "all", by="U0BBB0001", now=T0)

    assert [(s.target, s.pillar) for s in subs.all()] == [
        ("C0AAA0001", "1"),
        ("G0DDD0001", "all"),
        ("U0CCC0001", "2"),
    ]
    assert {s.target for s in subs.for_pillar("1")} == {"C0AAA0001", "G0DDD0001"}
    assert {s.target for s in subs.for_pillar(2)} == {"U0CCC0001", "G0DDD0001"}
    assert subs.for_target("U0ZZZ0001") == []


def test_changes_are_audited_once(store: Store) -> None:
    store.subscriptions.subscribe("C0AAA0001", "2", by="U0BBB0001", now=T0)
    store.subscriptions.subscribe("C0AAA0001", "2", by="U0BBB0001", now=T0)
    store.subscriptions.unsubscribe("C0AAA0001", "2", by="U0BBB0002", now=T0)
    store.subscriptions.unsubscribe("C0AAA0001", "2", by="U0BBB0002", now=T0)
    entries = store.audit.recent()
    assert [(e.action, e.actor) for e in entries] == [
        ("subscription.remove", "U0BBB0002"),
        ("subscription.add", "U0BBB0001"),
    ]
    assert entries[0].details == {"target": "C0AAA0001", "pillar": "2"}


def test_bad_input_is_refused_before_the_database(store: Store) -> None:
    with pytest.raises(InvalidValue):
        store.subscriptions.subscribe("#algemeen", "1", by="U0BBB0001", now=T0)
    with pytest.raises(InvalidValue):
        store.subscriptions.subscribe("C0AAA0001", "3", by="U0BBB0001", now=T0)
    with pytest.raises(ValueError, match="timezone-aware"):
        store.subscriptions.subscribe("C0AAA0001", "1", by="U0BBB0001", now=T0.replace(tzinfo=None))
    assert store.subscriptions.all() == []
