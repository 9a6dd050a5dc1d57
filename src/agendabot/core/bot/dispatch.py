"""The bot: one dispatch from a `Request` to a `Reply` (transport-free).

The Slack adapter and the console both call `Bot.handle`; nothing here knows Slack,
the database or the clock (`now` is a parameter). What the adapter does with a reply:

* `reply.ephemeral`: answer only the asker (slash command/`respond`, `chat.postEphemeral`);
  otherwise post for everyone in the channel;
* `reply.in_thread`: post in the thread of the mention (`thread_ts or ts`);
* `Bot.home(user_id)` returns the App Home as a `Reply` for `render_home`.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from agendabot.core.bot.agenda_commands import AgendaMark, mention_agenda
from agendabot.core.bot.agenda_handlers import AgendaHandlers
from agendabot.core.bot.agenda_questions import agenda_question
from agendabot.core.bot.commands import clean_text, unescape_slack
from agendabot.core.bot.config import BotConfig, subscription_target
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.messages import (
    MARK_DONE,
    SHARE,
    SHARE_COMMITMENT,
    SHARE_SECTION,
    SHOW_ANSWER,
    SHOW_COMMITMENT,
    SHOW_SECTION,
    apology,
    mention_help,
    without_sharing,
)
from agendabot.core.bot.ports import StateRefused
from agendabot.core.bot.requests import Action, Command, HomeOpened, Mention, Request
from agendabot.core.bot.vraag_handlers import VraagHandlers
from agendabot.core.earlier.answers import EarlierReport, NoQuestions, report_for_text
from agendabot.core.earlier.present import earlier_replies
from agendabot.core.reply.model import Reply, simple

log = logging.getLogger(__name__)

__all__ = ["Bot", "BotConfig", "subscription_target"]


class Bot(VraagHandlers, AgendaHandlers):
    """Answers requests; `knowledge()` is called once per request (swappable on reload)."""

    # ------------------------------------------------------------------ entry points

    async def handle(self, request: Request, *, now: datetime) -> Reply:
        """Answer one request. Never raises: bad input gets a friendly Dutch reply, an
        internal error is logged and answered with a short apology."""
        try:
            knowledge = self._knowledge()
            if isinstance(request, Command):
                return await self._command(knowledge, request, now)
            if isinstance(request, Mention):
                return await self._mention(knowledge, request, now)
            if isinstance(request, Action):
                return await self._action(knowledge, request, now)
            if isinstance(request, HomeOpened):
                return await self._home(knowledge, request.user_id, now)
            raise TypeError(f"unknown request {request!r}")
        except StateRefused as exc:
            return simple(str(exc))
        except Exception:
            log.exception("request failed: %s", type(request).__name__)
            return apology()

    def standing_replies(self) -> list[Reply]:
        """Every reply that depends on the content alone — each question and each letter
        section, as an answer and as a shared message — made now and kept in the memo, so
        that an adapter can prepare them (render them) before the first request asks."""
        knowledge = self._knowledge()
        replies: list[Reply] = []
        for shareable in (True, False):
            for number in knowledge.content.qa.numbers:
                replies.append(self._question(knowledge, str(number), shareable=shareable))
            for section in knowledge.content.letter.sections:
                replies.append(self._section(knowledge, section.number, shareable=shareable))
        return replies

    def earlier_answers(self, text: str) -> tuple[list[Reply], EarlierReport | None]:
        """The earlier answers for the questions in `text` (a Slack message or file): the
        messages to post in its thread and the report (for the Word draft); without
        questions one short sentence and None. Runs the model once per question: call it
        from a worker thread."""
        knowledge = self._knowledge()
        try:
            report = report_for_text(
                unescape_slack(text),
                knowledge.search,
                knowledge.content.library,
                embed=knowledge.embed,
            )
        except NoQuestions as exc:
            return [simple(str(exc))], None
        return earlier_replies(report.results), report

    async def home(self, user_id: str, *, now: datetime) -> Reply:
        """The App Home of `user_id`: subscriptions, next deadlines, short help."""
        return await self.handle(HomeOpened(user_id), now=now)

    # ------------------------------------------------------------------ requests

    async def _command(self, knowledge: Knowledge, request: Command, now: datetime) -> Reply:
        name = request.command.strip().lower().lstrip("/")
        if name == "vraag":
            return await self._ask(knowledge, request.text, request, now)
        if name == "agenda":
            return await self._agenda(knowledge, request, now)
        return simple("Dat commando ken ik niet. Probeer /vraag of /agenda help.")

    async def _mention(self, knowledge: Knowledge, request: Mention, now: datetime) -> Reply:
        text = clean_text(request.text)
        lowered = text.lower()
        if lowered in ("help", "hulp", "?", ""):
            reply = mention_help(self.config.bot_name)
        elif (agenda := mention_agenda(text)) is not None:  # "@agendabot deadlines pijler 1"
            command = Command("/agenda", agenda, request.user_id, request.channel_id)
            reply = await self._agenda(knowledge, command, now)
        else:
            if lowered.startswith("/vraag"):
                text = text[len("/vraag") :]
            reply = await self._ask(knowledge, text, request, now)
        return replace(without_sharing(reply), ephemeral=False, in_thread=True)

    async def _ask(
        self, knowledge: Knowledge, text: str, request: Command | Mention, now: datetime
    ) -> Reply:
        """A question: "wat moet er deze maand af?" is `/agenda deadlines`, "welke kamervragen
        staan open?" `/agenda kamervragen`, "wat volgt dit kanaal?" `/agenda abonnementen`;
        the rest `/vraag`."""
        asked = agenda_question(clean_text(text))
        if asked is not None:
            command = Command("/agenda", text, request.user_id, request.channel_id)
            return await self._run_agenda(knowledge, asked, command, now)
        return await self._vraag(knowledge, text, now)

    async def _action(self, knowledge: Knowledge, request: Action, now: datetime) -> Reply:
        value = request.value.strip()
        if request.action_id == SHARE:
            if request.channel_id is None:
                return simple("Delen kan alleen vanuit een kanaal of gesprek.")
            reply = await self._shared(knowledge, value, now)
            if reply.ephemeral and not reply.parts[1:]:
                return reply  # something went wrong: tell only the clicker
            return replace(reply, ephemeral=False)
        if request.action_id == SHOW_ANSWER:
            return await self._vraag(knowledge, value, now)
        if request.action_id == SHOW_COMMITMENT:
            return await self._commitment(knowledge, value, now)
        if request.action_id == SHOW_SECTION:
            return self._section(knowledge, value, shareable=True)
        if request.action_id == MARK_DONE:  # as `/agenda afgerond ID`: admins only
            where = request.channel_id or request.user_id  # the App Home has no channel
            command = Command("/agenda", "", request.user_id, where)
            mark = AgendaMark(commitment_id=value, status="afgerond")
            return await self._run_agenda(knowledge, mark, command, now)
        return simple("Deze knop ken ik niet (meer). Probeer /vraag of /agenda help.")

    async def _shared(self, knowledge: Knowledge, value: str, now: datetime) -> Reply:
        if value.startswith(SHARE_COMMITMENT):
            commitment_id = value.removeprefix(SHARE_COMMITMENT)
            return await self._commitment(knowledge, commitment_id, now, shareable=False)
        if value.startswith(SHARE_SECTION):
            return self._section(knowledge, value.removeprefix(SHARE_SECTION), shareable=False)
        return self._question(knowledge, value, shareable=False)
