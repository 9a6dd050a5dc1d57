"""Cross-checks of the commitments against the documents they quote.

For every commitment:

- its id is unique;
- every location exists (letter section, Q&A question numbers) and its quote stands there,
  verbatim after `normalize_for_match` (the answer store's folding: footnote markers,
  line-end hyphenation, typographic quotes and whitespace do not count); for Q&A questions
  the quote must stand in each listed question's resolved answer (or the question itself);
- `related_questions` exist in their `related_document` (by default Kamerstuk 32 824, nr. 451);
- `start` and `due` are what `interpret(when_text, document date)` reads, unless an
  `override` names the field (and then it must really differ: a stale override is reported).

How an interpreted `Period` becomes the record's two dates: `start` is the period's start,
or its due date when the period has none (a deadline that had already passed on the
document's date); `due` is the period's due date, or its start for an open start ("vanaf
2026": the date from which it must be in place).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from agendabot.core.agenda.commitments import Commitment, SourceRef
from agendabot.core.documents.text import normalize_for_match
from agendabot.core.time.interpret import Period, interpret


@dataclass(frozen=True)
class SourceDocument:
    """What the checks need of one document: its date and the text of each location."""

    key: str  # "32824-456"
    date: date
    sections: Mapping[str, str] = field(default_factory=dict)  # "1.7" → section text
    questions: Mapping[int, str] = field(default_factory=dict)  # 37 → question + answer text

    def folded(self) -> FoldedDocument:
        return FoldedDocument(
            self,
            {k: normalize_for_match(v) for k, v in self.sections.items()},
            {k: normalize_for_match(v) for k, v in self.questions.items()},
        )


@dataclass(frozen=True)
class FoldedDocument:
    """A `SourceDocument` with every text folded once by `normalize_for_match`."""

    source: SourceDocument
    sections: Mapping[str, str]
    questions: Mapping[int, str]

    def locations_with(self, folded_quote: str) -> list[str]:
        """Where the quote does stand, for a helpful message ('§1.6', 'vraag 37')."""
        found = [f"§{k}" for k, text in self.sections.items() if folded_quote in text]
        found += [f"vraag {k}" for k, text in self.questions.items() if folded_quote in text]
        return found


@dataclass(frozen=True, slots=True)
class CommitmentProblem:
    """One thing wrong with a commitment: which entry, which field, what (Dutch)."""

    entry: str
    field: str
    message: str


def expected_dates(period: Period) -> tuple[date, date]:
    """The (start, due) a commitment should carry for an interpreted period."""
    start = period.start if period.start is not None else period.due
    due = period.due if period.due is not None else period.start
    if start is None or due is None:  # pragma: no cover - a Period always has one of them
        raise ValueError("period without start and due")
    return start, due


def check_commitments(
    commitments: Sequence[Commitment], documents: Iterable[SourceDocument]
) -> list[CommitmentProblem]:
    """Every problem found, in file order."""
    folded = {doc.key: doc.folded() for doc in documents}
    problems: list[CommitmentProblem] = []
    seen: set[str] = set()
    for commitment in commitments:
        entry = f"toezegging {commitment.id}"
        if commitment.id in seen:
            problems.append(CommitmentProblem(entry, "id", "komt twee keer voor"))
            continue
        seen.add(commitment.id)
        problems += [CommitmentProblem(entry, f, m) for f, m in _check_one(commitment, folded)]
    return problems


def _check_one(
    commitment: Commitment, documents: Mapping[str, FoldedDocument]
) -> Iterator[tuple[str, str]]:
    for index, (source, quote) in enumerate(commitment.quotes()):
        field_name = f"sources[{index}]"
        document = documents.get(source.document)
        if document is None:
            known = ", ".join(sorted(documents)) or "geen"
            yield field_name, f"document {source.document} ken ik niet (bekend: {known})"
            continue
        quote_field = "quote" if index == 0 else f"{field_name}.quote"
        yield from _check_location(source, quote, document, field_name, quote_field)
    related = documents.get(commitment.related_document)
    if related is None and commitment.related_questions:
        known = ", ".join(sorted(documents)) or "geen"
        yield "related_document", f"document {commitment.related_document} ken ik niet ({known})"
    if related is not None:
        missing = [n for n in commitment.related_questions if n not in related.questions]
        if missing:
            numbers = ", ".join(map(str, missing))
            yield "related_questions", f"vraag {numbers} bestaat niet in {related.source.key}"
    main = documents.get(commitment.document)
    if main is not None:
        yield from _check_dates(commitment, main.source.date)


def _check_location(
    source: SourceRef, quote: str, document: FoldedDocument, field_name: str, quote_field: str
) -> Iterator[tuple[str, str]]:
    folded_quote = normalize_for_match(quote)
    texts: list[tuple[str, str]] = []
    if source.section is not None:
        text = document.sections.get(source.section)
        if text is None:
            yield f"{field_name}.section", f"§{source.section} bestaat niet in {source.document}"
            return
        texts.append((f"§{source.section}", text))
    for number in source.questions:
        text = document.questions.get(number)
        if text is None:
            yield f"{field_name}.questions", f"vraag {number} bestaat niet in {source.document}"
            continue
        texts.append((f"vraag {number}", text))
    absent = [label for label, text in texts if folded_quote not in text]
    if not absent:
        return
    elsewhere = [loc for loc in document.locations_with(folded_quote) if loc not in absent]
    hint = f"; wel in {', '.join(elsewhere)}" if elsewhere else ""
    yield quote_field, f"staat niet letterlijk in {source.document} {', '.join(absent)}{hint}"


def _check_dates(commitment: Commitment, reference: date) -> Iterator[tuple[str, str]]:
    override = commitment.override
    if commitment.when_text is None:
        return  # the model already demands a full override with a reason
    period = interpret(commitment.when_text, reference)
    if period is None:
        if override is None or override.start is None or override.due is None:
            yield (
                "when_text",
                f"'{commitment.when_text}' is geen tijdsaanduiding die ik kan lezen; "
                "geef `override` met start, due en reden",
            )
        return
    start, due = expected_dates(period)
    for name, actual, wanted, overridden in (
        ("start", commitment.start, start, override is not None and override.start is not None),
        ("due", commitment.due, due, override is not None and override.due is not None),
    ):
        if overridden and actual == wanted:
            yield (
                f"override.{name}",
                f"is overbodig: '{commitment.when_text}' op {reference.isoformat()} "
                f"geeft ook {wanted.isoformat()}",
            )
        elif not overridden and actual != wanted:
            yield (
                name,
                f"is {actual.isoformat()}, maar '{commitment.when_text}' op "
                f"{reference.isoformat()} betekent {wanted.isoformat()}; pas de datum aan "
                "of geef een `override` met reden",
            )
