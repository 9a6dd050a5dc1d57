"""A neutral message model: what the core answers, before any adapter renders it.

The core's dispatch returns a `Reply`; the Slack adapter renders it as Block Kit
(`agendabot.slack.blocks`), the console as plain text (`agendabot.core.reply.render_text`).
All text here is plain text: no mrkdwn, no HTML, no escaping. Renderers escape it, so
user or official text can never turn into a ping or a link; only `Link` spans become links.

    Reply(
        text="Vraag 47: …",
        parts=(
            Header("Vraag 47"),
            Paragraph("Welke maatregelen …"),
            Paragraph("Gesloten gemeenschappen kunnen …", quote=True),
            Context(("Bron: ", Link("Kamerstuk 32 824, nr. 451", "https://…")),),
            Buttons((Button("Deel in kanaal", "share_answer", value="47", style="primary"),)),
        ),
        ephemeral=True,
    )
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias


@dataclass(frozen=True, slots=True)
class Link:
    """A link with a visible label. Only http(s) and mailto URLs are rendered as links."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Strong:
    """Emphasised (bold) text."""

    text: str


Span: TypeAlias = str | Link | Strong
# Rich text: a single span or a sequence of spans, concatenated as written.
Rich: TypeAlias = str | Link | Strong | Sequence[str | Link | Strong]


def spans(value: Rich) -> tuple[Span, ...]:
    """Normalise rich text to a tuple of spans."""
    if isinstance(value, str | Link | Strong):
        return (value,)
    return tuple(value)


def plain(value: Rich) -> str:
    """Rich text as plain text: a link becomes "label (url)"."""
    out: list[str] = []
    for span in spans(value):
        if isinstance(span, Link):
            out.append(span.label if span.label == span.url else f"{span.label} ({span.url})")
        elif isinstance(span, Strong):
            out.append(span.text)
        else:
            out.append(span)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Header:
    """A title line (plain text; renderers shorten it to fit)."""

    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text. Blank lines separate paragraphs; `quote` marks a verbatim quotation."""

    text: Rich
    quote: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """Small print: sources, dates, hints. One entry per line."""

    lines: tuple[Rich, ...]


@dataclass(frozen=True, slots=True)
class Divider:
    """A horizontal rule."""


ButtonStyle: TypeAlias = Literal["primary", "danger"] | None


@dataclass(frozen=True, slots=True)
class Button:
    """A button. `action_id` names the handler, `value` carries its argument (≤ 2000 chars)."""

    label: str
    action_id: str
    value: str = ""
    style: ButtonStyle = None
    url: str | None = None
    # a question asked before the click counts ("… als afgerond melden?"); None: none
    confirm: str | None = None


@dataclass(frozen=True, slots=True)
class Buttons:
    """A row of buttons."""

    buttons: tuple[Button, ...]


Part: TypeAlias = Header | Paragraph | Context | Divider | Buttons


@dataclass(frozen=True, slots=True)
class Reply:
    """One message from the bot.

    `text` is the plain-text fallback (notifications, screen readers, clients without
    blocks); when empty, renderers derive it from `parts`. `ephemeral` means only the
    asker sees it; `in_thread` asks to answer in the thread of the triggering message;
    `replace_original` asks a button response to replace the message it came from.
    `more_url` is where the whole text can be read when a renderer has to shorten it.
    """

    text: str = ""
    parts: tuple[Part, ...] = ()
    ephemeral: bool = False
    in_thread: bool = False
    replace_original: bool = False
    more_url: str | None = None


def simple(text: str, *, ephemeral: bool = True) -> Reply:
    """A reply of one plain paragraph (short notices, errors)."""
    return Reply(text=text, parts=(Paragraph(text),), ephemeral=ephemeral)
