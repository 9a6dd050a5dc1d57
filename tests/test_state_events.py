"""Handled Slack event ids: True the first time only, pruned after the retention."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from agendabot.state import AsyncStore, Store

T0 = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def test_an_event_is_seen_once_within_the_retention(store: Store) -> None:
    events = store.events
    assert events.seen_event("Ev0001", T0) is True
    assert events.seen_event("Ev0001", T0) is False
    assert events.seen_event("Ev0001", T0 + timedelta(minutes=119)) is False
    assert events.seen_event("Ev0002", T0 + timedelta(minutes=1)) is True
    # After the (default two-hour) retention the id is forgotten: a new delivery is new.
    assert events.seen_event("Ev0001", T0 + timedelta(hours=2, seconds=1)) is True


def test_prune_removes_only_old_ids(store: Store) -> None:
    events = store.events
    for minute in range(0, 180, 30):
        events.seen_event(
            f"Ev{minute:04d}", T0 + timedelta(minutes=minute), retention=timedelta(hours=6)
        )
    assert events.prune(T0 + timedelta(hours=3), retention=timedelta(hours=1)) == 4
    assert events.seen_event("Ev0150", T0 + timedelta(hours=3)) is False
    assert events.seen_event("Ev0000", T0 + timedelta(hours=3)) is True


def test_retention_below_an_hour_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="at least 1:00:00"):
        store.events.seen_event("Ev1", T0, retention=timedelta(minutes=59))
    with pytest.raises(ValueError):
        store.events.seen_event("", T0)


async def test_async_store_answers_once_for_concurrent_duplicates(store: Store) -> None:
    astore = AsyncStore(store)
    answers = await asyncio.gather(*(astore.events.seen_event("EvDUP", T0) for _ in range(8)))
    assert sorted(answers) == [False] * 7 + [True]
    assert await astore.ping() is True
