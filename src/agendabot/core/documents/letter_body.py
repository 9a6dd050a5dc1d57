"""Reading the body of a letter into elements: headings, structural labels, paragraphs,
list items and tables (`agendabot.core.documents.letter_parser` assembles them)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from agendabot.core.documents.text import (
    BULLET,
    BodyItem,
    build_vocabulary,
    ends_sentence,
    join_lines,
)

_PILLAR = re.compile(r"^Pijler (?P<number>\d+)\s+(?P<title>\S.*)$")
_SECTION = re.compile(r"^(?P<number>\d{1,2}\.\d{1,2})\s+(?P<title>[A-ZÀ-Ý].*)$")
_CHAPTER = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<title>[A-ZÀ-Ý].*)$")
_NOISE = re.compile(r"^(?:\|+|(?:-{3,}\|)+)$")
_TABLE_CAPTION = re.compile(r"^Tabel\b.*")
_LETTERED_ITEM = re.compile(r"^[a-z][.)]\s")
# A line plus the next word longer than this was a full line: the text wrapped on.
_FILL = 58
# Lines longer than this are paragraphs of their own (HTML), not wrapped lines.
_WRAPPED_MAX = 90
_HEADING_MAX = 120


@dataclass(slots=True)
class _Heading:
    text: str


@dataclass(slots=True)
class _Structural:
    kind: str  # "pillar" | "section" | "chapter"
    number: str
    title: str


@dataclass(slots=True)
class _Paragraph:
    lines: list[str]
    text: str
    bullet: bool = False


@dataclass(slots=True)
class _Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    note: str | None = None


_Element = _Heading | _Structural | _Paragraph | _Table


def _first_word(line: str) -> str:
    return line.split()[0] if line.split() else ""


def _overflow(line: str, following: str) -> int:
    return len(line) + 1 + len(_first_word(following))


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _is_table_row(line: str) -> bool:
    return line.count("|") >= 3 and not _NOISE.match(line)


def _structural(line: str) -> _Structural | None:
    for kind, pattern in (("pillar", _PILLAR), ("section", _SECTION), ("chapter", _CHAPTER)):
        match = pattern.match(line)
        if match:
            return _Structural(kind, match["number"], match["title"].strip())
    return None


class _BodyReader:
    """Turns body lines into headings, paragraphs, list items and tables."""

    def __init__(self, lines: Sequence[str], vocabulary_lines: Sequence[BodyItem]) -> None:
        self.lines = [line.strip() for line in lines]
        self.vocabulary = build_vocabulary(vocabulary_lines)
        self.elements: list[_Element] = []
        self.warnings: list[str] = []

    def _next_content(self, index: int) -> tuple[int, str | None]:
        for later in range(index + 1, len(self.lines)):
            if self.lines[later] and not _NOISE.match(self.lines[later]):
                return later, self.lines[later]
        return len(self.lines), None

    def _is_label(self, index: int) -> bool:
        """A table header cell: the line before a bare "|" line, or a line ending in "|"."""
        line = self.lines[index]
        following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        return bool(_NOISE.match(following)) or (line.endswith("|") and line.count("|") == 1)

    def _open_paragraph(self) -> _Paragraph | None:
        last = self.elements[-1] if self.elements else None
        return last if isinstance(last, _Paragraph) else None

    def _could_be_heading(self, index: int) -> bool:
        line = self.lines[index]
        if len(line) > _HEADING_MAX or not line[0].isupper() or "|" in line:
            return False
        if ends_sentence(line) or line.endswith(","):
            return False
        later, following = self._next_content(index)
        if following is None or following[0].islower():
            return False
        return (
            self._is_label(later)
            or _structural(following) is not None
            or len(following) > _WRAPPED_MAX
            or _overflow(line, following) <= _FILL
        )

    def read(self) -> list[_Element]:
        index = 0
        in_list = False
        while index < len(self.lines):
            line = self.lines[index]
            if not line or _NOISE.match(line):
                index += 1
                continue
            structural = _structural(line)
            if structural is not None:
                # A heading wrapped onto the next line ("… open en vrije" / "samenleving").
                while (
                    index + 1 < len(self.lines)
                    and self.lines[index + 1][:1].islower()
                    and not _LETTERED_ITEM.match(self.lines[index + 1])  # "a. Bestuurlijke …"
                ):
                    index += 1
                    structural.title = f"{structural.title} {self.lines[index]}"
                self.elements.append(structural)
                in_list = False
                index += 1
                continue
            if _TABLE_CAPTION.match(line) or _is_table_row(line):
                index = self._read_table(index)
                in_list = False
                continue
            if self._is_label(index):
                self._add_label(line)
                in_list = False
                index += 1
                continue
            paragraph = self._open_paragraph()
            if in_list and self._is_list_item(line, paragraph):
                self.elements.append(_Paragraph([line], f"{BULLET} {line}", bullet=True))
                index += 1
                continue
            in_list = False
            if paragraph is not None and self._continues(paragraph, line, index):
                paragraph.lines.append(line)
                paragraph.text = join_lines(paragraph.text, line, self.vocabulary)
            elif self._could_be_heading(index):
                self.elements.append(_Heading(line))
            else:
                self.elements.append(_Paragraph([line], line))
            paragraph = self._open_paragraph()
            if paragraph is not None and not paragraph.bullet and paragraph.text.endswith(":"):
                in_list = self._list_follows(index)
            index += 1
        return self.elements

    def _continues(self, paragraph: _Paragraph, line: str, index: int) -> bool:
        previous = paragraph.lines[-1]
        if paragraph.bullet or len(previous) > _WRAPPED_MAX:
            return False
        if line[0].islower():
            return True
        if previous.endswith((";", ":")):
            return False
        if not ends_sentence(previous):
            return not self._could_be_heading(index) or len(previous) >= _FILL
        if self._could_be_heading(index):
            return False
        return len(line) <= _WRAPPED_MAX and _overflow(previous, line) > _FILL

    def _list_follows(self, index: int) -> bool:
        _, following = self._next_content(index)
        return following is not None and self._is_list_item(following, None)

    def _is_list_item(self, line: str, previous: _Paragraph | None) -> bool:
        if _structural(line) is not None or "|" in line:
            return False
        if previous is not None and previous.bullet and previous.text.endswith(";"):
            return True
        if line.endswith(";"):
            return True
        return len(line) <= _WRAPPED_MAX and not ends_sentence(line)

    def _add_label(self, line: str) -> None:
        cell = line.rstrip("|").strip()
        label, _, rest = cell.partition(f" {BULLET} ")
        self.elements.append(_Heading(label.strip()))
        if rest:
            for item in rest.split(f" {BULLET} "):
                item = item.strip()
                self.elements.append(_Paragraph([item], f"{BULLET} {item}", bullet=True))

    def _read_table(self, index: int) -> int:
        caption = ""
        if _TABLE_CAPTION.match(self.lines[index]) and not _is_table_row(self.lines[index]):
            caption = self.lines[index]
            index += 1
        rows: list[list[str]] = []
        while index < len(self.lines) and (
            _is_table_row(self.lines[index]) or _NOISE.match(self.lines[index])
        ):
            if _is_table_row(self.lines[index]):
                rows.append(_cells(self.lines[index]))
            index += 1
        note = None
        if index < len(self.lines) and self.lines[index].startswith("*"):
            note = self.lines[index]
            index += 1
        if not rows:
            self.elements.append(_Paragraph([caption], caption))
            return index
        header, body = rows[0], rows[1:]
        self.elements.append(_Table(caption=caption, header=header, rows=body, note=note))
        return index
