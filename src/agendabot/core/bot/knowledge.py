"""Everything the bot knows, built once and swapped as a whole on reload.

`Knowledge` pairs the loaded content with the search built over it. The bot gets a
callable returning the current `Knowledge`, so a content reload can replace both at
once (`agendabot.bot.build_knowledge(content)` builds one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from agendabot.core.agenda.commitments import Commitment
from agendabot.core.documents.library import Library
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.kamervragen.model import KamervragenSet
from agendabot.core.search import SearchEngine


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
    content: ContentView
    search: SearchEngine
