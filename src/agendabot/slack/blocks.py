"""Render a core `Reply` as a Slack message built from slack_sdk's Block Kit models.

Guarantees, whatever the text (checked by property tests):

* every message has a plain `text` fallback (escaped, at most 3000 characters);
* user and official text is escaped for mrkdwn (`&`, `<`, `>`) and sent with
  `verbatim=True`, so nothing turns into `<!channel>`, `<@U…>` or a link; only the
  `Link` spans of the reply become links (http, https and mailto only);
* long text is split over sections at paragraph, sentence or word boundaries, at most
  3000 characters a section; at most 50 blocks a message (100 in the App Home) and at
  most 12 000 characters of block text in all (Slack's undocumented
  `msg_blocks_too_long`); what does not fit is cut with a "… (ingekort)" line that
  links to `Reply.more_url` when there is one;
* header ≤ 150, button label ≤ 75, context ≤ 10 elements, actions ≤ 25 buttons with
  unique action ids per block.

Lengths are counted in UTF-16 code units, which is never less than Python's `len`, so an
emoji-heavy text stays within the limit however Slack counts it.
"""

from __future__ import annotations

import contextlib
import json
import pickle
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from agendabot.core.reply.model import (
    Buttons,
    Context,
    Divider,
    Header,
    Paragraph,
    Part,
    Reply,
    Rich,
    spans,
)
from agendabot.core.reply.render_text import fallback_text
from agendabot.slack.buttons import button_element, button_label, button_rows
from agendabot.slack.limits import (
    CONTEXT_ELEMENTS_MAX,
    CONTEXT_TEXT_MAX,
    FALLBACK_TEXT_MAX,
    HEADER_TEXT_MAX,
    MAX_BLOCKS_MESSAGE,
    MAX_BLOCKS_VIEW,
    READ_MORE,
    SECTION_TEXT_MAX,
    TOTAL_TEXT_MAX,
    TRUNCATED,
)
from agendabot.slack.mrkdwn import (
    _chunks,
    _fit,
    _join,
    _safe_url,
    _shorten_plain,
    _shorten_plain_keep_lines,
    _split_tokens,
    _Token,
    escape_mrkdwn,
    units,
)

__all__ = [
    "SlackMessage",
    "message_dict",
    "prerender",
    "render_home",
    "render_message",
]


# More text than a message can hold, so that a longer paragraph is still seen to be cut.
_PARAGRAPH_MAX = TOTAL_TEXT_MAX + SECTION_TEXT_MAX


# --- tokens ----------------------------------------------------------------------------------


# --- splitting -------------------------------------------------------------------------------


# --- parts to blocks -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rendered:
    block: Block
    size: int  # units of text this block adds to the message
    kind: Literal["content", "buttons"]
    # For a paragraph section: its tokens, so that it can be cut shorter.
    tokens: tuple[_Token, ...] | None = None
    quote: bool = False


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=text, verbatim=True))


def _render_part(part: Part) -> Iterator[_Rendered]:
    if isinstance(part, Header):
        text = _shorten_plain(part.text, HEADER_TEXT_MAX)
        if text:
            yield _Rendered(
                HeaderBlock(text=PlainTextObject(text=text, emoji=True)), units(text), "content"
            )
    elif isinstance(part, Paragraph):
        runs = _split_tokens(
            part.text, SECTION_TEXT_MAX, quote=part.quote, max_units=_PARAGRAPH_MAX
        )
        for chunk in runs:
            text = _join(chunk, quote=part.quote)
            yield _Rendered(_section(text), units(text), "content", tuple(chunk), part.quote)
    elif isinstance(part, Context):
        texts = [text for line in part.lines if (text := _fit(line, CONTEXT_TEXT_MAX))]
        for start in range(0, len(texts), CONTEXT_ELEMENTS_MAX):
            group = texts[start : start + CONTEXT_ELEMENTS_MAX]
            yield _Rendered(
                ContextBlock(elements=[MarkdownTextObject(text=t, verbatim=True) for t in group]),
                sum(units(t) for t in group),
                "content",
            )
    elif isinstance(part, Divider):
        yield _Rendered(DividerBlock(), 0, "content")
    elif isinstance(part, Buttons):
        for row in button_rows(part.buttons):
            yield _Rendered(
                ActionsBlock(elements=[button_element(b) for b in row]),
                sum(units(button_label(b)) for b in row),
                "buttons",
            )
    else:  # pragma: no cover - exhaustive
        raise TypeError(f"unknown part {part!r}")


def _truncation_note(more_url: str | None) -> _Rendered:
    text = escape_mrkdwn(TRUNCATED)
    url = _safe_url(more_url) if more_url else None
    if url:
        text += f" — <{url}|{READ_MORE}>"
    return _Rendered(
        ContextBlock(elements=[MarkdownTextObject(text=text, verbatim=True)]),
        units(text),
        "content",
    )


def _layout(reply: Reply, max_blocks: int) -> tuple[list[Block], bool]:
    """Blocks within the limits, and whether something had to be cut.

    When the message is too long, running text gives way first: headers, small print,
    dividers and buttons stay, paragraphs are cut at the first section that does not fit
    (shortened at a sentence or word break) and a "… (ingekort)" line marks the cut. When
    even the small parts do not fit, everything but the buttons is cut in order.
    """
    parts = reply.parts or ((Paragraph(reply.text),) if reply.text.strip() else ())
    rendered = [item for part in parts for item in _render_part(part)]
    if len(rendered) <= max_blocks and sum(item.size for item in rendered) <= TOTAL_TEXT_MAX:
        return [item.block for item in rendered], False

    note = _truncation_note(reply.more_url)
    reserved = [item for item in rendered if item.tokens is None]
    reserve_text = sum(item.size for item in reserved)
    if len(reserved) + 2 > max_blocks or reserve_text + note.size + 500 > TOTAL_TEXT_MAX:
        reserved = [item for item in rendered if item.kind == "buttons"][: max_blocks // 4]
        reserve_text = sum(item.size for item in reserved)
    kept_ids = {id(item) for item in reserved}
    blocks_left = max_blocks - len(reserved) - 1
    text_left = TOTAL_TEXT_MAX - note.size - reserve_text
    kept: list[Block] = []
    cut = False
    for item in rendered:
        if id(item) in kept_ids:
            kept.append(item.block)
            continue
        if cut:
            continue
        if blocks_left >= 1 and item.size <= text_left:
            kept.append(item.block)
            blocks_left -= 1
            text_left -= item.size
            continue
        cut = True
        if item.tokens is not None and blocks_left >= 1 and text_left >= 200:
            limit = text_left - (2 if item.quote else 0)
            shorter = [_join(chunk, quote=item.quote) for chunk in _chunks(item.tokens, limit)]
            if shorter and units(shorter[0]) <= text_left:
                kept.append(_section(shorter[0]))
        kept.append(note.block)
    if not cut:  # only blocks that are always kept overflowed: cannot happen, but be safe
        kept = [*kept[: max_blocks - 1], note.block]
    return kept, True


def _fallback(reply: Reply) -> str:
    text = _shorten_plain_keep_lines(escape_mrkdwn(fallback_text(reply)), FALLBACK_TEXT_MAX)
    return text or "…"


# --- public API --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """A rendered message: pass `**message.to_dict()` to `chat_postMessage`, `say`, `respond`."""

    text: str
    blocks: tuple[Block, ...]
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        """`{"text": …, "blocks": [...]}`; slack_sdk validates each block's limits here."""
        body: dict[str, Any] = {"text": self.text}
        if self.blocks:
            body["blocks"] = [block.to_dict() for block in self.blocks]
        return body


def render_message(reply: Reply, *, max_blocks: int = MAX_BLOCKS_MESSAGE) -> SlackMessage:
    """The reply as a Slack message within Block Kit's limits, with a plain `text` fallback.

    A reply without parts whose text fits one section is sent as `text` only.
    """
    if not reply.parts and units(escape_mrkdwn(reply.text.strip())) <= SECTION_TEXT_MAX:
        return SlackMessage(text=escape_mrkdwn(reply.text.strip()) or "…", blocks=())
    blocks, truncated = _layout(reply, max_blocks)
    return SlackMessage(text=_fallback(reply), blocks=tuple(blocks), truncated=truncated)


# Distinct replies whose rendering is kept: the 235 answers, the commitments and sections,
# and the most recent search answers (a few KB each).
MESSAGE_CACHE_SIZE = 1024
# Kept pickled: unpickling is the quickest way to hand every caller its own copy.
_message_cache: OrderedDict[Hashable, bytes] = OrderedDict()
# Distinct parts whose blocks are kept: every part of the answers above, shared by the
# messages composed of them (an answer with other buttons under it, a candidate list).
PART_CACHE_SIZE = 8192


class _PartBlocks(NamedTuple):
    """A part rendered on its own: its blocks as JSON (laid out and validated by slack_sdk's
    models once), how many there are and how many units of text they add."""

    json: str  # the blocks, comma-separated JSON objects ("" for none)
    blocks: int
    size: int


_part_cache: OrderedDict[Hashable, _PartBlocks] = OrderedDict()


def _rich_key(rich: Rich) -> Hashable:
    return rich if isinstance(rich, str) else spans(rich)


def _part_key(part: Part) -> Hashable:
    """A hashable value equal for equal parts (parts may hold lists of spans)."""
    if isinstance(part, Paragraph):
        return (Paragraph, _rich_key(part.text), part.quote)
    if isinstance(part, Context):
        return (Context, tuple(_rich_key(line) for line in part.lines))
    return part  # Header, Divider, Buttons: frozen and hashable


def _part_blocks(part: Part, key: Hashable) -> _PartBlocks:
    cached = _part_cache.get(key)
    if cached is not None:
        with contextlib.suppress(KeyError):
            _part_cache.move_to_end(key)
        return cached
    rendered = list(_render_part(part))
    dicts = [item.block.to_dict() for item in rendered]  # slack_sdk validates here
    made = _PartBlocks(
        json.dumps(dicts, ensure_ascii=False)[1:-1],
        len(rendered),
        sum(item.size for item in rendered),
    )
    _part_cache[key] = made
    while len(_part_cache) > PART_CACHE_SIZE:
        _part_cache.popitem(last=False)
    return made


def _message_json(
    reply: Reply, parts: Sequence[Part], keys: Sequence[Hashable], max_blocks: int
) -> str:
    """`render_message(reply).to_dict()` as JSON, composed of the parts' cached blocks when
    the whole fits (nothing to cut, as for nearly every reply); else rendered in full."""
    if not reply.parts and units(escape_mrkdwn(reply.text.strip())) <= SECTION_TEXT_MAX:
        body = render_message(reply, max_blocks=max_blocks).to_dict()
        return json.dumps(body, ensure_ascii=False)
    pieces = [_part_blocks(part, key) for part, key in zip(parts, keys, strict=True)]
    if (
        sum(piece.blocks for piece in pieces) > max_blocks
        or sum(piece.size for piece in pieces) > TOTAL_TEXT_MAX
    ):
        body = render_message(reply, max_blocks=max_blocks).to_dict()
        return json.dumps(body, ensure_ascii=False)
    text = json.dumps(_fallback(reply), ensure_ascii=False)
    blocks = ", ".join(piece.json for piece in pieces if piece.blocks)
    return f'{{"text": {text}, "blocks": [{blocks}]}}' if blocks else f'{{"text": {text}}}'


def _cached_message(reply: Reply, max_blocks: int) -> tuple[bytes, dict[str, Any] | None]:
    """The message pickled, and (when it was made just now) a fresh dict of it."""
    parts = reply.parts or ((Paragraph(reply.text),) if reply.text.strip() else ())
    keys = [_part_key(part) for part in parts]
    # Rendering reads only the text, the parts and `more_url`: equal keys, equal messages.
    key = (reply.text, bool(reply.parts), tuple(keys), reply.more_url, max_blocks)
    cached = _message_cache.get(key)
    if cached is None:
        body: dict[str, Any] = json.loads(_message_json(reply, parts, keys, max_blocks))
        cached = pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL)
        _message_cache[key] = cached
        while len(_message_cache) > MESSAGE_CACHE_SIZE:
            _message_cache.popitem(last=False)
        return cached, body
    with contextlib.suppress(KeyError):
        _message_cache.move_to_end(key)
    return cached, None


def prerender(replies: Iterable[Reply], *, max_blocks: int = MAX_BLOCKS_MESSAGE) -> int:
    """Lay out and validate `replies` now (e.g. `bot.standing_replies()` at start-up and
    after a content reload), so that no request pays for a first rendering; returns how
    many there were. A reply that cannot be rendered raises, as it would when asked for."""
    count = 0
    for reply in replies:
        _cached_message(reply, max_blocks)
        count += 1
    return count


def message_dict(reply: Reply, *, max_blocks: int = MAX_BLOCKS_MESSAGE) -> dict[str, Any]:
    """`render_message(reply).to_dict()`, memoised twice: the same reply (a popular
    question, or the same answer found for different wordings) is laid out and validated
    once, and so is every part of it, so that a new reply made of known parts (an answer
    with other results under it) only joins their blocks. Every call returns a fresh dict,
    so callers may change it."""
    cached, made = _cached_message(reply, max_blocks)
    if made is not None:
        return made
    fresh: dict[str, Any] = pickle.loads(cached)  # our own bytes, made just above
    return fresh


def render_home(reply: Reply) -> View:
    """The reply as an App Home tab (`views.publish(user_id=…, view=render_home(reply))`)."""
    parts = reply.parts or (Paragraph(reply.text),)
    blocks, _ = _layout(
        Reply(text=reply.text, parts=parts, more_url=reply.more_url), MAX_BLOCKS_VIEW
    )
    return View(type="home", blocks=blocks or [_section("…")])  # a view needs a block
