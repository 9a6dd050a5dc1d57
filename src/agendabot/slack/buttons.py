"""Buttons of a reply as Block Kit elements: labels within Slack's limit, action ids unique
per block, and rows of at most `ACTIONS_ELEMENTS_MAX`."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import (
    ButtonElement,
    ConfirmObject,
    PlainTextObject,
)

from agendabot.core.reply.model import (
    Button,
)
from agendabot.slack.limits import (
    ACTION_ID_MAX,
    ACTIONS_ELEMENTS_MAX,
    BUTTON_TEXT_MAX,
    BUTTON_VALUE_MAX,
    CONFIRM_TEXT_MAX,
)
from agendabot.slack.mrkdwn import (
    _safe_url,
    _shorten_plain,
)


def button_label(button: Button) -> str:
    return _shorten_plain(button.label, BUTTON_TEXT_MAX) or "Open"


def button_element(button: Button) -> ButtonElement:
    if not 0 < len(button.action_id) <= ACTION_ID_MAX:
        raise ValueError(f"action_id must be 1–{ACTION_ID_MAX} characters: {button.action_id!r}")
    if len(button.value) > BUTTON_VALUE_MAX:
        raise ValueError(f"button value longer than {BUTTON_VALUE_MAX} characters")
    url = _safe_url(button.url) if button.url else None
    confirm = None
    if button.confirm:
        confirm = ConfirmObject(
            title=PlainTextObject(text="Zeker weten?"),
            text=PlainTextObject(text=_shorten_plain(button.confirm, CONFIRM_TEXT_MAX)),
            confirm=PlainTextObject(text="Ja"),
            deny=PlainTextObject(text="Nee"),
        )
    return ButtonElement(
        text=PlainTextObject(text=button_label(button), emoji=True),
        action_id=button.action_id,
        value=button.value or None,
        style=button.style,
        url=url,
        confirm=confirm,
    )


def button_rows(buttons: Sequence[Button]) -> list[list[Button]]:
    """Rows of at most 25 buttons in which no action id repeats (Slack refuses that)."""
    rows: list[list[Button]] = []
    for button in buttons:
        for row in rows:
            if len(row) < ACTIONS_ELEMENTS_MAX and all(
                other.action_id != button.action_id for other in row
            ):
                row.append(button)
                break
        else:
            rows.append([button])
    return rows
