"""Open Kamervragen: the records of `content/kamervragen/<id>.yaml`, and the deadline rule.

The Reglement van Orde gives the minister three weeks to answer written questions
(*ingezonden* plus three weeks). A *mededeling* of delay (*uitstelbericht*) moves the
deadline to the date it names, or by another three weeks when it names none. When the
answers arrive the set is closed and links to the answer document.

The deadline is stored (`due`) so a reader sees it in the file, and checked against the
rule: `due` must equal `expected_due(sent, postponements)`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "ANSWER_TERM",
    "POSTPONEMENT_TERM",
    "AnswerLink",
    "KamervragenSet",
    "OpenQuestion",
    "Postponement",
    "expected_due",
]

# Rules of order, not settings: three weeks to answer, three more after a mededeling.
ANSWER_TERM: Final = dt.timedelta(weeks=3)
POSTPONEMENT_TERM: Final = dt.timedelta(weeks=3)

# The letter's pillars, as `agenda.commitments.Pillar` (that layer sits above this one).
SetPillar = Literal[1, 2]

OPEN: Final = "open"
ANSWERED: Final = "beantwoord"
SetStatus = Literal["open", "beantwoord"]

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SetId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OpenQuestion(_Model):
    """One question of the set, as sent ("Vraag 1 …")."""

    number: int = Field(ge=1)
    text: NonEmptyText


class Postponement(_Model):
    """A *mededeling* of delay: when it came, the date it names (if any), the new deadline."""

    received: dt.date | None = None
    named_date: dt.date | None = None
    due: dt.date
    source: str | None = None


class AnswerLink(_Model):
    """The document that answers the set."""

    document: SetId
    citation: NonEmptyText
    url: Url
    date: dt.date


def expected_due(sent: dt.date, postponements: tuple[Postponement, ...] = ()) -> dt.date:
    """The deadline by the rule: `sent` + three weeks, then each postponement in turn
    (to the date it names, else three more weeks)."""
    due = sent + ANSWER_TERM
    for postponement in postponements:
        due = postponement.named_date or due + POSTPONEMENT_TERM
    return due


class KamervragenSet(_Model):
    """A set of written questions sent to a minister, open until its answers arrive."""

    id: SetId
    title: NonEmptyText
    members: tuple[NonEmptyText, ...] = Field(min_length=1)
    addressed: NonEmptyText  # "de Staatssecretaris van Sociale Zaken en Werkgelegenheid"
    subject: str | None = None
    sent: dt.date  # ingezonden
    due: dt.date
    questions: tuple[OpenQuestion, ...] = Field(min_length=1)
    postponements: tuple[Postponement, ...] = ()
    answer: AnswerLink | None = None
    url: Url | None = None
    source: str | None = None
    # The pillar it concerns, when the team gave one (`agendabot ingest --pijler`): then
    # only that pillar's subscribers see it; without one, everyone does.
    pillar: SetPillar | None = None

    @model_validator(mode="after")
    def _consistent(self) -> KamervragenSet:
        numbers = [q.number for q in self.questions]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"de vragen zijn niet genummerd 1 t/m {len(numbers)}: {numbers}")
        wanted = expected_due(self.sent, self.postponements)
        if self.due != wanted:
            raise ValueError(
                f"`due` is {self.due.isoformat()}, maar volgens de termijn (ingezonden plus "
                f"drie weken, plus uitstel) {wanted.isoformat()}"
            )
        for index, postponement in enumerate(self.postponements):
            if postponement.due != expected_due(self.sent, self.postponements[: index + 1]):
                raise ValueError(f"uitstel {index + 1}: `due` klopt niet met de termijn")
        return self

    @property
    def status(self) -> SetStatus:
        return ANSWERED if self.answer is not None else OPEN

    @property
    def is_open(self) -> bool:
        return self.answer is None

    def for_pillar(self, pillar: int | None) -> bool:
        """Whether a subscriber of `pillar` (None: every pillar) sees this set: a set
        without a pillar is for everyone."""
        return pillar is None or self.pillar is None or self.pillar == pillar

    def days_left(self, today: dt.date) -> int:
        """Days until the deadline (negative: over the date)."""
        return (self.due - today).days

    def overdue(self, today: dt.date) -> bool:
        return self.is_open and self.due < today

    @property
    def members_label(self) -> str:
        if len(self.members) == 1:
            return f"het lid {self.members[0]}"
        return "de leden " + ", ".join(self.members[:-1]) + " en " + self.members[-1]

    @property
    def citation(self) -> str:
        """ "Kamervragen van het lid Jansen (kv-20261120-jansen)"."""
        return f"Kamervragen van {self.members_label} ({self.id})"
