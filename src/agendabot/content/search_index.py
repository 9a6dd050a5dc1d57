"""Setting up the search at start-up: the glossary file and the index over all content.

The search itself is pure (`agendabot.core.search`); this adapter reads
`content/glossary.yaml`, checks it as part of `agendabot content check`, and builds one
`SearchEngine` over the Q&A lists, the letters and the commitments of a loaded `Content`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from agendabot.content import (
    Content,
    ContentError,
    ContentProblem,
    content_validator,
    load_content,
    read_yaml,
    validate_entries,
)
from agendabot.content.vectors import load_dense
from agendabot.core.search import Glossary, SearchDoc, SearchEngine, SearchIndex, build_index
from agendabot.core.search.phrasings import COMMITMENTS, Entry
from agendabot.core.search.sources import commitment_docs, letter_docs, qa_docs

GLOSSARY_FILE = "glossary.yaml"


def load_glossary(root: Path) -> Glossary:
    """`content/glossary.yaml` as a validated `Glossary` (empty when the file is absent)."""
    path = root / GLOSSARY_FILE
    if not path.exists():
        return Glossary()
    data = read_yaml(path, root)
    name = f"{root.name}/{GLOSSARY_FILE}"
    if data is None:
        return Glossary()
    if not isinstance(data, dict):
        raise ContentError([ContentProblem(name, "bestand", "", "moet een blok met velden zijn")])
    return validate_entries(Glossary, data, name)


@content_validator
def check_glossary(content: Content) -> Iterator[ContentProblem]:
    """The glossary is part of the content: `agendabot content check` reports its errors."""
    try:
        load_glossary(content.root)
    except ContentError as exc:
        yield from exc.problems


def search_docs(content: Content) -> list[SearchDoc]:
    """Every document's search documents, with the phrasings of their questions; those of
    other than the default list and letter are keyed by address ("31749-8:1"), so each
    result names where it comes from."""
    library = content.library
    docs: list[SearchDoc] = []
    for qa in content.qa_lists:
        ref = None if library.is_default(qa) else library.short_ref(qa)
        docs.extend(qa_docs(qa, ref=ref, phrasings=_phrasings(content, qa.meta.id)))
    for letter in content.letters:
        ref = None if library.is_default(letter) else library.short_ref(letter)
        docs.extend(letter_docs(letter, ref=ref, phrasings=_phrasings(content, letter.meta.id)))
    docs.extend(commitment_docs(content.commitments, phrasings=_phrasings(content, COMMITMENTS)))
    return docs


def content_index(content: Content) -> SearchIndex:
    """The index over everything in `content`, with its background questions."""
    return build_index(search_docs(content), background=content.background.texts)


def _phrasings(content: Content, document_id: str) -> dict[str, Entry]:
    found = content.phrasings.get(document_id)
    return found.by_key() if found is not None else {}


def build_search(
    content: Content, glossary: Glossary | None = None, *, vectors: bool = True
) -> SearchEngine:
    """The search over everything in `content`, with the glossary from its root and the
    passage vectors stored beside it (`vectors=False`: the lexical search alone)."""
    if glossary is None:
        glossary = load_glossary(content.root)
    index = content_index(content)
    dense = load_dense(index, content.root) if vectors else None
    return SearchEngine(index, glossary, dense=dense)


def load_search(root: Path | None = None) -> tuple[Content, SearchEngine]:
    """Load the content (validated) and build the search over it."""
    content = load_content(root)
    return content, build_search(content)
