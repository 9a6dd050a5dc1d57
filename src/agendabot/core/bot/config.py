"""How the bot is set up: who may change things, horizons, limits, the time zone."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import tzinfo
from typing import Final
from zoneinfo import ZoneInfo

AMSTERDAM: Final = ZoneInfo("Europe/Amsterdam")
PILLAR_ORDER: Final = ("1", "2", "all")


@dataclass(frozen=True, slots=True)
class BotConfig:
    """`admins`: user ids allowed to mark commitments afgerond/vervallen and to reload the
    content (empty: everyone); any collection, e.g. a live set that follows a user group.
    `deadline_weeks`: default horizon of `/agenda deadlines` and the App Home.
    `max_query_chars`: longer questions are cut before searching.
    `timezone`: where "today" is, for due dates."""

    admins: Collection[str] = frozenset()
    deadline_weeks: int = 6
    max_query_chars: int = 500
    bot_name: str = "agendabot"
    timezone: tzinfo = AMSTERDAM

    def may_mark(self, user_id: str) -> bool:
        return not self.admins or user_id in self.admins


def subscription_target(user_id: str, channel_id: str) -> str:
    """Where a subscription typed in `channel_id` goes: the channel, or in a DM the user."""
    return user_id if channel_id.startswith("D") else channel_id
