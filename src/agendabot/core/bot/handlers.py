"""What every handler of the bot shares: its knowledge, state and config, and the
commitments with their statuses (used by `/vraag`, `/agenda`, buttons and the App Home)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime

from agendabot.core.agenda.commitments import (
    find_commitment,
    suggest_ids,
)
from agendabot.core.bot.agenda_messages import unknown_commitment
from agendabot.core.bot.config import BotConfig
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.memo import KnowledgeMemo
from agendabot.core.bot.messages import commitment_reply, document_links, range_message
from agendabot.core.bot.ports import ContentReloader, StatePort, StatusInfo
from agendabot.core.reply.model import Reply

log = logging.getLogger(__name__)


class Handlers:
    """The state of the bot, built once; the handler mixins below read it."""

    def __init__(
        self,
        knowledge: Callable[[], Knowledge],
        state: StatePort,
        config: BotConfig | None = None,
        *,
        reload_content: ContentReloader | None = None,
        on_answer: Callable[[bool], None] | None = None,
    ) -> None:
        """`reload_content` serves `/agenda herlaad`; `on_answer(given)` is told whether
        each free-text question was answered or declined (metrics)."""
        self._knowledge = knowledge
        self._state = state
        self.config = config or BotConfig()
        self._reload_content = reload_content
        self._on_answer = on_answer
        # Search responses and answers by number, per knowledge (not commitments: those
        # depend on statuses and today's date).
        self._memo = KnowledgeMemo()

    # ------------------------------------------------------------------ commitments

    def _today(self, now: datetime) -> date:
        if now.tzinfo is None:
            raise ValueError(f"now must be timezone-aware, got {now!r}")
        return now.astimezone(self.config.timezone).date()

    async def _statuses(self) -> dict[str, StatusInfo]:
        return await self._state.current_statuses()

    async def _commitment(
        self, knowledge: Knowledge, commitment_id: str, now: datetime, *, shareable: bool = True
    ) -> Reply:
        commitments = knowledge.content.commitments
        commitment = find_commitment(commitments, commitment_id)
        if commitment is None:
            return unknown_commitment(commitment_id, suggest_ids(commitments, commitment_id))
        changes = await self._statuses()
        change = changes.get(commitment.id)
        status = change.status if change is not None else commitment.status
        return commitment_reply(
            commitment,
            status=status,
            change=change,
            today=self._today(now),
            links=document_links(knowledge.content.qa, knowledge.content.letter),
            shareable=shareable,
        )


def range_message_k(knowledge: Knowledge) -> str:
    return range_message(knowledge.content.qa)
