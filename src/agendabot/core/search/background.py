"""Background questions: written Kamervragen on other topics, to tell an off-topic question.

Kept as content (`content/background.yaml`): real questions to ministers (verbatim, with
their source) on topics the store's documents are not about: pensions, childcare, roads,
defence, and so on. A question on such a topic in the formal words of parliament ("Deelt u
de mening dat …?") reads much like the questions of a Q&A list, and the decision, fitted on
questions about the documents' topics, was often sure of an answer that only shared the
form (`eval/queries-offtopic.jsonl`).

The search embeds them like its other texts, as queries (`dense.py`), and compares a query
with the nearest few of them (the mean of `dense.BACKGROUND_NEAREST`) and with the nearest
text of the store (a question, title or phrasing): a query nearer to the background than to
anything in the store, by more than `Calibration.off_topic_margin`, is off topic and gets no
answer. Only the contrast
counts, so a document ingested later on one of these topics is found as before: its own
questions are then in the store, and nearer.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_TEXT = 1000  # a written question is one or a few sentences


class BackgroundQuestion(BaseModel):
    """One question on another topic, as it was asked, and where."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    source: str
    topic: str = ""

    @field_validator("text")
    @classmethod
    def _one_line(cls, text: str) -> str:
        cleaned = " ".join(text.split())
        if not cleaned:
            raise ValueError("een vraag is leeg")
        return cleaned

    @field_validator("source")
    @classmethod
    def _link(cls, source: str) -> str:
        if not source.startswith("https://") or any(c.isspace() for c in source):
            raise ValueError("een bron is een link die met https:// begint")
        return source


class Background(BaseModel):
    """All background questions (`content/background.yaml`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    questions: tuple[BackgroundQuestion, ...] = ()

    @property
    def texts(self) -> tuple[str, ...]:
        """Each question's text once, in file order."""
        return tuple(dict.fromkeys(q.text for q in self.questions))


def off_topic(store: float, background: float, margin: float) -> bool:
    """Whether a query whose nearest text of the store has cosine `store`, and its nearest
    background questions `background` (their mean), is off topic (nearer to the background
    by more than `margin`). Without background questions (`background` -1) nothing is."""
    return background - store > margin
