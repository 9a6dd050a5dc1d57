"""Slack mrkdwn from the reply's rich text: escaping, UTF-16 lengths, and splitting or cutting
long text at paragraph, sentence or word boundaries (the limits are in `blocks`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Literal, NamedTuple

from agendabot.core.reply.model import (
    Link,
    Rich,
    Strong,
    spans,
)
from agendabot.slack.limits import (
    LINK_LABEL_MAX,
    LINK_URL_MAX,
    STRONG_MAX,
)

_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_SENTENCE_END = re.compile(r"[.!?:;…][)\]\"'”’»]*$")
_TOKEN = re.compile(r"\s+|\S+")


def units(text: str) -> int:
    """Length in UTF-16 code units (what JavaScript's `length` says; ≥ `len(text)`)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def escape_mrkdwn(text: str) -> str:
    """Escape the three control characters of Slack mrkdwn."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Token(NamedTuple):  # a tuple: made once per word, so it must be cheap
    text: str  # mrkdwn, already escaped
    kind: Literal["word", "space", "atom"]
    size: int  # units, plus the quote prefix a newline costs
    rank: int = 0  # for spaces: 3 paragraph break, 2 line/sentence break, 1 word break


def _normalise_space(space: str) -> str:
    newlines = space.count("\n")
    if newlines >= 2:
        return "\n\n"
    if newlines == 1:
        return "\n"
    return " "


def _split_word(word: str, limit: int) -> Iterator[str]:
    """Pieces of a raw word whose escaped form fits in `limit` units."""
    if units(escape_mrkdwn(word)) <= limit:
        yield word
        return
    piece: list[str] = []
    size = 0
    for char in word:
        cost = units(escape_mrkdwn(char))
        if piece and size + cost > limit:
            yield "".join(piece)
            piece, size = [], 0
        piece.append(char)
        size += cost
    if piece:
        yield "".join(piece)


def _text_tokens(text: str, *, quote: bool, limit: int) -> Iterator[_Token]:
    previous_word = ""
    for match in _TOKEN.finditer(text):
        chunk = match.group()
        if chunk.isspace():
            space = _normalise_space(chunk)
            rank = 3 if space == "\n\n" else 2 if space == "\n" else 1
            if rank == 1 and _SENTENCE_END.search(previous_word):
                rank = 2
            extra = 2 * space.count("\n") if quote else 0
            yield _Token(space, "space", units(space) + extra, rank)
            previous_word = ""
            continue
        previous_word = chunk
        escaped = escape_mrkdwn(chunk)
        size = units(escaped)
        if size <= limit:  # nearly every word: no need to split it
            yield _Token(escaped, "word", size)
            continue
        for piece in _split_word(chunk, limit):
            escaped = escape_mrkdwn(piece)
            yield _Token(escaped, "word", units(escaped))


def _safe_url(url: str) -> str | None:
    url = url.strip()
    if not url.lower().startswith(_SAFE_SCHEMES) or units(url) > LINK_URL_MAX:
        return None
    # Characters that would end or split the <url|label> control sequence.
    return re.sub(r"[<>|\s]", lambda m: f"%{ord(m.group()):02X}", url)


def _shorten_plain(text: str, limit: int) -> str:
    """Plain text cut to `limit` units at a word boundary when possible, with "…"."""
    text = " ".join(text.split())
    if units(text) <= limit:
        return text
    cut: list[str] = []
    size = 0
    for char in text:
        size += units(char)
        if size > limit - 1:
            break
        cut.append(char)
    short = "".join(cut)
    space = short.rfind(" ")
    if space >= 0.6 * len(short):
        short = short[:space]
    return short.rstrip() + "…"


def _tokens(rich: Rich, *, quote: bool, limit: int) -> Iterator[_Token]:
    """Tokens of `rich`, none of them longer than `limit` units, generated lazily."""
    for span in spans(rich):
        if isinstance(span, Link):
            url = _safe_url(span.url)
            label = _shorten_plain(span.label or span.url, LINK_LABEL_MAX)
            text = f"<{url}|{escape_mrkdwn(label)}>"
            if url is None or not label or units(text) > limit:
                yield from _text_tokens(span.label or span.url, quote=quote, limit=limit)
            else:
                yield _Token(text, "atom", units(text))
        elif isinstance(span, Strong):
            inner = " ".join(span.text.split())
            text = f"*{escape_mrkdwn(inner)}*"
            if units(text) > min(STRONG_MAX, limit // 2):
                yield from _text_tokens(inner, quote=quote, limit=limit)
            elif inner:
                yield _Token(text, "atom", units(text))
        else:
            yield from _text_tokens(span, quote=quote, limit=limit)


def _strip(tokens: Sequence[_Token]) -> list[_Token]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].kind == "space":
        start += 1
    while end > start and tokens[end - 1].kind == "space":
        end -= 1
    return list(tokens[start:end])


def _join(tokens: Sequence[_Token], *, quote: bool) -> str:
    text = "".join(token.text for token in tokens)
    if quote and text:
        text = "> " + text.replace("\n", "\n> ")
    return text


def _best_cut(tokens: Sequence[_Token], limit: int) -> int | None:
    """Index of the space token to cut at: a paragraph or sentence break in the second
    half of the chunk, else the last word break; None when there is no space at all."""
    best: dict[int, int] = {}
    position = 0
    for index, token in enumerate(tokens):
        if token.kind == "space" and index > 0:
            if token.rank >= 2 and position >= limit // 2:
                best[token.rank] = index
            best[1] = index
        position += token.size
    for rank in (3, 2, 1):
        if rank in best:
            return best[rank]
    return None


def _chunks(tokens: Sequence[_Token], budget: int) -> list[list[_Token]]:
    """Greedy split of `tokens` into runs of at most `budget` units, cut at the best break."""
    out: list[list[_Token]] = []
    current: list[_Token] = []
    size = 0
    index = 0

    def emit(chunk: Sequence[_Token]) -> None:
        stripped = _strip(chunk)
        if stripped:
            out.append(stripped)

    while index < len(tokens):
        token = tokens[index]
        if size + token.size <= budget:
            current.append(token)
            size += token.size
            index += 1
            continue
        # A space that overflows is itself a candidate break, right at the end.
        candidates = [*current, token] if token.kind == "space" else current
        cut = _best_cut(candidates, budget)
        if not current:  # cannot happen: tokens are made no longer than the budget
            current, index = [token], index + 1
        if cut is None:
            emit(current)
            current = []
        elif cut == len(current):
            emit(current)
            current = []
            index += 1
        else:
            emit(current[:cut])
            current = current[cut + 1 :]
        size = sum(token.size for token in current)
    emit(current)
    return out


def _split_tokens(
    rich: Rich, limit: int, *, quote: bool, max_units: int | None = None
) -> list[list[_Token]]:
    """Token runs of at most `limit` units; with `max_units`, text beyond that many units
    is left out (it could never be shown: a message holds 12 000 characters)."""
    budget = limit - (2 if quote else 0)
    tokens: list[_Token] = []
    total = 0
    for token in _tokens(rich, quote=quote, limit=budget):
        total += token.size
        if max_units is not None and total > max_units:
            break
        tokens.append(token)
    return _chunks(tokens, budget)


def _split(rich: Rich, limit: int, *, quote: bool = False) -> list[str]:
    """Rich text as mrkdwn pieces of at most `limit` units each (quote prefix included)."""
    return [_join(chunk, quote=quote) for chunk in _split_tokens(rich, limit, quote=quote)]


def _fit(rich: Rich, limit: int, *, quote: bool = False) -> str:
    """Rich text as mrkdwn within `limit` units, cut with "…" when longer."""
    pieces = _split(rich, limit, quote=quote)
    if len(pieces) <= 1:
        return pieces[0] if pieces else ""
    return _split(rich, limit - 1, quote=quote)[0] + "…"


def mrkdwn(rich: Rich) -> str:
    """Rich text as one escaped mrkdwn string (no length limit; for short texts)."""
    return "".join(token.text for token in _tokens(rich, quote=False, limit=1 << 30)).strip()


def _shorten_plain_keep_lines(text: str, limit: int) -> str:
    text = text.strip()
    if units(text) <= limit:
        return text
    head = text[: limit - 1]
    while units(head) > limit - 1:
        head = head[:-1]
    # Do not leave half an entity (&amp;) at the end.
    head = re.sub(r"&[a-z]{0,3}$", "", head)
    space = max(head.rfind(" "), head.rfind("\n"))
    if space >= 0.6 * len(head):
        head = head[:space]
    return head.rstrip() + "…"
