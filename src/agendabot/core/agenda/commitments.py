"""Commitments (toezeggingen): the model of `content/commitments.yaml` and deadline selection.

A commitment is a dated promise, announced action, event or deadline in an official document.
Its `quote` is the verbatim sentence that states it and `when_text` the time phrase in that
sentence; `start` and `due` are what `agendabot.core.time.interpret.interpret` reads from
`when_text` on the document's date, unless an `override` with a reason says otherwise (checked by
`agendabot.core.agenda.checks`).

Statuses live in two places: the content gives a default (normally "open"); the state layer
records later changes. Selection takes the latter as a plain mapping id → status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

Kind = Literal["informeren-kamer", "event", "deliverable", "evaluation", "deadline", "start"]
Status = Literal["open", "afgerond", "vervallen"]
Pillar = Literal[1, 2]

KINDS: Final[tuple[str, ...]] = get_args(Kind)
STATUSES: Final[tuple[str, ...]] = get_args(Status)
OPEN: Final = "open"

# Dutch labels for the kinds, for people.
KIND_LABELS: Final[Mapping[str, str]] = {
    "informeren-kamer": "Kamer informeren",
    "event": "bijeenkomst of gebeurtenis",
    "deliverable": "product of resultaat",
    "evaluation": "evaluatie",
    "deadline": "deadline",
    "start": "start",
}

ID_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_ID_LENGTH: Final = 64
DOCUMENT_KEY_PATTERN: Final = r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$"  # a document id, e.g. 32824-456
# `related_questions` are question numbers of `related_document`, by default this Q&A list.
RELATED_QUESTIONS_DOCUMENT: Final = "32824-451"

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip: how quotes are compared."""
    return _SPACE.sub(" ", text).strip()


class SourceRef(BaseModel):
    """Where a commitment is stated: a letter section or Q&A questions of one document.

    `quote` is only given for a second or later location whose wording differs; the first
    location's words are the commitment's own `quote`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: str = Field(pattern=DOCUMENT_KEY_PATTERN)
    section: str | None = Field(default=None, min_length=1)
    questions: tuple[int, ...] = ()
    quote: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_location(self) -> SourceRef:
        if (self.section is None) == (not self.questions):
            raise ValueError("geef óf een sectie (`section`) óf vraagnummers (`questions`)")
        if any(number < 1 for number in self.questions):
            raise ValueError("vraagnummers beginnen bij 1")
        return self

    @property
    def dossier(self) -> str:
        return self.document.split("-", 1)[0]

    @property
    def number(self) -> str:
        return self.document.split("-", 1)[1]

    def citation(self) -> str:
        """'Kamerstuk 32 824, nr. 456, §1.7' or 'Kamerstuk 32 824, nr. 451, vraag 5 en 37'."""
        where = f"§{self.section}" if self.section else question_label(self.questions)
        return f"Kamerstuk {group_digits(self.dossier)}, nr. {self.number}, {where}"


class DateOverride(BaseModel):
    """A deliberate deviation from the interpreter's reading of `when_text`, with the reason."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: date | None = None
    due: date | None = None
    reason: str = Field(min_length=10)

    @model_validator(mode="after")
    def _something_overridden(self) -> DateOverride:
        if self.start is None and self.due is None:
            raise ValueError("een override noemt `start` en/of `due`")
        return self


class Commitment(BaseModel):
    """One record of `content/commitments.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH)
    title: str = Field(min_length=3)
    pillar: Pillar | None
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    quote: str = Field(min_length=10)
    when_text: str | None
    start: date
    due: date
    kind: Kind
    ministry: str | None = Field(default=None, min_length=2)
    related_questions: tuple[int, ...] = ()
    related_document: str = Field(default=RELATED_QUESTIONS_DOCUMENT, pattern=DOCUMENT_KEY_PATTERN)
    status: Status = OPEN
    note: str | None = None
    override: DateOverride | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Commitment:
        if self.start > self.due:
            raise ValueError("`start` ligt na `due`")
        if self.sources[0].quote is not None:
            raise ValueError("de eerste vindplaats gebruikt de `quote` van de toezegging zelf")
        if self.when_text is not None:
            if not self.when_text.strip():
                raise ValueError("`when_text` is leeg; gebruik null als de zin geen termijn noemt")
            if squash(self.when_text) not in squash(self.quote):
                raise ValueError("`when_text` staat niet letterlijk in `quote`")
        elif self.override is None:
            raise ValueError("zonder `when_text` is een `override` met reden nodig")
        if self.override is not None:
            if self.override.start is not None and self.override.start != self.start:
                raise ValueError("`override.start` verschilt van `start`")
            if self.override.due is not None and self.override.due != self.due:
                raise ValueError("`override.due` verschilt van `due`")
            if self.when_text is None and (
                self.override.start is None or self.override.due is None
            ):
                raise ValueError("zonder `when_text` noemt de override zowel `start` als `due`")
        return self

    @property
    def document(self) -> str:
        """The key of the main source document, e.g. "32824-456"."""
        return self.sources[0].document

    def citation(self) -> str:
        """All locations, e.g. 'Kamerstuk 32 824, nr. 456, §1.6 en §4'."""
        return cite(self.sources)

    def quotes(self) -> list[tuple[SourceRef, str]]:
        """Each location with the words it states the commitment in."""
        return [(source, source.quote or self.quote) for source in self.sources]


class CommitmentsFile(BaseModel):
    """The whole of `content/commitments.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    commitments: tuple[Commitment, ...]


# ---------------------------------------------------------------------------- citations


def group_digits(number: str) -> str:
    """'32824' → '32 824' (the way Kamerstuk dossiers are written)."""
    if not number.isdigit() or len(number) <= 3:
        return number
    head = len(number) % 3 or 3
    groups = [number[:head]] + [number[i : i + 3] for i in range(head, len(number), 3)]
    return " ".join(groups)


def join_dutch(items: Sequence[str]) -> str:
    """['a', 'b', 'c'] → 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def question_label(numbers: Sequence[int]) -> str:
    word = "vraag" if len(numbers) == 1 else "vragen"
    return f"{word} {join_dutch([str(n) for n in sorted(numbers)])}"


def cite(sources: Sequence[SourceRef]) -> str:
    """Group locations by document: 'Kamerstuk 32 824, nr. 456, §1.6 en §4; nr. 451, vraag 137'."""
    by_document: dict[str, list[SourceRef]] = {}
    for source in sources:
        by_document.setdefault(source.document, []).append(source)
    parts: list[str] = []
    dossier_named: str | None = None
    for refs in by_document.values():
        sections = [f"§{ref.section}" for ref in refs if ref.section]
        questions = sorted({n for ref in refs for n in ref.questions})
        where = sections + ([question_label(questions)] if questions else [])
        head = f"nr. {refs[0].number}, {join_dutch(where)}"
        if dossier_named != refs[0].dossier:
            head = f"Kamerstuk {group_digits(refs[0].dossier)}, {head}"
            dossier_named = refs[0].dossier
        parts.append(head)
    return "; ".join(parts)


# ---------------------------------------------------------------------------- selection


@dataclass(frozen=True, slots=True)
class DeadlineItem:
    """A commitment as listed: its current status and whether it is overdue on `today`."""

    commitment: Commitment
    status: str
    overdue: bool


def current_status(commitment: Commitment, statuses: Mapping[str, str]) -> str:
    """The state layer's status if it has one, else the content's."""
    return statuses.get(commitment.id, commitment.status)


def is_overdue(commitment: Commitment, status: str, today: date) -> bool:
    return status == OPEN and commitment.due < today


def select_deadlines(
    commitments: Iterable[Commitment],
    statuses: Mapping[str, str],
    *,
    today: date,
    pillar: int | None = None,
    weeks: int = 8,
    window: bool = True,
    overdue: bool = True,
    everything: bool = False,
) -> list[DeadlineItem]:
    """Commitments to list, by due date.

    - `everything`: every commitment (of `pillar`, if given), whatever its status;
    - otherwise the open commitments due from `today` up to and including `weeks` weeks later
      (if `window`), plus the open ones due before `today` (if `overdue`).
    """
    if weeks < 0:
        raise ValueError("weeks must be >= 0")
    end = today + timedelta(weeks=weeks)
    items: list[DeadlineItem] = []
    for commitment in commitments:
        if pillar is not None and commitment.pillar != pillar:
            continue
        status = current_status(commitment, statuses)
        late = is_overdue(commitment, status, today)
        if everything:
            items.append(DeadlineItem(commitment, status, late))
            continue
        if status != OPEN:
            continue
        in_window = window and today <= commitment.due <= end
        if in_window or (overdue and late):
            items.append(DeadlineItem(commitment, status, late))
    items.sort(key=lambda item: (item.commitment.due, item.commitment.start, item.commitment.id))
    return items


def find_commitment(commitments: Iterable[Commitment], commitment_id: str) -> Commitment | None:
    wanted = commitment_id.strip().lower()
    return next((c for c in commitments if c.id == wanted), None)


def suggest_ids(commitments: Iterable[Commitment], text: str, limit: int = 3) -> list[str]:
    """Ids that contain every word of `text`, else those whose title does (for 'did you mean
    …' messages: "/agenda toezegging statushouders werk" names no id, but titles)."""
    words = [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w]
    if not words:
        return []
    listed = list(commitments)
    by_id = [c.id for c in listed if all(w in c.id for w in words)]
    if by_id:
        return by_id[:limit]
    return [c.id for c in listed if all(w in c.title.lower() for w in words)][:limit]


# ---------------------------------------------------------------------------- records


def commitment_record(
    commitment: Commitment, status: str | None = None, *, today: date | None = None
) -> dict[str, Any]:
    """A JSON-ready dict: the stable shape of `agendabot deadlines --json` and friends."""
    current = status or commitment.status
    record: dict[str, Any] = {
        "id": commitment.id,
        "title": commitment.title,
        "pillar": commitment.pillar,
        "kind": commitment.kind,
        "start": commitment.start.isoformat(),
        "due": commitment.due.isoformat(),
        "when_text": commitment.when_text,
        "quote": squash(commitment.quote),
        "source": commitment.citation(),
        "sources": [
            {
                "document": source.document,
                "section": source.section,
                "questions": list(source.questions),
                "citation": source.citation(),
                "quote": squash(text),
            }
            for source, text in commitment.quotes()
        ],
        "ministry": commitment.ministry,
        "related_questions": list(commitment.related_questions),
        "related_document": commitment.related_document,
        "status": current,
        "note": commitment.note,
        "override": (
            None
            if commitment.override is None
            else {
                "start": _iso(commitment.override.start),
                "due": _iso(commitment.override.due),
                "reason": squash(commitment.override.reason),
            }
        ),
    }
    if today is not None:
        record["overdue"] = is_overdue(commitment, current, today)
    return record


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
