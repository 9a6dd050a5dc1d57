"""Calendar units of the time-expression grammar: days, weeks, months, quarters, halves,
seasons, years and vague periods ("binnenkort"), each as a production over tokens."""

from __future__ import annotations

from datetime import date, timedelta

from agendabot.core.time.calendar import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    ONE_DAY,
    RECESS_WORDS,
    SEASON_WORDS,
    WEEKDAYS,
    Precision,
    Span,
    add_months,
    day_span,
    half_span,
    iso_week_span,
    month_span,
    prinsjesdag,
    quarter_span,
    recess_span,
    rolling_span,
    season_span,
    seasons_around,
    week_span,
    year_span,
)
from agendabot.core.time.readings import (
    _add_duration,
    _Core,
    _fixed,
    _fixed_day,
    _floating_day,
    _week_of,
    _year_value,
)
from agendabot.core.time.tokens import TokenReader
from agendabot.core.time.words import (
    NEXT_MARKS,
    PAST_MARKS,
    UNIT_WORDS,
    VAGUE,
    YEAR_OFFSETS,
)


class UnitGrammar(TokenReader):
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
