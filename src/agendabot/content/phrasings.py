"""Phrasings in the content: `content/phrasings/<document id>.yaml` → `Content.phrasings`.

Each file holds, per question of a Q&A list, section of a letter, or (`commitments.yaml`)
commitment, how the team asks for its answer and what
it asks on the topic that the document does not answer (`core.search.phrasings`). The
loader validates each file; the validator checks that the document and every question
number exist, so `agendabot content check` names file, entry and field. The search embeds
the phrasings at ingest like its other texts (`agendabot content vectors`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from agendabot.content import (
    Content,
    ContentError,
    ContentProblem,
    content_loader,
    content_validator,
)
from agendabot.content.loading import load_each, read_model
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.search.phrasings import COMMITMENTS, Entry, Phrasings, conflicts, describe

PHRASINGS_DIR = "phrasings"


def phrasings_file_name(document_id: str) -> str:
    """Each document's phrasings are in a file named after its id."""
    return f"{PHRASINGS_DIR}/{document_id}.yaml"


def _load_file(path: Path, root: Path) -> Phrasings:
    name = f"{PHRASINGS_DIR}/{path.name}"
    found = read_model(path, root, Phrasings, name, "bestand")
    if path.stem != found.document:
        message = f"het bestand moet {found.document}.yaml heten"
        raise ContentError([ContentProblem(name, "bestand", "document", message)])
    return found


@content_loader
def load_phrasings(root: Path) -> dict[str, Any]:
    """One file per document, named after it (so no document has two)."""
    found = load_each(root / PHRASINGS_DIR, root, _load_file)
    return {"phrasings": {p.document: p for p in found}} if found else {}


@content_validator
def check_phrasings(content: Content) -> Iterator[ContentProblem]:
    """Every file names a Q&A list, a letter or the commitments, and only their items, each
    once; no phrasing is both answered and not."""
    commitments = {c.id for c in content.commitments}
    for document_id, phrasings in content.phrasings.items():
        name = phrasings_file_name(document_id)
        for where, field, message in conflicts(phrasings):
            yield ContentProblem(name, where, field, message)
        document = content.documents.get(document_id)
        if document_id == COMMITMENTS:
            known: set[str] = commitments
            wanted: list[Entry] = list(phrasings.commitments)
        elif isinstance(document, QADocument):
            known = {str(q.number) for q in document.questions}
            wanted = list(phrasings.questions)
        elif isinstance(document, Letter):
            known = {section.number for section in document.sections}
            wanted = list(phrasings.sections)
        else:
            yield ContentProblem(name, "bestand", "document", f"geen document {document_id!r}")
            continue
        for entry in phrasings.entries:
            if entry not in wanted:
                yield ContentProblem(name, describe(entry), "", f"hoort niet bij {document_id}")
            elif entry.key not in known:
                yield ContentProblem(
                    name,
                    describe(entry),
                    entry.key_field,
                    f"{document_id} heeft geen {describe(entry)}",
                )


def unphrased(content: Content) -> list[str]:
    """The documents (and "commitments") without a phrasings file: searchable, but their
    answers compete with phrased ones on their official wording alone."""
    ids = [d.meta.id for d in content.qa_lists] + [d.meta.id for d in content.letters]
    missing = [i for i in ids if i not in content.phrasings]
    if content.commitments and COMMITMENTS not in content.phrasings:
        missing.append(COMMITMENTS)
    return missing
