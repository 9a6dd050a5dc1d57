"""Reflowing source lines into paragraphs, bullet items and table rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from agendabot.core.documents.text.hyphenation import (
    Vocabulary,
    join_lines,
)
from agendabot.core.documents.text.lines import (
    _BULLET_CHARS,
    _CLOSERS,
    _MARKER_TAIL,
    _SENTENCE_END,
    BULLET,
    PAGE_BREAK,
    BodyItem,
)


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
