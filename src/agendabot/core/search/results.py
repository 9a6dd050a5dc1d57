"""What a search returns: hits (units of documents sharing an answer), and the response
with its decision to answer or decline."""

from __future__ import annotations

from dataclasses import dataclass

from agendabot.core.search.fusion import Band
from agendabot.core.search.index import Kind


@dataclass(frozen=True, slots=True)
class ScoredUnit:
    """A ranked unit, with the document that represents it."""

    unit: int
    doc: int
    score: float


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: a unit of documents sharing an answer, shown once."""

    kind: Kind
    key: str  # the best-matching document's key ("47", commitment id, "1.7")
    keys: tuple[str, ...]  # every document key in the unit
    questions: tuple[int, ...]  # question numbers the result answers
    score: float  # confidence in [0, 1]
    title: str
    snippet: str

    def record(self) -> dict[str, object]:
        """The JSON shape: {"type", "number" or "id", "score", "title", "snippet", …}."""
        record: dict[str, object] = {"type": self.kind}
        if self.kind == "vraag":
            record["number"] = int(self.key)
            record["numbers"] = list(self.questions)
        elif self.kind == "sectie":
            record["number"] = self.key
        else:
            record["id"] = self.key
            record["questions"] = list(self.questions)
        record.update(score=self.score, title=self.title, snippet=self.snippet)
        return record


@dataclass(frozen=True, slots=True)
class SearchResponse:
    query: str
    declined: bool
    results: tuple[SearchHit, ...]
    lookup: bool = False  # the query asked for numbers directly
    missing: tuple[str, ...] = ()  # numbers asked for that do not exist
    timing: bool = False
    # How sure: "answer", "middle" (the best answer, with others that may also be
    # relevant) or "decline"; the first result's score is the calibrated confidence.
    band: Band = "answer"
    # "middle" only because the runner-up is nearly as likely: the first answer is as sure
    # as an answer, and others may be right too (the reply names them without hedging)
    several: bool = False
    calibrated: bool = False  # the fused search decided (scores are probabilities)
    off_topic: bool = False  # nearer to a question on another topic than to the store

    def record(self) -> dict[str, object]:
        return {
            "query": self.query,
            "declined": self.declined,
            "band": "decline" if self.declined else self.band,
            "off_topic": self.off_topic,
            "results": [hit.record() for hit in self.results],
        }
