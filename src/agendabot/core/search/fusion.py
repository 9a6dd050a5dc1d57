"""Fusing the lexical and the semantic ranking, and deciding how sure the answer is.

Two small logistic models, fitted by `eval/calibrate.py` on the evaluation sets (their
weights live in `calibration.py`):

- the **ranker** scores each candidate (the best lexical and the best semantic results)
  from its evidence in both rankings: `candidate_features`;
- the **decision** turns the evidence about the first candidate — agreement of the two
  rankings, margins, how much of the query it covers — into the probability that it is
  right: `query_features`. That probability is the confidence shown, and its band decides
  the reply: answer, answer with "Ook relevant", or decline.

Pure: arrays in, arrays out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

Band = Literal["answer", "middle", "decline"]
Floats = npt.NDArray[np.float32]

CANDIDATES_PER_SIDE = 30  # best units taken from each ranking
SPREAD_DEPTH = 20  # the semantic scores a candidate is compared with
CLOSE_RATIO = 0.8  # a runner-up this likely (relative to the first) is named beside it

CANDIDATE_FEATURES = (
    "lexical confidence",
    "lexical confidence below the best",
    "reciprocal lexical rank",
    "cosine below the best",
    "cosine standardised over the best 20",
    "question cosine standardised over the best 20",
    "its nearest unanswered phrasing above its nearest answered one (x10)",
    "its share of the votes of the nearest questions and phrasings",
    "the intent classifier's log-probability of it",
)
QUERY_FEATURES = (
    "ranker score",
    "ranker margin over the second",
    "lexical confidence",
    "best lexical confidence",
    "cosine",
    "cosine margin of the semantic first over its second",
    "cosine of the semantic first above the mean of the best 20",
    "is the lexical first",
    "is the semantic first",
    "share of the query in one sentence",
    "asks for a figure",
    "asks for a figure × share of the query in one sentence with a figure",
    "share of the query none of its words holds",
    "its question is the nearest to the query",
    "nearest unanswered question above the nearest answered one (x10)",
    "its own nearest unanswered question above its nearest answered one (x10)",
    "its share of the votes",
    "the votes against its document",
    "the query's shape: how like a question the documents leave unanswered",
    "the intent classifier's probability of it",
)
UNANSWERED_SCALE = 10.0  # cosine differences are small: on the scale of the other features
OWN_MARGIN = CANDIDATE_FEATURES.index(
    "its nearest unanswered phrasing above its nearest answered one (x10)"
)

VOTES = CANDIDATE_FEATURES.index("its share of the votes of the nearest questions and phrasings")


@dataclass(frozen=True, slots=True)
class Calibration:
    """Fitted weights of the two models and the two thresholds on the probability."""

    ranker: tuple[float, ...]
    ranker_bias: float
    decision: tuple[float, ...]
    decision_bias: float
    answer_at: float  # at or above: answered
    middle_at: float  # at or above (and below answer_at): best answer plus "Ook relevant"
    # A linear probe over the query vector, fitted on the phrasings: `asked_as` against
    # `not_answered`. Its logit says how much a query is shaped like a question on the
    # documents' topics that they leave open (a date of entry into force, a fine, a count),
    # whatever the topic. Empty: no probe (the feature is 0).
    shape: tuple[float, ...] = ()
    shape_bias: float = 0.0
    # The intent classifier's two features (log-probability per candidate, probability of
    # the first) where no current classifier is at hand: their means over the queries the
    # models were fitted on, so the models see a typical value rather than an extreme one.
    intent_neutral: tuple[float, float] = (0.0, 0.0)
    # A query nearer to a background question (`background.py`) than to the nearest text of
    # the store by more than this is off topic: declined before the decision. Chosen by
    # `eval/calibrate.py` as the largest such contrast of an answerable query it fits on,
    # rounded up to the next 0.01; infinite: no query is.
    off_topic_margin: float = float("inf")

    def shape_of(self, vector: Floats | None) -> float:
        """The probe's logit for a query vector (0 without a probe or a vector, or for a
        vector of another model's size: the search goes on without the feature)."""
        if not self.shape or vector is None or np.shape(vector)[-1] != len(self.shape):
            return 0.0
        weights = np.asarray(self.shape, np.float32)
        return float(np.asarray(vector, np.float32) @ weights) + self.shape_bias

    def band(self, probability: float, *, close: bool = False) -> Band:
        """`close`: the runner-up is nearly as likely (several answers may be right)."""
        if probability >= self.answer_at and not close:
            return "answer"
        if probability >= self.middle_at:
            return "middle"
        return "decline"


@dataclass(frozen=True, slots=True)
class Candidates:
    """The units worth ranking for one query, and what both rankings say about each."""

    units: npt.NDArray[np.int64]
    features: Floats  # len(units) × len(CANDIDATE_FEATURES)
    lexical: Floats  # lexical confidence per unit (all units)
    cosine: Floats  # best cosine per unit (all units; -1 where not allowed)
    lexical_first: int  # unit ids, -1 when there is none
    semantic_first: int
    head_first: int  # the unit whose question (or title) alone is nearest to the query


def _top(values: Floats, allowed: npt.NDArray[np.bool_], k: int) -> npt.NDArray[np.int64]:
    masked = np.where(allowed, values, -np.inf)
    k = min(k, int(allowed.sum()))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    top = np.argpartition(-masked, k - 1)[:k]
    top = top[np.argsort(-masked[top], kind="stable")]
    return top[np.isfinite(masked[top])].astype(np.int64)


def candidates(
    lexical: Floats,
    lexical_order: Sequence[int],
    cosine: Floats,
    allowed: npt.NDArray[np.bool_],
    head_cosine: Floats,
    unanswered_cosine: Floats,
    votes: Floats,
    intent: Floats,
) -> Candidates:
    """Candidates from unit-level evidence.

    `lexical`: each unit's lexical confidence (first pass, in [0, 1]); `lexical_order`:
    the units in the lexical search's final order; `cosine`: each unit's best cosine;
    `head_cosine`: the same for its questions (or titles) alone, or its nearest phrasing;
    `unanswered_cosine`: for its nearest own `not_answered` phrasing (-1: none); `votes`:
    its share of the votes of the nearest texts (`dense.Nearness`); `intent`: the intent
    classifier's log-probability of each unit (`intent.py`).
    """
    lexical = np.where(allowed, lexical, 0.0).astype(np.float32)
    cosine = np.where(allowed, cosine, -1.0).astype(np.float32)
    ordered = [u for u in lexical_order if allowed[u]][:CANDIDATES_PER_SIDE]
    dense = _top(cosine, allowed & (cosine > -1.0), CANDIDATES_PER_SIDE)
    head_cosine = np.where(allowed, head_cosine, -1.0).astype(np.float32)
    heads = _top(head_cosine, head_cosine > -1.0, SPREAD_DEPTH)
    head_first = int(heads[0]) if len(heads) else -1
    units = np.array(list(dict.fromkeys([*ordered, *dense.tolist()])), dtype=np.int64)
    if not len(units):
        empty = np.zeros((0, len(CANDIDATE_FEATURES)), dtype=np.float32)
        return Candidates(units, empty, lexical, cosine, -1, -1, head_first)
    reciprocal = np.zeros(len(lexical), dtype=np.float32)
    for rank, unit in enumerate(ordered, start=1):
        reciprocal[unit] = 1.0 / rank
    best_cos = float(cosine[dense[0]]) if len(dense) else 0.0
    lex = lexical[units]
    cos, cos_z = _standardised(cosine, dense, units)
    _, head_z = _standardised(head_cosine, heads, units)
    features = np.stack(
        [
            lex,
            lex - float(lexical.max()),
            reciprocal[units],
            cos - best_cos,
            cos_z,
            head_z,
            _local_margin(unanswered_cosine, head_cosine, units),
            votes[units],
            intent[units],
        ],
        axis=1,
    ).astype(np.float32)
    return Candidates(
        units=units,
        features=features,
        lexical=lexical,
        cosine=cosine,
        lexical_first=ordered[0] if ordered else -1,
        semantic_first=int(dense[0]) if len(dense) else -1,
        head_first=head_first,
    )


def _standardised(
    values: Floats, best: npt.NDArray[np.int64], units: npt.NDArray[np.int64]
) -> tuple[Floats, Floats]:
    """The units' values (-1: none), and the same standardised over the best SPREAD_DEPTH
    (`best`, best first); a unit without a value sits three deviations below their mean."""
    spread = values[best[:SPREAD_DEPTH]] if len(best) else np.zeros(1, np.float32)
    mean, std = float(spread.mean()), float(spread.std()) + 1e-6
    own = np.where(values[units] > -1.0, values[units], mean - 3 * std).astype(np.float32)
    return own, ((own - mean) / std).astype(np.float32)


def _local_margin(unanswered: Floats, heads: Floats, units: npt.NDArray[np.int64]) -> Floats:
    """Each unit's nearest own `not_answered` phrasing above its nearest answered question
    (0 where it has none), scaled."""
    own = unanswered[units]
    margin = np.where(own > -1.0, own - heads[units], 0.0)
    return (UNANSWERED_SCALE * margin).astype(np.float32)


def rank(found: Candidates, calibration: Calibration) -> tuple[npt.NDArray[np.int64], Floats]:
    """Candidates best first, and the ranker's score (a logit) for each."""
    weights = np.asarray(calibration.ranker, dtype=np.float32)
    scores = found.features @ weights + np.float32(calibration.ranker_bias)
    order = np.argsort(-scores, kind="stable")
    return order.astype(np.int64), scores[order].astype(np.float32)


def query_features(
    found: Candidates,
    order: npt.NDArray[np.int64],
    scores: Floats,
    *,
    sentence_share: float,
    asks_figure: bool,
    figure_share: float,
    missing_share: float,
    unanswered_margin: float,
    against: float,
    shape: float,
    intent: float,
) -> Floats:
    """The evidence about the first candidate (`order[0]`), as QUERY_FEATURES.

    `missing_share`: the share of the query's information (idf mass of its ideas, of
    which words the index does not know enlarge only the whole) that no word of the
    first candidate holds: an answer on the topic that lacks what the question turns on
    ("wanneer treedt de wet in werking" against an answer on why the law is needed)
    leaves part of it uncovered. `unanswered_margin`: how much nearer the query is to a
    question the first candidate's document does not answer than to any answered one; the
    first candidate's own margin is its ranker feature. `shape`: `Calibration.shape_of` the
    query vector; `intent`: the intent classifier's probability of the first candidate."""
    first = int(found.units[order[0]])
    second_score = float(scores[1]) if len(scores) > 1 else float(scores[0]) - 5.0
    cos = found.cosine[found.cosine > -1.0]
    best = np.sort(cos)[::-1] if len(cos) else np.zeros(2, np.float32)
    second_cos = float(best[1]) if len(best) > 1 else float(best[0])
    figure = float(asks_figure)
    return np.array(
        [
            float(scores[0]),
            float(scores[0]) - second_score,
            float(found.lexical[first]),
            float(found.lexical.max()),
            float(max(found.cosine[first], 0.0)),
            float(best[0]) - second_cos,
            float(best[0]) - float(best[:SPREAD_DEPTH].mean()),
            float(first == found.lexical_first),
            float(first == found.semantic_first),
            sentence_share,
            figure,
            figure * figure_share,
            missing_share,
            float(first == found.head_first),
            UNANSWERED_SCALE * unanswered_margin,
            float(found.features[order[0], OWN_MARGIN]),
            float(found.features[order[0], VOTES]),
            against,
            shape,
            intent,
        ],
        dtype=np.float32,
    )


def probability(features: Floats, calibration: Calibration) -> float:
    """The decision model: how likely the first candidate is right."""
    weights = np.asarray(calibration.decision, dtype=np.float32)
    return pointwise(float(features @ weights) + calibration.decision_bias)


def pointwise(score: float) -> float:
    """The ranker's own probability that a candidate answers the query."""
    return 1.0 / (1.0 + math.exp(-min(30.0, max(-30.0, score))))
