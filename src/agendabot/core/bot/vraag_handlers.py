"""`/vraag`: a question by number, a letter section, or a search over all content."""

from __future__ import annotations

from datetime import datetime

from agendabot.core.bot.commands import (
    VraagHelp,
    VraagNumber,
    VraagSearch,
    parse_vraag,
)
from agendabot.core.bot.handlers import Handlers, range_message_k
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.messages import (
    candidates_reply,
    no_such_question,
    nothing_found_reply,
    question_reply,
    range_message,
    section_reply,
    vraag_help,
    with_alternatives,
    with_note,
)
from agendabot.core.reply.model import Reply, simple


class VraagHandlers(Handlers):
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
