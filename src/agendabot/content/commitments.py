"""Commitments in the content: `content/commitments.yaml` → `Content.commitments`, plus checks.

Registered with the shared loader (`agendabot.content.CONTENT_EXTENSIONS`): the loader reads
and validates the file (a missing file means no commitments); the validator runs the
cross-checks of `agendabot.core.agenda.checks` against the loaded documents, so
`agendabot content check` reports a quote that is not in its source or a date that does not
match its time phrase, naming file, entry and field.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from agendabot.content import (
    Content,
    ContentProblem,
    Document,
    content_loader,
    content_validator,
    read_yaml,
    validate_entries,
)
from agendabot.core.agenda.checks import SourceDocument, check_commitments
from agendabot.core.agenda.commitments import CommitmentsFile
from agendabot.core.documents.models import Letter

COMMITMENTS_FILE = "commitments.yaml"


def commitments_file_name(root: Path) -> str:
    return str(Path(root.name) / COMMITMENTS_FILE)


@content_loader
def load_commitments(root: Path) -> dict[str, Any]:
    path = root / COMMITMENTS_FILE
    if not path.is_file():
        return {}
    data = read_yaml(path, root)
    if data is None:
        data = {"commitments": []}
    parsed = validate_entries(CommitmentsFile, data, commitments_file_name(root))
    return {"commitments": parsed.commitments}


def source_document(document: Document) -> SourceDocument:
    """The texts of a loaded document, per letter section or per question."""
    if isinstance(document, Letter):
        return SourceDocument(
            key=document.meta.id,
            date=document.meta.date,
            sections={section.number: section.text for section in document.sections},
        )
    return SourceDocument(
        key=document.meta.id,
        date=document.meta.date,
        questions={
            q.number: f"{q.question}\n{document.resolve(q.number).text}" for q in document.questions
        },
    )


@content_validator
def check_commitment_content(content: Content) -> Iterator[ContentProblem]:
    if not content.commitments:
        return
    file = commitments_file_name(content.root)
    documents = [source_document(doc) for doc in content.documents.values()]
    for problem in check_commitments(content.commitments, documents):
        yield ContentProblem(file, problem.entry, problem.field, problem.message)
