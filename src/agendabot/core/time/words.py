"""Words and phrase tables of the Dutch time-expression grammar, and the tokenizer.

Phrases are stored as token tuples and indexed by their first word, so the parser
(`agendabot.core.time.parser`) only compares a token with phrases that can start there.
The meaning of each phrase is documented in `docs/time-conventions.md`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from agendabot.core.time.calendar import (
    MONTHS,
    ORDINALS,
    RECESS_WORDS,
    SEASON_WORDS,
    WEEKDAYS,
    Part,
)

TOKEN_RE = re.compile(r"[0-9]+|[^\W\d_]+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    low: str
    start: int
    end: int


def phrase(text: str) -> tuple[str, ...]:
    return tuple(match.group().lower() for match in TOKEN_RE.finditer(text))


def phrases(*texts: str) -> tuple[tuple[str, ...], ...]:
    return tuple(phrase(text) for text in texts)


P = TypeVar("P")
# Phrase tables are indexed by their first word, so a token is only compared with the
# phrases that can start there.
Index = dict[str, tuple[tuple[tuple[str, ...], P], ...]]


def index(entries: Iterable[tuple[tuple[str, ...], P]]) -> Index[P]:
    grouped: dict[str, list[tuple[tuple[str, ...], P]]] = {}
    for phrase, payload in entries:
        grouped.setdefault(phrase[0], []).append((phrase, payload))
    return {first: tuple(group) for first, group in grouped.items()}


def plain(phrases: tuple[tuple[str, ...], ...]) -> Index[None]:
    return index((phrase, None) for phrase in phrases)


Mode = Literal["none", "in", "by", "before", "before!", "until", "from", "after", "later"]

# (phrase, relation, may the unit be "het jaar"?)
PREFIX_TABLE: tuple[tuple[str, Mode, bool], ...] = (
    ("uiterlijk voor", "before!", False),
    ("uiterlijk vóór", "before!", False),
    ("uiterlijk in", "by", False),
    ("uiterlijk op", "by", False),
    ("uiterlijk", "by", False),
    ("nog voor", "before!", False),
    ("nog vóór", "before!", False),
    ("nog in", "by", False),
    ("nog", "by", False),
    ("vóór", "before!", False),
    ("voor", "before", False),
    ("tot en met", "by", False),
    ("t/m", "by", False),
    ("tot in", "by", False),
    ("tot aan", "until", False),
    ("tot", "until", False),
    ("vanaf", "from", False),
    ("met ingang van", "from", False),
    ("m.i.v.", "from", False),
    ("per", "from", False),
    ("sinds", "from", False),
    ("na", "after", False),
    ("kort na", "after", False),
    ("later in", "later", True),
    ("later", "later", False),
    ("in de loop van", "in", True),
    ("ergens in", "in", False),
    ("in", "in", False),
    ("op", "in", False),
    ("rond", "in", False),
    ("rondom", "in", False),
    ("omstreeks", "in", False),
    ("gedurende", "in", False),
    ("tijdens", "in", False),
)
PREFIXES: Index[tuple[Mode, bool]] = index(
    (phrase(text), (mode, het_jaar)) for text, mode, het_jaar in PREFIX_TABLE
)

PART_WORDS: tuple[tuple[Part, tuple[str, ...]], ...] = (
    (
        "begin",
        ("begin", "begin van", "het begin van", "aan het begin van", "de start van"),
    ),
    (
        "medio",
        ("medio", "half", "halverwege", "midden", "het midden van", "rond het midden van"),
    ),
    (
        "eind",
        (
            "eind",
            "einde",
            "eind van",
            "einde van",
            "het eind van",
            "het einde van",
            "aan het eind van",
            "aan het einde van",
            "tegen het eind van",
            "tegen het einde van",
            "tegen eind",
            "ultimo",
        ),
    ),
)
PARTS: Index[Part] = index((phrase(text), part) for part, texts in PART_WORDS for text in texts)

EARLIER = plain(
    phrases(
        "of eerder",
        "of zo mogelijk eerder",
        "of mogelijk eerder",
        "of eventueel eerder",
        "of zoveel eerder",
        "of zo veel eerder",
        "of zoveel eerder als mogelijk",
        "of zo veel eerder als mogelijk",
    )
)
LATER = plain(phrases("of later", "en later", "of daarna"))

# Vague phrases: (phrase, horizon in months from the reference).
VAGUE: Index[int] = index(
    (phrase(text), months)
    for texts, months in (
        (("binnenkort", "op korte termijn", "op zo kort mogelijke termijn"), 3),
        (("zo snel mogelijk", "zo spoedig mogelijk", "z.s.m.", "zsm"), 3),
        (("de komende weken", "komende weken", "de aankomende weken"), 2),
        (("de komende maanden", "komende maanden", "de aankomende maanden"), 6),
        (("de komende periode", "de komende tijd", "de aankomende periode"), 6),
        (("op termijn",), 24),
        (("de komende jaren", "komende jaren", "de aankomende jaren"), 36),
        (("op middellange termijn",), 36),
        (("op lange termijn", "op de lange termijn"), 60),
    )
    for text in texts
)

UNIT_WORDS: dict[str, str] = {
    "dag": "day",
    "dagen": "day",
    "week": "week",
    "weken": "week",
    "maand": "month",
    "maanden": "month",
    "jaar": "year",
    "jaren": "year",
}

# Relative years after a month, day or season: "maart van dit jaar", "zomer volgend jaar".
YEAR_OFFSETS: Index[int] = index(
    (phrase(text), offset)
    for texts, offset in (
        (("dit jaar", "van dit jaar", "dit kalenderjaar", "het huidige jaar"), 0),
        (("van het jaar",), 0),
        (
            (
                "volgend jaar",
                "van volgend jaar",
                "komend jaar",
                "van komend jaar",
                "aankomend jaar",
                "het volgende jaar",
                "van het volgende jaar",
                "van het komende jaar",
            ),
            1,
        ),
        (("vorig jaar", "van vorig jaar", "verleden jaar", "het vorige jaar"), -1),
    )
    for text in texts
)
PAST_MARKS = plain(phrases("jl.", "jl", "jongstleden", "j.l."))
NEXT_MARKS = plain(phrases("aanstaande", "a.s.", "eerstvolgend", "eerstkomend"))
CITATION_WORDS = frozenset(
    {"vergaderjaar", "kamerstuk", "kamerstukken", "handelingen", "ii", "nr", "nummer", "blz"}
)
DASHES = frozenset({"-", "–", "—", "‑", "−"})

# Words an expression can start with (besides numbers); other tokens are skipped quickly.
STARTERS = frozenset(
    {
        *PREFIXES,
        *PARTS,
        *VAGUE,
        *YEAR_OFFSETS,
        *MONTHS,
        *WEEKDAYS,
        *SEASON_WORDS,
        *RECESS_WORDS,
        *ORDINALS,
        *("de", "het", "dit", "deze", "van", "vanaf", "tussen", "periode", "binnen", "week"),
        *("komend", "komende", "aankomend", "aankomende", "eerstkomende", "huidige"),
        *("volgend", "volgende", "vorig", "vorige", "afgelopen", "prinsjesdag", "q", "h"),
    }
)
