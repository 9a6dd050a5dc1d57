"""The fused search: passage vectors beside the content, the real model, the calibrated
decision (its middle band in the console and in Slack: test_middle_band.py).

Queries here were written from the answers of nr. 451, one or more per kind of query; none
comes from the evaluation sets.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from tests.fake_embedder import FakeEmbedder

from agendabot.cli import main
from agendabot.content.knowledge import build_knowledge, load_knowledge
from agendabot.content.search_index import build_search, content_index, search_docs
from agendabot.content.vectors import (
    load_vectors,
    refresh_vectors,
    stale_vectors,
    vectors_path,
)
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.search.calibration import CALIBRATION
from agendabot.core.search.dense import (
    DenseIndex,
    head_text,
    passage_text,
    passages,
    text_key,
    vector_texts,
)
from agendabot.core.search.fused import evidence

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


def search(knowledge: Knowledge, text: str) -> Any:
    assert knowledge.embed is not None, "the model loads and the vectors are committed"
    return knowledge.search.search(text, limit=5, kinds=("vraag",), vector=knowledge.embed(text))


# --- the stored vectors -----------------------------------------------------------------------


def test_every_passage_has_a_current_vector(knowledge: Knowledge) -> None:
    assert knowledge.search.dense is not None
    assert knowledge.search.dense.missing == 0
    assert stale_vectors(knowledge.search.index, CONTENT) == 0


def _change_answer(root: Path, number: int, text: str) -> None:
    path = root / "documents" / "kamerstuk-32824-451.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data["questions"] if isinstance(data, dict) else data
    for entry in entries:
        if entry.get("number") == number:
            entry["answer"] = text
            break
    else:
        raise AssertionError(f"question {number} not in the file")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_changed_answer_is_reported_stale_and_only_it_is_embedded(content_copy: Path) -> None:
    from agendabot.content import load_content

    before = passages(content_index(load_content(content_copy)).docs)
    _change_answer(content_copy, 12, "Ja, dat geldt voor iedereen die hier woont.")
    index = content_index(load_content(content_copy))
    after = passages(index.docs)
    new, gone = set(after) - set(before), set(before) - set(after)
    assert len(new) == 1 and len(gone) == 1, "one passage text changed"
    assert stale_vectors(index, content_copy) == 1, "the question is unchanged: its vector stays"
    embedder = FakeEmbedder()
    done = refresh_vectors(index, content_copy, embedder, progress=False)
    assert (done.embedded, done.dropped) == (1, 1)
    assert embedder.calls == [("passage", [after[next(iter(new))]])]
    assert stale_vectors(index, content_copy) == 0
    assert set(load_vectors(content_copy)) == set(vector_texts(index))
    again = refresh_vectors(index, content_copy, embedder, progress=False)
    assert again.embedded == 0 and len(embedder.calls) == 1, "unchanged text is never embedded"


def _change_question(root: Path, number: int, text: str) -> None:
    path = root / "documents" / "kamerstuk-32824-451.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data["questions"] if isinstance(data, dict) else data
    next(e for e in entries if e.get("number") == number)["question"] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_changed_question_embeds_its_passage_and_the_question_as_a_query(
    content_copy: Path,
) -> None:
    from agendabot.content import load_content

    question = "Geldt de Actieagenda ook voor wie hier geboren is?"
    _change_question(content_copy, 24, question)
    index = content_index(load_content(content_copy))
    assert stale_vectors(index, content_copy) == 2
    embedder = FakeEmbedder()
    done = refresh_vectors(index, content_copy, embedder, progress=False)
    assert (done.embedded, done.dropped) == (2, 2)
    roles = dict(embedder.calls)
    assert roles["query"] == [question], "the question alone, embedded as a query"
    assert roles["passage"][0].startswith(question + "\n"), "the passage: question, then answer"
    stored = load_vectors(content_copy)
    assert text_key(question, "query") in stored and text_key(question) not in stored


def test_content_check_names_stale_vectors_and_content_vectors_fixes_them(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _change_answer(content_copy, 13, "Nee, dat is niet de bedoeling van de agenda.")
    assert main(["content", "check", "--content", str(content_copy)]) == 1
    assert "1 tekst(en) zonder actuele zoekvector" in capsys.readouterr().err
    assert main(["content", "vectors", "--content", str(content_copy)]) == 0
    assert "1 berekend" in capsys.readouterr().out
    assert main(["content", "check", "--content", str(content_copy)]) == 0
    stored = load_vectors(content_copy)
    key = text_key("Nee, dat is niet de bedoeling van de agenda.")
    assert key not in stored, "keys are of whole passages, question included"
    assert any(np.isclose(np.linalg.norm(v), 1.0, atol=1e-2) for v in stored.values())


@pytest.mark.parametrize("damage", [b"not a numpy file", b"", b"PK\x03\x04 cut short"])
def test_a_damaged_vector_file_leaves_the_lexical_search(content_copy: Path, damage: bytes) -> None:
    from agendabot.content import load_content

    vectors_path(content_copy).write_bytes(damage)
    engine = build_search(load_content(content_copy))
    assert engine.dense is None
    response = engine.search("gesloten gemeenschappen", kinds=("vraag",))
    assert response.results and not response.calibrated


def test_passage_keys_follow_the_text_only() -> None:
    docs = search_docs(load_knowledge().content)  # type: ignore[arg-type]
    texts = [passage_text(d) for d in docs]
    assert len({text_key(t) for t in texts}) == len(set(texts))
    heads = {head_text(d) for d in docs}
    keys = {text_key(h, "query") for h in heads}
    assert len(keys) == len(heads) and not keys & {text_key(t) for t in texts}


# --- each kind of query ----------------------------------------------------------------------

SHARED_47 = {47, 79, 80, 83, 84, 109, 110, 111, 114, 124}  # one answer for ten questions

# (query, the questions whose answer answers it, how deep the first of them may be, must it
# be answered without declining)
CASES = [
    # a Dutch paraphrase that avoids the question's words (121: genital mutilation). The
    # hardest kind: since the question cosine joined the ranker (2026-12-04) the shared
    # answer on closed communities (47) comes first and 121 second, so the test asks for
    # the first three, and that the wrong first is not given as the answer.
    (
        "hoe wil de staatssecretaris voorkomen dat meisjes worden uitgehuwelijkt of besneden?",
        {85, 121},
        3,
        False,
    ),
    # keywords
    ("taaleis bijstand", {176, 188}, 1, False),
    # English
    ("what does the cabinet do against forced marriage?", {85, 121}, 1, True),
    # a typo
    ("gesloten gemeenschapen", SHARED_47, 1, True),
]


@pytest.mark.parametrize(("text", "gold", "depth", "answered"), CASES)
def test_each_kind_of_query_ranks_the_right_answer_first(
    knowledge: Knowledge, text: str, gold: set[int], depth: int, answered: bool
) -> None:
    response = search(knowledge, text)
    assert response.calibrated and response.results, text
    right = [bool(gold & set(hit.questions)) for hit in response.results]
    assert any(right[:depth]), (text, [hit.questions for hit in response.results])
    assert all(0.0 <= hit.score <= 1.0 for hit in response.results)
    if not right[0]:
        assert response.declined or response.band == "middle", (text, response.band)
    if answered:
        assert not response.declined, (text, response.results[0].score)


@pytest.mark.parametrize(
    ("text", "commitment"),
    [
        ("wanneer komt de nulmeting van de versterkte gebedsoproep?", "gebedsoproep-nulmeting"),
        ("when will the national dialogue start?", "nationale-dialoog"),
    ],
)
def test_a_timing_question_answers_with_the_commitment(
    knowledge: Knowledge, text: str, commitment: str
) -> None:
    assert knowledge.embed is not None
    response = knowledge.search.search(text, limit=3, vector=knowledge.embed(text))
    assert response.timing and not response.declined
    assert (response.results[0].kind, response.results[0].key) == ("toezegging", commitment)


def test_a_query_the_documents_do_not_answer_is_declined(knowledge: Knowledge) -> None:
    response = search(knowledge, "hoeveel kost een nieuwe rijbewijspas bij de gemeente?")
    assert response.declined


@pytest.mark.parametrize(
    "text", ["zorgverzekering hond", "xyzzy plugh qwerty", "asdf qwer zxcv", "lorem ipsum dolor"]
)
def test_a_query_with_no_known_word_finds_nothing(knowledge: Knowledge, text: str) -> None:
    """However near its vector happens to lie to some phrasing: the decision never saw a
    query without a single known word, and gibberish must not get an answer."""
    response = search(knowledge, text)
    assert response.declined and not response.results


def test_the_missing_share_is_what_no_word_of_the_answer_holds(knowledge: Knowledge) -> None:
    """An answer on the topic that lacks what the question turns on leaves a share of the
    query uncovered. Words the index does not know are not held against an answer (a typo
    it cannot place says nothing about the answer), but they do enlarge the whole."""
    engine = knowledge.search
    index = engine.index
    taaleis = index.by_question[176]  # the generic language requirement, its evaluation
    discrimination = index.by_question[140]  # institutional discrimination
    plan = engine.plan("generieke taaleis maatwerk")
    assert engine.missing_share(plan, taaleis) == 0.0
    assert engine.missing_share(plan, discrimination) == 1.0
    partly = engine.plan("generieke taaleis etnisch profileren")
    assert 0.0 < engine.missing_share(partly, taaleis) < 1.0
    assert engine.missing_share(engine.plan("generieke taaleis qwzrtpx"), taaleis) == 0.0
    diluted = engine.plan("generieke taaleis etnisch profileren qwzrtpx")
    assert diluted.unmatched == ("qwzrtpx",)
    assert 0.0 < engine.missing_share(diluted, taaleis) < engine.missing_share(partly, taaleis)


def test_head_first_is_the_unit_whose_question_is_nearest(knowledge: Knowledge) -> None:
    """A query worded as one of the questions has that question nearest, whatever the
    passages say."""
    engine = knowledge.search
    assert engine.dense is not None and knowledge.embed is not None
    index = engine.index
    for number in (47, 85, 176):
        doc = index.by_question[number][0]
        question = head_text(index.docs[doc])
        seen = evidence(engine, engine.plan(question), knowledge.embed(question), ("vraag",))
        assert seen.found.head_first == int(index.doc_unit[doc]), number


def test_the_question_cosine_is_a_ranker_feature_standardised_over_the_best(
    knowledge: Knowledge,
) -> None:
    """A candidate feature: each unit's question cosine (its question or nearest phrasing),
    standardised over the best 20; the unit whose question is nearest scores highest."""
    from agendabot.core.search.fusion import CANDIDATE_FEATURES

    engine = knowledge.search
    assert knowledge.embed is not None
    column = CANDIDATE_FEATURES.index("question cosine standardised over the best 20")
    assert len(CALIBRATION.ranker) == len(CANDIDATE_FEATURES)
    question = head_text(engine.index.docs[engine.index.by_question[85][0]])
    found = evidence(engine, engine.plan(question), knowledge.embed(question), ("vraag",)).found
    z = found.features[:, column]
    assert int(found.units[int(np.argmax(z))]) == found.head_first
    assert z.max() > 1.0 and z.min() < z.max() - 1.0


def test_confidence_is_monotone_in_the_decision() -> None:
    assert CALIBRATION.middle_at <= CALIBRATION.answer_at
    assert CALIBRATION.band(CALIBRATION.answer_at) == "answer"
    assert CALIBRATION.band(CALIBRATION.answer_at, close=True) == "middle"
    assert CALIBRATION.band(CALIBRATION.middle_at) == "middle"
    assert CALIBRATION.band(CALIBRATION.middle_at - 0.01) == "decline"


def test_build_knowledge_has_the_model_when_vectors_are_there(knowledge: Knowledge) -> None:
    assert build_knowledge(knowledge.content).embed is not None  # type: ignore[arg-type]


def test_a_large_index_compares_the_heads_of_the_nearest_passages_only() -> None:
    """From `shortlist_from` documents on, a head counts only where its passage is among the
    `shortlist` nearest (the others have none, -1); below it every head counts."""
    rng = np.random.default_rng(7)

    def rows(n: int) -> np.ndarray:
        matrix = rng.standard_normal((n, 16)).astype(np.float32)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)

    full = DenseIndex(matrix=rows(500), present=np.ones(500, bool), model="t", heads=rows(500))
    short = replace(full, shortlist_from=100, shortlist=50)
    query = rows(1)[0]
    exact = full.nearness(query)
    near = short.nearness(query)
    nearest = np.argsort(-near.passages)[:50]
    assert np.allclose(near.heads[nearest], exact.heads[nearest])
    assert (np.delete(near.heads, nearest) == -1.0).all()
    assert np.allclose(exact.heads, full.heads @ query), "below the threshold: all of them"
    assert np.allclose(near.passages, exact.passages)


def test_a_large_product_split_over_two_threads_gives_the_same_cosines() -> None:
    """From `parallel_from` rows on, the passages' product is computed in two halves at once;
    a missing vector still scores -1."""
    rng = np.random.default_rng(11)
    matrix = rng.standard_normal((1001, 16)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    present = np.ones(1001, bool)
    present[[0, 500, 1000]] = False
    whole = DenseIndex(matrix=matrix, present=present, model="t", heads=matrix)
    split = replace(whole, parallel_from=100)
    query = matrix[7]
    expected = np.where(present, matrix @ query, -1.0)
    for index in (whole, split):
        assert np.allclose(index.nearness(query).passages, expected)
