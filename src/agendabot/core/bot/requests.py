"""What a user asked, independent of the transport (Slack, console, tests).

The Slack adapter turns slash commands, `app_mention` events, button clicks and
`app_home_opened` into these; the console turns typed lines into them. `Bot.handle`
(`agendabot.core.bot.dispatch`) answers every one with a `Reply`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command: `command` is "/vraag" or "/agenda"; `text` what follows it, as sent."""

    command: str
    text: str
    user_id: str
    channel_id: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An `app_mention`: `text` as Slack sends it, including the `<@UBOT>` mention.

    `ts` is the message's own timestamp, `thread_ts` the thread it was written in (if any);
    the adapter answers in `thread_ts or ts`.
    """

    text: str
    user_id: str
    channel_id: str
    ts: str
    thread_ts: str | None = None


@dataclass(frozen=True, slots=True)
class Action:
    """A button click: `action_id` names it ("share_answer", "show_answer",
    "show_commitment", "show_section"), `value` carries its argument (a question number,
    a commitment id, a section number). `channel_id` is None in the App Home."""

    action_id: str
    value: str
    user_id: str
    channel_id: str | None = None


@dataclass(frozen=True, slots=True)
class HomeOpened:
    """The user opened the bot's App Home tab."""

    user_id: str


Request: TypeAlias = Command | Mention | Action | HomeOpened
