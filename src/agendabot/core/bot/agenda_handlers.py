"""`/agenda`: deadlines, subscriptions, marking commitments, reloading; and the App Home."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from agendabot.core.agenda.commitments import (
    current_status,
    find_commitment,
    select_deadlines,
    suggest_ids,
)
from agendabot.core.bot.agenda_commands import (
    AgendaCommand,
    AgendaCommitment,
    AgendaDeadlines,
    AgendaHelp,
    AgendaKamervragen,
    AgendaMark,
    AgendaReload,
    AgendaSubscribe,
    AgendaSubscriptions,
    AgendaUnsubscribe,
    parse_agenda,
)
from agendabot.core.bot.agenda_messages import (
    agenda_help,
    deadlines_reply,
    home_reply,
    unknown_commitment,
)
from agendabot.core.bot.commands import ParseError
from agendabot.core.bot.config import PILLAR_ORDER, subscription_target
from agendabot.core.bot.handlers import Handlers
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.messages import pillar_phrase
from agendabot.core.bot.requests import Command
from agendabot.core.kamervragen.present import kamervragen_reply, select_sets
from agendabot.core.reply.model import Reply, simple
from agendabot.core.time.dutch_dates import dutch_date

# "Alleen de beheerders … kunnen een toezegging {…}."
_MARKING: Final[dict[str, str]] = {
    "afgerond": "afgerond melden",
    "vervallen": "vervallen melden",
    "open": "heropenen",
}


class AgendaHandlers(Handlers):
    # ------------------------------------------------------------------ /agenda

    async def _agenda(self, knowledge: Knowledge, request: Command, now: datetime) -> Reply:
        return await self._run_agenda(knowledge, parse_agenda(request.text), request, now)

    async def _run_agenda(
        self,
        knowledge: Knowledge,
        parsed: AgendaCommand | ParseError,
        request: Command,
        now: datetime,
    ) -> Reply:
        """`parsed`: typed as `/agenda …` or asked in words ("wat volgt dit kanaal?");
        `request` says who asks, and where."""
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
        if isinstance(parsed, AgendaKamervragen):
            return kamervragen_reply(knowledge.content.kamervragen, today=self._today(now))
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
        sets = select_sets(
            knowledge.content.kamervragen, today=today, weeks=weeks, pillar=parsed.pillar
        )
        return deadlines_reply(
            items, today=today, weeks=weeks, pillar=parsed.pillar, kamervragen=sets
        )

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
                f"{_MARKING[parsed.status]}. Vraag het een van hen."
            )
        statuses = {key: info.status for key, info in (await self._statuses()).items()}
        before = current_status(commitment, statuses)
        if parsed.status == "open" and before == "open":
            return simple(f"“{commitment.title}” staat al open; er is niets veranderd.")
        change = await self._state.mark_status(
            commitment.id,
            parsed.status,
            by=request.user_id,
            now=now,
            link=parsed.link,
            note=parsed.note,
        )
        day = dutch_date(self._today(change.at))
        if parsed.status == "open":
            text = (
                f"Genoteerd: “{commitment.title}” staat weer open, deadline "
                f"{dutch_date(commitment.due)} (gemeld op {day})."
            )
        else:
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
        sets = [s for s in knowledge.content.kamervragen if s.is_open]
        return home_reply(pillars=pillars, items=items, weeks=weeks, today=today, kamervragen=sets)
