"""The probe of a query's shape: fitted on the phrasings (`asked_as` against
`not_answered`), one of the decision's features.

Queries here were written for this test; none comes from the evaluation sets.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from agendabot.content.knowledge import load_knowledge
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.search.calibration import CALIBRATION
from agendabot.core.search.fused import decision_features, evidence
from agendabot.core.search.fusion import QUERY_FEATURES, rank

SHAPE = QUERY_FEATURES.index(
    "the query's shape: how like a question the documents leave unanswered"
)

# Questions on the documents' topics that ask what such documents leave open …
OPEN = (
    "Per welke datum gaat de nieuwe wet in?",
    "Hoe hoog is de boete als een organisatie zich er niet aan houdt?",
    "Hoeveel ambtenaren werken er aan de actieagenda?",
    "When will the evaluation report be published?",
    "How much does the programme cost per year?",
)
# … and questions of the kind the answers do answer.
ASKED = (
    "Waarom vindt het kabinet het leren van de taal zo belangrijk?",
    "Hoe wil het kabinet nieuwkomers sneller aan het werk helpen?",
    "Welke rol spelen gemeenten bij inburgering?",
    "Why does the cabinet focus on shared values?",
    "What does the government do against discrimination at work?",
)


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


def auc(negative: np.ndarray, positive: np.ndarray) -> float:
    """The chance that a positive scores above a negative (ties count half)."""
    above = (positive[:, None] > negative[None, :]).mean()
    ties = (positive[:, None] == negative[None, :]).mean()
    return float(above + ties / 2)


def test_the_probe_tells_unanswered_phrasings_from_asked_ones(knowledge: Knowledge) -> None:
    dense = knowledge.search.dense
    assert dense is not None
    assert len(CALIBRATION.shape) == dense.asked.shape[1]
    weights = np.asarray(CALIBRATION.shape, np.float32)
    asked = dense.asked @ weights + CALIBRATION.shape_bias
    unanswered = dense.unanswered @ weights + CALIBRATION.shape_bias
    assert auc(asked, unanswered) > 0.85


def test_an_open_question_scores_above_an_answered_kind(knowledge: Knowledge) -> None:
    assert knowledge.embed is not None
    open_ = [CALIBRATION.shape_of(knowledge.embed(text)) for text in OPEN]
    asked = [CALIBRATION.shape_of(knowledge.embed(text)) for text in ASKED]
    assert np.mean(open_) > np.mean(asked) + 1.0
    assert max(asked) < 0.0 < float(np.median(open_))


def test_the_shape_is_a_decision_feature_that_lowers_the_confidence(
    knowledge: Knowledge,
) -> None:
    engine = knowledge.search
    assert knowledge.embed is not None
    assert len(CALIBRATION.decision) == len(QUERY_FEATURES)
    assert CALIBRATION.decision[SHAPE] < 0.0
    text = OPEN[1]
    vector = knowledge.embed(text)
    plan = engine.plan(text)
    seen = evidence(engine, plan, vector, ("vraag",))
    order, scores = rank(seen.found, CALIBRATION)
    features = decision_features(engine, plan, seen, order, scores, CALIBRATION)
    assert features[SHAPE] == pytest.approx(CALIBRATION.shape_of(vector), abs=1e-4)
    without = decision_features(engine, plan, seen, order, scores, replace(CALIBRATION, shape=()))
    assert without[SHAPE] == 0.0
    assert np.array_equal(np.delete(features, SHAPE), np.delete(without, SHAPE))


def test_no_probe_no_vector_no_shape() -> None:
    assert replace(CALIBRATION, shape=()).shape_of(np.ones(384, np.float32)) == 0.0
    assert CALIBRATION.shape_of(None) == 0.0
    # a vector of another model's size: no feature, rather than a search that fails
    assert CALIBRATION.shape_of(np.ones(768, np.float32)) == 0.0
