"""Phrasings (`content/phrasings/`): validated as content, embedded at ingest, and used by
the search as more ways a question is asked and as questions nothing answers.

The queries written here are made up for the tests (nonsense where a phrase must match
nothing else); none comes from the evaluation sets.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from agendabot.cli import main
from agendabot.content import ContentError, load_content
from agendabot.content.embedder import shared_embedder
from agendabot.content.search_index import build_search, content_index, search_docs
from agendabot.content.vectors import load_vectors, refresh_vectors, stale_vectors
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.search.dense import text_key

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
FILE = "phrasings/32824-451.yaml"


def _phrasings(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((root / FILE).read_text(encoding="utf-8"))
    return data


def _write(root: Path, data: dict[str, Any], name: str = FILE) -> None:
    (root / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _entry(data: dict[str, Any], number: int) -> dict[str, Any]:
    entry: dict[str, Any] = next(e for e in data["questions"] if e["number"] == number)
    return entry


# --- content -----------------------------------------------------------------------------------


def test_the_shipped_phrasings_cover_every_answer(knowledge: Knowledge) -> None:
    content = knowledge.content
    phrasings = content.phrasings["32824-451"]  # type: ignore[attr-defined]
    numbers = {entry.number for entry in phrasings.questions}
    document = content.documents["32824-451"]  # type: ignore[attr-defined]
    answered = {min(q.members) for q in document.questions}  # one per shared answer
    assert answered <= numbers | {n for q in document.questions for n in q.members}
    assert len(numbers) >= 200
    assert all(entry.asked_as for entry in phrasings.questions)


@pytest.mark.parametrize(
    ("change", "entry", "field", "message"),
    [
        (lambda d: _entry(d, 12).update(number=999), "vraag 999", "number", "geen vraag 999"),
        (lambda d: _entry(d, 12)["asked_as"].append("   "), "vraag 12", "asked_as", "leeg"),
        (lambda d: _entry(d, 12).update(colour="rood"), "vraag 12", "colour", ""),
        (
            lambda d: _entry(d, 13)["not_answered"].append(_entry(d, 12)["asked_as"][0]),
            "vraag 13",
            "not_answered",
            "ook als beantwoord bij vraag 12",
        ),
        (lambda d: d["questions"].append({"number": 12}), "vraag 12", "number", "staat dubbel"),
    ],
)
def test_bad_phrasings_are_refused_with_file_entry_and_field(
    content_copy: Path, change: Any, entry: str, field: str, message: str
) -> None:
    data = _phrasings(content_copy)
    change(data)
    _write(content_copy, data)
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    problems = [p for p in caught.value.problems if p.file == FILE]
    assert problems, caught.value
    assert any(p.entry == entry and field in p.field and message in p.message for p in problems), [
        str(p) for p in problems
    ]


@pytest.mark.parametrize(
    ("file", "change", "entry", "field", "message"),
    [
        (
            "phrasings/32824-456.yaml",
            lambda d: d["sections"].append({"number": "9.9", "asked_as": ["x"]}),
            "paragraaf 9.9",
            "number",
            "geen paragraaf 9.9",
        ),
        (
            "phrasings/32824-456.yaml",
            lambda d: d.update(questions=[{"number": 1, "asked_as": ["x"]}]),
            "vraag 1",
            "",
            "hoort niet bij 32824-456",
        ),
        (
            "phrasings/commitments.yaml",
            lambda d: d["commitments"].append({"id": "bestaat-niet", "asked_as": ["x"]}),
            "toezegging bestaat-niet",
            "id",
            "geen toezegging bestaat-niet",
        ),
    ],
)
def test_letter_and_commitment_phrasings_name_existing_items(
    content_copy: Path, file: str, change: Any, entry: str, field: str, message: str
) -> None:
    data: dict[str, Any] = yaml.safe_load((content_copy / file).read_text(encoding="utf-8"))
    change(data)
    _write(content_copy, data, file)
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert any(
        p.file == file and p.entry == entry and p.field == field and message in p.message
        for p in caught.value.problems
    ), [str(p) for p in caught.value.problems]


def test_a_timing_question_finds_its_commitment_by_a_phrasing_of_its_own(
    knowledge: Knowledge,
) -> None:
    """Commitments have phrasings too, so they compete with the list's answers on equal
    terms: each commitment's own timing phrasing finds it first."""
    engine = knowledge.search
    commitments = [d for d in engine.index.docs if d.kind == "toezegging" and d.asked_as]
    assert len(commitments) == len({d.key for d in engine.index.docs if d.kind == "toezegging"})
    found = 0
    for doc in commitments[:12]:
        text = doc.asked_as[-1]
        response = engine.search(text, limit=3, vector=shared_embedder().query(text))
        found += response.results[0].key == doc.key
    assert found >= 10, found


def test_a_phrasings_file_must_carry_its_documents_name(content_copy: Path) -> None:
    data = _phrasings(content_copy)
    (content_copy / FILE).unlink()
    _write(content_copy, data, "phrasings/lijst.yaml")
    with pytest.raises(ContentError, match=r"32824-451\.yaml heten"):
        load_content(content_copy)


def test_without_phrasings_the_content_loads(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(content_copy / "phrasings")
    content = load_content(content_copy)
    assert not content.phrasings
    assert all(not d.asked_as and not d.not_answered for d in search_docs(content))
    assert main(["content", "check", "--content", str(content_copy)]) == 1
    assert "het intentiemodel hoort niet bij" in capsys.readouterr().err, "fitted on them"
    assert main(["content", "vectors", "--content", str(content_copy)]) == 0
    assert "intentiemodel: opnieuw geleerd" in capsys.readouterr().out
    assert main(["content", "check", "--content", str(content_copy)]) == 0, "a notice only"
    out = capsys.readouterr().out
    assert "Zonder zoekvragen (phrasings/): 32824-451, 32824-456, commitments." in out


# --- vectors -----------------------------------------------------------------------------------


def test_a_new_phrasing_is_stale_until_embedded_as_a_query(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _phrasings(content_copy)
    _entry(data, 12)["asked_as"].append("mag de buurman ook meedoen met de agenda?")
    _write(content_copy, data)
    index = content_index(load_content(content_copy))
    assert stale_vectors(index, content_copy) == 1
    assert main(["content", "check", "--content", str(content_copy)]) == 1
    assert "1 tekst(en) zonder actuele zoekvector" in capsys.readouterr().err
    done = refresh_vectors(index, content_copy, shared_embedder(), progress=False)
    assert (done.embedded, done.dropped) == (1, 0)
    assert text_key("mag de buurman ook meedoen met de agenda?", "query") in load_vectors(
        content_copy
    )


# --- search ------------------------------------------------------------------------------------


def _search(engine: Any, text: str) -> Any:
    vector = shared_embedder().query(text)
    return engine.search(text, limit=5, kinds=("vraag",), vector=vector)


def test_an_added_phrasing_leads_its_question_to_the_top(content_copy: Path) -> None:
    """A phrase no text of the documents holds finds nothing useful, until it is added as
    one of the ways a question is asked: then that question comes first, by its words and
    by its meaning."""
    query = "het relaas over de gestolen bakfiets van de wethouder"
    before = _search(build_search(load_content(content_copy)), query)
    assert not before.results or 31 not in before.results[0].questions
    data = _phrasings(content_copy)
    _entry(data, 31)["asked_as"].append(query)
    _write(content_copy, data)
    content = load_content(content_copy)
    refresh_vectors(content_index(content), content_copy, shared_embedder(), progress=False)
    engine = build_search(content)
    assert engine.dense is not None
    after = _search(engine, query)
    assert after.results and 31 in after.results[0].questions
    lexical = engine.search(query, limit=5, kinds=("vraag",))
    assert lexical.results and 31 in lexical.results[0].questions, "the words alone find it too"


def test_the_head_score_is_the_nearest_of_question_and_phrasings(knowledge: Knowledge) -> None:
    engine = knowledge.search
    dense = engine.dense
    assert dense is not None and len(dense.asked)
    doc = next(d for d, sd in enumerate(engine.index.docs) if sd.asked_as)
    phrasing = engine.index.docs[doc].asked_as[0]
    vector = shared_embedder().query(phrasing)
    heads = dense.nearness(vector).heads
    assert heads[doc] == pytest.approx(1.0, abs=0.02), "the phrasing itself is a head"
    own = float(dense.heads[doc] @ vector)
    assert heads[doc] > own


def test_the_unanswered_margin_tells_the_two_kinds_of_phrasing_apart(
    knowledge: Knowledge,
) -> None:
    engine = knowledge.search
    dense = engine.dense
    assert dense is not None
    docs = [d for d in engine.index.docs if d.asked_as and d.not_answered][:20]

    def margin(vector: np.ndarray) -> float:
        near = dense.nearness(vector)
        nearest = near.unanswered_by_document
        assert set(nearest) == {"32824-451", "32824-456", "commitments"}
        return nearest["32824-451"] - float(near.heads.max())

    asked = [margin(v) for v in _vectors(docs, "asked")]
    missing = [margin(v) for v in _vectors(docs, "not")]
    assert all(m < 0 for m in asked), "an answered phrasing is nearest to itself"
    assert all(m > 0 for m in missing), "an unanswered one likewise"


def test_the_nearest_phrasings_vote_for_their_answer_or_against_it(
    knowledge: Knowledge,
) -> None:
    """Worded as one of an answer's phrasings, a query's votes go to that answer (its unit:
    questions sharing one answer share the votes) more than to any other; worded as a
    question it leaves open, against it more than against any other. They sum to one."""
    engine = knowledge.search
    dense = engine.dense
    assert dense is not None
    rows = [r for r, d in enumerate(engine.index.docs) if d.asked_as and d.not_answered][:20]
    docs = [engine.index.docs[r] for r in rows]
    for kind in ("asked", "not"):
        for row, vector in zip(rows, _vectors(docs, kind), strict=True):
            near = dense.nearness(vector)
            assert float(near.vote_weights.sum()) == pytest.approx(1.0, abs=1e-4)
            mine = near.voters_against if kind == "not" else ~near.voters_against
            per_unit = np.zeros(len(engine.index.units))
            np.add.at(per_unit, engine.index.doc_unit[near.voters[mine]], near.vote_weights[mine])
            assert per_unit.argmax() == engine.index.doc_unit[row], engine.index.docs[row].key


def _vectors(docs: list[Any], kind: str) -> np.ndarray:
    texts = [d.asked_as[0] if kind == "asked" else d.not_answered[0] for d in docs]
    return np.asarray(shared_embedder().queries(texts))


def test_the_ranker_sees_each_candidates_own_unanswered_margin(knowledge: Knowledge) -> None:
    """A query worded as a question an answer does not answer gets a positive margin on that
    answer's candidate row; worded as one it does answer, a negative one."""
    from agendabot.core.search.fused import evidence
    from agendabot.core.search.fusion import CANDIDATE_FEATURES

    engine = knowledge.search
    column = CANDIDATE_FEATURES.index(
        "its nearest unanswered phrasing above its nearest answered one (x10)"
    )
    doc = next(i for i, d in enumerate(engine.index.docs) if d.kind == "vraag" and d.not_answered)
    unit = int(engine.index.doc_unit[doc])
    for text, sign in (
        (engine.index.docs[doc].not_answered[0], 1),
        (engine.index.docs[doc].asked_as[0], -1),
    ):
        vector = shared_embedder().query(text)
        found = evidence(engine, engine.plan(text), vector, ("vraag",)).found
        rows = np.flatnonzero(found.units == unit)
        assert len(rows) == 1, text
        assert sign * float(found.features[rows[0], column]) > 0, text
