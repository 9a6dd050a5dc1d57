"""Tests for the Dutch time-expression interpreter (agendabot.core.time.interpret).

Three tables drive them: the conventions table in docs/time-conventions.md (every documented
example must parse to the documented dates), PHRASES below (more phrases, varied reference
dates) and NOT_TIME (phrases that must not be read as a time).
"""

from __future__ import annotations

import itertools
import re
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from agendabot.core.time.calendar import PRECISION_ORDER
from agendabot.core.time.interpret import Period, find_expressions, interpret

ROOT = Path(__file__).resolve().parents[1]
CONVENTIONS = ROOT / "docs" / "time-conventions.md"
LETTER = ROOT / "content" / "sources" / "kamerstuk-32824-456-voortgangsbrief.txt"
QA_LIST = ROOT / "content" / "sources" / "kamerstuk-32824-451-vragen-en-antwoorden.txt"

LETTER_DATE = date(2025, 7, 4)
QA_DATE = date(2025, 4, 8)


def _optional_date(cell: str) -> date | None:
    return None if cell in ("—", "-", "") else date.fromisoformat(cell)


def _conventions_rows() -> list[tuple[str, date, date | None, date | None, str, str]]:
    """The rows of the '## Conventions table' section of docs/time-conventions.md."""
    text = CONVENTIONS.read_text(encoding="utf-8")
    section = text.split("## Conventions table", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 8 or cells[0] == "pattern" or set(cells[0]) <= {"-"}:
            continue
        _pattern, _rule, example, reference, start, due, precision, kind = cells
        rows.append(
            (
                example.strip("`"),
                date.fromisoformat(reference),
                _optional_date(start),
                _optional_date(due),
                precision,
                kind,
            )
        )
    return rows


CONVENTION_ROWS = _conventions_rows()


def test_conventions_table_is_read() -> None:
    assert len(CONVENTION_ROWS) >= 60


@pytest.mark.parametrize(
    ("phrase", "reference", "start", "due", "precision", "kind"),
    CONVENTION_ROWS,
    ids=[f"{row[0]}@{row[1]}" for row in CONVENTION_ROWS],
)
def test_documented_example(
    phrase: str, reference: date, start: date | None, due: date | None, precision: str, kind: str
) -> None:
    period = interpret(phrase, reference)
    assert period is not None, phrase
    assert (period.start, period.due, period.precision, period.kind) == (
        start,
        due,
        precision,
        kind,
    )


D = date.fromisoformat
# (phrase, reference, start, due, precision, kind)
PHRASES: list[tuple[str, date, date | None, date | None, str, str]] = [
    # quarters and halves
    (
        "eerste kwartaal van 2026",
        LETTER_DATE,
        D("2026-01-01"),
        D("2026-03-31"),
        "quarter",
        "period",
    ),
    ("het tweede kwartaal", QA_DATE, D("2025-04-01"), D("2025-06-30"), "quarter", "period"),
    ("het tweede kwartaal", D("2025-09-01"), D("2026-04-01"), D("2026-06-30"), "quarter", "period"),
    ("Q2", QA_DATE, D("2025-04-01"), D("2025-06-30"), "quarter", "period"),
    ("Q1 2026", LETTER_DATE, D("2026-01-01"), D("2026-03-31"), "quarter", "period"),
    ("Q4 2025", QA_DATE, D("2025-10-01"), D("2025-12-31"), "quarter", "period"),
    ("begin Q3", LETTER_DATE, D("2025-07-01"), D("2025-07-31"), "month", "period"),
    ("begin Q3", D("2025-09-20"), D("2026-07-01"), D("2026-07-31"), "month", "period"),
    ("medio Q3 2025", QA_DATE, D("2025-08-01"), D("2025-08-31"), "month", "period"),
    ("eind Q4", D("2026-02-01"), D("2026-12-01"), D("2026-12-31"), "month", "period"),
    (
        "het laatste kwartaal van 2025",
        QA_DATE,
        D("2025-10-01"),
        D("2025-12-31"),
        "quarter",
        "period",
    ),
    ("het 3e kwartaal van 2025", QA_DATE, D("2025-07-01"), D("2025-09-30"), "quarter", "period"),
    (
        "het derde kwartaal van dit jaar",
        QA_DATE,
        D("2025-07-01"),
        D("2025-09-30"),
        "quarter",
        "period",
    ),
    (
        "het eerste kwartaal van volgend jaar",
        LETTER_DATE,
        D("2026-01-01"),
        D("2026-03-31"),
        "quarter",
        "period",
    ),
    ("tweede helft van 2025", LETTER_DATE, D("2025-07-01"), D("2025-12-31"), "half", "period"),
    ("eerste helft 2026", LETTER_DATE, D("2026-01-01"), D("2026-06-30"), "half", "period"),
    ("de tweede helft van het jaar", QA_DATE, D("2025-07-01"), D("2025-12-31"), "half", "period"),
    ("H1 2026", LETTER_DATE, D("2026-01-01"), D("2026-06-30"), "half", "period"),
    ("het komende halfjaar", LETTER_DATE, D("2025-07-04"), D("2026-01-03"), "half", "period"),
    # begin / medio / eind
    ("begin 2026", QA_DATE, D("2026-01-01"), D("2026-03-31"), "quarter", "period"),
    ("medio 2026", QA_DATE, D("2026-06-01"), D("2026-07-31"), "quarter", "period"),
    ("halverwege het jaar", QA_DATE, D("2025-06-01"), D("2025-07-31"), "quarter", "period"),
    ("eind 2025", LETTER_DATE, D("2025-10-01"), D("2025-12-31"), "quarter", "period"),
    ("eind dit jaar", QA_DATE, D("2025-10-01"), D("2025-12-31"), "quarter", "period"),
    ("eind volgend jaar", QA_DATE, D("2026-10-01"), D("2026-12-31"), "quarter", "period"),
    ("begin dit jaar", QA_DATE, D("2025-01-01"), D("2025-03-31"), "quarter", "period"),
    ("half juni", LETTER_DATE, D("2025-06-11"), D("2025-06-20"), "week", "period"),
    ("half juni", D("2025-08-15"), D("2026-06-11"), D("2026-06-20"), "week", "period"),
    ("begin juli 2025", QA_DATE, D("2025-07-01"), D("2025-07-10"), "week", "period"),
    ("uiterlijk eind 2025", QA_DATE, QA_DATE, D("2025-12-31"), "year", "deadline"),
    ("uiterlijk begin 2026", QA_DATE, QA_DATE, D("2026-03-31"), "quarter", "deadline"),
    ("tot eind 2025", LETTER_DATE, LETTER_DATE, D("2025-12-31"), "year", "deadline"),
    # seasons and their edges
    ("dit voorjaar", LETTER_DATE, D("2025-03-01"), D("2025-05-31"), "season", "period"),
    ("in de zomer", QA_DATE, D("2025-06-01"), D("2025-08-31"), "season", "period"),
    ("in de zomer", D("2025-10-15"), D("2026-06-01"), D("2026-08-31"), "season", "period"),
    ("voor de zomer", QA_DATE, QA_DATE, D("2025-06-30"), "season", "deadline"),
    ("voor de zomer", D("2025-09-01"), D("2025-09-01"), D("2026-06-30"), "season", "deadline"),
    ("uiterlijk voor de zomer", QA_DATE, QA_DATE, D("2025-06-30"), "season", "deadline"),
    ("voor het zomerreces", QA_DATE, QA_DATE, D("2025-06-30"), "season", "deadline"),
    ("na de zomer", LETTER_DATE, D("2025-09-01"), D("2025-11-30"), "season", "period"),
    ("na het zomerreces", QA_DATE, D("2025-09-01"), D("2025-11-30"), "season", "period"),
    ("na de zomer van 2025", LETTER_DATE, D("2025-09-01"), D("2025-11-30"), "season", "period"),
    ("voor het eind van de zomer", QA_DATE, QA_DATE, D("2025-08-31"), "season", "deadline"),
    ("dit najaar", QA_DATE, D("2025-09-01"), D("2025-11-30"), "season", "period"),
    ("in het najaar", LETTER_DATE, D("2025-09-01"), D("2025-11-30"), "season", "period"),
    ("volgend jaar zomer", LETTER_DATE, D("2026-06-01"), D("2026-08-31"), "season", "period"),
    ("zomer volgend jaar", LETTER_DATE, D("2026-06-01"), D("2026-08-31"), "season", "period"),
    ("komend najaar", LETTER_DATE, D("2025-09-01"), D("2025-11-30"), "season", "period"),
    ("komend voorjaar", LETTER_DATE, D("2026-03-01"), D("2026-05-31"), "season", "period"),
    ("deze winter", QA_DATE, D("2025-12-01"), D("2026-02-28"), "season", "period"),
    ("afgelopen winter", QA_DATE, D("2024-12-01"), D("2025-02-28"), "season", "period"),
    ("in het voorjaar van 2025", QA_DATE, D("2025-03-01"), D("2025-05-31"), "season", "period"),
    ("sinds de zomer van 2023", QA_DATE, D("2023-06-01"), None, "season", "start"),
    ("in de herfst", LETTER_DATE, D("2025-09-01"), D("2025-11-30"), "season", "period"),
    # relative years
    ("dit jaar", LETTER_DATE, D("2025-01-01"), D("2025-12-31"), "year", "period"),
    ("nog dit jaar", QA_DATE, QA_DATE, D("2025-12-31"), "year", "deadline"),
    ("volgend jaar", QA_DATE, D("2026-01-01"), D("2026-12-31"), "year", "period"),
    ("het komende jaar", QA_DATE, QA_DATE, D("2026-04-07"), "year", "period"),
    ("komend jaar", D("2025-11-20"), D("2026-01-01"), D("2026-12-31"), "year", "period"),
    ("voor het einde van het jaar", QA_DATE, QA_DATE, D("2025-12-31"), "year", "deadline"),
    ("aan het einde van dit jaar", QA_DATE, D("2025-10-01"), D("2025-12-31"), "quarter", "period"),
    (
        "uiterlijk voor het einde van het jaar",
        LETTER_DATE,
        LETTER_DATE,
        D("2025-12-31"),
        "year",
        "deadline",
    ),
    ("later dit jaar", LETTER_DATE, LETTER_DATE, D("2025-12-31"), "year", "period"),
    ("later in het jaar", LETTER_DATE, LETTER_DATE, D("2025-12-31"), "year", "period"),
    ("in de loop van 2026", LETTER_DATE, D("2026-01-01"), D("2026-12-31"), "year", "period"),
    ("het afgelopen jaar", LETTER_DATE, D("2024-07-05"), LETTER_DATE, "year", "period"),
    # explicit dates and ranges
    ("1 juli 2025", QA_DATE, D("2025-07-01"), D("2025-07-01"), "day", "period"),
    ("op 1 januari 2026", QA_DATE, D("2026-01-01"), D("2026-01-01"), "day", "period"),
    ("maandag 1 september 2025", LETTER_DATE, D("2025-09-01"), D("2025-09-01"), "day", "period"),
    ("1 jan. 2026", LETTER_DATE, D("2026-01-01"), D("2026-01-01"), "day", "period"),
    ("2025-07-04", QA_DATE, D("2025-07-04"), D("2025-07-04"), "day", "period"),
    ("4-7-2025", QA_DATE, D("2025-07-04"), D("2025-07-04"), "day", "period"),
    ("04/07/2025", QA_DATE, D("2025-07-04"), D("2025-07-04"), "day", "period"),
    ("tot en met 30 september 2025", QA_DATE, QA_DATE, D("2025-09-30"), "day", "deadline"),
    ("t/m 30 september 2025", QA_DATE, QA_DATE, D("2025-09-30"), "day", "deadline"),
    ("vanaf 2026", QA_DATE, D("2026-01-01"), None, "year", "start"),
    ("met ingang van 1 januari 2027", QA_DATE, D("2027-01-01"), None, "day", "start"),
    ("per 1 januari 2026", LETTER_DATE, D("2026-01-01"), None, "day", "start"),
    ("sinds januari 2024", QA_DATE, D("2024-01-01"), None, "month", "start"),
    ("tot in 2029", LETTER_DATE, LETTER_DATE, D("2029-12-31"), "year", "deadline"),
    ("in 2027 of eerder", LETTER_DATE, LETTER_DATE, D("2027-12-31"), "year", "deadline"),
    ("2025-2029", QA_DATE, D("2025-01-01"), D("2029-12-31"), "multi-year", "period"),
    ("2024 – 2030", QA_DATE, D("2024-01-01"), D("2030-12-31"), "multi-year", "period"),
    ("van 2025 tot en met 2028", QA_DATE, D("2025-01-01"), D("2028-12-31"), "multi-year", "period"),
    (
        "tussen begin 2014 en medio 2016",
        QA_DATE,
        D("2014-01-01"),
        D("2016-07-31"),
        "quarter",
        "period",
    ),
    (
        "van juli tot en met september 2025",
        QA_DATE,
        D("2025-07-01"),
        D("2025-09-30"),
        "month",
        "period",
    ),
    ("juni 2025", LETTER_DATE, D("2025-06-01"), D("2025-06-30"), "month", "period"),
    ("Oktober 2024", QA_DATE, D("2024-10-01"), D("2024-10-31"), "month", "period"),
    ("in september", QA_DATE, D("2025-09-01"), D("2025-09-30"), "month", "period"),
    ("in december", QA_DATE, D("2025-12-01"), D("2025-12-31"), "month", "period"),
    ("in december", D("2026-01-10"), D("2025-12-01"), D("2025-12-31"), "month", "period"),
    ("maart jl.", QA_DATE, D("2025-03-01"), D("2025-03-31"), "month", "period"),
    ("26 september jongstleden", QA_DATE, D("2024-09-26"), D("2024-09-26"), "day", "period"),
    ("1 oktober aanstaande", LETTER_DATE, D("2025-10-01"), D("2025-10-01"), "day", "period"),
    ("voor 1 juli", QA_DATE, QA_DATE, D("2025-06-30"), "day", "deadline"),
    ("vóór september", LETTER_DATE, LETTER_DATE, D("2025-08-31"), "month", "deadline"),
    ("deze maand", LETTER_DATE, D("2025-07-01"), D("2025-07-31"), "month", "period"),
    ("volgende maand", D("2025-12-10"), D("2026-01-01"), D("2026-01-31"), "month", "period"),
    ("volgende week", LETTER_DATE, D("2025-07-07"), D("2025-07-13"), "week", "period"),
    ("dit kwartaal", QA_DATE, D("2025-04-01"), D("2025-06-30"), "quarter", "period"),
    ("Prinsjesdag 2026", QA_DATE, D("2026-09-15"), D("2026-09-15"), "day", "period"),
    # vague
    ("de komende maanden", LETTER_DATE, LETTER_DATE, D("2026-01-03"), "vague", "period"),
    ("in de komende maanden", QA_DATE, QA_DATE, D("2025-10-07"), "vague", "period"),
    ("op korte termijn", QA_DATE, QA_DATE, D("2025-07-07"), "vague", "period"),
    ("de komende jaren", QA_DATE, QA_DATE, D("2028-04-07"), "vague", "period"),
    ("zo snel mogelijk", LETTER_DATE, LETTER_DATE, D("2025-10-03"), "vague", "period"),
    ("zo spoedig mogelijk", QA_DATE, QA_DATE, D("2025-07-07"), "vague", "period"),
    ("de komende periode", LETTER_DATE, LETTER_DATE, D("2026-01-03"), "vague", "period"),
    ("binnen de komende maanden", LETTER_DATE, LETTER_DATE, D("2026-01-03"), "vague", "deadline"),
    ("de komende drie maanden", LETTER_DATE, LETTER_DATE, D("2025-10-03"), "month", "period"),
    ("binnen een jaar", LETTER_DATE, LETTER_DATE, D("2026-07-04"), "year", "deadline"),
    # the letter's own forms, in their sentences
    ("Begin Q3 2025", QA_DATE, D("2025-07-01"), D("2025-07-31"), "month", "period"),
    ("in het derde kwartaal", LETTER_DATE, D("2025-07-01"), D("2025-09-30"), "quarter", "period"),
    (
        "De eerste resultaten hiervan worden begin Q3 verwacht.",
        LETTER_DATE,
        D("2025-07-01"),
        D("2025-07-31"),
        "month",
        "period",
    ),
    (
        "Deze dialoog vindt plaats in het eerste kwartaal van 2026.",
        LETTER_DATE,
        D("2026-01-01"),
        D("2026-03-31"),
        "quarter",
        "period",
    ),
    (
        "Ik zal uw Kamer daar volgend jaar zomer verder over informeren.",
        LETTER_DATE,
        D("2026-06-01"),
        D("2026-08-31"),
        "season",
        "period",
    ),
    (
        "Het tweede tijdvak staat nu open tot en met 30 september 2025.",
        LETTER_DATE,
        LETTER_DATE,
        D("2025-09-30"),
        "day",
        "deadline",
    ),
    ("in 2025 en 2026", QA_DATE, D("2025-01-01"), D("2026-12-31"), "multi-year", "period"),
    ("medio 2026 of eerder", QA_DATE, QA_DATE, D("2026-07-31"), "quarter", "deadline"),
]


@pytest.mark.parametrize(
    ("phrase", "reference", "start", "due", "precision", "kind"),
    PHRASES,
    ids=[f"{row[0][:40]}@{row[1]}" for row in PHRASES],
)
def test_phrase(
    phrase: str, reference: date, start: date | None, due: date | None, precision: str, kind: str
) -> None:
    period = interpret(phrase, reference)
    assert period is not None, phrase
    assert (period.start, period.due, period.precision, period.kind) == (
        start,
        due,
        precision,
        kind,
    )


def test_enough_phrases() -> None:
    assert len({row[0] for row in PHRASES}) >= 60


NOT_TIME = [
    "",
    "   ",
    "hallo",
    "Het kabinet werkt aan een minder vrijblijvend integratiebeleid.",
    "de helft van de initiatiefnemers",
    "vanaf het moment dat ze in een AZC zitten",
    "in 12 jaar gehalveerd",
    "bij Voorjaarsnota",
    "een zomerschool",
    "Q7",
    "2024/25",
    "2025D32403",
    "voor de mensen",
    "per kwartaal",
    "jaarlijks",
]


@pytest.mark.parametrize("phrase", NOT_TIME)
def test_not_a_time(phrase: str) -> None:
    assert interpret(phrase, LETTER_DATE) is None


def test_impossible_day_falls_back_to_the_month() -> None:
    period = interpret("31 februari 2025", LETTER_DATE)
    assert period is not None
    assert (period.text, period.start, period.due) == (
        "februari 2025",
        date(2025, 2, 1),
        date(2025, 2, 28),
    )


def test_text_and_inferred_year() -> None:
    period = interpret("De eerste resultaten worden begin Q3 verwacht.", LETTER_DATE)
    assert period is not None
    assert period.text == "begin Q3"
    assert period.year_inferred is True
    explicit = interpret("begin Q3 2025", LETTER_DATE)
    assert explicit is not None
    assert explicit.year_inferred is False


def test_period_is_frozen() -> None:
    period = interpret("Q2", LETTER_DATE)
    assert period is not None
    with pytest.raises(ValidationError):
        period.due = date(2030, 1, 1)  # type: ignore[misc]
    assert isinstance(period, Period)


# ---------------------------------------------------------------------------------------------
# Scanning running text


def test_find_expressions_spans_and_order() -> None:
    text = (
        "Het onderzoek wordt zo snel mogelijk, uiterlijk voor het einde van het jaar aan de "
        "Kamer gestuurd. De onderzoeken worden dit najaar en begin volgend jaar aanbesteed."
    )
    found = find_expressions(text, LETTER_DATE)
    assert [f.text for f in found] == [
        "zo snel mogelijk",
        "uiterlijk voor het einde van het jaar",
        "dit najaar",
        "begin volgend jaar",
    ]
    for item in found:
        assert text[item.span[0] : item.span[1]] == item.text == item.period.text
    assert found[1].period.due == date(2025, 12, 31)
    assert found[3].period.start == date(2026, 1, 1)


def test_longest_match_wins() -> None:
    found = find_expressions("Dit gebeurt in de periode 2025 tot en met 2028.", LETTER_DATE)
    assert [f.text for f in found] == ["in de periode 2025 tot en met 2028"]


def test_voor_before_a_quarter_is_not_part_of_the_match() -> None:
    found = find_expressions("Dit staat gepland voor het eerste kwartaal van 2026.", LETTER_DATE)
    assert [f.text for f in found] == ["het eerste kwartaal van 2026"]
    assert found[0].period.kind == "period"


def test_citations_and_bare_numbers_are_skipped() -> None:
    text = (
        "Tweede Kamer, vergaderjaar 2024–2025, 32 824, nr. 451. Kamerstukken II 2024-2025. "
        "Cohort 2014 en Nummer: 2025D32403. Zie ook (2024)."
    )
    assert find_expressions(text, QA_DATE) == []


def test_bare_year_counts_after_voor_and_in_coordination() -> None:
    text = "Voor 2025 is geld beschikbaar. Ik ga in 2025 en 2026 door met de inzet."
    assert [f.text for f in find_expressions(text, QA_DATE)] == ["2025", "in 2025", "2026"]


def test_lenient_interpret_reads_a_bare_year_that_scanning_skips() -> None:
    assert find_expressions("Cohort 2014", QA_DATE) == []
    period = interpret("2014", QA_DATE)
    assert period is not None
    assert (period.start, period.due) == (date(2014, 1, 1), date(2014, 12, 31))


def test_phrase_over_a_line_break() -> None:
    found = find_expressions("informeer ik uw Kamer in het eerste\nkwartaal van 2026.", QA_DATE)
    assert [f.period.due for f in found] == [date(2026, 3, 31)]


LETTER_MUST_FIND = {
    "nog dit jaar": (date(2025, 7, 4), date(2025, 12, 31)),
    "in het eerste kwartaal van 2026": (date(2026, 1, 1), date(2026, 3, 31)),
    "begin Q3": (date(2025, 7, 1), date(2025, 7, 31)),
    "volgend jaar zomer": (date(2026, 6, 1), date(2026, 8, 31)),
    "na de zomer van 2025": (date(2025, 9, 1), date(2025, 11, 30)),
    "tot en met 30 september 2025": (date(2025, 7, 4), date(2025, 9, 30)),
    "begin 2026": (date(2026, 1, 1), date(2026, 3, 31)),
    "Q2": (date(2025, 4, 1), date(2025, 6, 30)),
    "eind 2025": (date(2025, 10, 1), date(2025, 12, 31)),
    "tot in 2029": (date(2025, 7, 4), date(2029, 12, 31)),
}


def test_letter_yields_its_commitment_phrases() -> None:
    found = find_expressions(LETTER.read_text(encoding="utf-8"), LETTER_DATE)
    readings = {(f.text, f.period.start, f.period.due) for f in found}
    for phrase, (start, due) in LETTER_MUST_FIND.items():
        assert (phrase, start, due) in readings, phrase
    assert not any("vergaderjaar" in f.text for f in found)


def test_source_documents_are_scanned_fast() -> None:
    texts = [(LETTER.read_text(encoding="utf-8"), LETTER_DATE)]
    texts.append((QA_LIST.read_text(encoding="utf-8"), QA_DATE))
    began = time.perf_counter()
    counts = [len(find_expressions(text, reference)) for text, reference in texts]
    elapsed = time.perf_counter() - began
    assert all(count >= 50 for count in counts)
    assert elapsed < 5.0  # about 0.3 s on the project machine


def test_found_items_do_not_overlap_in_the_qa_list() -> None:
    text = QA_LIST.read_text(encoding="utf-8")
    found = find_expressions(text, QA_DATE)
    ends = [f.span for f in found]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))
    assert all(text[a:b] == f.text for f, (a, b) in zip(found, ends, strict=True))


# ---------------------------------------------------------------------------------------------
# Robustness

_TIME_WORDS = st.sampled_from(
    [
        "voor",
        "de",
        "zomer",
        "Q3",
        "eind",
        "2025",
        "tot en met",
        "31",
        "februari",
        "jl.",
        "of eerder",
        "het",
        "kwartaal",
        "tweede",
        "helft",
        "van",
        "–",
        "nog",
        "dit jaar",
        "9999",
        "1900",
        "week 53",
        "binnen 100 jaar",
        "winter",
        "/",
        "-",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=80), st.lists(_TIME_WORDS, max_size=12).map(" ".join)),
    reference=st.dates(),
)
def test_never_raises_and_spans_are_sound(text: str, reference: date) -> None:
    found = find_expressions(text, reference)
    previous_end = 0
    for item in found:
        assert previous_end <= item.span[0] < item.span[1] <= len(text)
        assert text[item.span[0] : item.span[1]] == item.text
        period = item.period
        assert period.precision in PRECISION_ORDER
        if period.start is not None and period.due is not None:
            assert period.start <= period.due
        previous_end = item.span[1]
    interpret(text, reference)


def test_phrase_table_has_no_duplicates() -> None:
    keys = [(row[0], row[1]) for row in PHRASES]
    assert len(keys) == len(set(keys))
    # every documented row has a pattern column that names the phrase family
    assert all(re.search(r"\w", row[0]) for row in CONVENTION_ROWS)
