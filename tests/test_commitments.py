"""The commitment model and deadline selection (pure core, no content files)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from agendabot.core.commitments import (
    Commitment,
    SourceRef,
    cite,
    commitment_record,
    find_commitment,
    group_digits,
    select_deadlines,
    suggest_ids,
)


def make(**changes: Any) -> Commitment:
    data: dict[str, Any] = {
        "id": "nationale-dialoog",
        "title": "Nationale dialoog",
        "pillar": 1,
        "sources": [{"document": "32824-456", "section": "1.6"}],
        "quote": "Die dialoog staat gepland voor het eerste kwartaal van 2026.",
        "when_text": "het eerste kwartaal van 2026",
        "start": date(2026, 1, 1),
        "due": date(2026, 3, 31),
        "kind": "event",
    }
    data.update(changes)
    return Commitment.model_validate(data)


def error_text(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " | ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.value.errors())


class TestModel:
    def test_minimal_record_gets_defaults(self) -> None:
        commitment = make()
        assert commitment.status == "open"
        assert commitment.related_questions == ()
        assert commitment.document == "32824-456"

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"id": "Nationale Dialoog"}, "id"),
            ({"id": "a" * 65}, "id"),
            ({"pillar": 3}, "pillar"),
            ({"kind": "toezegging"}, "kind"),
            ({"status": "klaar"}, "status"),
            ({"start": date(2026, 4, 1)}, "start"),
            ({"sources": []}, "sources"),
            ({"when_text": "tweede kwartaal"}, "when_text"),
            ({"colour": "red"}, "colour"),
        ],
    )
    def test_invalid_fields_are_named(self, changes: dict[str, Any], field: str) -> None:
        with pytest.raises(ValidationError) as exc:
            make(**changes)
        assert field in error_text(exc)

    def test_pillar_must_be_given_even_when_none(self) -> None:
        data = make().model_dump()
        del data["pillar"]
        with pytest.raises(ValidationError) as exc:
            Commitment.model_validate(data)
        assert "pillar" in error_text(exc)

    def test_when_text_is_compared_with_collapsed_whitespace(self) -> None:
        commitment = make(quote="staat gepland voor het eerste\n kwartaal van 2026.")
        assert commitment.when_text == "het eerste kwartaal van 2026"

    def test_missing_when_text_needs_a_full_override(self) -> None:
        with pytest.raises(ValidationError, match="override"):
            make(when_text=None)
        with pytest.raises(ValidationError, match="zowel"):
            make(
                when_text=None,
                override={"due": date(2026, 3, 31), "reason": "geen termijn genoemd"},
            )
        ok = make(
            when_text=None,
            override={
                "start": date(2026, 1, 1),
                "due": date(2026, 3, 31),
                "reason": "geen termijn genoemd in de zin",
            },
        )
        assert ok.override is not None

    def test_override_must_match_the_dates_and_give_a_reason(self) -> None:
        with pytest.raises(ValidationError, match=r"override\.due"):
            make(override={"due": date(2026, 6, 30), "reason": "een goede reden hier"})
        with pytest.raises(ValidationError, match="reason"):
            make(override={"due": date(2026, 3, 31), "reason": ""})

    def test_source_needs_exactly_one_kind_of_location(self) -> None:
        with pytest.raises(ValidationError):
            SourceRef(document="32824-451")
        with pytest.raises(ValidationError):
            SourceRef(document="32824-451", section="1.1", questions=(5,))
        with pytest.raises(ValidationError):
            SourceRef(document="nr. 451", questions=(5,))
        with pytest.raises(ValidationError):
            SourceRef(document="32824-451", questions=(0,))

    def test_first_source_may_not_carry_its_own_quote(self) -> None:
        with pytest.raises(ValidationError, match="eerste vindplaats"):
            make(sources=[{"document": "32824-456", "section": "1.6", "quote": "iets anders hier"}])


class TestCitations:
    def test_group_digits(self) -> None:
        assert group_digits("32824") == "32 824"
        assert group_digits("1234567") == "1 234 567"
        assert group_digits("456") == "456"

    def test_sections_and_questions_per_document(self) -> None:
        sources = [
            SourceRef(document="32824-456", section="1.6"),
            SourceRef(document="32824-456", section="4"),
            SourceRef(document="32824-451", questions=(37, 5)),
            SourceRef(document="32824-451", questions=(122,)),
        ]
        assert cite(sources) == (
            "Kamerstuk 32 824, nr. 456, §1.6 en §4; nr. 451, vragen 5, 37 en 122"
        )

    def test_single_question(self) -> None:
        assert SourceRef(document="32824-451", questions=(137,)).citation() == (
            "Kamerstuk 32 824, nr. 451, vraag 137"
        )


def _corpus() -> list[Commitment]:
    return [
        make(id="dialoog", due=date(2026, 3, 31)),
        make(id="tijdvak", pillar=2, start=date(2025, 7, 4), due=date(2025, 9, 30)),
        make(id="al-klaar", start=date(2025, 7, 1), due=date(2025, 7, 1), status="afgerond"),
        make(id="zomer", pillar=2, start=date(2026, 6, 1), due=date(2026, 9, 22)),
        make(id="vroeg", start=date(2026, 1, 1), due=date(2026, 1, 1)),
    ]


class TestSelection:
    def test_window_lists_open_commitments_by_due_date(self) -> None:
        items = select_deadlines(_corpus(), {}, today=date(2026, 1, 1), weeks=13, overdue=False)
        assert [i.commitment.id for i in items] == ["vroeg", "dialoog"]

    def test_window_is_inclusive_at_both_ends(self) -> None:
        items = select_deadlines(_corpus(), {}, today=date(2026, 1, 1), weeks=0, overdue=False)
        assert [i.commitment.id for i in items] == ["vroeg"]
        items = select_deadlines(_corpus(), {}, today=date(2026, 2, 3), weeks=8, overdue=False)
        assert [i.commitment.id for i in items] == ["dialoog"]  # 2026-03-31 is day 56

    def test_overdue_open_ones_are_added_and_marked(self) -> None:
        items = select_deadlines(_corpus(), {}, today=date(2026, 1, 2), weeks=13)
        assert [(i.commitment.id, i.overdue) for i in items] == [
            ("tijdvak", True),
            ("vroeg", True),
            ("dialoog", False),
        ]

    def test_only_overdue(self) -> None:
        items = select_deadlines(_corpus(), {}, today=date(2026, 1, 2), window=False)
        assert [i.commitment.id for i in items] == ["tijdvak", "vroeg"]

    def test_statuses_from_state_win_over_content(self) -> None:
        statuses = {"tijdvak": "afgerond", "al-klaar": "open"}
        items = select_deadlines(_corpus(), statuses, today=date(2026, 1, 2), window=False)
        assert [(i.commitment.id, i.status) for i in items] == [
            ("al-klaar", "open"),
            ("vroeg", "open"),
        ]

    def test_pillar_filter(self) -> None:
        items = select_deadlines(_corpus(), {}, today=date(2025, 1, 1), pillar=2, weeks=100)
        assert [i.commitment.id for i in items] == ["tijdvak", "zomer"]

    def test_everything_includes_closed_ones(self) -> None:
        items = select_deadlines(_corpus(), {}, today=date(2026, 1, 2), everything=True)
        assert [i.commitment.id for i in items] == [
            "al-klaar",
            "tijdvak",
            "vroeg",
            "dialoog",
            "zomer",
        ]
        assert {i.commitment.id: i.status for i in items}["al-klaar"] == "afgerond"

    def test_negative_weeks_rejected(self) -> None:
        with pytest.raises(ValueError):
            select_deadlines(_corpus(), {}, today=date(2026, 1, 1), weeks=-1)


class TestLookup:
    def test_find_is_case_insensitive(self) -> None:
        assert find_commitment(_corpus(), " Dialoog ") is not None
        assert find_commitment(_corpus(), "onbekend") is None

    def test_suggestions(self) -> None:
        assert suggest_ids(_corpus(), "klaar") == ["al-klaar"]
        assert suggest_ids(_corpus(), "!!") == []


def test_record_shape() -> None:
    record = commitment_record(make(), today=date(2026, 4, 1))
    for key in ("id", "title", "pillar", "due", "start", "when_text", "quote", "source", "status"):
        assert key in record
    assert record["due"] == "2026-03-31"
    assert record["source"] == "Kamerstuk 32 824, nr. 456, §1.6"
    assert record["overdue"] is True
    assert record["sources"][0]["quote"] == make().quote
