"""De-hyphenation: is a hyphen at a line end a word break or part of the word?"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from agendabot.core.documents.text.lines import (
    BodyItem,
    _ends_inside_url,
)

_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


_TAIL_WORD = re.compile(r"^[^\W_][\w]*")


_HEAD_WORD = re.compile(r"([^\W_][\w-]*)-$")


# Conjunctions after a suspended compound ("wet- en regelgeving").
_SUSPENSION_WORDS = frozenset({"en", "of", "tot", "noch", "als", "dan", "én"})


# Prefixes that keep their hyphen in Dutch ("niet-gelovigen", "ex-partner").
_HYPHEN_PREFIXES = frozenset({"niet", "ex", "oud", "non", "vice"})


# Vowel pairs that would read as one sound without a hyphen ("re-integratie").
_CLASHING_VOWELS = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ij", "oe", "oi", "oo", "ou", "ui", "uu"}
)

_DIAERESIS = {"a": "ä", "e": "ë", "i": "ï", "o": "ö", "u": "ü"}


class HyphenDecision(Enum):
    """What to do with a hyphen at a line end."""

    JOIN = "join"  # a line-break hyphen: "migratieach-" + "tergrond" → "migratieachtergrond"
    KEEP = "keep"  # a real hyphen: "buiten-" + "Europese" → "buiten-Europese"
    KEEP_SPACED = "keep-spaced"  # a suspended compound: "wet-" + "en" → "wet- en"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Word forms written in full in a document, with their counts (lower case)."""

    counts: Counter[str]

    def count(self, word: str) -> int:
        return self.counts.get(word.lower(), 0)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.count(word) > 0


def build_vocabulary(lines: Iterable[BodyItem]) -> Vocabulary:
    """Count the words of `lines`, leaving out fragments of words broken at a line end."""
    counts: Counter[str] = Counter()
    after_break = False
    for line in lines:
        if not isinstance(line, str):
            continue
        words = _WORD.findall(line)
        broken = line.rstrip().endswith("-") and not line.rstrip().endswith(" -")
        if after_break and words:
            words = words[1:]
        if broken and words:
            words = words[:-1]
        counts.update(w.lower() for w in words)
        if line.strip():
            after_break = broken
    return Vocabulary(counts)


def decide_hyphen(head: str, tail: str, vocabulary: Vocabulary) -> HyphenDecision:
    """Decide whether the hyphen between `head` (before it) and `tail` (after it) is real.

    `head` is the word before the line-end hyphen (without the hyphen), `tail` the first
    word of the next line. See the module docstring for the rule.
    """
    if not head or not tail:
        return HyphenDecision.KEEP
    if tail[0].isupper() or tail[0].isdigit() or head[-1].isupper() or head[-1].isdigit():
        return HyphenDecision.KEEP
    if tail.lower() in _SUSPENSION_WORDS:
        return HyphenDecision.KEEP_SPACED
    joined = (head + tail).lower()
    hyphenated = f"{head}-{tail}".lower()
    joined_count = vocabulary.count(joined)
    if head[-1].lower() in _DIAERESIS and tail[0].lower() in "aeiou":
        with_diaeresis = head + _DIAERESIS[tail[0].lower()] + tail[1:]
        joined_count += vocabulary.count(with_diaeresis)
    hyphenated_count = vocabulary.count(hyphenated)
    if joined_count or hyphenated_count:
        return HyphenDecision.JOIN if joined_count >= hyphenated_count else HyphenDecision.KEEP
    last_part = head.rsplit("-", 1)[-1].lower()
    if (head[-1] + tail[0]).lower() in _CLASHING_VOWELS or last_part in _HYPHEN_PREFIXES:
        return HyphenDecision.KEEP
    return HyphenDecision.JOIN


def _diaeresis_form(head: str, tail: str, vocabulary: Vocabulary) -> str | None:
    if head and tail and head[-1].lower() in _DIAERESIS and tail[0].lower() in "aeiou":
        candidate = head + _DIAERESIS[tail[0].lower()] + tail[1:]
        if candidate in vocabulary:
            return candidate
    return None


# How much of the end of a line the word-break tests look at (longer than any word).
_TAIL_WINDOW = 200


def join_lines(left: str, right: str, vocabulary: Vocabulary) -> str:
    """Join two lines of running text, repairing a word broken at the end of `left`."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if _ends_inside_url(left[-_TAIL_WINDOW:]):
        return left + right
    head_match = _HEAD_WORD.search(left[-_TAIL_WINDOW:]) if left.endswith("-") else None
    tail_match = _TAIL_WORD.match(right)
    if head_match and tail_match:
        head = head_match.group(1)
        tail = tail_match.group(0)
        decision = decide_hyphen(head, tail, vocabulary)
        if decision is HyphenDecision.KEEP:
            return left + right
        if decision is HyphenDecision.KEEP_SPACED:
            return left + " " + right
        word_start = len(left) - len(head) - 1
        diaeresis = _diaeresis_form(head, tail, vocabulary)
        if diaeresis is not None and (head + tail) not in vocabulary:
            return left[:word_start] + diaeresis + right[len(tail) :]
        return left[:-1] + right
    return left + " " + right
