"""What the bot knows, from the content files: the validated content and the search over it.

knowledge = load_knowledge(settings.content_dir)   # ContentError on bad content
"""

from __future__ import annotations

from pathlib import Path

from agendabot.content import Content, load_content
from agendabot.content.search_index import build_search
from agendabot.core.bot.knowledge import Knowledge


def build_knowledge(content: Content) -> Knowledge:
    """The content plus the search built over it (glossary read from the content root)."""
    return Knowledge(content=content, search=build_search(content))


def load_knowledge(root: Path | None = None) -> Knowledge:
    """Load and validate the content under `root` (default `content/`) and build the search."""
    return build_knowledge(load_content(root))
