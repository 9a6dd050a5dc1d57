"""Assembling the bot at start-up: config from the settings, the bot over the state store.

Used by `agendabot serve` (Slack adapter) and `agendabot console`:

    knowledge = load_knowledge(settings.content_dir)      # agendabot.content.knowledge
    store = await AsyncStore.open(settings.database_url.get_secret_value())
    bot = create_bot(lambda: knowledge, store, config_from_settings(settings))
"""

from __future__ import annotations

from collections.abc import Callable

from agendabot.core.bot.dispatch import Bot, BotConfig
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.ports import StatePort
from agendabot.settings import Settings
from agendabot.state import AsyncStore
from agendabot.state.port import StoreStatePort


def config_from_settings(settings: Settings) -> BotConfig:
    return BotConfig(admins=frozenset(settings.admin_users), deadline_weeks=settings.digest_weeks)


def create_bot(
    knowledge: Callable[[], Knowledge], store: AsyncStore, config: BotConfig | None = None
) -> Bot:
    """The bot over a real state store (`StoreStatePort` implements the `StatePort`)."""
    state: StatePort = StoreStatePort(store)
    return Bot(knowledge, state, config)
