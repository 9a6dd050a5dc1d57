"""Update notifications (pure core): the diff, who hears about it, batching and dedupe keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from agendabot.core.agenda.commitments import Commitment
from agendabot.core.agenda.updates import (
    Change,
    CommitmentSnapshot,
    StatusInfo,
    UpdatePlan,
    changes_from_payload,
    current_snapshots,
    plan_updates,
    update_reply,
)
from agendabot.core.reply.render_text import render_text

URL = "https://zoek.officielebekendmakingen.nl/kst-32824-456.html"
LINKS = {"32824-456": URL}


@dataclass(frozen=True)
class Sub:
    target: str
    pillar: str


SUBS = [Sub("C0PIJLER01", "1"), Sub("C0PIJLER02", "2"), Sub("U0ALLES001", "all")]


def make(cid: str, due: date, pillar: int | None = 1, **extra: Any) -> Commitment:
    data: dict[str, Any] = {
        "id": cid,
        "title": f"Toezegging {cid}",
        "pillar": pillar,
        "sources": [{"document": "32824-456", "section": "1.1"}],
        "quote": "Dit gebeurt in het eerste kwartaal van 2026, zo is toegezegd.",
        "when_text": "het eerste kwartaal van 2026",
        "start": min(due, date(2026, 1, 1)),
        "due": due,
        "kind": "event",
        **extra,
    }
    return Commitment.model_validate(data)


BASE = [
    make("dialoog", date(2026, 3, 31), pillar=1),
    make("werkplan", date(2026, 6, 30), pillar=2),
    make("algemeen", date(2026, 9, 30), pillar=None),
]


def snapshots_of(
    commitments: list[Commitment], statuses: dict[str, StatusInfo] | None = None
) -> dict[str, CommitmentSnapshot]:
    return {s.commitment_id: s for s in current_snapshots(commitments, statuses or {})}


def plan(
    commitments: list[Commitment],
    previous: dict[str, CommitmentSnapshot],
    statuses: dict[str, StatusInfo] | None = None,
) -> UpdatePlan:
    return plan_updates(commitments, statuses or {}, previous, SUBS, links=LINKS)


def recipients(result: UpdatePlan) -> dict[str, list[tuple[str, str]]]:
    return {m.recipient: [(c.commitment_id, c.kind) for c in m.changes] for m in result.messages}


def test_the_first_run_records_a_baseline_and_announces_nothing() -> None:
    result = plan(BASE, {})
    assert result.baseline and result.messages == () and result.changes == ()
    assert {s.commitment_id for s in result.snapshots} == {"dialoog", "werkplan", "algemeen"}
    assert {s.commitment_id: s.pillar for s in result.snapshots}["algemeen"] == "-"


def test_nothing_changed_means_no_messages() -> None:
    result = plan(BASE, snapshots_of(BASE))
    assert not result.baseline and result.messages == ()


def test_marked_afgerond_goes_to_the_pillar_and_to_all_with_its_link() -> None:
    link = "https://www.rijksoverheid.nl/dialoog-verslag"
    statuses = {"dialoog": StatusInfo("afgerond", link, version=7)}
    result = plan(BASE, snapshots_of(BASE), statuses)
    assert recipients(result) == {
        "C0PIJLER01": [("dialoog", "afgerond")],
        "U0ALLES001": [("dialoog", "afgerond")],
    }
    [change] = result.changes
    assert (change.link, change.url, change.source) == (
        link,
        URL,
        "Kamerstuk 32 824, nr. 456, §1.1",
    )
    text = render_text(update_reply(result.messages[0].changes))
    assert "Toezegging dialoog is afgerond" in text and link in text


def test_vervallen_moved_new_and_reopened() -> None:
    before = snapshots_of(BASE, {"algemeen": StatusInfo("afgerond", None, 3)})
    now = [
        BASE[0],
        make("werkplan", date(2026, 9, 1), pillar=2),  # due date moved
        BASE[2],  # opened again (no status row any more is modelled by "open")
        make("nieuw-plan", date(2026, 5, 1), pillar=2),
    ]
    statuses = {
        "dialoog": StatusInfo("vervallen", None, 4),
        "algemeen": StatusInfo("open", None, 5),
    }
    result = plan(now, before, statuses)
    kinds = {(c.commitment_id, c.kind) for c in result.changes}
    assert kinds == {
        ("dialoog", "vervallen"),
        ("werkplan", "verschoven"),
        ("algemeen", "heropend"),
        ("nieuw-plan", "nieuw"),
    }
    moved = next(c for c in result.changes if c.kind == "verschoven")
    assert (moved.old_due, moved.due) == (date(2026, 6, 30), date(2026, 9, 1))
    got = recipients(result)
    assert got["C0PIJLER01"] == [("dialoog", "vervallen")]
    assert sorted(got["C0PIJLER02"]) == [("nieuw-plan", "nieuw"), ("werkplan", "verschoven")]
    assert len(got["U0ALLES001"]) == 4  # everything, pillar-less included, in one message
    text = render_text(update_reply(result.messages[-1].changes))
    assert "nieuwe deadline: 1 september 2026 (was 30 juni 2026)" in text
    assert "staat weer open" in text and "is nieuw" in text and "is vervallen" in text


def test_other_edits_refresh_the_snapshot_silently_and_removals_are_forgotten() -> None:
    before = snapshots_of(BASE)
    edited = [make("dialoog", date(2026, 3, 31), pillar=1, title="Nationale dialoog (herzien)")]
    result = plan(edited, before)
    assert result.messages == () and result.changes == ()
    assert [s.commitment_id for s in result.snapshots] == ["dialoog"]
    assert result.snapshots[0].content_hash != before["dialoog"].content_hash


def test_dedupe_keys_are_deterministic_and_new_for_a_new_transition() -> None:
    before = snapshots_of(BASE)
    done = {"dialoog": StatusInfo("afgerond", None, version=1)}
    first = plan(BASE, before, done)
    again = plan(BASE, before, done)  # a second replica noticing the same change
    assert [m.dedupe_key for m in first.messages] == [m.dedupe_key for m in again.messages]
    assert all(m.dedupe_key.startswith(f"update:{m.recipient}:") for m in first.messages)
    assert all(len(m.dedupe_key) <= 255 for m in first.messages)
    # Reopened and then marked afgerond again: a new transition, a new key.
    reopened = snapshots_of(BASE, {"dialoog": StatusInfo("open", None, version=2)})
    redone = plan(BASE, reopened, {"dialoog": StatusInfo("afgerond", None, version=3)})
    assert {m.dedupe_key for m in redone.messages}.isdisjoint(
        {m.dedupe_key for m in first.messages}
    )


def test_payload_round_trip_and_batched_reply() -> None:
    statuses = {"dialoog": StatusInfo("afgerond", None, 1), "werkplan": StatusInfo("vervallen")}
    result = plan(BASE, snapshots_of(BASE), statuses)
    message = next(m for m in result.messages if m.recipient == "U0ALLES001")
    payload = message.payload()
    assert changes_from_payload(payload) == list(message.changes)
    reply = update_reply(changes_from_payload(payload) * 2)  # duplicates shown once
    assert reply.text == "2 toezeggingen bijgewerkt."
    assert render_text(reply).count("Toezegging dialoog") == 1
    with pytest.raises(ValueError):
        changes_from_payload({"type": "iets anders"})
    with pytest.raises(ValueError):
        Change.from_payload({**payload["changes"][0], "kind": "onbekend"})
    with pytest.raises(ValueError):
        update_reply([])


def test_snapshots_compare_equal_when_nothing_changed() -> None:
    first = current_snapshots(BASE, {})
    second = current_snapshots([c.model_copy() for c in BASE], {})
    assert first == second
