"""Commitments: the model, deadline selection, and the real content with its cross-checks."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from agendabot.content import Content, ContentError, default_content_dir, load_content
from agendabot.content.commitments import source_document
from agendabot.core.agenda.checks import SourceDocument, check_commitments, expected_dates
from agendabot.core.agenda.commitments import (
    Commitment,
    SourceRef,
    cite,
    commitment_record,
    find_commitment,
    group_digits,
    select_deadlines,
    suggest_ids,
)
from agendabot.core.documents.models import Letter
from agendabot.core.documents.text import normalize_for_match
from agendabot.core.time.interpret import interpret


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

    def test_suggestions_by_title_when_no_id_matches(self) -> None:
        corpus = [*_corpus(), make(id="sowis", title="Subsidie werkgevers inzet statushouders")]
        assert suggest_ids(corpus, "statushouders-werkgevers") == ["sowis"]
        assert suggest_ids(corpus, "dialoog") == ["dialoog"]  # ids first (every title has it)
        assert suggest_ids(corpus, "taaleis") == []


def test_record_shape() -> None:
    record = commitment_record(make(), today=date(2026, 4, 1))
    for key in ("id", "title", "pillar", "due", "start", "when_text", "quote", "source", "status"):
        assert key in record
    assert record["due"] == "2026-03-31"
    assert record["source"] == "Kamerstuk 32 824, nr. 456, §1.6"
    assert record["overdue"] is True
    assert record["sources"][0]["quote"] == make().quote


# ---------------------------------------------------------------------------- the real content


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def sources(content: Content) -> list[SourceDocument]:
    return [source_document(doc) for doc in content.documents.values()]


def _document(content: Content, key: str) -> Any:
    for doc in content.documents.values():
        if f"{doc.meta.dossier.replace(' ', '')}-{doc.meta.number}" == key:
            return doc
    raise KeyError(key)


def test_every_quote_stands_verbatim_at_each_of_its_locations(content: Content) -> None:
    checked = 0
    for commitment in content.commitments:
        for source, quote in commitment.quotes():
            document = _document(content, source.document)
            if isinstance(document, Letter):
                texts = [document.section(str(source.section)).text]
            else:
                texts = [
                    document.question(n).question + "\n" + document.resolve(n).text
                    for n in source.questions
                ]
            for text in texts:
                assert normalize_for_match(quote) in normalize_for_match(text), (
                    commitment.id,
                    source.citation(),
                )
                checked += 1
    assert checked >= len(content.commitments) + 10  # second locations are checked too


def test_content_passes_the_cross_checks(content: Content, sources: list[SourceDocument]) -> None:
    assert check_commitments(content.commitments, sources) == []


def test_dates_follow_the_interpreter_unless_overridden(content: Content) -> None:
    dates = {
        doc.meta.dossier.replace(" ", "") + "-" + str(doc.meta.number): doc.meta.date
        for doc in content.documents.values()
    }
    overridden = []
    for commitment in content.commitments:
        if commitment.override is not None:
            overridden.append(commitment.id)
            assert len(commitment.override.reason) > 40
            continue
        assert commitment.when_text is not None
        period = interpret(commitment.when_text, dates[commitment.document])
        assert period is not None, commitment.id
        assert expected_dates(period) == (commitment.start, commitment.due), commitment.id
    assert sorted(overridden) == ["gebedsoproep-nulmeting", "middelen-actieagenda-voorjaarsnota"]


def test_size_and_spread(content: Content) -> None:
    commitments = content.commitments
    assert 50 <= len(commitments) <= 70
    assert len({c.id for c in commitments}) == len(commitments)
    per_document = Counter(c.document for c in commitments)
    assert per_document["32824-456"] >= 30 and per_document["32824-451"] >= 20
    assert {c.pillar for c in commitments} == {1, 2, None}
    both = [c.id for c in commitments if len({s.document for s in c.sources}) == 2]
    assert len(both) >= 5  # promises standing in the letter and in an answer: one record


KAMER = "informeren-kamer"


@pytest.mark.parametrize(
    ("commitment_id", "start", "due", "kind", "locations"),
    [
        ("nationale-dialoog", "2026-01-01", "2026-03-31", "event", ["§1.6", "§4"]),
        ("gebedsoproep-nulmeting", "2025-04-01", "2025-06-30", "deliverable", ["§1.7"]),
        ("gebedsoproep-gesprekken", "2025-04-01", "2025-06-30", "event", ["§1.7"]),
        (
            "gebedsoproep-eerste-resultaten",
            "2025-07-01",
            "2025-07-31",
            "informeren-kamer",
            ["§1.7"],
        ),
        ("gebedsoproep-experts", "2025-07-01", "2025-09-30", "event", ["§1.7"]),
        (
            "gebedsoproep-verbetervoorstellen",
            "2026-01-01",
            "2026-03-31",
            "informeren-kamer",
            ["§1.7"],
        ),
        ("problematisch-gedrag-uitkomsten", "2025-10-01", "2025-12-31", "deliverable", ["§1.4"]),
        ("problematisch-gedrag-kamer", "2026-01-01", "2026-03-31", "informeren-kamer", ["§1.4"]),
        ("obi-meldpunt", "2025-07-04", "2025-12-31", "informeren-kamer", ["§1.4", "vraag 137"]),
        (
            "asielzoekers-aan-het-werk-aanpak",
            "2026-06-01",
            "2026-08-31",
            "informeren-kamer",
            ["§2.1"],
        ),
        ("sowis-tweede-tijdvak", "2025-07-04", "2025-09-30", "deadline", ["§2.5"]),
    ],
)
def test_must_have_commitments(
    content: Content, commitment_id: str, start: str, due: str, kind: str, locations: list[str]
) -> None:
    commitment = find_commitment(content.commitments, commitment_id)
    assert commitment is not None
    assert (commitment.start.isoformat(), commitment.due.isoformat()) == (start, due)
    assert commitment.kind == kind
    for location in locations:
        assert location in commitment.citation()


def test_key_phrases(content: Content) -> None:
    by_id = {c.id: c for c in content.commitments}
    assert by_id["obi-meldpunt"].when_text == "nog dit jaar"
    assert by_id["obi-meldpunt"].ministry == "JenV"
    assert by_id["asielzoekers-aan-het-werk-aanpak"].when_text == "volgend jaar zomer"
    assert by_id["sowis-tweede-tijdvak"].when_text == "tot en met 30 september 2025"
    assert by_id["nationale-dialoog"].pillar == 1
    assert "motie-Ceder" in by_id["nationale-dialoog"].quote
    assert by_id["asielzoekers-aan-het-werk-aanpak"].pillar == 2


class TestChecksFindProblems:
    @pytest.fixture
    def dialoog(self, content: Content) -> Commitment:
        commitment = find_commitment(content.commitments, "nationale-dialoog")
        assert commitment is not None
        return commitment

    def _fields(self, sources: list[SourceDocument], *commitments: Commitment) -> list[str]:
        return [p.field for p in check_commitments(list(commitments), sources)]

    def test_related_questions_name_their_document(
        self, dialoog: Commitment, sources: list[SourceDocument]
    ) -> None:
        assert dialoog.related_document == "32824-451"
        elsewhere = dialoog.model_copy(update={"related_document": "31749-8"})
        assert self._fields(sources, elsewhere) == ["related_document"]
        missing = dialoog.model_copy(update={"related_questions": (999,)})
        assert self._fields(sources, missing) == ["related_questions"]

    def test_changed_quote(self, dialoog: Commitment, sources: list[SourceDocument]) -> None:
        changed = dialoog.model_copy(update={"quote": dialoog.quote.replace("eerste", "tweede")})
        problems = check_commitments([changed], sources)
        assert [(p.entry, p.field) for p in problems] == [("toezegging nationale-dialoog", "quote")]
        assert "§1.6" in problems[0].message

    def test_wrong_section_says_where_it_does_stand(
        self, dialoog: Commitment, sources: list[SourceDocument]
    ) -> None:
        moved = dialoog.model_copy(
            update={
                "sources": (SourceRef(document="32824-456", section="1.7"), *dialoog.sources[1:])
            }
        )
        problems = check_commitments([moved], sources)
        assert len(problems) == 1 and "wel in §1.6" in problems[0].message

    def test_second_location_quote(
        self, dialoog: Commitment, sources: list[SourceDocument]
    ) -> None:
        wrong = SourceRef(
            document="32824-456", section="4", quote="Deze dialoog vindt nooit plaats."
        )
        changed = dialoog.model_copy(update={"sources": (dialoog.sources[0], wrong)})
        assert self._fields(sources, changed) == ["sources[1].quote"]

    def test_unknown_locations(self, dialoog: Commitment, sources: list[SourceDocument]) -> None:
        changed = dialoog.model_copy(
            update={
                "sources": (
                    dialoog.sources[0],
                    SourceRef(document="32824-451", questions=(999,), quote="iets wat er staat"),
                    SourceRef(document="32824-499", section="1", quote="iets wat er staat"),
                ),
                "related_questions": (88, 500),
            }
        )
        assert self._fields(sources, changed) == [
            "sources[1].questions",
            "sources[2]",
            "related_questions",
        ]

    def test_date_that_does_not_match_the_phrase(
        self, dialoog: Commitment, sources: list[SourceDocument]
    ) -> None:
        changed = dialoog.model_copy(update={"due": date(2026, 4, 30)})
        problems = check_commitments([changed], sources)
        assert [p.field for p in problems] == ["due"]
        assert "2026-03-31" in problems[0].message

    def test_override_is_accepted_and_a_stale_one_reported(
        self, dialoog: Commitment, sources: list[SourceDocument]
    ) -> None:
        reason = "De dialoog is verschoven naar april, zie het verslag van het overleg."
        moved = Commitment.model_validate(
            dialoog.model_dump()
            | {"due": date(2026, 4, 30), "override": {"due": date(2026, 4, 30), "reason": reason}}
        )
        assert self._fields(sources, moved) == []
        stale = Commitment.model_validate(
            dialoog.model_dump() | {"override": {"due": date(2026, 3, 31), "reason": reason}}
        )
        assert self._fields(sources, stale) == ["override.due"]

    def test_unreadable_time_phrase_needs_an_override(
        self, content: Content, sources: list[SourceDocument]
    ) -> None:
        voorjaarsnota = find_commitment(content.commitments, "middelen-actieagenda-voorjaarsnota")
        assert voorjaarsnota is not None
        bare = voorjaarsnota.model_copy(update={"override": None})
        assert self._fields(sources, bare) == ["when_text"]

    def test_duplicate_id(self, dialoog: Commitment, sources: list[SourceDocument]) -> None:
        assert self._fields(sources, dialoog, dialoog) == ["id"]


def _copy_content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(default_content_dir() / "documents", root / "documents")
    shutil.copy(default_content_dir() / "commitments.yaml", root / "commitments.yaml")
    return root


def test_content_check_names_file_entry_and_field(tmp_path: Path) -> None:
    root = _copy_content(tmp_path)
    path = root / "commitments.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("sleutelfiguren uit diverse", "sleutelfiguren uit alle", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_content(root)
    messages = [str(p) for p in exc.value.problems]
    assert messages and all("content/commitments.yaml" in m for m in messages)
    assert any("toezegging nationale-dialoog, veld 'quote'" in m for m in messages)


def test_model_errors_name_the_entry(tmp_path: Path) -> None:
    root = _copy_content(tmp_path)
    path = root / "commitments.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = (
        "  - id: nationale-dialoog\n"
        "    title: Nationale dialoog met sleutelfiguren (motie-Ceder)\n"
        "    pillar: 1\n"
    )
    assert anchor in text
    path.write_text(
        text.replace(anchor, anchor.replace("pillar: 1", "pillar: 3")), encoding="utf-8"
    )
    with pytest.raises(ContentError) as exc:
        load_content(root)
    assert any(
        p.file == "content/commitments.yaml"
        and p.entry == "toezegging nationale-dialoog"
        and p.field == "pillar"
        for p in exc.value.problems
    )


def test_missing_commitments_file_means_none(tmp_path: Path) -> None:
    root = _copy_content(tmp_path)
    (root / "commitments.yaml").unlink()
    assert load_content(root).commitments == ()
