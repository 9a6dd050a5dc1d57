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
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from typing import Final
from zoneinfo import ZoneInfo

from agendabot.core.agenda.commitments import (
    current_status,
    find_commitment,
    select_deadlines,
    suggest_ids,
)
from agendabot.core.bot.commands import (
    AgendaCommitment,
    AgendaDeadlines,
    AgendaHelp,
    AgendaMark,
    AgendaReload,
    AgendaSubscribe,
    AgendaSubscriptions,
    AgendaUnsubscribe,
    ParseError,
    VraagHelp,
    VraagNumber,
    VraagSearch,
    clean_text,
    parse_agenda,
    parse_vraag,
)
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.memo import KnowledgeMemo
from agendabot.core.bot.messages import (
    SHARE,
    SHARE_COMMITMENT,
    SHARE_SECTION,
    SHOW_ANSWER,
    SHOW_COMMITMENT,
    SHOW_SECTION,
    agenda_help,
    apology,
    candidates_reply,
    commitment_reply,
    deadlines_reply,
    document_links,
    home_reply,
    mention_help,
    no_such_question,
    nothing_found_reply,
    pillar_phrase,
    question_reply,
    range_message,
    section_reply,
    unknown_commitment,
    vraag_help,
    with_alternatives,
    with_note,
    without_sharing,
)
from agendabot.core.bot.ports import ContentReloader, StatePort, StateRefused, StatusInfo
from agendabot.core.bot.reply import Reply, simple
from agendabot.core.bot.requests import Action, Command, HomeOpened, Mention, Request
from agendabot.core.time.dutch_dates import dutch_date

log = logging.getLogger(__name__)

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


class Bot:
    """Answers requests; `knowledge()` is called once per request (swappable on reload)."""

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

    async def home(self, user_id: str, *, now: datetime) -> Reply:
        """The App Home of `user_id`: subscriptions, next deadlines, short help."""
        return await self.handle(HomeOpened(user_id), now=now)

    # ------------------------------------------------------------------ requests

    async def _command(self, knowledge: Knowledge, request: Command, now: datetime) -> Reply:
        name = request.command.strip().lower().lstrip("/")
        if name == "vraag":
            return await self._vraag(knowledge, request.text, now)
        if name == "agenda":
            return await self._agenda(knowledge, request, now)
        return simple("Dat commando ken ik niet. Probeer /vraag of /agenda help.")

    async def _mention(self, knowledge: Knowledge, request: Mention, now: datetime) -> Reply:
        text = clean_text(request.text)
        lowered = text.lower()
        if lowered in ("help", "hulp", "?", ""):
            reply = mention_help(self.config.bot_name)
        elif lowered.startswith(("/agenda", "agenda ")) or lowered == "agenda":
            rest = text.split(None, 1)[1] if " " in text else ""
            command = Command("/agenda", rest, request.user_id, request.channel_id)
            reply = await self._agenda(knowledge, command, now)
        else:
            if lowered.startswith("/vraag"):
                text = text[len("/vraag") :]
            reply = await self._vraag(knowledge, text, now)
        return replace(without_sharing(reply), ephemeral=False, in_thread=True)

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
        return simple("Deze knop ken ik niet (meer). Probeer /vraag of /agenda help.")

    async def _shared(self, knowledge: Knowledge, value: str, now: datetime) -> Reply:
        if value.startswith(SHARE_COMMITMENT):
            commitment_id = value.removeprefix(SHARE_COMMITMENT)
            return await self._commitment(knowledge, commitment_id, now, shareable=False)
        if value.startswith(SHARE_SECTION):
            return self._section(knowledge, value.removeprefix(SHARE_SECTION), shareable=False)
        return self._question(knowledge, value, shareable=False)

    # ------------------------------------------------------------------ /vraag

    async def _vraag(self, knowledge: Knowledge, text: str, now: datetime) -> Reply:
        parsed = parse_vraag(text, max_chars=self.config.max_query_chars)
        if isinstance(parsed, VraagHelp):
            return vraag_help()
        if isinstance(parsed, VraagNumber):
            return self._question(knowledge, str(parsed.number))
        return await self._search(knowledge, parsed, now)

    def _question(self, knowledge: Knowledge, value: str, *, shareable: bool = True) -> Reply:
        qa = knowledge.content.qa
        if not (value.isascii() and value.isdigit()) or len(value) > 6:
            return simple(f"Dat is geen vraagnummer. {range_message(qa)}")
        number = int(value)
        if number not in qa:
            return no_such_question(qa, number)
        return self._memo.get(
            knowledge,
            ("vraag", number, shareable),
            lambda: question_reply(qa, number, shareable=shareable),
        )

    def _section(self, knowledge: Knowledge, number: str, *, shareable: bool) -> Reply:
        letter = knowledge.content.letter
        try:
            letter.section(number)
        except KeyError:
            return simple("Die paragraaf staat niet in de brief.")
        return self._memo.get(
            knowledge,
            ("sectie", number, shareable),
            lambda: section_reply(letter, number, shareable=shareable),
        )

    async def _search(self, knowledge: Knowledge, parsed: VraagSearch, now: datetime) -> Reply:
        response = self._memo.get(
            knowledge,
            ("zoek", parsed.query),
            lambda: knowledge.search.search(parsed.query, limit=5),
        )
        if response.lookup and not response.results:
            missing = ", ".join(response.missing[:3])
            return simple(f"Vraag of paragraaf {missing} ken ik niet. {range_message_k(knowledge)}")
        if not response.lookup and self._on_answer is not None:
            self._on_answer(bool(response.results) and not response.declined)
        if not response.results:
            return nothing_found_reply()
        if response.declined:
            reply = candidates_reply(response.results)
        else:
            best, *others = response.results
            reply = await self._hit(knowledge, best.kind, best.key, now)
            if not response.lookup:
                good = [h for h in others if h.score >= knowledge.search.threshold][:2]
                reply = with_alternatives(reply, good)
            elif others:
                reply = with_alternatives(reply, others)
        if parsed.truncated:
            reply = with_note(
                reply, f"Je vraag was lang; ik heb de eerste {len(parsed.query)} tekens gebruikt."
            )
        return reply

    async def _hit(self, knowledge: Knowledge, kind: str, key: str, now: datetime) -> Reply:
        if kind == "vraag":
            return self._question(knowledge, key)
        if kind == "sectie":
            return self._section(knowledge, key, shareable=True)
        return await self._commitment(knowledge, key, now)

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

    # ------------------------------------------------------------------ /agenda

    async def _agenda(self, knowledge: Knowledge, request: Command, now: datetime) -> Reply:
        parsed = parse_agenda(request.text)
        if isinstance(parsed, ParseError):
            return simple(parsed.message)
        if isinstance(parsed, AgendaHelp):
            return agenda_help(parsed.unknown)
        if isinstance(parsed, AgendaDeadlines):
            return await self._deadlines(knowledge, parsed, now)
        if isinstance(parsed, AgendaCommitment):
            return await self._commitment(knowledge, parsed.commitment_id, now)
        if isinstance(parsed, AgendaSubscribe | AgendaUnsubscribe | AgendaSubscriptions):
            return await self._subscriptions(parsed, request, now)
        if isinstance(parsed, AgendaReload):
            return await self._reload(request, now)
        return await self._mark(knowledge, parsed, request, now)

    async def _reload(self, request: Command, now: datetime) -> Reply:
        if self._reload_content is None:
            return simple("Herladen kan hier niet; de content wordt bij het starten geladen.")
        if not self.config.may_mark(request.user_id):
            await self._state.audit(request.user_id, "content.reload_refused", now=now)
            return simple(
                "Sorry, alleen de beheerders van de agenda kunnen de content herladen. "
                "Vraag het een van hen."
            )
        outcome = await self._reload_content()
        await self._state.audit(
            request.user_id,
            "content.reload" if outcome.ok else "content.reload_invalid",
            now=now,
            details={"ok": outcome.ok, "message": outcome.message[:2000]},
        )
        return simple(outcome.message)

    async def _deadlines(
        self, knowledge: Knowledge, parsed: AgendaDeadlines, now: datetime
    ) -> Reply:
        today = self._today(now)
        weeks = self.config.deadline_weeks if parsed.weeks is None else parsed.weeks
        statuses = {key: info.status for key, info in (await self._statuses()).items()}
        items = select_deadlines(
            knowledge.content.commitments,
            statuses,
            today=today,
            pillar=parsed.pillar,
            weeks=weeks,
        )
        return deadlines_reply(items, today=today, weeks=weeks, pillar=parsed.pillar)

    async def _subscriptions(
        self,
        parsed: AgendaSubscribe | AgendaUnsubscribe | AgendaSubscriptions,
        request: Command,
        now: datetime,
    ) -> Reply:
        target = subscription_target(request.user_id, request.channel_id)
        personal = target == request.user_id
        who = "Je" if personal else "Dit kanaal"
        if isinstance(parsed, AgendaSubscriptions):
            current = await self._state.subscriptions_of(target)
            if not current:
                return simple(
                    f"{who} volgt nog niets. Abonneren: /agenda abonneer pijler 1, 2 of alles."
                )
            pillars = sorted({s.pillar for s in current}, key=PILLAR_ORDER.index)
            followed = " en ".join(pillar_phrase(p) for p in pillars)
            return simple(f"{who} volgt {followed}. Opzeggen: /agenda opzeggen pijler …")
        phrase = pillar_phrase(parsed.pillar)
        if isinstance(parsed, AgendaSubscribe):
            added = await self._state.subscribe(target, parsed.pillar, by=request.user_id, now=now)
            where = "in je DM" if personal else "hier"
            if added:
                return simple(f"{who} volgt nu {phrase}. Het weekoverzicht komt {where}.")
            return simple(f"{who} volgde {phrase} al.")
        removed = await self._state.unsubscribe(target, parsed.pillar, by=request.user_id, now=now)
        if removed:
            return simple(f"{who} volgt {phrase} niet meer.")
        return simple(f"{who} volgde {phrase} niet. Zie /agenda abonnementen.")

    async def _mark(
        self, knowledge: Knowledge, parsed: AgendaMark, request: Command, now: datetime
    ) -> Reply:
        commitments = knowledge.content.commitments
        commitment = find_commitment(commitments, parsed.commitment_id)
        if commitment is None:
            return unknown_commitment(
                parsed.commitment_id, suggest_ids(commitments, parsed.commitment_id)
            )
        if not self.config.may_mark(request.user_id):
            await self._state.audit(
                request.user_id,
                "status.refused",
                now=now,
                details={"commitment_id": commitment.id, "status": parsed.status},
            )
            return simple(
                "Sorry, alleen de beheerders van de agenda kunnen een toezegging "
                f"{parsed.status} melden. Vraag het een van hen."
            )
        statuses = {key: info.status for key, info in (await self._statuses()).items()}
        before = current_status(commitment, statuses)
        change = await self._state.mark_status(
            commitment.id,
            parsed.status,
            by=request.user_id,
            now=now,
            link=parsed.link,
            note=parsed.note,
        )
        day = dutch_date(self._today(change.at))
        text = f"Genoteerd: “{commitment.title}” is {parsed.status} (gemeld op {day})."
        if before == parsed.status:
            text += f" Hij stond al op {parsed.status}; de nieuwe melding is bewaard."
        if change.link:
            text += f" Link: {change.link}"
        return simple(text)

    # ------------------------------------------------------------------ App Home

    async def _home(self, knowledge: Knowledge, user_id: str, now: datetime) -> Reply:
        today = self._today(now)
        current = await self._state.subscriptions_of(user_id)
        pillars = sorted({s.pillar for s in current}, key=PILLAR_ORDER.index)
        statuses = {key: info.status for key, info in (await self._statuses()).items()}
        weeks = self.config.deadline_weeks
        if not pillars or "all" in pillars:
            items = select_deadlines(
                knowledge.content.commitments, statuses, today=today, weeks=weeks
            )
        else:
            items = [
                item
                for pillar in pillars
                for item in select_deadlines(
                    knowledge.content.commitments,
                    statuses,
                    today=today,
                    pillar=int(pillar),
                    weeks=weeks,
                )
            ]
            items.sort(key=lambda i: (i.commitment.due, i.commitment.id))
        return home_reply(pillars=pillars, items=items, weeks=weeks, today=today)


def range_message_k(knowledge: Knowledge) -> str:
    return range_message(knowledge.content.qa)
