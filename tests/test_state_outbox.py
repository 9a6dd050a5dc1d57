"""The update-notification outbox: enqueue idempotently, claim once, deliver once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agendabot.state import NewMessage, Store

T0 = datetime(2026, 2, 2, 12, 0, tzinfo=UTC)
STALE = timedelta(minutes=10)


def test_enqueue_with_a_dedupe_key_is_idempotent(store: Store) -> None:
    outbox = store.outbox
    payload = {"id": "T-01", "kind": "afgerond"}
    assert outbox.enqueue("C0AAA0001", payload, now=T0, dedupe_key="a")
    assert not outbox.enqueue("C0AAA0001", payload, now=T0, dedupe_key="a")
    assert outbox.enqueue("U0CCC0001", {"id": "T-02"}, now=T0)
    assert outbox.enqueue("U0CCC0001", {"id": "T-02"}, now=T0)  # no key: no deduplication
    added = outbox.enqueue_many(
        [NewMessage("C0AAA0001", {"n": 1}, "b"), NewMessage("C0AAA0001", {"n": 2}, "a")], now=T0
    )
    assert added == 1
    pending = outbox.pending()
    assert [m.payload for m in pending] == [
        {"id": "T-01", "kind": "afgerond"},
        {"id": "T-02"},
        {"id": "T-02"},
        {"n": 1},
    ]
    assert all(m.created_at == T0 and m.sent_at is None for m in pending)


def test_claims_are_exclusive_until_stale_and_sent_messages_stay_sent(store: Store) -> None:
    outbox = store.outbox
    for n in range(5):
        outbox.enqueue("C0AAA0001" if n % 2 else "U0CCC0001", {"n": n}, now=T0)

    first = outbox.claim_batch("replica-a", now=T0, stale_after=STALE, limit=3)
    assert [m.payload["n"] for m in first] == [0, 1, 2]
    assert all(m.claimed_by == "replica-a" and m.attempts == 1 for m in first)
    second = outbox.claim_batch("replica-b", now=T0, stale_after=STALE)
    assert [m.payload["n"] for m in second] == [3, 4]
    assert outbox.claim_batch("replica-c", now=T0, stale_after=STALE) == []

    assert outbox.mark_sent([m.id for m in first], now=T0 + timedelta(seconds=1)) == 3
    assert outbox.mark_failed([m.id for m in second[:1]], replica="replica-b", error="5xx") == 1
    assert outbox.mark_failed([m.id for m in second[1:]], replica="replica-a", error="x") == 0

    retry = outbox.claim_batch("replica-c", now=T0 + timedelta(seconds=2), stale_after=STALE)
    assert [(m.payload["n"], m.attempts, m.last_error) for m in retry] == [(3, 2, "5xx")]

    # replica-b died holding message 4, replica-c holding 3: once stale, someone else takes them.
    late = T0 + timedelta(seconds=2) + STALE + timedelta(seconds=1)
    taken = outbox.claim_batch("replica-d", now=late, stale_after=STALE)
    assert {m.payload["n"] for m in taken} == {3, 4}
    assert outbox.mark_sent([m.id for m in taken], now=late) == 2
    assert outbox.pending() == []
    assert outbox.claim_batch("replica-e", now=late + STALE * 10, stale_after=STALE) == []
