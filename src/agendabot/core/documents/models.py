"""Content models: official documents, their questions and answers, letter sections.

These are the records under `content/documents/*.yaml`, validated by pydantic when the
content is loaded. Text fields hold clean running text: paragraphs separated by a blank
line, bullet items on lines of their own starting with "• ", footnote markers as "[n]".

Rules that span several entries (numbering, references, groups) are checked by the
validators in `agendabot.content`, which can name the file, entry and field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "AnswerPart",
    "DocumentKind",
    "DocumentMeta",
    "FinancialTable",
    "Footnote",
    "Letter",
    "LetterPart",
    "LetterSection",
    "Pillar",
    "QADocument",
    "Question",
    "ResolvedAnswer",
    "TableRow",
    "is_pure_reference",
]

Text = Annotated[str, StringConstraints(strip_whitespace=True)]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$")]
QuestionNumber = Annotated[int, Field(ge=1)]

_MARKER = re.compile(r"\[(\d+)\]")
# An answer that only points elsewhere: "Zie beantwoording onder vraag 47."
_PURE_REFERENCE = re.compile(
    r"^Zie\s+(?:ook\s+)?(?:de\s+|het\s+)?(?:beantwoording|antwoord(?:en)?)\s+"
    r"(?:(?:op|onder|van|bij)\s+)?(?:de\s+)?(?:vraag|vragen)?\s*"
    r"\d{1,4}(?:\s*(?:,|en|t/m|&)\s*(?:vraag\s+)?\d{1,4})*\s*\.?$"
)


def is_pure_reference(text: str) -> bool:
    """Is `text` nothing but a pointer to other answers ("Zie het antwoord op vraag 90.")?"""
    return bool(_PURE_REFERENCE.match(" ".join(text.split())))


def footnote_numbers(text: str) -> list[int]:
    """The footnote markers ("[12]") in `text`, in order of appearance."""
    return [int(m) for m in _MARKER.findall(text)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentKind(StrEnum):
    """The kinds of official documents the bot knows."""

    QA_LIST = "vragen-en-antwoorden"
    KAMERVRAGEN = "kamervragen"  # answers to written Kamervragen (Aanhangsel van de Handelingen)
    LETTER = "brief"


# "32824-451", "30560-XV-4", "ah-tk-20142015-1365", "2024D18824": officielebekendmakingen's
# identifier without its "kst-" prefix, else the Tweede Kamer's document number.
DocumentId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")]
_AANHANGSEL_ID = re.compile(r"^ah-tk-(\d{4})(\d{4})-(\d+)$")


class DocumentMeta(_Model):
    """Where a document comes from and how to cite it."""

    id: DocumentId
    kind: DocumentKind
    dossier: Annotated[str, StringConstraints(pattern=r"^\d{2} \d{3}(?: [IVXLC]+)?$")] | None = None
    number: int | None = Field(default=None, ge=1)
    date: dt.date
    title: NonEmptyText
    dossier_title: Text | None = None
    url: Url
    source: Text | None = None

    @property
    def citation(self) -> str:
        """ "Kamerstuk 32 824, nr. 451", "Aanhangsel Handelingen II 2014/15, nr. 1365"."""
        if self.dossier is not None and self.number is not None:
            return f"Kamerstuk {self.dossier}, nr. {self.number}"
        aanhangsel = _AANHANGSEL_ID.match(self.id)
        if aanhangsel:
            first, second, number = aanhangsel.groups()
            return f"Aanhangsel Handelingen II {first}/{second[2:]}, nr. {number}"
        if self.kind is DocumentKind.KAMERVRAGEN:
            return f"Kamervragen {self.id}"
        return f"{self.title} ({self.id})"

    @property
    def order(self) -> tuple[dt.date, int, str]:
        """Documents sort by date, then number, then id."""
        return (self.date, self.number or 0, self.id)


class Footnote(_Model):
    """A footnote: its number in the document, its text and its link (if any)."""

    number: int = Field(ge=1)
    text: NonEmptyText
    url: Url | None = None


class Question(_Model):
    """One numbered question with the answer printed under it.

    `answer` is the text exactly as printed under this question. It is empty when the
    question is answered together with others (`group`) and the shared text stands under
    another member; it may also only point elsewhere ("Zie het antwoord op vraag 90.").
    `QADocument.resolve` turns both into the words that answer the question.
    """

    number: QuestionNumber
    question: NonEmptyText
    answer: Text = ""
    group: tuple[QuestionNumber, ...] = ()
    refers_to: tuple[QuestionNumber, ...] = ()
    footnotes: tuple[Footnote, ...] = ()

    @property
    def members(self) -> tuple[int, ...]:
        """All question numbers that share this answer, this one included."""
        return self.group or (self.number,)

    @property
    def is_reference(self) -> bool:
        """Does the answer only point to other answers?"""
        return bool(self.refers_to) and is_pure_reference(self.answer)

    @property
    def has_own_answer(self) -> bool:
        """Does this question carry answer text of its own (not just a pointer)?"""
        return bool(self.answer) and not is_pure_reference(self.answer)


@dataclass(frozen=True, slots=True)
class AnswerPart:
    """A piece of answer text and the question under which it is printed."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class ResolvedAnswer:
    """The words that answer a question, wherever in the document they are printed.

    `kind` says how they were found: "own" (printed under the question), "group" (the
    shared answer of its group, printed under another member), "reference" (the answer
    points to other answers; `pointer` keeps its own words), "missing" (nothing found).
    """

    number: int
    kind: Literal["own", "group", "reference", "missing"]
    parts: tuple[AnswerPart, ...]
    pointer: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(part.text for part in self.parts)

    @property
    def sources(self) -> tuple[int, ...]:
        """Question numbers under which the answer text is printed."""
        return tuple(part.number for part in self.parts)


class QADocument(_Model):
    """Numbered questions with their answers: a *lijst van vragen en antwoorden*, or the
    answers to written Kamervragen."""

    meta: DocumentMeta
    questions: tuple[Question, ...]

    @model_validator(mode="after")
    def _kind_matches(self) -> QADocument:
        if self.meta.kind not in (DocumentKind.QA_LIST, DocumentKind.KAMERVRAGEN):
            raise ValueError(
                f"meta.kind moet '{DocumentKind.QA_LIST}' of '{DocumentKind.KAMERVRAGEN}' zijn"
            )
        return self

    @cached_property
    def _by_number(self) -> dict[int, Question]:
        return {q.number: q for q in self.questions}

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(q.number for q in self.questions)

    def question(self, number: int) -> Question:
        """Question `number`; KeyError when there is none."""
        return self._by_number[number]

    def __contains__(self, number: object) -> bool:
        return number in self._by_number

    def __iter__(self) -> Iterator[Question]:  # type: ignore[override]
        return iter(self.questions)

    def group_holder(self, number: int) -> Question | None:
        """The member of `number`'s group under which the shared answer text is printed.

        That is the lowest-numbered member with answer text of its own (not a pointer),
        other than `number` itself.
        """
        question = self.question(number)
        for member in sorted(question.members):
            if member == number or member not in self._by_number:
                continue
            candidate = self._by_number[member]
            if candidate.has_own_answer:
                return candidate
        return None

    def resolve(self, number: int) -> ResolvedAnswer:
        """The words that answer question `number` (see `ResolvedAnswer`)."""
        return self._resolve(number, frozenset())

    def _resolve(self, number: int, seen: frozenset[int]) -> ResolvedAnswer:
        question = self.question(number)
        seen = seen | {number}
        if question.is_reference:
            parts: list[AnswerPart] = []
            for target in question.refers_to:
                if target in seen or target not in self._by_number:
                    continue
                for part in self._resolve(target, seen).parts:
                    if part not in parts:
                        parts.append(part)
            kind: Literal["reference", "missing"] = "reference" if parts else "missing"
            return ResolvedAnswer(number, kind, tuple(parts), pointer=question.answer)
        if question.answer:
            return ResolvedAnswer(number, "own", (AnswerPart(number, question.answer),))
        holder = self.group_holder(number)
        if holder is not None and holder.number not in seen:
            shared = self._resolve(holder.number, seen)
            return ResolvedAnswer(number, "group", shared.parts)
        return ResolvedAnswer(number, "missing", ())


class LetterPart(_Model):
    """A stretch of letter text under an optional sub-heading."""

    heading: Text | None = None
    text: Text = ""


def _parts_text(parts: tuple[LetterPart, ...]) -> str:
    chunks: list[str] = []
    for part in parts:
        if part.heading and part.text:
            chunks.append(f"{part.heading}\n{part.text}")
        else:
            chunks.append(part.heading or part.text)
    return "\n\n".join(chunk for chunk in chunks if chunk)


class LetterSection(_Model):
    """A section of a letter ("1.7 Verbeteren regelgeving versterkte gebedsoproep")."""

    number: Annotated[str, StringConstraints(pattern=r"^\d+(?:\.\d+)*$")]
    title: NonEmptyText
    pillar: int | None = Field(default=None, ge=1)
    parts: tuple[LetterPart, ...] = ()

    @property
    def text(self) -> str:
        """The section's text with its sub-headings, as plain text."""
        return _parts_text(self.parts)

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(part.heading for part in self.parts if part.heading)


class Pillar(_Model):
    """A pillar of the action agenda ("Pijler 1 De normen en waarden …")."""

    number: int = Field(ge=1)
    title: NonEmptyText
    parts: tuple[LetterPart, ...] = ()

    @property
    def text(self) -> str:
        return _parts_text(self.parts)


class TableRow(_Model):
    """One row of a table: its label and its cells, as printed."""

    label: NonEmptyText
    cells: tuple[Text, ...]


class FinancialTable(_Model):
    """A table of amounts, kept as printed (cells are strings such as "10,6")."""

    section: str | None = None
    caption: NonEmptyText
    columns: tuple[Text, ...]
    rows: tuple[TableRow, ...]
    note: Text | None = None

    @model_validator(mode="after")
    def _rows_fit(self) -> FinancialTable:
        for row in self.rows:
            if len(row.cells) != len(self.columns):
                raise ValueError(
                    f"rij '{row.label}' heeft {len(row.cells)} cellen, "
                    f"de tabel heeft {len(self.columns)} kolommen"
                )
        return self


class Letter(_Model):
    """A letter to parliament (*Kamerbrief*) in pillars and numbered sections."""

    meta: DocumentMeta
    addressee: Text | None = None
    place_date: Text | None = None
    intro: tuple[LetterPart, ...] = ()
    pillars: tuple[Pillar, ...] = ()
    sections: tuple[LetterSection, ...] = ()
    tables: tuple[FinancialTable, ...] = ()
    closing: Text | None = None
    footnotes: tuple[Footnote, ...] = ()

    @model_validator(mode="after")
    def _kind_matches(self) -> Letter:
        if self.meta.kind is not DocumentKind.LETTER:
            raise ValueError(f"meta.kind moet '{DocumentKind.LETTER}' zijn")
        return self

    @cached_property
    def _by_number(self) -> dict[str, LetterSection]:
        return {s.number: s for s in self.sections}

    def section(self, number: str) -> LetterSection:
        """Section `number` ("1.7"); KeyError when there is none."""
        return self._by_number[number]

    def pillar(self, number: int) -> Pillar:
        for pillar in self.pillars:
            if pillar.number == number:
                return pillar
        raise KeyError(number)

    def footnote(self, number: int) -> Footnote:
        for note in self.footnotes:
            if note.number == number:
                return note
        raise KeyError(number)

    def tables_in(self, section: str) -> tuple[FinancialTable, ...]:
        return tuple(table for table in self.tables if table.section == section)
