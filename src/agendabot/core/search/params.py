"""The ranking's settings: `RankParams` (the factors cross-validation chooses among), and
the defaults."""

from __future__ import annotations

from dataclasses import dataclass

# Chosen on the development set by balanced decline accuracy (`agendabot eval --curve --cv 0`).
DEFAULT_THRESHOLD = 0.325


@dataclass(frozen=True, slots=True)
class RankParams:
    """How the BM25F score is shaped; chosen by cross-validation (`agendabot eval --cv`).

    Each factor is at most 1 for a document and exactly 1 for one that matches the whole
    query, so the confidence (score ÷ ideal score) stays in [0, 1].

    - coverage: exponent on the share of the query's information (idf mass of its
      clauses) that a document matches at all; a hit resting on one rare word sinks.
    - question_coverage: weight of the share matched in the question (or title) itself.
    - phrase: weight of the share of adjacent query word pairs found adjacent in the
      question (or title).
    - derivation: weight of a word's derivations ("probleem" → "problematisch").
    - passage: weight of the share of the query's information found together in one
      sentence (the question, or one sentence of the answer), applied to the best
      `passage_depth` documents: a fact asked for sits in one sentence.
    - answer_type: bonus (× 1 + answer_type) for documents whose text offers what the
      question asks for: a figure for "hoeveel"/"how many", names for "wie"/"welke
      organisaties" (see `answer_type`).
    - figure_sentence: for a question asking for a figure, weight of the share of the
      query's information found in one sentence of the answer that states a figure,
      applied to the best `passage_depth` documents: "hoeveel zaken kwamen er in 2024
      binnen" is answered by the sentence "in 2024 kwamen er 673 zaken binnen", not by a
      question that names the same subject.
    - fillers: drop conversational filler and hedges ("in principe", "hoe zit het
      met", "what did we say about") from the query.

    Re-ranking factors (answer_type, figure_sentence) change the order only: whether to
    decline is decided on the first-pass evidence, and the best result carries the first
    pass's best confidence (the others scaled by their re-ranked score).
    """

    coverage: float = 0.0
    question_coverage: float = 0.0
    phrase: float = 0.0
    derivation: float = 0.0
    passage: float = 0.0
    passage_depth: int = 30
    answer_type: float = 0.0
    figure_sentence: float = 0.0
    fillers: bool = False


# Chosen by cross-validation on the development set (`agendabot eval FILE --cv 0`).
DEFAULT_PARAMS = RankParams(fillers=True, figure_sentence=0.5)
