"""What the bot knows, from the content files: the validated content and the search over it.

knowledge = load_knowledge(settings.content_dir)   # ContentError on bad content
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from agendabot.content import Content, load_content
from agendabot.content.embedder import shared_embedder, shared_query_queue
from agendabot.content.search_index import build_search
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.search import SearchEngine
from agendabot.core.search.dense import QueryEmbedder
from agendabot.settings import Settings

log = logging.getLogger(__name__)


def build_knowledge(content: Content) -> Knowledge:
    """The content plus the search built over it (glossary read from the content root),
    and the embedding model for queries when passage vectors are stored."""
    search = build_search(content)
    embed = query_embedder(search)
    queue = shared_query_queue() if embed is not None else None
    return Knowledge(content=content, search=search, embed=embed, queue=queue)


def query_embedder(search: SearchEngine) -> QueryEmbedder | None:
    """The model's query side, when the search has passage vectors and the model loads."""
    if search.dense is None:
        return None
    try:
        return shared_embedder().query
    except (ImportError, OSError, RuntimeError) as exc:
        log.warning("embedding model unavailable (%s): the search is lexical only", exc)
        return None


def load_knowledge(
    root: Path | None = None, *, main_dossier: str | None = None, default_qa: str | None = None
) -> Knowledge:
    """Load and validate the content under `root` (default `content/`) and build the search.

    `main_dossier` and `default_qa`: see `load_content`."""
    return build_knowledge(load_content(root, main_dossier=main_dossier, default_qa=default_qa))


def settings_loader(settings: Settings) -> Callable[[Path | None], Knowledge]:
    """`load_knowledge` with the document defaults of `settings` (for start-up and reload)."""
    return partial(
        load_knowledge, main_dossier=settings.main_dossier, default_qa=settings.default_qa_list
    )
