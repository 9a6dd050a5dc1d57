"""The parser behind `agendabot.core.time.interpret`: word tokens in, dated readings out.

At each token it tries every production — a relation such as "uiterlijk voor", an optional
part such as "eind", a calendar unit, a suffix such as "of eerder" — and keeps the longest
match. Units without a year ("Q3", "in september", "voor de zomer") float: the year is the
earliest one whose reading does not end more than `GRACE` before the reference. The rules
are documented in `docs/time-conventions.md`. Nothing here reads the clock or raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from agendabot.core.time.calendar import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    ONE_DAY,
    ORDINAL_SUFFIXES,
    ORDINALS,
    RECESS_WORDS,
    SEASON_WORDS,
    WEEKDAYS,
    Part,
    Precision,
    Span,
    Unit,
    add_months,
    coarsest,
    day_span,
    half_span,
    iso_week_span,
    month_span,
    next_season,
    part_of,
    prinsjesdag,
    quarter_span,
    recess_span,
    rolling_span,
    season_span,
    seasons_around,
    week_span,
    year_span,
)
from agendabot.core.time.words import (
    CITATION_WORDS,
    DASHES,
    EARLIER,
    LATER,
    NEXT_MARKS,
    PARTS,
    PAST_MARKS,
    PREFIXES,
    STARTERS,
    TOKEN_RE,
    UNIT_WORDS,
    VAGUE,
    YEAR_OFFSETS,
    Index,
    Mode,
    P,
    Token,
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


# ---------------------------------------------------------------------------------------------
# Relations: what "voor", "uiterlijk", "vanaf", "na" … make of a span


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


# ---------------------------------------------------------------------------------------------
# The parser


class Parser:
    def __init__(self, text: str, reference: date) -> None:
        self.text = text
        self.ref = reference
        self.toks = [
            Token(match.group().lower(), match.start(), match.end())
            for match in TOKEN_RE.finditer(text)
        ]
        # padded so that look-ahead past the end reads "" (no phrase is longer than this)
        self.lows = [token.low for token in self.toks] + [""] * 16
        self.simple_cache: dict[tuple[int, bool], list[_Core]] = {}

    # -- token helpers

    def w(self, i: int) -> str:
        return self.lows[i] if 0 <= i < len(self.lows) else ""

    def glued(self, i: int) -> bool:
        """Is token i directly followed by token i+1 (no space)?"""
        return 0 <= i < len(self.toks) - 1 and self.toks[i].end == self.toks[i + 1].start

    def lettered(self, i: int, letter: str, maximum: int) -> int | None:
        """'Q3' or 'H2': the letter glued to one digit 1..maximum, and nothing glued after."""
        if self.w(i) != letter or not self.glued(i):
            return None
        if self.glued(i + 1) and self.w(i + 2).isalnum():
            return None
        number = self.number(i + 1, 1)
        return number if number is not None and 1 <= number <= maximum else None

    def match(self, i: int, phrase: tuple[str, ...]) -> int | None:
        for k, word in enumerate(phrase):
            if self.w(i + k) != word:
                return None
        return i + len(phrase)

    def lookup(self, i: int, index: Index[P]) -> list[tuple[int, P]]:
        """Every phrase of `index` that stands at token i: (end, payload)."""
        out: list[tuple[int, P]] = []
        for phrase, payload in index.get(self.w(i), ()):
            if (end := self.match(i, phrase)) is not None:
                out.append((end, payload))
        return out

    def matches(self, i: int, index: Index[None]) -> list[int]:
        return [end for end, _ in self.lookup(i, index)]

    def number(self, i: int, max_digits: int = 2) -> int | None:
        word = self.w(i)
        if word.isascii() and word.isdigit() and len(word) <= max_digits:
            return int(word)
        return None

    def count(self, i: int) -> int | None:
        return NUMBER_WORDS.get(self.w(i)) or self.number(i, 3)

    def year(self, i: int) -> int | None:
        """A four-digit year 1900–2199 that is not glued to other digits or letters."""
        word = self.w(i)
        if len(word) != 4 or not (word.isascii() and word.isdigit()):
            return None
        value = int(word)
        if not 1900 <= value <= 2199:
            return None
        if self.glued(i - 1) and (self.w(i - 1).isalnum() or self.w(i - 1) == "/"):
            return None
        if self.glued(i):
            after = self.w(i + 1)
            if after.isalnum() or after == "/":
                return None  # "2025D32403", "2024/25"
            if after in (".", ",") and self.glued(i + 1) and self.w(i + 2)[:1].isdigit():
                return None  # "2025.5", "2025,3"
        return value

    def ordinal(self, i: int, maximum: int) -> tuple[int, int] | None:
        """'derde' or '3e'/'3de'/'3ste' → (value, end)."""
        if (value := ORDINALS.get(self.w(i))) is not None and value <= maximum:
            return value, i + 1
        number = self.number(i, 1)
        if number and number <= maximum and self.glued(i) and self.w(i + 1) in ORDINAL_SUFFIXES:
            return number, i + 2
        return None

    def year_refs(self, i: int) -> list[tuple[int, int]]:
        """Years written after a unit: '2026', 'van 2026', '(van) dit/volgend/vorig jaar'."""
        out: list[tuple[int, int]] = []
        for start in (i, i + 1) if self.w(i) == "van" else (i,):
            if (value := self.year(start)) is not None:
                out.append((start + 1, value))
        for end, offset in self.lookup(i, YEAR_OFFSETS):
            out.append((end, self.ref.year + offset))
        return out

    # -- calendar units

    def p_simple(self, i: int, het_jaar: bool = False) -> list[_Core]:
        key = (i, het_jaar)
        if (cached := self.simple_cache.get(key)) is None:
            cached = self.simple_cache[key] = self._simple(i, het_jaar)
        return cached

    def _simple(self, i: int, het_jaar: bool) -> list[_Core]:
        return [
            *self.p_day(i),
            *self.p_week(i),
            *self.p_month(i),
            *self.p_quarter(i),
            *self.p_half(i),
            *self.p_season(i),
            *self.p_year(i, het_jaar),
        ]

    def p_day(self, i: int) -> list[_Core]:
        out: list[_Core] = []
        ref = self.ref
        # ISO 2025-07-04 and numeric 4-7-2025 / 4/7/2025
        if (
            self.w(i).isascii()
            and self.w(i).isdigit()
            and self.w(i + 1) in ("-", "/", ".")
            and self.w(i + 3) == self.w(i + 1)
            and all(self.glued(k) for k in range(i, i + 4))
        ):
            first, second, third = self.w(i), self.w(i + 2), self.w(i + 4)
            if len(first) == 4 and self.w(i + 1) == "-":
                ymd = (_year_value(first), self.number(i + 2), self.number(i + 4))
            elif len(third) == 4 and len(first) <= 2 and len(second) <= 2:
                ymd = (_year_value(third), self.number(i + 2), self.number(i))
            else:
                ymd = (None, None, None)
            if None not in ymd and not self.glued(i + 4):
                yy, mm, dd = (int(v) for v in ymd if v is not None)
                out.append(_Core(i + 5, _fixed_day(yy, mm, dd), "day"))
        j = i + 1 if self.w(i) in WEEKDAYS else i
        if self.w(j) == "," and j > i:
            j += 1
        day = self.number(j)
        month = MONTHS.get(self.w(j + 1)) or MONTH_ABBREVIATIONS.get(self.w(j + 1))
        if day is None or month is None or not 1 <= day <= 31:
            return out
        j += 2
        if self.w(j - 1) in MONTH_ABBREVIATIONS and self.w(j) == "." and self.glued(j - 1):
            j += 1
        out.append(_Core(j, _floating_day(month, day), "day", floating=True))
        for end, year in self.year_refs(j):
            out.append(_Core(end, _fixed_day(year, month, day), "day"))
        this_year = (month, day) < (ref.month, ref.day)  # already passed this year
        for end in self.matches(j, PAST_MARKS):
            out.append(_Core(end, _fixed_day(ref.year - (not this_year), month, day), "day"))
        for end in self.matches(j, NEXT_MARKS):
            out.append(_Core(end, _fixed_day(ref.year + this_year, month, day), "day"))
        return out

    def p_week(self, i: int) -> list[_Core]:
        out: list[_Core] = []
        if (j := self.match(i, ("de", "week", "van"))) is not None:
            for core in self.p_day(j):
                out.append(
                    _Core(
                        core.end,
                        _week_of(core.build),
                        "week",
                        core.floating,
                    )
                )
        if self.w(i) == "week" and (week := self.number(i + 1)) is not None and 1 <= week <= 53:
            out.append(_Core(i + 2, lambda y: iso_week_span(y, week), "week", floating=True))
            for end, year in self.year_refs(i + 2):
                out.append(_Core(end, _fixed(iso_week_span(year, week)), "week"))
        offsets = {"deze": 0, "volgende": 1, "komende": 1, "vorige": -1}
        if self.w(i + 1) == "week" and (offset := offsets.get(self.w(i))) is not None:
            span = week_span(self.ref + timedelta(weeks=offset))
            out.append(_Core(i + 2, _fixed(span), "week"))
        return out

    def p_month(self, i: int) -> list[_Core]:
        out: list[_Core] = []
        ref = self.ref
        offsets = {"deze": 0, "volgende": 1, "komende": 1, "vorige": -1, "afgelopen": -1}
        if self.w(i + 1) == "maand" and (offset := offsets.get(self.w(i))) is not None:
            first = add_months(ref.replace(day=1), offset)
            out.append(_Core(i + 2, _fixed(month_span(first.year, first.month)), "month"))
        month = MONTHS.get(self.w(i))
        if month is None:
            return out
        m = month
        out.append(_Core(i + 1, lambda y: month_span(y, m), "month", floating=True, bare=True))
        for end, year in self.year_refs(i + 1):
            out.append(_Core(end, _fixed(month_span(year, m)), "month"))
        for end in self.matches(i + 1, PAST_MARKS):
            y = ref.year if month_span(ref.year, m).end < ref else ref.year - 1
            out.append(_Core(end, _fixed(month_span(y, m)), "month"))
        for end in self.matches(i + 1, NEXT_MARKS):
            y = ref.year if month_span(ref.year, m).start > ref else ref.year + 1
            out.append(_Core(end, _fixed(month_span(y, m)), "month"))
        return out

    def p_quarter(self, i: int) -> list[_Core]:
        out: list[_Core] = []
        ref = self.ref
        j = i + 1 if self.w(i) == "het" else i
        quarter: int | None = None
        end = j
        if (found := self.ordinal(j, 4)) is not None and self.w(found[1]) == "kwartaal":
            quarter, end = found[0], found[1] + 1
        elif (n := self.lettered(j, "q", 4)) is not None:
            quarter, end = n, j + 2
        if quarter is not None:
            q = quarter
            out.append(_Core(end, lambda y: quarter_span(y, q), "quarter", floating=True))
            for year_end, year in self.year_refs(end):
                out.append(_Core(year_end, _fixed(quarter_span(year, q)), "quarter"))
        offsets = {"dit": 0, "huidige": 0, "volgend": 1, "volgende": 1, "komend": 1, "komende": 1}
        offsets |= {"vorig": -1, "vorige": -1}
        if self.w(j + 1) == "kwartaal" and (offset := offsets.get(self.w(j))) is not None:
            first = add_months(date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1), 3 * offset)
            span = quarter_span(first.year, (first.month + 2) // 3)
            out.append(_Core(j + 2, _fixed(span), "quarter"))
        return out

    def p_half(self, i: int) -> list[_Core]:
        out: list[_Core] = []
        j = i + 1 if self.w(i) in ("de", "het") else i
        half: int | None = None
        end = j
        if (found := self.ordinal(j, 2)) is not None and self.w(found[1]) in ("helft", "halfjaar"):
            half, end = found[0], found[1] + 1
        elif (n := self.lettered(j, "h", 2)) is not None:
            half, end = n, j + 2
        if half is not None:
            h = half
            out.append(_Core(end, lambda y: half_span(y, h), "half", floating=True))
            for year_end, year in self.year_refs(end):
                out.append(_Core(year_end, _fixed(half_span(year, h)), "half"))
        if self.w(j) in ("komende", "komend", "aankomende") and self.w(j + 1) == "halfjaar":
            span = rolling_span(self.ref, add_months(self.ref, 6) - ONE_DAY, "half")
            out.append(_Core(j + 2, _fixed(span), "rolling"))
        return out

    def p_season(self, i: int) -> list[_Core]:
        out: list[_Core] = []
        ref = self.ref
        word = self.w(i)
        # "dit voorjaar", "komend najaar", "volgende zomer", "afgelopen winter"
        if (name := SEASON_WORDS.get(self.w(i + 1))) is not None:
            instances = seasons_around(name, ref)
            pick: Span | None = None
            if word in ("dit", "deze"):
                # this year's; for winter the one running at the reference, else December's
                pick = season_span(ref.year - (name == "winter" and ref.month < 3), name)
            elif word in ("komend", "komende", "aankomend", "aankomende"):
                pick = next((s for s in instances if s.end >= ref), None)
            elif word in ("volgend", "volgende"):
                pick = next((s for s in instances if s.start > ref), None)
            elif word in ("afgelopen", "vorig", "vorige"):
                pick = next((s for s in reversed(instances) if s.end < ref), None)
            if pick is not None:
                out.append(_Core(i + 2, _fixed(pick), "season"))
        # "volgend jaar zomer", "dit jaar voorjaar"
        for end, year in self.year_refs(i):
            if (name := SEASON_WORDS.get(self.w(end))) is not None:
                out.append(_Core(end + 1, _fixed(season_span(year, name)), "season"))
        # "(de/het) zomer (van) (2025)", "het zomerreces"
        j = i + 1 if word in ("de", "het") else i
        article = j > i
        if (name := SEASON_WORDS.get(self.w(j))) is not None:
            n = name
            out.append(
                _Core(
                    j + 1,
                    lambda y: season_span(y, n),
                    "season",
                    floating=True,
                    bare=not article,
                )
            )
            for end, year in self.year_refs(j + 1):
                out.append(_Core(end, _fixed(season_span(year, n)), "season"))
        if self.w(j) in RECESS_WORDS:
            out.append(_Core(j + 1, recess_span, "recess", floating=True, bare=not article))
            for end, year in self.year_refs(j + 1):
                out.append(_Core(end, _fixed(recess_span(year)), "recess"))
        if self.w(j) == "prinsjesdag":
            out.append(_Core(j + 1, lambda y: day_span(prinsjesdag(y)), "day", floating=True))
            for end, year in self.year_refs(j + 1):
                out.append(_Core(end, _fixed(day_span(prinsjesdag(year))), "day"))
        return out

    def p_year(self, i: int, het_jaar: bool) -> list[_Core]:
        out: list[_Core] = []
        ref = self.ref
        if (year := self.year(i)) is not None:
            out.append(_Core(i + 1, _fixed(year_span(year)), "year", bare=True))
        if self.w(i) == "het" and self.w(i + 1) == "jaar" and (year := self.year(i + 2)):
            out.append(_Core(i + 3, _fixed(year_span(year)), "year"))
        if het_jaar and self.w(i) == "het" and self.w(i + 1) == "jaar":
            out.append(_Core(i + 2, _fixed(year_span(ref.year)), "year"))
        if self.w(i) != "van":
            for end, offset in self.lookup(i, YEAR_OFFSETS):
                out.append(_Core(end, _fixed(year_span(ref.year + offset)), "year"))
        j = i + 1 if self.w(i) == "het" else i
        if self.w(j) in ("komende", "aankomende") and self.w(j + 1) == "jaar":
            span = rolling_span(ref, add_months(ref, 12) - ONE_DAY, "year")
            out.append(_Core(j + 2, _fixed(span), "rolling"))
        if self.w(j) == "afgelopen" and self.w(j + 1) == "jaar":
            span = rolling_span(add_months(ref, -12) + ONE_DAY, ref, "year")
            out.append(_Core(j + 2, _fixed(span), "rolling"))
        return out

    def p_vague(self, i: int) -> list[_Core]:
        out: list[_Core] = []
        ref = self.ref
        for end, months in self.lookup(i, VAGUE):
            span = rolling_span(ref, add_months(ref, months) - ONE_DAY, "vague", "vague")
            out.append(_Core(end, _fixed(span), "vague"))
        # "de komende drie maanden", "de komende 2 jaar"
        j = i + 1 if self.w(i) == "de" else i
        if self.w(j) in ("komende", "aankomende", "eerstkomende"):
            n = self.count(j + 1)
            unit = UNIT_WORDS.get(self.w(j + 2))
            if n is not None and unit is not None and 0 < n <= 100:
                end_day = _add_duration(ref, n, unit) - ONE_DAY
                precision: Precision = "day" if unit == "day" else unit  # type: ignore[assignment]
                out.append(_Core(j + 3, _fixed(rolling_span(ref, end_day, precision)), "rolling"))
        return out

    # -- composite units

    def p_part(self, i: int) -> list[_Core]:
        out: list[_Core] = []
        for j, part in self.lookup(i, PARTS):
            for core in self.p_simple(j, het_jaar=True):
                if core.unit not in ("year", "quarter", "half", "month", "season", "recess"):
                    continue
                if self.w(i) == "half" and core.unit not in ("year", "month"):
                    continue
                out.append(
                    _Core(
                        core.end,
                        _part(core.build, part),
                        "part",
                        core.floating,
                    )
                )
        return out

    def p_range(self, i: int) -> list[_Core]:
        """'2025–2029', 'van 1 juli tot en met 30 september 2025', 'tussen 2030 en 2039'."""
        out: list[_Core] = []
        starts: list[tuple[int, str]] = [(i, "")]
        for word in ("van", "vanaf", "tussen"):
            if self.w(i) == word:
                starts.append((i + 1, word))
        for phrase in (("de", "periode"), ("de", "periode", "van"), ("periode",)):
            if (j := self.match(i, phrase)) is not None:
                starts.append((j, "periode"))
        for j, opener in starts:
            for first in [*self.p_simple(j), *self.p_part(j)]:
                k = first.end
                connectors: list[tuple[int, bool]] = []  # (index after connector, inclusive)
                if opener == "tussen":
                    if self.w(k) == "en":
                        connectors.append((k + 1, True))
                else:
                    for phrase, inclusive in (
                        (("tot", "en", "met"), True),
                        (("t", "/", "m"), True),
                        (("tot", "in"), True),
                        (("tot",), False),
                    ):
                        if (end := self.match(k, phrase)) is not None:
                            connectors.append((end, inclusive))
                    if self.w(k) in DASHES:
                        connectors.append((k + 1, True))
                for after, inclusive in connectors:
                    dash = self.w(after - 1) in DASHES
                    for second in [*self.p_simple(after), *self.p_part(after)]:
                        if dash and not opener and first.unit != second.unit:
                            continue
                        out.append(_range_core(first, second, inclusive))
        return out

    def p_core(self, i: int, het_jaar: bool = False) -> list[_Core]:
        return [
            *self.p_range(i),
            *self.p_simple(i, het_jaar),
            *self.p_part(i),
            *self.p_vague(i),
        ]

    # -- whole expressions

    def p_expr(self, i: int) -> list[_Expr]:
        out: list[_Expr] = []
        ref = self.ref
        prefixes: list[tuple[int, Mode, bool]] = [(i, "none", False)]
        for j, (mode, het_jaar) in self.lookup(i, PREFIXES):
            prefixes.append((j, mode, het_jaar))
        for j, mode, het_jaar in prefixes:
            for core in self.p_core(j, het_jaar):
                suffixes: list[tuple[int, Mode]] = [(core.end, mode)]
                if mode in ("none", "in") and core.unit != "vague":
                    suffixes += [(end, "by") for end in self.matches(core.end, EARLIER)]
                    suffixes += [(end, "from") for end in self.matches(core.end, LATER)]
                for end, final in suffixes:
                    out.append(
                        _Expr(
                            i,
                            end,
                            _related(final, core.build, ref),
                            core.floating,
                            core.bare and mode == "none" and final == "none",
                            core.unit,
                        )
                    )
        # "binnen drie maanden", "binnen een jaar", "binnen de komende maanden"
        if self.w(i) == "binnen":
            n = self.count(i + 1)
            unit = UNIT_WORDS.get(self.w(i + 2))
            if n is not None and unit is not None and 0 < n <= 100:
                due = _add_duration(ref, n, unit)
                precision: Precision = "day" if unit == "day" else unit  # type: ignore[assignment]
                fixed = _deadline(due, precision, ref)
                out.append(_Expr(i, i + 3, _constant(fixed), False, False, "rolling"))
            for core in self.p_vague(i + 1):
                span = core.build(ref.year)
                if span is not None:
                    reading = _deadline(span.end, span.precision, ref)
                    out.append(_Expr(i, core.end, _constant(reading), False, False, "vague"))
        return out

    def best_at(self, i: int) -> _Expr | None:
        best: _Expr | None = None
        for expr in self.p_expr(i):
            if (best is None or expr.end > best.end) and self.read(expr) is not None:
                best = expr
        return best

    def read(self, expr: _Expr) -> tuple[Reading, bool] | None:
        """Evaluate an expression, choosing the year of a floating one (see GRACE)."""
        if not expr.floating:
            reading = _safe_read(expr, self.ref.year)
            return None if reading is None else (reading, False)
        try:
            limit = self.ref - GRACE
        except OverflowError:
            limit = self.ref
        last: Reading | None = None
        for year in (self.ref.year - 1, self.ref.year, self.ref.year + 1):
            reading = _safe_read(expr, year)
            if reading is None:
                continue
            anchor = reading.due or reading.start
            if anchor is not None and anchor >= limit:
                return reading, True
            last = reading
        return None if last is None else (last, True)

    def context_allows(self, expr: _Expr, previous_end: int | None) -> bool:
        """In running text, a bare '2025', 'juni' or 'zomer' needs a reason to be a date."""
        before = {self.w(expr.begin - 2), self.w(expr.begin - 1)}
        if before & CITATION_WORDS:
            return False
        if not expr.bare:
            return True
        if expr.unit == "range":
            return True
        if self.w(expr.begin - 1) in ("voor", "vóór"):
            return True
        gap = [self.w(k) for k in range(previous_end or 0, expr.begin)]
        return previous_end is not None and gap in (["en"], ["of"], [","], ["tot"], ["-"])

    def scan(self, strict: bool) -> Iterator[tuple[_Expr, Reading, bool]]:
        i = 0
        previous_end: int | None = None
        while i < len(self.toks):
            word = self.toks[i].low
            if word not in STARTERS and not word.isdigit():
                i += 1
                continue
            try:
                expr = self.best_at(i)
                result = None if expr is None else self.read(expr)
            except (ValueError, OverflowError):  # dates beyond 1–9999 near an extreme reference
                expr = result = None
            if expr is None or result is None:
                i += 1
                continue
            if strict and not self.context_allows(expr, previous_end):
                i += 1
                continue
            yield expr, result[0], result[1]
            previous_end = expr.end
            i = expr.end

    def span_of(self, expr: _Expr) -> tuple[int, int]:
        return self.toks[expr.begin].start, self.toks[expr.end - 1].end


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


def scan_text(text: str, reference: date, strict: bool) -> list[Hit]:
    """Every expression in `text`, left to right, longest first, without overlaps."""
    parser = Parser(text, reference)
    hits = []
    for expr, reading, inferred in parser.scan(strict):
        start, end = parser.span_of(expr)
        hits.append(Hit(start, end, reading, inferred))
    return hits
