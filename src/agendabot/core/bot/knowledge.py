"""Everything the bot knows, built once and swapped as a whole on reload.

`Knowledge` pairs the loaded content with the search built over it. The bot gets a
callable returning the current `Knowledge`, so a content reload can replace both at
once (`agendabot.bot.build_knowledge(content)` builds one).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Protocol

from agendabot.core.agenda.commitments import Commitment
from agendabot.core.documents.library import Library
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.kamervragen.model import KamervragenSet
from agendabot.core.search import SearchEngine
from agendabot.core.search.dense import AsyncQueryEmbedder, QueryEmbedder, Vector


class ContentView(Protocol):
    """The part of `agendabot.content.Content` the bot reads."""

    @property
    def library(self) -> Library: ...

    @property
    def qa(self) -> QADocument: ...

    @property
    def letter(self) -> Letter: ...

    @property
    def commitments(self) -> tuple[Commitment, ...]: ...

    @property
    def kamervragen(self) -> tuple[KamervragenSet, ...]: ...


@dataclass(frozen=True, slots=True)
class Knowledge:
    """`embed`: the query's vector for the fused search (None: the lexical search alone).
    `queue`: the same for the event loop, shared by concurrent questions (it may answer
    None under load); without it `embed` runs in a worker thread."""

    content: ContentView
    search: SearchEngine
    embed: QueryEmbedder | None = None
    queue: AsyncQueryEmbedder | None = None

    @property
    def semantic(self) -> bool:
        """Whether a search can use the meaning of the query (a model and passage vectors)."""
        return self.search.dense is not None and (self.embed or self.queue) is not None

    async def query_vector(self, text: str) -> Vector | None:
        """The query's vector without blocking the event loop; None when there is no model,
        it fails, or (through `queue`) it would come too late: the lexical search then
        answers alone."""
        if not self.semantic:
            return None
        try:
            if self.queue is not None:
                return await self.queue(text)
            assert self.embed is not None
            return await asyncio.to_thread(self.embed, text)
        except Exception:  # the model is an optional signal: never fail a search over it
            return None
