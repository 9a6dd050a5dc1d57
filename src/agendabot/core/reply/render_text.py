"""Render a `Reply` as plain terminal text (the console, logs, the Slack `text` fallback)."""

from __future__ import annotations

import textwrap

from agendabot.core.reply.model import (
    Buttons,
    Context,
    Divider,
    Header,
    Paragraph,
    Part,
    Reply,
    plain,
)

RULE = "─" * 40


def _wrap(text: str, width: int | None, prefix: str = "") -> list[str]:
    lines: list[str] = []
    for line in text.splitlines() or [""]:
        if width is None or not line.strip():
            lines.append(f"{prefix}{line}".rstrip())
        else:
            lines.extend(
                textwrap.wrap(
                    line,
                    width=max(width, len(prefix) + 20),
                    initial_indent=prefix,
                    subsequent_indent=prefix,
                    break_long_words=True,
                    break_on_hyphens=False,
                )
            )
    return lines


def render_part(part: Part, *, width: int | None = None) -> str:
    """One part as text lines (no trailing newline)."""
    if isinstance(part, Header):
        title = " ".join(part.text.split())
        return f"{title}\n{'=' * min(len(title), width or 80)}"
    if isinstance(part, Paragraph):
        return "\n".join(_wrap(plain(part.text), width, "│ " if part.quote else ""))
    if isinstance(part, Context):
        return "\n".join(line for entry in part.lines for line in _wrap(plain(entry), width))
    if isinstance(part, Divider):
        return RULE
    if isinstance(part, Buttons):
        return "  ".join(
            f"[{b.label}]" + (f" ({b.url})" if b.url else f" → {b.action_id} {b.value}".rstrip())
            for b in part.buttons
        )
    raise TypeError(f"unknown part {part!r}")  # pragma: no cover - exhaustive


def render_text(reply: Reply, *, width: int | None = None, buttons: bool = True) -> str:
    """The reply as text: parts separated by blank lines; `reply.text` when it has no parts.

    `width` wraps long lines (None keeps them); `buttons=False` leaves the button rows out
    (they mean nothing in a notification).
    """
    if not reply.parts:
        return "\n".join(_wrap(reply.text, width))
    rendered = [
        render_part(part, width=width)
        for part in reply.parts
        if buttons or not isinstance(part, Buttons)
    ]
    return "\n\n".join(text for text in rendered if text.strip())


def fallback_text(reply: Reply) -> str:
    """The plain-text fallback: `reply.text`, or the parts as text when it is empty."""
    return reply.text if reply.text.strip() else render_text(reply, buttons=False)
