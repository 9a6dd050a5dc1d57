"""The parser behind `agendabot.core.time.interpret`: word tokens in, dated readings out.

At each token it tries every production — a relation such as "uiterlijk voor", an optional
part such as "eind", a calendar unit, a suffix such as "of eerder" — and keeps the longest
match. Units without a year ("Q3", "in september", "voor de zomer") float: the year is the
earliest one whose reading does not end more than `GRACE` before the reference. The rules
are documented in `docs/time-conventions.md`. Nothing here reads the clock or raises.

The grammar is layered: token look-ups (`tokens.TokenReader`), calendar units
(`units.UnitGrammar`), and here the composite units and whole expressions; `readings` turns
a match into dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from agendabot.core.time.calendar import (
    Precision,
)
from agendabot.core.time.readings import (
    GRACE,
    Hit,
    Reading,
    _add_duration,
    _constant,
    _Core,
    _deadline,
    _Expr,
    _part,
    _range_core,
    _related,
    _safe_read,
)
from agendabot.core.time.units import UnitGrammar
from agendabot.core.time.words import (
    CITATION_WORDS,
    DASHES,
    EARLIER,
    LATER,
    PARTS,
    PREFIXES,
    STARTERS,
    UNIT_WORDS,
    Mode,
)

# ---------------------------------------------------------------------------------------------
# The parser


class Parser(UnitGrammar):
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


def scan_text(text: str, reference: date, strict: bool) -> list[Hit]:
    """Every expression in `text`, left to right, longest first, without overlaps."""
    parser = Parser(text, reference)
    hits = []
    for expr, reading, inferred in parser.scan(strict):
        start, end = parser.span_of(expr)
        hits.append(Hit(start, end, reading, inferred))
    return hits
