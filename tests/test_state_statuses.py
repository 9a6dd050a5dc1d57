"""Commitment status history and snapshots, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from agendabot.state import InvalidValue, NewMessage, Snapshot, Store

T0 = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)


def test_history_is_kept_and_current_status_is_the_latest(store: Store) -> None:
    statuses = store.statuses
    assert statuses.current_status("T-01") is None
    first = statuses.record("T-01", "afgerond", by="U0BBB0001", now=T0, link="https://ex.org/v")
    cet = timezone(timedelta(hours=1))
    statuses.record("T-01", "open", by="U0BBB0002", now=datetime(2026, 3, 3, 9, 0, tzinfo=cet),
                    note="Toch nog niet klaar")  # fmt: skip
    statuses.record("T-02", "vervallen", by="U0BBB0001", now=T0)

    current = statuses.current_status("T-01")
    assert current is not None
    assert (current.status, current.by) == ("open", "U0BBB0002")
    assert current.note == "Toch nog niet klaar"
    assert current.at == datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    assert current.at.utcoffset() == timedelta(0)

    history = statuses.history("T-01")
    assert [h.status for h in history] == ["afgerond", "open"]
    assert history[0] == first
    assert (history[0].link, history[0].at) == ("https://ex.org/v", T0)

    all_current = statuses.current_statuses()
    assert {k: v.status for k, v in all_current.items()} == {"T-01": "open", "T-02": "vervallen"}
    assert all_current["T-01"] == current


def test_status_changes_are_audited(store: Store) -> None:
    store.statuses.record("T-07", "afgerond", by="U0BBB0001", now=T0, link="<https://ex.org/d>")
    [entry] = store.audit.recent(action="status.afgerond")
    assert (entry.actor, entry.at) == ("U0BBB0001", T0)
    assert entry.details == {"commitment_id": "T-07", "link": "https://ex.org/d"}


def test_invalid_status_changes_are_refused(store: Store) -> None:
    with pytest.raises(InvalidValue):
        store.statuses.record("T-01", "klaar", by="U0BBB0001", now=T0)
    with pytest.raises(InvalidValue):
        store.statuses.record("T-01", "afgerond", by="U0BBB0001", now=T0, link="geen link")
    with pytest.raises(InvalidValue):
        store.statuses.record("", "afgerond", by="U0BBB0001", now=T0)
    assert store.statuses.current_statuses() == {}
    assert store.audit.recent() == []


def test_snapshots_and_their_notifications_are_saved_together(store: Store) -> None:
    assert store.snapshots.load() == {}
    a = Snapshot("T-01", "1", date(2026, 3, 31), "open", "h1")
    b = Snapshot("T-02", "2", None, "open", "h2")
    note = NewMessage("C0AAA0001", {"kind": "new", "id": "T-01"}, dedupe_key="new:C0AAA0001:T-01")
    assert store.snapshots.save([a, b], now=T0, messages=[note]) == 1
    assert store.snapshots.load() == {"T-01": a, "T-02": b}

    # A content update moves T-01's due date and drops T-02; a second replica repeats it.
    moved = Snapshot("T-01", "1", date(2026, 6, 30), "open", "h3")
    notice = NewMessage("C0AAA0001", {"kind": "due", "id": "T-01"}, dedupe_key="due:C0AAA0001:h3")
    assert store.snapshots.save([moved], now=T0, messages=[notice]) == 1
    assert store.snapshots.save([moved], now=T0, messages=[notice]) == 0
    assert store.snapshots.load() == {"T-01": moved}
    assert [m.payload["kind"] for m in store.outbox.pending()] == ["new", "due"]


def test_a_failed_snapshot_save_enqueues_nothing(store: Store) -> None:
    good = NewMessage("C0AAA0001", {"kind": "new"}, dedupe_key="k1")
    bad = NewMessage("not-a-channel", {"kind": "new"}, dedupe_key="k2")
    with pytest.raises(InvalidValue):
        store.snapshots.save([Snapshot("T-01", "1", None, "open", "h")], now=T0,
                             messages=[good, bad])  # fmt: skip
    assert store.snapshots.load() == {}
    assert store.outbox.pending() == []
