"""Calendar arithmetic and Dutch word tables behind the time-expression interpreter.

Every rule here (what a season, "begin", "medio" or "eind" covers) is one row of
`docs/time-conventions.md`; `agendabot.core.time.interpret` is the parser that uses them.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from agendabot.core.time.dutch_dates import MONTH_NUMBERS

Precision = Literal[
    "day", "week", "month", "quarter", "season", "half", "year", "multi-year", "vague"
]
# From finest to coarsest; `coarsest()` and the tests rely on this order.
PRECISION_ORDER: tuple[Precision, ...] = (
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "half",
    "year",
    "multi-year",
    "vague",
)

Part = Literal["begin", "medio", "eind"]
# What a span is, as far as the relations ("voor", "na", …) care.
Unit = Literal[
    "day",
    "week",
    "month",
    "quarter",
    "half",
    "season",
    "recess",
    "year",
    "rolling",
    "years",
    "part",
    "range",
    "vague",
]

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Span:
    """A closed interval of days [start, end] plus what kind of calendar unit it is."""

    start: date
    end: date
    precision: Precision
    unit: Unit
    season: str | None = None  # "zomer" etc., for seasons, the recess and parts of a season
    part: Part | None = None  # for unit "part"
    whole: Precision | None = None  # for unit "part": the precision of the span it is part of


def coarsest(*precisions: Precision) -> Precision:
    return max(precisions, key=PRECISION_ORDER.index)


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """`day` shifted by whole months, clamped to the target month's length (31 Jan + 1 = 28 Feb)."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year = day.year + years
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def months_span(
    year: int, month: int, count: int, precision: Precision, unit: Unit, season: str | None = None
) -> Span:
    start = date(year, month, 1)
    return Span(start, add_months(start, count) - ONE_DAY, precision, unit, season)


def day_span(day: date) -> Span:
    return Span(day, day, "day", "day")


def month_span(year: int, month: int) -> Span:
    return months_span(year, month, 1, "month", "month")


def quarter_span(year: int, quarter: int) -> Span:
    return months_span(year, 3 * quarter - 2, 3, "quarter", "quarter")


def half_span(year: int, half: int) -> Span:
    return months_span(year, 6 * half - 5, 6, "half", "half")


def year_span(year: int) -> Span:
    return Span(date(year, 1, 1), date(year, 12, 31), "year", "year")


def years_span(first: int, last: int) -> Span:
    precision: Precision = "multi-year" if last > first else "year"
    return Span(date(first, 1, 1), date(last, 12, 31), precision, "years")


def week_span(day: date) -> Span:
    monday = day - timedelta(days=day.weekday())
    return Span(monday, monday + timedelta(days=6), "week", "week")


def iso_week_span(year: int, week: int) -> Span:
    return week_span(date.fromisocalendar(year, week, 1))


def rolling_span(start: date, end: date, precision: Precision, unit: Unit = "rolling") -> Span:
    return Span(start, end, precision, unit)


# Meteorological seasons: whole months, winter runs from December into the next year.
SEASON_START_MONTH: dict[str, int] = {"voorjaar": 3, "zomer": 6, "najaar": 9, "winter": 12}
SEASON_WORDS: dict[str, str] = {
    "voorjaar": "voorjaar",
    "lente": "voorjaar",
    "zomer": "zomer",
    "najaar": "najaar",
    "herfst": "najaar",
    "winter": "winter",
}
RECESS_WORDS = frozenset({"zomerreces", "zomervakantie"})


def season_span(year: int, name: str) -> Span:
    """The season `name` that starts in `year` (winter 2025 = December 2025 – February 2026)."""
    return months_span(year, SEASON_START_MONTH[name], 3, "season", "season", name)


def season_of_month(month: int) -> tuple[str, int]:
    """The season a month belongs to, and the year offset of that season's start (Jan → -1)."""
    if month in (1, 2):
        return "winter", -1
    for name, first in SEASON_START_MONTH.items():
        if first <= month < first + 3:
            return name, 0
    return "winter", 0


def recess_span(year: int) -> Span:
    """The parliamentary summer recess, as a calendar rule: 1 July – 31 August."""
    return Span(date(year, 7, 1), date(year, 8, 31), "season", "recess", "zomer")


def next_season(span: Span) -> Span:
    """The whole season that follows `span` ("na de zomer" = the autumn)."""
    first = span.end + ONE_DAY
    name, offset = season_of_month(first.month)
    return season_span(first.year + offset, name)


def seasons_around(name: str, reference: date) -> list[Span]:
    """The instances of a season near `reference`, oldest first."""
    return [season_span(year, name) for year in range(reference.year - 2, reference.year + 2)]


# Which part of a span "begin", "medio"/"half" and "eind" mean: (first month offset, months).
_YEAR_PARTS: dict[Part, tuple[int, int]] = {"begin": (0, 3), "medio": (5, 2), "eind": (9, 3)}
_HALF_PARTS: dict[Part, tuple[int, int]] = {"begin": (0, 2), "medio": (2, 2), "eind": (4, 2)}
_QUARTER_PARTS: dict[Part, tuple[int, int]] = {"begin": (0, 1), "medio": (1, 1), "eind": (2, 1)}
_MONTH_DAYS: dict[Part, tuple[int, int | None]] = {
    "begin": (1, 10),
    "medio": (11, 20),
    "eind": (21, None),
}


def part_of(span: Span, part: Part) -> Span | None:
    """'begin'/'medio'/'eind' of a whole-month span; None for spans that are not whole months."""
    if span.start.day != 1 or span.end + ONE_DAY != add_months(span.end.replace(day=1), 1):
        return None
    months = (span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1
    if months == 1:
        first, last = _MONTH_DAYS[part]
        end = span.end if last is None else span.start.replace(day=last)
        return Span(
            span.start.replace(day=first), end, "week", "part", span.season, part, span.precision
        )
    table = {12: _YEAR_PARTS, 6: _HALF_PARTS, 3: _QUARTER_PARTS}.get(months)
    if table is None:
        return None
    offset, count = table[part]
    start = add_months(span.start, offset)
    precision: Precision = "quarter" if months == 12 else "month"
    end = add_months(start, count) - ONE_DAY
    return Span(start, end, precision, "part", span.season, part, span.precision)


def prinsjesdag(year: int) -> date:
    """Third Tuesday of September."""
    first = date(year, 9, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 14)


MONTHS: dict[str, int] = MONTH_NUMBERS
# Abbreviations are only read after a day number ("1 jan. 2026"): "Jan" is also a name.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = frozenset(
    {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}
)
ORDINALS: dict[str, int] = {
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "laatste": 4,  # of a quarter; "laatste helft" is not Dutch usage
}
ORDINAL_SUFFIXES = frozenset({"e", "de", "ste"})
NUMBER_WORDS: dict[str, int] = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
}
