"""Readings: what a matched time expression means, as dates for an assumed year.

The grammar (`agendabot.core.time.parser`) matches tokens; the builders here turn a match
into a `Reading` (start, due, precision, kind), and decide floating years (`GRACE`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from agendabot.core.time.calendar import (
    ONE_DAY,
    Part,
    Precision,
    Span,
    Unit,
    add_months,
    coarsest,
    day_span,
    next_season,
    part_of,
    week_span,
)
from agendabot.core.time.words import (
    Mode,
)

Kind = Literal["period", "deadline", "start"]


# A floating unit ("Q2", "in juni", "voor de zomer") stays in the reference year while its
# reading ended less than this long before the reference: a letter of 4 July that speaks of
# "Q2" means the quarter that just closed, one of 8 April that says "in maart" last month.
GRACE = timedelta(days=31)


@dataclass(frozen=True, slots=True)
class Reading:
    """Dates read from one expression (see `agendabot.core.time.interpret.Period`)."""

    start: date | None
    due: date | None
    precision: Precision
    kind: Kind


@dataclass(frozen=True, slots=True)
class Hit:
    """One expression found in a text: character offsets and its reading."""

    start: int
    end: int
    reading: Reading
    year_inferred: bool


Build = Callable[[int], Span | None]


@dataclass(frozen=True, slots=True)
class _Core:
    """A calendar unit matched at tokens [.., end); `build(year)` reads it for an assumed year."""

    end: int
    build: Build
    unit: Unit
    floating: bool = False
    bare: bool = False  # a bare year, month or season: in running text only with context


@dataclass(frozen=True, slots=True)
class _Expr:
    begin: int
    end: int
    build: Callable[[int], Reading | None]
    floating: bool
    bare: bool
    unit: Unit


def _fixed(span: Span | None) -> Build:
    return lambda _year: span


def _year_value(word: str) -> int | None:
    value = int(word) if word.isascii() and word.isdigit() and len(word) == 4 else 0
    return value if 1900 <= value <= 2199 else None


def _fixed_day(year: int, month: int, day: int) -> Build:
    return lambda _year: day_span(date(year, month, day))


def _safe(build: Build, year: int) -> Span | None:
    try:
        return build(year)
    except (ValueError, OverflowError):
        return None


def _before_due(span: Span) -> date:
    """Due date of "voor <span>": the day before it, but "voor het eind van X" is X's end and
    "voor de zomer" is 30 June (before the summer recess that starts in early July)."""
    if span.unit == "part" and span.part == "eind":
        return span.end
    if span.unit == "season" and span.season == "zomer":
        return date(span.start.year, 6, 30)
    return span.start - ONE_DAY


_BEFORE_UNITS = frozenset({"day", "week", "season", "recess", "part"})


def _relate(mode: Mode, span: Span | None, reference: date) -> Reading | None:
    if span is None:
        return None
    if span.unit == "vague" and mode not in ("none", "in"):
        return None
    if mode in ("none", "in"):
        return Reading(span.start, span.end, span.precision, "period")
    if mode == "later":
        start = reference if span.start <= reference <= span.end else span.start
        return Reading(start, span.end, span.precision, "period")
    if mode == "from":
        return Reading(span.start, None, span.precision, "start")
    if mode == "after":
        if span.unit in ("season", "recess"):
            following = next_season(span)
            return Reading(following.start, following.end, "season", "period")
        return Reading(span.end + ONE_DAY, None, span.precision, "start")
    if mode == "before" and span.unit not in _BEFORE_UNITS:
        return None  # "gepland voor het eerste kwartaal": "voor" means "for" here
    due = span.end if mode == "by" else _before_due(span)
    precision = span.precision
    if span.whole is not None and (span.part == "eind" or (mode != "by" and span.part == "begin")):
        # "voor het einde van het jaar", "voor het begin van 2026": due on the year's edge
        precision = span.whole
    return _deadline(due, precision, reference)


def _deadline(due: date, precision: Precision, reference: date) -> Reading:
    return Reading(reference if reference <= due else None, due, precision, "deadline")


def _safe_read(expr: _Expr, year: int) -> Reading | None:
    try:
        return expr.build(year)
    except (ValueError, OverflowError):
        return None


def _part(build: Build, part: Part) -> Build:
    def read(year: int) -> Span | None:
        span = build(year)
        return None if span is None else part_of(span, part)

    return read


def _week_of(build: Build) -> Build:
    def read(year: int) -> Span | None:
        span = build(year)
        return None if span is None else week_span(span.start)

    return read


def _floating_day(month: int, day: int) -> Build:
    return lambda year: day_span(date(year, month, day))


def _related(mode: Mode, build: Build, reference: date) -> Callable[[int], Reading | None]:
    return lambda year: _relate(mode, _safe(build, year), reference)


def _constant(reading: Reading) -> Callable[[int], Reading | None]:
    return lambda _year: reading


def _add_duration(day: date, n: int, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    return add_months(day, n if unit == "month" else 12 * n)


def _range_core(first: _Core, second: _Core, inclusive: bool) -> _Core:
    both_years = first.unit in ("year", "years") and second.unit in ("year", "years")

    def build(year: int) -> Span | None:
        a = _safe(first.build, year)
        b = _safe(second.build, year)
        if a is None or b is None:
            return None
        if first.floating and not second.floating:  # "1 juli tot en met 30 september 2025"
            a = _safe(first.build, b.end.year)
            if a is not None and a.start > b.end:
                a = _safe(first.build, b.end.year - 1)
        elif second.floating:  # "2025 tot en met juni", "juli tot en met maart"
            b = _safe(second.build, a.start.year)
            if b is not None and b.end < a.start:
                b = _safe(second.build, a.start.year + 1)
        if a is None or b is None:
            return None
        end = b.end if inclusive else b.start - ONE_DAY
        if end < a.start:
            return None
        if both_years:
            precision: Precision = "multi-year" if end.year > a.start.year else "year"
        else:
            precision = coarsest(a.precision, b.precision)
        return Span(a.start, end, precision, "range")

    return _Core(second.end, build, "range", first.floating and second.floating, both_years)
