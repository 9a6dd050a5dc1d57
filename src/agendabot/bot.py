"""Assembling the bot at start-up: knowledge from the content, config from the settings.

Used by `agendabot serve` (Slack adapter) and `agendabot console`:

    knowledge = load_knowledge(settings.content_dir)
    store = await AsyncStore.open(settings.database_url.get_secret_value())
    bot = create_bot(lambda: knowledge, store, config_from_settings(settings))
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from agendabot.content import Content, load_content
from agendabot.content.search_index import build_search
from agendabot.core.bot.dispatch import Bot, BotConfig
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.ports import StatePort
from agendabot.settings import Settings
from agendabot.state import AsyncStore
from agendabot.state.port import StoreStatePort


def build_knowledge(content: Content) -> Knowledge:
    """The content plus the search built over it (glossary read from the content root)."""
    return Knowledge(content=content, search=build_search(content))


def load_knowledge(root: Path | None = None) -> Knowledge:
    """Load and validate the content under `root` (default `content/`) and build the search."""
    return build_knowledge(load_content(root))


def config_from_settings(settings: Settings) -> BotConfig:
    return BotConfig(admins=frozenset(settings.admin_users), deadline_weeks=settings.digest_weeks)


def create_bot(
    knowledge: Callable[[], Knowledge], store: AsyncStore, config: BotConfig | None = None
) -> Bot:
    """The bot over a real state store (`StoreStatePort` implements the `StatePort`)."""
    state: StatePort = StoreStatePort(store)
    return Bot(knowledge, state, config)
