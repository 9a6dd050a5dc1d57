"""One search over Q&As, commitments and letter sections (pure; index built once)."""

from agendabot.core.search.glossary import Glossary, SynonymSet, Translation
from agendabot.core.search.index import KINDS, Kind, SearchDoc, SearchIndex, build_index
from agendabot.core.search.rank import SearchEngine
from agendabot.core.search.results import SearchHit, SearchResponse

__all__ = [
    "KINDS",
    "Glossary",
    "Kind",
    "SearchDoc",
    "SearchEngine",
    "SearchHit",
    "SearchIndex",
    "SearchResponse",
    "SynonymSet",
    "Translation",
    "build_index",
]
