"""For each question of a new set: the best earlier answers from every document in the store.

    found = earlier_answers(questions, engine, library)     # one `QuestionAnswers` each

Each question is searched among the questions of all documents (`kinds=("vraag",)`); the
hits become `EarlierAnswer`s: the answer quoted verbatim (the shared answer of its group,
or the answer it refers to), its citation and link, the numbers that share it, and the
search's confidence in [0, 1]. At most `MAX_EARLIER` per question, one per distinct
answer text; none where the search declines or finds nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Final

from agendabot.core.agenda.commitments import question_label
from agendabot.core.documents.library import Library, UnknownDocument, parse_address
from agendabot.core.kamervragen.model import OpenQuestion
from agendabot.core.kamervragen.parse import SetProblem, read_questions, read_set
from agendabot.core.search import Kind, SearchEngine, SearchHit
from agendabot.core.search.dense import QueryEmbedder

__all__ = [
    "MAX_EARLIER",
    "NO_QUESTIONS",
    "EarlierAnswer",
    "EarlierReport",
    "NoQuestions",
    "QuestionAnswers",
    "earlier_answers",
    "report_for_text",
]

MAX_EARLIER: Final = 3
# Something fits when the fused search's calibrated confidence in its first answer reaches
# this: below it, first answers are right about one time in ten (the reliability table
# of `eval/calibrate.py`, 0.0–0.2 band); from it on, one in three or better. A draft may show
# a likely answer the bot would not give in a channel; its confidence is printed beside it.
EARLIER_FLOOR: Final = 0.2
# When something fits, the next answers are shown beside it (as "Ook relevant" in a channel)
# unless they are nearly certainly wrong: their own confidence, printed too, is the chance
# that they are right (runners-up below 0.05 were right 1 time in 30 on our sets).
RUNNER_UP_FLOOR: Final = 0.05
# Ask the search for a few more than shown: several hits may quote one answer.
_OVERFETCH: Final = 3
_KINDS: Final[tuple[Kind, ...]] = ("vraag",)  # earlier answers are answers to questions


@dataclass(frozen=True, slots=True)
class EarlierAnswer:
    """An answer the cabinet gave before, as it stands in its document."""

    document: str  # the document's id, "32824-451"
    questions: tuple[int, ...]  # the numbers in that document that share this answer
    citation: str  # "Kamerstuk 32 824, nr. 451, vraag 176 en 188"
    url: str
    quote: str  # verbatim
    confidence: float  # the search's score in [0, 1]
    asked: str  # the earlier question, verbatim (the best-matching one of the group)
    address: str  # "176" or "31749-8:1": what `/vraag` takes

    def record(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "questions": list(self.questions),
            "citation": self.citation,
            "url": self.url,
            "quote": self.quote,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class QuestionAnswers:
    """One new question and what was answered before (empty: nothing fits)."""

    number: int
    question: str
    earlier: tuple[EarlierAnswer, ...]

    def record(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "question": self.question,
            "earlier": [answer.record() for answer in self.earlier],
        }


def _answer(hit: SearchHit, library: Library) -> EarlierAnswer | None:
    address = parse_address(hit.key)
    try:
        document = library.qa(address.document)
        number = int(address.local)
        question = document.question(number)
    except (UnknownDocument, ValueError, KeyError):
        return None
    resolved = document.resolve(number)
    if not resolved.text:
        return None
    members = {number, *question.members, *(n for n in hit.questions if n in document)}
    numbers = tuple(sorted(members))
    meta = document.meta
    return EarlierAnswer(
        document=meta.id,
        questions=numbers,
        citation=f"{meta.citation}, {question_label(numbers)}",
        url=meta.url,
        quote=resolved.text,
        confidence=hit.score,
        asked=question.question,
        address=library.address(document, number),
    )


def earlier_answers(
    questions: Sequence[OpenQuestion],
    engine: SearchEngine,
    library: Library,
    *,
    limit: int = MAX_EARLIER,
    exclude: Collection[str] = (),
    uncertain: bool = False,
    embed: QueryEmbedder | None = None,
) -> list[QuestionAnswers]:
    """Per question the best earlier answers (at most `limit`), best first; documents in
    `exclude` (such as the set's own answers) are left out. With the fused search: nothing
    unless the first hit's calibrated confidence reaches `EARLIER_FLOOR`, then the hits
    from `RUNNER_UP_FLOOR` on; with the lexical search alone, nothing where it declines.
    `uncertain`: every candidate, whatever its score."""
    found: list[QuestionAnswers] = []
    for question in questions:
        vector = embed(question.text) if embed is not None and engine.dense is not None else None
        response = engine.search(
            question.text, limit=limit * _OVERFETCH, kinds=_KINDS, vector=vector
        )
        # calibrated scores are probabilities: the floors below decide; the lexical search's
        # scores are not, so its own decision does
        offer = response.calibrated or uncertain or not response.declined
        hits = list(response.results) if offer else []
        answers: list[EarlierAnswer] = []
        seen: set[tuple[str, str]] = set()
        for hit in hits:  # best first
            floor = EARLIER_FLOOR if not answers else RUNNER_UP_FLOOR
            if response.calibrated and not uncertain and hit.score < floor:
                break  # nothing fits, or the rest is nearly certainly wrong
            answer = _answer(hit, library)
            if answer is None or answer.document in exclude:
                continue
            key = (answer.document, " ".join(answer.quote.split()))
            if key in seen:
                continue
            seen.add(key)
            answers.append(answer)
            if len(answers) == limit:
                break
        found.append(QuestionAnswers(question.number, question.text, tuple(answers)))
    return found


NO_QUESTIONS: Final = (
    "Ik herken er geen vragen in (zoals 'Vraag 1 …', '1. …' of een zin met een vraagteken)."
)


class NoQuestions(ValueError):
    """The text holds no recognisable questions; the message is one Dutch sentence."""


@dataclass(frozen=True, slots=True)
class EarlierReport:
    """The earlier answers for the questions of one text (a set, a message, a file)."""

    title: str
    set_id: str | None
    results: tuple[QuestionAnswers, ...]

    def records(self) -> list[dict[str, Any]]:
        return [item.record() for item in self.results]


def report_for_text(
    text: str,
    engine: SearchEngine,
    library: Library,
    *,
    uncertain: bool = False,
    embed: QueryEmbedder | None = None,
) -> EarlierReport:
    """Find the questions in `text` and their earlier answers; `NoQuestions` when none.

    When the text is a whole set (with its header), its own answers, if already in the
    store, are not offered as earlier answers."""
    questions = read_questions(text)
    if not questions:
        raise NoQuestions(NO_QUESTIONS)
    try:
        parsed = read_set(text)
    except SetProblem:
        parsed = None
    title = f"Kamervragen {parsed.id}: {parsed.title}" if parsed else "Nieuwe vragen"
    exclude = {parsed.id} if parsed else set()
    results = earlier_answers(
        questions, engine, library, exclude=exclude, uncertain=uncertain, embed=embed
    )
    return EarlierReport(title, parsed.id if parsed else None, tuple(results))
