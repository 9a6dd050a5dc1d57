"""The bot: one dispatch from a `Request` to a `Reply` (transport-free).

The Slack adapter and the console both call `Bot.handle`; nothing here knows Slack,
the database or the clock (`now` is a parameter).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from agendabot.core.knowledge import Knowledge
from agendabot.core.ports import StatePort
from agendabot.core.reply import Reply, simple
from agendabot.core.requests import Request

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BotConfig:
    """`admins`: user ids allowed to mark commitments afgerond/vervallen (empty: everyone).
    `deadline_weeks`: default horizon of `/agenda deadlines` and the App Home.
    `max_query_chars`: longer questions are cut before searching."""

    admins: frozenset[str] = frozenset()
    deadline_weeks: int = 6
    max_query_chars: int = 500
    bot_name: str = "agendabot"


class Bot:
    def __init__(
        self,
        knowledge: Callable[[], Knowledge],
        state: StatePort,
        config: BotConfig | None = None,
    ) -> None:
        self._knowledge = knowledge
        self._state = state
        self.config = config or BotConfig()

    async def handle(self, request: Request, *, now: datetime) -> Reply:
        """Answer one request. Never raises for user input."""
        return simple("Nog niet klaar.")

    async def home(self, user_id: str, *, now: datetime) -> Reply:
        """The App Home of `user_id`."""
        return simple("Nog niet klaar.", ephemeral=False)
