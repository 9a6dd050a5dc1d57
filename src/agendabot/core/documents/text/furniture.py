"""Page furniture and footnotes: footers, footnote blocks, and markers linked in the text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from agendabot.core.documents.text.lines import (
    _URL,
    PAGE_BREAK,
    BodyItem,
    _ends_inside_url,
)

_FOOTER = re.compile(
    r"^\s*Tweede Kamer, vergaderjaar (?P<year>\d{4}[–-]\d{4}), (?P<dossier>\d[\d ]*\d), "
    r"nr\. (?P<number>\d+) (?P<page>\d+)\s*$"
)
_FOOTNOTE_START = re.compile(r"^(\d{1,3}) (\S.*)$")
_KAMERSTUK_REF = re.compile(
    r"\b(?P<dossier>\d{2} ?\d{3})(?: (?P<part>[IVXLC]+))?, ?nr\. ?(?P<number>\d+)"
)


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


# --------------------------------------------------------------------------------------------
# Reflowing lines into paragraphs


# --------------------------------------------------------------------------------------------
# Matching quotes against sources
