"""The intent classifier: fitted on the questions and their phrasings, stored beside the
vectors, used only while it matches the content, and fitted again when the vectors are
refreshed.

Queries here were written for this test from the questions of nr. 451; none comes from
the evaluation sets.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest
import yaml

from agendabot.content import load_content
from agendabot.content.embedder import DIM, MODEL, shared_embedder
from agendabot.content.intent import SETTING, fit_intent, read_intent, refit_intent, write_intent
from agendabot.content.search_index import build_search, content_index
from agendabot.content.vectors import (
    intent_path,
    load_vectors,
    refresh_vectors,
    stale_intent,
)
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.search import SearchDoc, SearchIndex, build_index
from agendabot.core.search.calibration import CALIBRATION
from agendabot.core.search.dense import DenseIndex, dense_index, vector_texts
from agendabot.core.search.fused import decision_features, evidence
from agendabot.core.search.fusion import CANDIDATE_FEATURES, QUERY_FEATURES, rank
from agendabot.core.search.intent import IntentModel, training_key, training_rows

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"

# (query, the question of nr. 451 it asks for), in other words than the question's
PARAPHRASES = (
    ("hoe kijkt de staatssecretaris aan tegen discriminatie van moslima's met een hoofddoek?", 61),
    ("hoe worden bedrijven betrokken bij het aan werk helpen van statushouders?", 97),
    ("moet de nieuwe imamopleiding de komst van imams uit het buitenland verminderen?", 158),
    ("waarom duurt het zo lang voordat een diploma uit het buitenland wordt erkend?", 177),
    ("komt er een streefcijfer voor hoeveel statushouders in de bijstand zitten?", 199),
    (
        "wat kunnen scholen doen voor de zelfbeschikking van kinderen uit gesloten gemeenschappen?",
        130,
    ),
    ("what kind of intolerant behaviour does the government have in mind?", 5),
    ("what does migration do to social cohesion in the Netherlands?", 27),
)


def _top(model: IntentModel, knowledge: Knowledge, query: str, k: int) -> list[tuple[int, ...]]:
    assert knowledge.embed is not None
    shares = model.probabilities(knowledge.embed(query))
    assert np.isclose(float(shares.sum()), 1.0, atol=1e-4)
    return [knowledge.search.index.units[int(u)].questions for u in np.argsort(-shares)[:k]]


# --- the shipped classifier ----------------------------------------------------------------------


def test_the_shipped_classifier_is_current_and_loaded(knowledge: Knowledge) -> None:
    dense = knowledge.search.dense
    assert dense is not None and dense.intent is not None
    assert dense.intent.weights.shape == (len(knowledge.search.index.units), DIM)
    assert not stale_intent(knowledge.search.index, CONTENT)


def test_it_finds_the_question_a_paraphrase_asks_for(knowledge: Knowledge) -> None:
    dense = knowledge.search.dense
    assert dense is not None and dense.intent is not None
    tops = [(_top(dense.intent, knowledge, query, 3), number) for query, number in PARAPHRASES]
    first = sum(number in top[0] for top, number in tops)
    within = sum(any(number in unit for unit in top) for top, number in tops)
    assert within >= 7 and first >= 6, tops
    # the same weights given to other units find nothing: the rows are the units' own
    shuffled = np.random.default_rng(0).permutation(len(dense.intent.bias))
    other = IntentModel(dense.intent.weights[shuffled], dense.intent.bias[shuffled], "x")
    wrong = sum(number in _top(other, knowledge, query, 1)[0] for query, number in PARAPHRASES)
    assert wrong <= 1


def test_its_features_reach_the_ranker_and_the_decision(knowledge: Knowledge) -> None:
    engine = knowledge.search
    assert engine.dense is not None and engine.dense.intent is not None and knowledge.embed
    query, number = PARAPHRASES[0]
    vector = knowledge.embed(query)
    seen = evidence(engine, engine.plan(query), vector, ("vraag",))
    assert seen.intent is not None
    column = CANDIDATE_FEATURES.index("the intent classifier's log-probability of it")
    expected = np.log(seen.intent[seen.found.units] + 1e-4)
    assert np.allclose(seen.found.features[:, column], expected, atol=1e-5)
    order, scores = rank(seen.found, CALIBRATION)
    features = decision_features(engine, engine.plan(query), seen, order, scores, CALIBRATION)
    first = int(seen.found.units[order[0]])
    # answer 184 repeats the answer to 61 ("zie antwoord 61"): either is the right one
    assert {number, 184} & set(engine.index.units[first].questions)
    assert features[-1] == pytest.approx(float(seen.intent[first]))
    assert QUERY_FEATURES[-1] == "the intent classifier's probability of it"
    assert len(CALIBRATION.ranker) == len(CANDIDATE_FEATURES)
    assert len(CALIBRATION.decision) == len(QUERY_FEATURES)


# --- staleness, refitting, storing ----------------------------------------------------------------


def _add_phrasing(root: Path, number: int, text: str) -> None:
    path = root / "phrasings" / "32824-451.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(e for e in data["questions"] if e["number"] == number)["asked_as"].append(text)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_new_phrasing_makes_it_stale_until_the_vectors_are_refreshed(
    content_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    before = read_intent(intent_path(content_copy))
    assert before is not None
    _add_phrasing(content_copy, 31, "het verhaal over de gestolen bakfiets van de wethouder")
    content = load_content(content_copy)
    index = content_index(content)
    with caplog.at_level(logging.WARNING):
        engine = build_search(content)
    assert engine.dense is not None and engine.dense.intent is None
    assert "intent classifier is stale" in caplog.text
    done = refresh_vectors(index, content_copy, shared_embedder(), progress=False)
    assert done.embedded == 1 and done.intent.startswith("opnieuw geleerd")
    assert not stale_intent(index, content_copy)
    after = read_intent(intent_path(content_copy))
    assert after is not None and after.key != before.key
    engine = build_search(content)
    assert engine.dense is not None and engine.dense.intent is not None
    assert engine.dense.intent.key == after.key
    again = refresh_vectors(index, content_copy, shared_embedder(), progress=False)
    assert again.intent == "ongewijzigd", "an unchanged content is not fitted again"


def test_a_stale_classifier_is_not_used_and_the_search_goes_on(
    content_copy: Path, knowledge: Knowledge, caplog: pytest.LogCaptureFixture
) -> None:
    stored = read_intent(intent_path(content_copy))
    assert stored is not None
    write_intent(intent_path(content_copy), IntentModel(stored.weights, stored.bias, "old"))
    content = load_content(content_copy)
    with caplog.at_level(logging.WARNING):
        engine = build_search(content)
    assert "intent classifier is stale" in caplog.text
    assert engine.dense is not None and engine.dense.intent is None, "the vectors stay"
    assert stale_intent(engine.index, content_copy)
    assert knowledge.embed is not None
    query = "wat doet het kabinet tegen huwelijksdwang?"
    seen = evidence(engine, engine.plan(query), knowledge.embed(query), ("vraag",))
    assert seen.intent is None
    column = CANDIDATE_FEATURES.index("the intent classifier's log-probability of it")
    assert np.all(seen.found.features[:, column] == np.float32(CALIBRATION.intent_neutral[0]))
    response = engine.search(query, kinds=("vraag",), vector=knowledge.embed(query))
    assert response.calibrated and response.results, "the fused search answers without it"


@pytest.mark.parametrize("damage", ["garbage", "empty", "truncated"])
def test_a_damaged_classifier_file_is_refused_with_a_warning(
    content_copy: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = intent_path(content_copy)
    whole = path.read_bytes()
    path.write_bytes(
        {"garbage": b"not a numpy file", "empty": b"", "truncated": whole[: len(whole) // 2]}[
            damage
        ]
    )
    with caplog.at_level(logging.WARNING):
        assert read_intent(intent_path(content_copy)) is None
        engine = build_search(load_content(content_copy))
    assert "intent classifier unreadable" in caplog.text
    assert engine.dense is not None and engine.dense.intent is None


def test_the_key_follows_units_texts_and_setting(knowledge: Knowledge) -> None:
    index, dense = knowledge.search.index, knowledge.search.dense
    assert dense is not None
    key = training_key(index, dense, SETTING)
    assert key == training_key(index, dense, SETTING)
    assert key != training_key(index, dense, SETTING + " ")
    x, units = training_rows(index, dense)
    assert len(x) == int(dense.present.sum()) + len(dense.asked) == len(units)
    assert set(units.tolist()) == set(range(len(index.units))), "every unit is a class"


# --- small corpora, large corpora -----------------------------------------------------------------


def _tiny(count: int) -> tuple[SearchIndex, DenseIndex]:
    docs = [
        SearchDoc(
            kind="vraag",
            key=str(n),
            title=f"Vraag {n}",
            fields={
                "question": f"Vraag nummer {n} over onderwerp {n}?",
                "answer": f"Antwoord {n}.",
            },
            document="t-1",
        )
        for n in range(1, count + 1)
    ]
    index = build_index(docs)
    rng = np.random.default_rng(count)
    vectors = {}
    for key in vector_texts(index):
        v = rng.normal(size=DIM).astype(np.float32)
        vectors[key] = v / np.linalg.norm(v)
    return index, dense_index(index, vectors, MODEL, DIM)


def test_two_answers_fit_as_two_classes_and_a_large_corpus_has_none(tmp_path: Path) -> None:
    index, dense = _tiny(2)
    model = fit_intent(index, dense, progress=False)
    assert model is not None and model.weights.shape == (2, DIM)
    x, units = training_rows(index, dense)
    for row, unit in zip(x, units, strict=True):
        assert int(np.argmax(model.probabilities(row))) == unit
    index, dense = _tiny(12)
    path = tmp_path / "m.intent.npz"
    write_intent(path, model)
    status = refit_intent(index, dense, path, progress=False, max_units=10)
    assert status == "geen (meer dan 10 antwoorden)"
    assert not path.exists(), "a classifier for other units is never left behind"
    assert fit_intent(index, dense, progress=False, max_units=12) is not None


def test_the_stored_vectors_and_classifier_travel_together(knowledge: Knowledge) -> None:
    stored = load_vectors(CONTENT)
    dense = knowledge.search.dense
    assert dense is not None and dense.intent is not None
    rebuilt = dense_index(knowledge.search.index, stored, MODEL, DIM)
    assert training_key(knowledge.search.index, rebuilt, SETTING) == dense.intent.key


def test_a_new_document_without_phrasings_is_not_outweighed(content_copy: Path) -> None:
    """Answers without phrasings have one text each in the fit, those of nr. 451 about
    twenty: unweighted, the classifier would learn that the new ones are seldom asked for.
    Every answer weighs the same, so a question on the new document finds it."""
    from agendabot.cli import main

    root = content_copy
    answers = ROOT / "tests" / "fixtures" / "documents" / "tk-2024D18824.txt"
    url = "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2024D18824"
    assert main(["ingest", str(answers), "--url", url, "--content", str(root)]) == 0
    engine = build_search(load_content(root))
    assert engine.dense is not None and engine.dense.intent is not None, "fitted at ingest"
    query = "Hoe kijkt u aan tegen het geweld van Eritreeërs in Den Haag tegen agenten?"
    shares = engine.dense.intent.probabilities(shared_embedder().query(query))
    first = engine.index.units[int(np.argmax(shares))]
    assert engine.index.docs[first.docs[0]].document == "2024D18824", first
