"""Token access for the time-expression grammar: words, numbers, years, glued tokens."""

from __future__ import annotations

from datetime import date

from agendabot.core.time.calendar import (
    NUMBER_WORDS,
    ORDINAL_SUFFIXES,
    ORDINALS,
)
from agendabot.core.time.readings import (
    _Core,
)
from agendabot.core.time.words import (
    TOKEN_RE,
    YEAR_OFFSETS,
    Index,
    P,
    Token,
)


class TokenReader:
    """The tokens of one text, and the small look-ups every production uses."""

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
