"""Matching quotes against their sources: one normal form for both sides."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from agendabot.core.documents.text.hyphenation import (
    _TAIL_WINDOW,
    Vocabulary,
    build_vocabulary,
    join_lines,
)
from agendabot.core.documents.text.lines import (
    _BULLET_CHARS,
)

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
