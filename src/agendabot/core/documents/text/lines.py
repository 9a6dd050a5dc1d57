"""What the clean-up steps share: page breaks, body items, bullets, sentence ends."""

from __future__ import annotations

import re
from typing import Final


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


_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>«»\"]+")


def _ends_inside_url(text: str) -> bool:
    last = text.rsplit(" ", 1)[-1]
    return bool(_URL.search(last)) and last.endswith(("/", "-", "_", ".", "=", "?", "&"))
