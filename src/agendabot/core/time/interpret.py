"""Dutch time expressions: "eerste kwartaal van 2026", "nog dit jaar", "voor de zomer".

`interpret(phrase, reference)` reads one time phrase; `find_expressions(text, reference)` finds
every time expression in a text. `reference` is the document's date: "dit jaar", "Q3" or
"in september" are read relative to it. What each phrase means as a start and due date is
documented in ONE place, `docs/time-conventions.md`; a test checks every example there.

The grammar lives in `parser` (whole expressions), `units` and `tokens` (productions), `readings`
(dates of a match), `words` (phrase tables) and
`calendar` (seasons, quarters, "begin/medio/eind"). Nothing reads the clock, and no
string makes these functions raise.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from agendabot.core.time.calendar import PRECISION_ORDER, Precision, coarsest
from agendabot.core.time.parser import scan_text
from agendabot.core.time.readings import GRACE, Kind

__all__ = [
    "GRACE",
    "PRECISION_ORDER",
    "Found",
    "Kind",
    "Period",
    "Precision",
    "find_expressions",
    "interpret",
]


class Period(BaseModel):
    """What a time expression means: a period, a deadline, or an open start."""

    model_config = ConfigDict(frozen=True)

    start: date | None  # first day; None for a deadline that had passed at the reference
    due: date | None  # last day, inclusive; None for an open start ("vanaf 2026")
    precision: Precision
    kind: Kind
    text: str  # the phrase as it stands in the text
    year_inferred: bool = False  # True when no year was written ("Q3", "voor de zomer")


class Found(BaseModel):
    """One time expression inside a text."""

    model_config = ConfigDict(frozen=True)

    span: tuple[int, int]  # character offsets: text[span[0]:span[1]] == self.text
    text: str
    period: Period


def find_expressions(text: str, reference: date, *, strict: bool = True) -> list[Found]:
    """Every time expression in `text`, left to right, non-overlapping, longest match first.

    With `strict` (the default, for running text) a bare year, month or season such as
    "2025" in "Cohort 2025" only counts after "voor" or next to another expression, and
    nothing is read in citations ("Kamerstukken II, vergaderjaar 2024–2025").
    """
    if not isinstance(text, str) or not text.strip():
        return []
    found: list[Found] = []
    for hit in scan_text(text, reference, strict):
        phrase = text[hit.start : hit.end]
        period = Period(
            start=hit.reading.start,
            due=hit.reading.due,
            precision=hit.reading.precision,
            kind=hit.reading.kind,
            text=phrase,
            year_inferred=hit.year_inferred,
        )
        found.append(Found(span=(hit.start, hit.end), text=phrase, period=period))
    return found


def interpret(phrase: str, reference: date) -> Period | None:
    """Read one time phrase, e.g. "voor het einde van het jaar", relative to `reference`.

    Returns None when the phrase holds no time expression. A bare "2025" or "september"
    counts here. When the phrase holds several expressions ("dit najaar en begin volgend
    jaar"), vague ones are dropped if a firmer one is present and the rest are joined into
    one period from the earliest start to the latest due date.
    """
    found = find_expressions(phrase, reference, strict=False)
    if not found:
        return None
    firm = [f for f in found if f.period.precision != "vague"] or found
    if len(firm) == 1:
        return firm[0].period
    periods = [f.period for f in firm]
    starts = [p.start for p in periods if p.start is not None]
    dues = [p.due for p in periods]
    due = None if None in dues else max(d for d in dues if d is not None)
    kinds = {p.kind for p in periods}
    kind: Kind = kinds.pop() if len(kinds) == 1 else "period"
    precision = coarsest(*(p.precision for p in periods))
    start = min(starts) if starts else None
    if precision == "year" and start is not None and due is not None and due.year > start.year:
        precision = "multi-year"
    text = phrase[firm[0].span[0] : firm[-1].span[1]]
    inferred = any(p.year_inferred for p in periods)
    return Period(
        start=start, due=due, precision=precision, kind=kind, text=text, year_inferred=inferred
    )
