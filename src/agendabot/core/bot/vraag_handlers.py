"""`/vraag`: a question by number, a letter section, or a search over all content."""

from __future__ import annotations

from datetime import datetime

from agendabot.core.bot.commands import (
    VraagAddress,
    VraagDocument,
    VraagHelp,
    VraagNumber,
    VraagSearch,
    parse_vraag,
)
from agendabot.core.bot.document_messages import document_reply
from agendabot.core.bot.handlers import Handlers
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.messages import (
    also_in,
    no_such_question,
    question_reply,
    range_message,
    section_reply,
    sections_message,
    vraag_help,
    with_note,
)
from agendabot.core.bot.search_messages import (
    candidates_reply,
    nothing_found_reply,
    off_topic_reply,
    unknown_numbers,
    with_also_relevant,
    with_alternatives,
    with_requested,
)
from agendabot.core.documents.library import UnknownDocument, parse_address
from agendabot.core.reply.model import Reply, simple
from agendabot.core.search import SearchResponse
from agendabot.core.search.query import parse_lookup

# A reply to a search names the best hit and at most two more (candidates, "Ook relevant"):
# the search is asked for no more than that, so no snippet is made for nothing.
SHOWN = 3


class VraagHandlers(Handlers):
    # ------------------------------------------------------------------ /vraag

    async def _vraag(self, knowledge: Knowledge, text: str, now: datetime) -> Reply:
        parsed = parse_vraag(text, max_chars=self.config.max_query_chars)
        if isinstance(parsed, VraagHelp):
            if parsed.small_talk == "dank":
                return simple("Graag gedaan!")
            if parsed.small_talk == "ok":
                return simple(":+1:")
            return vraag_help(greeting=parsed.small_talk == "hoi")
        if isinstance(parsed, VraagNumber):
            return self._question(knowledge, str(parsed.number))
        if isinstance(parsed, VraagAddress):
            value = f"{parsed.document}:{parsed.local}"
            if parsed.section:
                return self._section(knowledge, value, shareable=True)
            return self._question(knowledge, value)
        if isinstance(parsed, VraagDocument):
            return self._document(knowledge, parsed)
        return await self._search(knowledge, parsed, now)

    def _document(self, knowledge: Knowledge, parsed: VraagDocument) -> Reply:
        """A document as a whole: named by number (either kind), else the default of its kind."""
        library = knowledge.content.library
        try:
            if parsed.reference is not None:
                document = library.document(parsed.reference)
            elif parsed.kind == "lijst":
                document = library.default_qa
            else:
                document = library.default_letter
        except UnknownDocument as exc:
            return simple(str(exc))
        return document_reply(library, document)

    def _question(self, knowledge: Knowledge, value: str, *, shareable: bool = True) -> Reply:
        """Question `value`: "47" in the default list, or "451:47", "31749-8:1"."""
        library = knowledge.content.library
        address = parse_address(value)
        try:
            qa = library.qa(address.document)
        except UnknownDocument as exc:
            return simple(str(exc))
        local = address.local
        if not (local.isascii() and local.isdigit()) or len(local) > 6:
            return simple(f"Dat is geen vraagnummer. {range_message(qa)}")
        number = int(local)
        if number not in qa:
            if address.document is None and number > max(qa.numbers, default=0):
                try:  # "/vraag 456": not a question, but the letter nr. 456
                    return document_reply(library, library.document(local))
                except UnknownDocument:
                    pass
            return no_such_question(qa, number, named=address.document is not None)
        reply = self._memo.get(
            knowledge,
            ("vraag", qa.meta.id, number, shareable),
            lambda: question_reply(
                qa, number, shareable=shareable, address=library.address(qa, number)
            ),
        )
        if address.document is None:
            others = [d for d in library.lists_with_question(number) if d.meta.id != qa.meta.id]
            if others:
                reply = with_note(
                    reply, also_in(number, [library.address(d, number) for d in others])
                )
        return reply

    def _section(self, knowledge: Knowledge, value: str, *, shareable: bool) -> Reply:
        """Section `value`: "1.7" of the default letter, or "456:1.7"."""
        library = knowledge.content.library
        address = parse_address(value)
        try:
            letter = library.letter(address.document)
        except UnknownDocument as exc:
            return simple(str(exc))
        number = address.local.rstrip(".")
        try:
            letter.section(number)
        except KeyError:
            where = "de brief" if address.document is None else letter.meta.citation
            return simple(
                f"Paragraaf {number[:12]} staat niet in {where}. {sections_message(letter)}"
            )
        return self._memo.get(
            knowledge,
            ("sectie", letter.meta.id, number, shareable),
            lambda: section_reply(
                letter, number, shareable=shareable, address=library.address(letter, number)
            ),
        )

    async def _search(self, knowledge: Knowledge, parsed: VraagSearch, now: datetime) -> Reply:
        key = ("zoek", parsed.query)
        remembered = self._memo.has(knowledge, key)
        lookup = any(parse_lookup(parsed.query))  # numbers asked for: no model needed
        vector = None if remembered or lookup else await knowledge.query_vector(parsed.query)

        def run() -> SearchResponse:
            return knowledge.search.search(parsed.query, limit=SHOWN, vector=vector)

        if not remembered and not lookup and vector is None and knowledge.semantic:
            response = run()  # the model was busy: a lexical answer now, not kept
        else:
            response = self._memo.get(knowledge, key, run)
        content = knowledge.content
        if response.lookup and not response.results:
            return simple(unknown_numbers(response.missing, content.qa, content.letter))
        if not response.lookup and self._on_answer is not None:
            self._on_answer(bool(response.results) and not response.declined)
        if response.off_topic:
            return off_topic_reply()
        if not response.results:
            return nothing_found_reply()
        if response.declined:
            reply = candidates_reply(response.results)
        else:
            best, *others = response.results
            reply = await self._hit(knowledge, best.kind, best.key, now)
            if response.band == "middle":
                reply = with_also_relevant(reply, others[:2], sure=response.several)
            elif not response.lookup:
                good = [h for h in others if h.score >= _good(knowledge, response)][:2]
                reply = with_alternatives(reply, good)
            else:
                missing = response.missing
                unknown = unknown_numbers(missing, content.qa, content.letter) if missing else None
                reply = with_requested(reply, others, unknown)
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


def _good(knowledge: Knowledge, response: SearchResponse) -> float:
    """How sure another result must be to be offered beside a confident answer."""
    search = knowledge.search
    return search.calibration.answer_at if response.calibrated else search.threshold
