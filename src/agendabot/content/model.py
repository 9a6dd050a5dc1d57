"""The content object: every validated document and commitment, and the problems found.

`Content` is what `agendabot.content.loading.load_content()` returns. A `ContentProblem`
names the file, the entry and the field, in Dutch:

    content/documents/kamerstuk-32824-451.yaml: vraag 79, veld 'group': …

Extending (for commitments, glossary, …) without rewriting the loader:

- add a field with a default to `Content` (e.g. ``commitments: tuple[Commitment, ...] = ()``);
- write a loader ``def load_x(root: Path) -> dict[str, object]`` that returns the field
  values (raise `ContentError` with `ContentProblem`s on bad input; `read_yaml` and
  `validate_entries` help) and register it with `@content_loader`;
- write validators ``def check_x(content: Content) -> Iterable[ContentProblem]`` and
  register them with `@content_validator`;
- list the module that holds them in `CONTENT_EXTENSIONS` so it is imported before loading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from agendabot.core.agenda.commitments import Commitment
from agendabot.core.documents.library import MAIN_DOSSIER, Library
from agendabot.core.documents.models import (
    Letter,
    LetterSection,
    QADocument,
    Question,
    ResolvedAnswer,
)
from agendabot.core.kamervragen.model import KamervragenSet
from agendabot.core.search.background import Background
from agendabot.core.search.phrasings import Phrasings

CONTENT_DIR_ENV = "CONTENT_DIR"
DOCUMENTS_DIR = "documents"

Document = QADocument | Letter


# --------------------------------------------------------------------------------------------
# Problems


@dataclass(frozen=True, slots=True)
class ContentProblem:
    """One thing wrong with the content: where (file, entry, field) and what."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}"
        if self.field:
            where += f", veld '{self.field}'"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """The content under `content/` is invalid; `problems` says where and why."""

    def __init__(self, problems: Sequence[ContentProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------------------------
# The content object


@dataclass(frozen=True)
class Content:
    """All validated content, with lookups by question number and section number."""

    root: Path
    documents: Mapping[str, Document]
    files: Mapping[str, str] = field(default_factory=dict)  # document id → relative path
    commitments: tuple[Commitment, ...] = ()  # content/commitments.yaml
    kamervragen: tuple[KamervragenSet, ...] = ()  # content/kamervragen/*.yaml, by deadline
    phrasings: Mapping[str, Phrasings] = field(default_factory=dict)  # document id → phrasings
    background: Background = field(default_factory=Background)  # content/background.yaml
    main_dossier: str = MAIN_DOSSIER  # MAIN_DOSSIER
    default_qa_id: str | None = None  # DEFAULT_QA_LIST

    # --- documents ---------------------------------------------------------------------------
    @cached_property
    def library(self) -> Library:
        """All documents, with the defaults and the addressing ("451:47") people use."""
        return Library.of(
            self.documents.values(),
            main_dossier=self.main_dossier,
            default_qa_id=self.default_qa_id,
        )

    @property
    def qa_lists(self) -> tuple[QADocument, ...]:
        return self.library.qa_lists

    @property
    def letters(self) -> tuple[Letter, ...]:
        return self.library.letters

    @property
    def qa(self) -> QADocument:
        """The default Q&A list, that `question(n)` answers from (see `Library.default_qa`)."""
        return self.library.default_qa

    @property
    def letter(self) -> Letter:
        """The default letter, that `section(n)` reads from."""
        return self.library.default_letter

    def file_of(self, document: Document) -> str:
        return self.files.get(document.meta.id, f"{DOCUMENTS_DIR}/{document.meta.id}.yaml")

    # --- lookups -----------------------------------------------------------------------------
    def question(self, number: int) -> Question:
        """Question `number` of the Q&A list; KeyError when there is none."""
        return self.qa.question(number)

    def answer(self, number: int) -> ResolvedAnswer:
        """The words that answer question `number` (group's shared text, references
        followed to the answer they point to); KeyError when there is no such question."""
        return self.qa.resolve(number)

    def section(self, number: str) -> LetterSection:
        """Section `number` ("1.7") of the letter; KeyError when there is none."""
        return self.letter.section(number)


# --------------------------------------------------------------------------------------------
# Registries


# --------------------------------------------------------------------------------------------
# Reading


# --------------------------------------------------------------------------------------------
# Validators of the documents
