"""The digest ledger: claim before posting, exactly one owner, takeover of stale claims."""

from __future__ import annotations

import multiprocessing
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from agendabot.state import Store

T0 = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)  # Monday 09:00 Europe/Amsterdam
STALE = timedelta(minutes=15)
WEEK = "2026-W02"


def test_first_claim_wins_and_the_rest_wait(store: Store) -> None:
    ledger = store.ledger
    assert ledger.claim("C0AAA0001", WEEK, "replica-a", now=T0, stale_after=STALE) is True
    assert ledger.claim("C0AAA0001", WEEK, "replica-b", now=T0, stale_after=STALE) is False
    # Not even the same replica gets it twice while the claim is fresh.
    later = T0 + STALE - timedelta(seconds=1)
    assert ledger.claim("C0AAA0001", WEEK, "replica-a", now=later, stale_after=STALE) is False
    # Another week or recipient is a separate digest.
    assert ledger.claim("C0AAA0001", "2026-W03", "replica-b", now=T0, stale_after=STALE) is True
    assert ledger.claim("U0CCC0001", WEEK, "replica-b", now=T0, stale_after=STALE) is True

    entry = ledger.get("C0AAA0001", WEEK)
    assert entry is not None
    assert (entry.state, entry.claimed_by, entry.claimed_at, entry.attempts) == (
        "claimed",
        "replica-a",
        T0,
        1,
    )


def test_a_sent_digest_is_never_claimed_again(store: Store) -> None:
    ledger = store.ledger
    assert ledger.claim("C0AAA0001", WEEK, "replica-a", now=T0, stale_after=STALE)
    sent_at = T0 + timedelta(seconds=3)
    assert ledger.mark_sent("C0AAA0001", WEEK, now=sent_at, message_ref="1767600000.000100")
    assert ledger.mark_sent("C0AAA0001", WEEK, now=sent_at) is False  # already sent
    for hours in (0, 1, 24 * 6):
        now = T0 + timedelta(hours=hours)
        assert ledger.claim("C0AAA0001", WEEK, "replica-b", now=now, stale_after=STALE) is False
    entry = ledger.get("C0AAA0001", WEEK)
    assert entry is not None
    assert (entry.state, entry.sent_at, entry.message_ref) == ("sent", sent_at, "1767600000.000100")
    assert ledger.unsent(WEEK) == []


def test_a_stale_claim_is_taken_over_by_one_replica(store: Store) -> None:
    ledger = store.ledger
    assert ledger.claim("C0AAA0001", WEEK, "crashed", now=T0, stale_after=STALE)
    assert [e.recipient for e in ledger.unsent(WEEK)] == ["C0AAA0001"]
    after = T0 + STALE + timedelta(seconds=1)
    assert ledger.claim("C0AAA0001", WEEK, "replica-b", now=after, stale_after=STALE) is True
    assert ledger.claim("C0AAA0001", WEEK, "replica-c", now=after, stale_after=STALE) is False
    # The crashed replica cannot release a claim that is no longer its own.
    assert ledger.mark_failed("C0AAA0001", WEEK, replica="crashed", error="boom") is False
    entry = ledger.get("C0AAA0001", WEEK)
    assert entry is not None
    assert (entry.claimed_by, entry.claimed_at, entry.attempts) == ("replica-b", after, 2)


def test_a_failed_send_releases_the_claim_for_an_immediate_retry(store: Store) -> None:
    ledger = store.ledger
    assert ledger.claim("C0AAA0001", WEEK, "replica-a", now=T0, stale_after=STALE)
    assert ledger.mark_failed("C0AAA0001", WEEK, replica="replica-a", error="ratelimited 429")
    entry = ledger.get("C0AAA0001", WEEK)
    assert entry is not None
    assert (entry.state, entry.claimed_by, entry.last_error) == ("failed", None, "ratelimited 429")
    assert [e.state for e in ledger.unsent(WEEK)] == ["failed"]

    retry = T0 + timedelta(seconds=30)  # well before the claim would have gone stale
    assert ledger.claim("C0AAA0001", WEEK, "replica-b", now=retry, stale_after=STALE) is True
    assert ledger.claim("C0AAA0001", WEEK, "replica-a", now=retry, stale_after=STALE) is False
    assert ledger.mark_sent("C0AAA0001", WEEK, now=retry)
    entry = ledger.get("C0AAA0001", WEEK)
    assert entry is not None
    assert (entry.state, entry.attempts, entry.last_error) == ("sent", 2, None)
    assert [e.state for e in ledger.entries(WEEK)] == ["sent"]


def test_claim_needs_an_aware_now_and_a_positive_staleness(store: Store) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        store.ledger.claim("C0AAA0001", WEEK, "r", now=datetime(2026, 1, 5), stale_after=STALE)
    with pytest.raises(ValueError, match="stale_after"):
        store.ledger.claim("C0AAA0001", WEEK, "r", now=T0, stale_after=timedelta(0))


# --- two OS processes racing on PostgreSQL ------------------------------------------------

RACE_KEYS = [(f"C0RACE{i:04d}", f"2026-W{1 + i % 52:02d}") for i in range(150)]


def _race_worker(url: str, replica: str, start: Any, results: Any) -> None:
    """Claim every key at T0, then (all stale) again two hours later; report what was won.

    Each process walks the keys in its own random order, so they collide all over the place
    rather than one trailing the other.
    """
    store = Store.open(url, run_migrations=False)
    keys = random.Random(replica).sample(RACE_KEYS, len(RACE_KEYS))
    later = T0 + timedelta(hours=2)
    try:
        start.wait(timeout=60)
        fresh = [k for k in keys if store.ledger.claim(*k, replica, now=T0, stale_after=STALE)]
        start.wait(timeout=60)
        takeovers = [
            k for k in keys if store.ledger.claim(*k, replica, now=later, stale_after=STALE)
        ]
        results.put((replica, fresh, takeovers))
    finally:
        store.close()


def test_two_processes_racing_for_the_same_digests_each_claim_is_won_once(db_url: str) -> None:
    """Two OS processes (on PostgreSQL; on SQLite too, where the write lock serialises them)."""
    Store.open(db_url).close()
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Barrier(2), ctx.Queue()
    workers = [
        ctx.Process(target=_race_worker, args=(db_url, name, start, results))
        for name in ("replica-a", "replica-b")
    ]
    for worker in workers:
        worker.start()
    outcome = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0

    for phase in (1, 2):
        won = [key for result in outcome for key in result[phase]]
        assert sorted(won) == sorted(RACE_KEYS), f"phase {phase}: each key won exactly once"
    # On PostgreSQL the race is real: both processes win keys in both phases. (SQLite's
    # busy handler tends to let one process run its whole loop while the other sleeps.)
    if db_url.startswith("postgresql"):
        assert all(result[1] and result[2] for result in outcome), [
            (replica, len(fresh), len(takeovers)) for replica, fresh, takeovers in outcome
        ]

    with Store.open(db_url, run_migrations=False) as store:
        for recipient, week in RACE_KEYS[:10]:
            entry = store.ledger.get(recipient, week)
            assert entry is not None and entry.attempts == 2
