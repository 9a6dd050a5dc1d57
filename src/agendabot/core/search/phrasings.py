"""Phrasings: how colleagues ask for an answer, and what they ask that it does not answer.

Kept as content (`content/phrasings/<document id>.yaml`, `content/phrasings/commitments.yaml`),
one entry per question of a Q&A list, section of a letter, or commitment:
- `asked_as`: questions this answer answers, in the words of the team (Dutch paraphrases,
  keywords, English, a figure inside the answer). The search compares a query with them as
  with the official question itself (document expansion, as FAQ search does with its
  training phrases).
- `not_answered`: questions on the same topic that no answer of the document answers
  ("wat kost het?" when the answer names no amount). A query nearer to one of these than
  to any question that is answered is likely one the documents cannot answer: evidence for
  the decision to decline.

Validated here so a mistake in the file is reported with the entry that holds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator


def _clean(texts: list[str]) -> list[str]:
    cleaned = [" ".join(t.split()) for t in texts]
    for text in cleaned:
        if not text:
            raise ValueError("een zoekvraag is leeg")
    return cleaned


class _Said(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key_field: ClassVar[str] = "number"  # the field that names the item

    asked_as: list[str] = Field(default_factory=list)
    not_answered: list[str] = Field(default_factory=list)

    _check_asked = field_validator("asked_as")(_clean)
    _check_not = field_validator("not_answered")(_clean)


class QuestionPhrasings(_Said):
    """The phrasings of one question of a Q&A list (by its number)."""

    number: int = Field(ge=1)

    @property
    def key(self) -> str:
        return str(self.number)


class SectionPhrasings(_Said):
    """The phrasings of one section of a letter (by its number, "1.6")."""

    number: str = Field(min_length=1)

    @property
    def key(self) -> str:
        return self.number


class CommitmentPhrasings(_Said):
    """The phrasings of one commitment (by its id)."""

    key_field: ClassVar[str] = "id"
    id: str = Field(min_length=1)

    @property
    def key(self) -> str:
        return self.id


Entry = QuestionPhrasings | SectionPhrasings | CommitmentPhrasings
COMMITMENTS = "commitments"  # the `document` of the commitments' phrasings


class Phrasings(BaseModel):
    """All phrasings of one document: of a Q&A list's questions, a letter's sections, or
    (document "commitments") of the commitments."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: str = Field(min_length=1)  # the document's id, e.g. "32824-451"
    questions: list[QuestionPhrasings] = Field(default_factory=list)
    sections: list[SectionPhrasings] = Field(default_factory=list)
    commitments: list[CommitmentPhrasings] = Field(default_factory=list)

    @property
    def entries(self) -> list[Entry]:
        return [*self.questions, *self.sections, *self.commitments]

    def by_key(self) -> dict[str, Entry]:
        """Entries by the key of the item they belong to ("47", "1.6", a commitment id)."""
        return {entry.key: entry for entry in self.entries}


def conflicts(phrasings: Phrasings) -> Iterator[tuple[str, str, str]]:
    """What does not fit across entries, as (entry, field, message): an item twice, or a
    phrasing both answered and not answered."""
    seen: set[str] = set()
    answered: dict[str, str] = {}
    for entry in phrasings.entries:
        if entry.key in seen:
            yield describe(entry), entry.key_field, f"{describe(entry)} staat dubbel"
        seen.add(entry.key)
        answered.update((text.casefold(), describe(entry)) for text in entry.asked_as)
    for entry in phrasings.entries:
        for text in entry.not_answered:
            if text.casefold() in answered:
                yield (
                    describe(entry),
                    "not_answered",
                    f"{text!r} staat ook als beantwoord bij {answered[text.casefold()]}",
                )


def describe(entry: Entry) -> str:
    """The entry as a content problem names it: "vraag 47", "paragraaf 1.6", "toezegging x"."""
    if isinstance(entry, QuestionPhrasings):
        return f"vraag {entry.number}"
    if isinstance(entry, SectionPhrasings):
        return f"paragraaf {entry.number}"
    return f"toezegging {entry.id}"
