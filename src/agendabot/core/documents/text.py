"""Clean-up of official source texts dumped from PDF or HTML.

The dumps carry page furniture that is not part of the running text: page footers
("Tweede Kamer, vergaderjaar 2024–2025, 32 824, nr. 451 26"), footnote blocks at the
bottom of a page (which may interrupt a sentence or even a word), and words broken at
a line end ("migratieach-" / "tergrond"). This module removes the furniture, keeps the
footnotes apart, turns glued footnote numbers ("2023/2024).1") into visible markers
("[1]"), and reflows lines into paragraphs, bullet items and table rows.

Everything here is pure: strings in, strings and small records out.

De-hyphenation rule (`decide_hyphen`), for a line ending in "head-" followed by a line
starting with "tail":

1. keep the hyphen when the tail starts with a capital or a digit (``buiten-Europese``),
   or the head ends with a capital or a digit (``EU-arbeidsmigranten``, ``mbo-4-niveau``);
2. keep it followed by a space when the tail is a conjunction of a suspended compound
   (``wet- en regelgeving``, ``niet- of ex-gelovigen``);
3. otherwise ask the document's own vocabulary: whichever of ``headtail`` and
   ``head-tail`` occurs written in full elsewhere wins (the more frequent one if both);
   a form with a diaeresis (``be-`` / ``eindigen`` → ``beëindigen``) counts as joined;
4. unknown to the vocabulary: keep the hyphen where Dutch spelling requires one, i.e. a
   vowel clash that would read as one sound (``re-integratie``, ``zee-egel``) or a prefix
   that takes a hyphen (``niet-``, ``ex-``, ``oud-``, ``non-``, ``vice-``);
5. otherwise the hyphen was only a line break: join the parts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Final

__all__ = [
    "BULLET",
    "PAGE_BREAK",
    "BodyItem",
    "CleanedSource",
    "HyphenDecision",
    "RawFootnote",
    "Vocabulary",
    "build_vocabulary",
    "decide_hyphen",
    "ends_sentence",
    "find_footer",
    "footnote_marker",
    "footnote_url",
    "join_lines",
    "link_footnote_markers",
    "normalize_for_match",
    "reflow",
    "strip_page_furniture",
]


class _PageBreak:
    """Sentinel for the place where page furniture (footer, footnote block) was removed."""

    _instance: _PageBreak | None = None

    def __new__(cls) -> _PageBreak:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "PAGE_BREAK"


PAGE_BREAK: Final = _PageBreak()

# A body item: a source line (without its line break) or a page break.
BodyItem = str | _PageBreak

BULLET = "•"
_BULLET_CHARS = ("•", "●", "▪", "◦")
_SENTENCE_END = ".?!:;"
_CLOSERS = '»”’")]'
_MARKER_TAIL = re.compile(r"(?:\[\d+\])+$")
_FOOTER = re.compile(
    r"^\s*Tweede Kamer, vergaderjaar (?P<year>\d{4}[–-]\d{4}), (?P<dossier>\d[\d ]*\d), "
    r"nr\. (?P<number>\d+) (?P<page>\d+)\s*$"
)
_FOOTNOTE_START = re.compile(r"^(\d{1,3}) (\S.*)$")
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>«»\"]+")
_KAMERSTUK_REF = re.compile(
    r"\b(?P<dossier>\d{2} ?\d{3})(?: (?P<part>[IVXLC]+))?, ?nr\. ?(?P<number>\d+)"
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


# --------------------------------------------------------------------------------------------
# Footnotes and page furniture


@dataclass(frozen=True, slots=True)
class RawFootnote:
    """A footnote as found at a page bottom (or at the end of an HTML dump)."""

    number: int
    text: str
    url: str | None = None
    # Index in the cleaned body where the footnote block stood (its page break).
    position: int = 0


@dataclass(frozen=True, slots=True)
class FooterInfo:
    """What a page footer says about the document."""

    dossier: str
    number: int
    year: str


@dataclass(slots=True)
class CleanedSource:
    """A source dump with page furniture removed."""

    body: list[BodyItem]
    footnotes: list[RawFootnote]
    footer: FooterInfo | None = None
    warnings: list[str] = field(default_factory=list)


def find_footer(lines: Iterable[str]) -> FooterInfo | None:
    """The first page footer in `lines`, or None."""
    for line in lines:
        match = _FOOTER.match(line)
        if match:
            return FooterInfo(
                dossier=match["dossier"], number=int(match["number"]), year=match["year"]
            )
    return None


def _is_page_start(line: str) -> bool:
    """A new page in the PDF dump starts with a line indented by one space."""
    return line.startswith(" ") and bool(line.strip())


def _is_footer(line: str) -> bool:
    return bool(_FOOTER.match(line))


def _footnote_block_end(lines: Sequence[str], start: int, number: int) -> int | None:
    """If a footnote block numbered from `number` starts at `start`, the index after it.

    A block runs to the next page start (an indented line or a page footer) or to the
    end of the text, is short, and its numbered lines count up from `number`.
    """
    expected = number + 1
    limit = min(len(lines), start + 16)
    index = start + 1
    while index < limit:
        line = lines[index]
        if _is_page_start(line) or _is_footer(line):
            return index
        match = _FOOTNOTE_START.match(line)
        if match and int(match[1]) == expected:
            expected += 1
        index += 1
    return len(lines) if index == len(lines) else None


def _join_footnote_lines(parts: Sequence[str]) -> str:
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not text:
            text = part
        elif _ends_inside_url(text):
            text += part
        else:
            text += " " + part
    return text


def _ends_inside_url(text: str) -> bool:
    last = text.rsplit(" ", 1)[-1]
    return bool(_URL.search(last)) and last.endswith(("/", "-", "_", ".", "=", "?", "&"))


def footnote_url(text: str) -> str | None:
    """The link of a footnote: an explicit URL, else the official page of a cited Kamerstuk."""
    match = _URL.search(text)
    if match:
        url = match.group(0).rstrip(".,;)")
        if url.lower().startswith("www."):
            return "https://" + url
        scheme, rest = url.split("://", 1)
        return f"{scheme.lower()}://{rest}"
    ref = _KAMERSTUK_REF.search(text)
    if ref and re.search(r"(?i)kamerstuk|tweede kamer", text):
        dossier = ref["dossier"].replace(" ", "")
        part = f"-{ref['part']}" if ref["part"] else ""
        return f"https://zoek.officielebekendmakingen.nl/kst-{dossier}{part}-{ref['number']}.html"
    return None


def _split_footnotes(block: Sequence[str], first: int, position: int) -> list[RawFootnote]:
    notes: list[RawFootnote] = []
    number = first
    current: list[str] = []
    for line in block:
        match = _FOOTNOTE_START.match(line)
        if match and int(match[1]) == number + (1 if current else 0):
            if current:
                notes.append(_make_footnote(number, current, position))
                number += 1
            current = [match[2]]
        else:
            current.append(line)
    if current:
        notes.append(_make_footnote(number, current, position))
    return notes


def _make_footnote(number: int, parts: Sequence[str], position: int) -> RawFootnote:
    text = _join_footnote_lines(parts)
    return RawFootnote(number=number, text=text, url=footnote_url(text), position=position)


def strip_page_furniture(lines: Sequence[str]) -> CleanedSource:
    """Remove page footers and footnote blocks from a PDF dump.

    Footnote blocks are recognised by their numbering (1, 2, 3, … through the document),
    by standing after a blank line, and by ending where the next page starts. The
    removed furniture, with the blank lines around it, becomes one `PAGE_BREAK`.
    Indentation marking a page start is dropped.
    """
    body: list[BodyItem] = []
    footnotes: list[RawFootnote] = []
    next_number = 1
    index = 0

    def page_break() -> None:
        while body and body[-1] == "":
            body.pop()
        if not body or body[-1] is not PAGE_BREAK:
            body.append(PAGE_BREAK)

    while index < len(lines):
        line = lines[index]
        if _is_footer(line):
            page_break()
            index += 1
            while index < len(lines) and not lines[index].strip():
                index += 1
            continue
        match = _FOOTNOTE_START.match(line)
        if match and int(match[1]) == next_number and (index == 0 or not lines[index - 1].strip()):
            end = _footnote_block_end(lines, index, next_number)
            if end is not None:
                page_break()
                notes = _split_footnotes(lines[index:end], next_number, len(body) - 1)
                footnotes.extend(notes)
                next_number = notes[-1].number + 1
                index = end
                continue
        if _is_page_start(line):
            if body and body[-1] is not PAGE_BREAK:
                body.append(PAGE_BREAK)
            body.append(line.strip())
        else:
            body.append(line.strip())
        index += 1
    return CleanedSource(body=body, footnotes=footnotes, footer=find_footer(lines))


def footnote_marker(number: int) -> str:
    """The visible marker that replaces a glued footnote number in running text."""
    return f"[{number}]"


def _marker_pattern(number: int, *, spaced: bool) -> re.Pattern[str]:
    if spaced:
        # "motie … c.s. 15 een bezoek": the number stands alone after a full stop or bracket.
        return re.compile(rf"(?<=[.)] ){number}(?=\s|$)")
    # Glued to a word or punctuation, but not a section number at a line start ("1.2 Titel").
    return re.compile(
        rf"(?<!^\d[.])(?<!^\d\d[.])(?<=[^\W\d_]|[.,;:?!)»”’%]){number}(?![\d])(?=[\s.,;:?!)»”’]|-[^\W\d_]|$)"
    )


def link_footnote_markers(
    body: list[BodyItem],
    footnotes: Sequence[RawFootnote],
    *,
    bounded_by_position: bool = True,
    continue_numbering: bool = False,
) -> list[str]:
    """Replace glued footnote numbers in `body` (in place) by markers like ``[1]``.

    Footnote n is looked for after the marker of footnote n-1 and, when
    `bounded_by_position`, before the place where its footnote block stood (the marker is
    on the same page as its footnote). With `continue_numbering`, markers numbered past
    the last footnote are still turned into markers (the dump lost their text). Returns
    warnings for footnotes without a marker and markers without a footnote.
    """
    warnings: list[str] = []
    cursor = (0, 0)  # (body index, character offset) just after the previous marker
    for note in footnotes:
        end = note.position if bounded_by_position else len(body)
        found = _find_marker(body, note.number, cursor, end, spaced=False)
        if found is None:
            found = _find_marker(body, note.number, cursor, end, spaced=True)
        if found is None:
            warnings.append(f"voetnoot {note.number}: geen verwijzing in de tekst gevonden")
            continue
        cursor = _place_marker(body, note.number, found)
    number = (footnotes[-1].number if footnotes else 0) + 1
    while continue_numbering:
        found = _find_marker(body, number, cursor, len(body), spaced=False)
        if found is None:
            break
        cursor = _place_marker(body, number, found)
        warnings.append(f"verwijzing [{number}] in de tekst, maar voetnoot {number} ontbreekt")
        number += 1
    return warnings


def _place_marker(
    body: list[BodyItem], number: int, found: tuple[int, int, int]
) -> tuple[int, int]:
    row, start, stop = found
    line = body[row]
    assert isinstance(line, str)
    marker = footnote_marker(number)
    body[row] = line[:start] + marker + line[stop:]
    return row, start + len(marker)


def _find_marker(
    body: Sequence[BodyItem], number: int, cursor: tuple[int, int], end: int, *, spaced: bool
) -> tuple[int, int, int] | None:
    pattern = _marker_pattern(number, spaced=spaced)
    row, offset = cursor
    for index in range(row, min(end, len(body))):
        line = body[index]
        if not isinstance(line, str):
            continue
        match = pattern.search(line, offset if index == row else 0)
        if match:
            return index, match.start(), match.end()
    return None


# --------------------------------------------------------------------------------------------
# Vocabulary and de-hyphenation


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


# --------------------------------------------------------------------------------------------
# Reflowing lines into paragraphs


def _strip_markers(line: str) -> str:
    return _MARKER_TAIL.sub("", line.rstrip())


def ends_sentence(line: str) -> bool:
    """Does `line` end a sentence (ignoring footnote markers and closing quotes)?"""
    core = _strip_markers(line).rstrip(_CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_END


def _is_bullet(line: str) -> bool:
    return line.startswith(_BULLET_CHARS)


def _bullet_text(line: str) -> str:
    return BULLET + " " + line[1:].strip()


@dataclass(slots=True)
class _Block:
    bullet: bool
    lines: list[str]
    text: str


def _looks_like_table(block: _Block) -> bool:
    if block.bullet or len(block.lines) < 3:
        return False
    short = all(len(line) <= 40 for line in block.lines)
    with_digits = sum(1 for line in block.lines if re.search(r"\d", line))
    return short and with_digits * 2 > len(block.lines)


def reflow(
    items: Sequence[BodyItem],
    vocabulary: Vocabulary,
    *,
    fill_width: int = 63,
) -> str:
    """Turn source lines into clean text: paragraphs separated by a blank line, bullet
    items on lines of their own starting with "• ", table rows kept as lines.

    A blank line or page break in the middle of a sentence is a wrapping artefact and is
    joined over. A line ending a sentence ends its paragraph when a blank line follows,
    or when the next line's first word would still have fitted on it (the line plus that
    word is at most `fill_width` characters): a full line was not broken by the layout.
    """
    blocks: list[_Block] = []
    blank = False
    for item in items:
        if item is PAGE_BREAK:
            # Treated like a line break: the sentence test below decides on a paragraph.
            continue
        assert isinstance(item, str)
        line = item.strip()
        if not line:
            blank = True
            continue
        if not blocks or _is_bullet(line):
            blocks.append(_new_block(line))
        else:
            previous = blocks[-1].lines[-1]
            sentence_end = ends_sentence(previous)
            fits = len(previous) + 1 + len(line.split()[0]) <= fill_width
            starts_lower = line[0].islower()
            if sentence_end and (blank or (fits and not starts_lower)):
                blocks.append(_new_block(line))
            else:
                block = blocks[-1]
                block.lines.append(line)
                block.text = join_lines(block.text, line, vocabulary)
        blank = False
    return _render_blocks(blocks)


def _new_block(line: str) -> _Block:
    if _is_bullet(line):
        text = _bullet_text(line)
        return _Block(bullet=True, lines=[line], text=text)
    return _Block(bullet=False, lines=[line], text=line)


def _render_blocks(blocks: Sequence[_Block]) -> str:
    out: list[str] = []
    previous: _Block | None = None
    for block in blocks:
        text = "\n".join(block.lines) if _looks_like_table(block) else block.text
        if previous is not None:
            out.append("\n" if previous.bullet and block.bullet else "\n\n")
        out.append(text)
        previous = block
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Matching quotes against sources

_FOLD = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufe0f\ufeff\u21a9]")
_ANY_MARKER = re.compile(r"\[\d+\]")


def normalize_for_match(text: str) -> str:
    """Fold `text` so that a verbatim quote can be found in a source with `in`.

    Both the quote and the source go through this function: footnote markers ("[12]")
    and invisible characters are dropped, words broken at a line end are re-joined by the
    same rule as the parser uses (with the text's own vocabulary), typographic quotes and
    dashes become their ASCII forms, bullets become plain text, and every run of
    whitespace becomes one space. Case is kept: a quote must be verbatim.
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _ANY_MARKER.sub("", text))
    lines = [line.strip().lstrip("".join(_BULLET_CHARS)).strip() for line in text.splitlines()]
    broken = any(line.endswith("-") for line in lines)
    vocabulary = build_vocabulary(lines) if broken else Vocabulary(Counter())
    done: list[str] = []
    tail = ""  # the end of the joined text; only the end changes when a line is joined
    for line in lines:
        if not line:
            continue
        tail = join_lines(tail, line, vocabulary) if tail else line
        if len(tail) > 2 * _TAIL_WINDOW:
            done.append(tail[:-_TAIL_WINDOW])
            tail = tail[-_TAIL_WINDOW:]
    done.append(tail)
    return " ".join("".join(done).translate(_FOLD).split())
