"""The fused search: both rankings' evidence per unit, the ranker, the calibrated decision.

`evidence` is what `eval/calibrate.py` fits the models on, so fitting and searching share
one code path.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from agendabot.core.search.answer_type import QUANTITY
from agendabot.core.search.background import off_topic
from agendabot.core.search.dense import Floats, Vector, unit_scores
from agendabot.core.search.fusion import (
    CANDIDATES_PER_SIDE,
    CLOSE_RATIO,
    Calibration,
    Candidates,
    candidates,
    pointwise,
    probability,
    query_features,
    rank,
)
from agendabot.core.search.index import KINDS, Kind
from agendabot.core.search.intent import log_probabilities
from agendabot.core.search.query import QueryPlan
from agendabot.core.search.results import ScoredUnit, SearchResponse
from agendabot.core.search.scoring import _commitments_first, _term_weights

if TYPE_CHECKING:
    from agendabot.core.search.rank import SearchEngine


@dataclass(frozen=True, slots=True)
class Evidence:
    """One query's candidates, and per unit the document that represents it."""

    found: Candidates
    unit_doc: dict[int, int]
    # per document with `not_answered` phrasings: how much nearer the query is to the
    # nearest of them than to the nearest question anything answers
    unanswered_margins: dict[str, float]
    # per document: the votes against it (`Nearness.voters_against`)
    against: dict[str, float]
    vector: Vector  # the query's
    # the intent classifier's probability of each unit; None: no current classifier
    intent: Floats | None
    store: float = -1.0  # the query's cosine with the nearest text of the store
    background: float = -1.0  # … and with the nearest background question (`background.py`)


def evidence(
    engine: SearchEngine, plan: QueryPlan, vector: Vector, kinds: Collection[Kind] | None
) -> Evidence:
    index = engine.index
    assert engine.dense is not None
    ranked, _best, first = engine._rank(plan, kinds, CANDIDATES_PER_SIDE)
    ideal = engine._ideal(plan)
    lexical_docs = np.minimum(1.0, first / ideal) if ideal > 0 else np.zeros_like(first)
    near = engine.dense.nearness(vector)
    votes = np.zeros(len(index.units), dtype=np.float32)
    pro = ~near.voters_against
    np.add.at(votes, index.doc_unit[near.voters[pro]], near.vote_weights[pro])
    against: dict[str, float] = {}
    for d, weight in zip(near.voters[~pro].tolist(), near.vote_weights[~pro].tolist(), strict=True):
        document = index.docs[d].document
        against[document] = against.get(document, 0.0) + weight
    intent = _intent(engine, vector)
    if intent is None:  # the same for every unit: the ranker's neutral value
        intent_feature = np.full(len(index.units), engine.calibration.intent_neutral[0], np.float32)
    else:
        intent_feature = log_probabilities(intent)
    found = candidates(
        unit_scores(index, lexical_docs.astype(np.float32)),
        [s.unit for s in ranked],
        unit_scores(index, near.passages),
        _allowed_units(engine, kinds),
        unit_scores(index, near.heads),
        unit_scores(index, near.unanswered),
        votes,
        intent_feature,
    )
    unit_doc = {s.unit: s.doc for s in ranked}
    for unit in found.units.tolist():
        if unit not in unit_doc:
            docs = list(index.units[unit].docs)
            unit_doc[unit] = docs[int(np.argmax(near.passages[docs]))]
    best_head = float(near.heads.max()) if len(near.heads) else 0.0
    margins = {d: cos - best_head for d, cos in near.unanswered_by_document.items()}
    return Evidence(found, unit_doc, margins, against, vector, intent, near.store, near.background)


def _intent(engine: SearchEngine, vector: Vector) -> Floats | None:
    """The intent classifier's probabilities, when one is current for this index and the
    query's vector is of its model."""
    model = engine.dense.intent if engine.dense is not None else None
    if model is None or model.weights.shape != (len(engine.index.units), len(vector)):
        return None
    return model.probabilities(vector)


def decision_features(
    engine: SearchEngine,
    plan: QueryPlan,
    seen: Evidence,
    order: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float32],
    calibration: Calibration,
) -> npt.NDArray[np.float32]:
    """The decision model's input for the first of `order`. The first answer's document's
    `not_answered` phrasings count against it (0 where it has none); `calibration` holds
    the probe of the query's shape and the intent features' neutral values."""
    first = int(seen.found.units[order[0]])
    first_docs = engine.index.units[first].docs
    document = engine.index.docs[first_docs[0]].document
    asks_figure = plan.answer_type == QUANTITY
    return query_features(
        seen.found,
        order,
        scores,
        sentence_share=engine.sentence_share(plan, first_docs),
        asks_figure=asks_figure,
        figure_share=engine.sentence_share(plan, first_docs, figures=True) if asks_figure else 0,
        missing_share=engine.missing_share(plan, first_docs),
        unanswered_margin=seen.unanswered_margins.get(document, 0.0),
        against=seen.against.get(document, 0.0),
        shape=calibration.shape_of(seen.vector),
        intent=calibration.intent_neutral[1] if seen.intent is None else float(seen.intent[first]),
    )


def fused_search(
    engine: SearchEngine,
    query: str,
    plan: QueryPlan,
    vector: Vector,
    kinds: Collection[Kind] | None,
    limit: int,
) -> SearchResponse:
    calibration: Calibration = engine.calibration
    seen = evidence(engine, plan, vector, kinds)
    if not len(seen.found.units) or float(seen.found.lexical.max()) <= 0.0:
        # nothing, or no word of the query in any text: nothing to offer, rather than the
        # nearest of unrelated texts. The decision never saw a query without a known word
        # (none of the 627 of the evaluation sets), and the meaning alone of gibberish can
        # look confident.
        return SearchResponse(query=query, declined=True, results=(), timing=plan.timing)
    if off_topic(seen.store, seen.background, calibration.off_topic_margin):
        # nearer to a question on another topic than to anything in the store: the
        # decision was fitted on questions about the documents' topics only
        return SearchResponse(
            query=query, declined=True, results=(), timing=plan.timing, off_topic=True
        )
    order, scores = rank(seen.found, calibration)
    features = decision_features(engine, plan, seen, order, scores, calibration)
    confidence = probability(features, calibration)
    units = [int(seen.found.units[i]) for i in order[: max(limit, 10)]]
    confidences = [confidence] + [
        min(confidence, pointwise(float(s))) for s in scores[1 : max(limit, 10)]
    ]
    if plan.timing:
        kinds_of = [engine.index.units[u].kind for u in units]
        chosen = _commitments_first(kinds_of, confidences)
        units = [units[i] for i in chosen]
        confidences = [confidences[i] for i in chosen]
        if chosen[0] != 0:
            confidences[0] = confidence  # the decision is about what is shown first
    close = len(scores) > 1 and pointwise(float(scores[1])) >= CLOSE_RATIO * pointwise(
        float(scores[0])
    )
    band = calibration.band(confidence, close=close)
    weights = _term_weights(plan, engine.index)
    hits = tuple(
        engine._hit(ScoredUnit(unit=u, doc=seen.unit_doc[u], score=c), c, weights)
        for u, c in zip(units[:limit], confidences, strict=False)
    )
    return SearchResponse(
        query=query,
        declined=band == "decline",
        results=hits,
        timing=plan.timing,
        band=band,
        several=band == "middle" and confidence >= calibration.answer_at,
        calibrated=True,
    )


_ALLOWED: dict[tuple[int, tuple[str, ...]], tuple[object, npt.NDArray[np.bool_]]] = {}


def _allowed_units(engine: SearchEngine, kinds: Collection[Kind] | None) -> npt.NDArray[np.bool_]:
    """Which units are of the kinds asked for (computed once per index and kinds)."""
    index = engine.index
    wanted = tuple(sorted(KINDS if kinds is None else set(kinds)))
    key = (id(index), wanted)
    kept = _ALLOWED.get(key)
    if kept is None or kept[0] is not index:
        if len(_ALLOWED) > 32:
            _ALLOWED.clear()
        mask = np.array([u.kind in wanted for u in index.units], dtype=np.bool_)
        kept = (index, mask)
        _ALLOWED[key] = kept
    return kept[1]
