"""The search's speed-ups change nothing: the per-word clause cache, the glossary's
first-word check and the snippet's idf table give the plans and hits of the plain code."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest

from agendabot.content.knowledge import load_knowledge
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.search.query import GlossaryMatcher, plan_query
from agendabot.core.search.snippets import SNIPPET_CHARS, _snippet, snippet

QUERIES = [
    "wanneer is de nationale dialoog?",
    "what did we say about forced marriage?",
    "fgm en huwelijksdwang",
    "nieuwkommer taaleis bijstand",
    "gekort opgegroeid weigert",
    "brede intake gemeenten",
    "vraag 12",
    "paragraaf 2.1",
    "",
]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


def queries(knowledge: Knowledge) -> list[str]:
    rng = random.Random(5)
    vocabulary = " ".join([*QUERIES, *(d.title for d in knowledge.search.index.docs[:300])]).split()
    made = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 6))) for _ in range(400)]
    return [*QUERIES, *made]


def test_plans_with_and_without_the_caches_are_equal(knowledge: Knowledge) -> None:
    engine = knowledge.search
    index, params = engine.index, engine.params
    # A matcher without the first-word sets checks every phrase the slow way.
    unpruned = dataclasses.replace(
        engine.matcher,
        english_starts=frozenset(k[0] for k in engine.matcher.english) | {"*"},
        dutch_starts=frozenset(k[0] for k in engine.matcher.dutch),
    )
    assert isinstance(unpruned, GlossaryMatcher)
    for query in queries(knowledge):
        plain = plan_query(query, index, engine.matcher, params.derivation, fillers=params.fillers)
        assert engine.plan(query) == plain  # cold cache for new words
        assert engine.plan(query) == plain  # warm cache
        assert (
            plan_query(query, index, unpruned, params.derivation, fillers=params.fillers) == plain
        )


def best_sentence(sentences: list[tuple[str, frozenset[str]]], terms: set[str], index: Any) -> str:
    """The snippet rule written out plainly: the sentence with the most query idf, the
    first one when none matches, cut to SNIPPET_CHARS."""
    best, best_score = sentences[0][0], 0.0
    for sentence, found in sentences:
        score = sum(index.term_idf(t) for t in found & terms)
        if score > best_score:
            best, best_score = sentence, score
    if len(best) > SNIPPET_CHARS:
        best = best[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return best


def test_the_snippet_with_an_idf_table_picks_the_same_sentence(knowledge: Knowledge) -> None:
    engine = knowledge.search
    index = engine.index
    rng = random.Random(9)
    vocabulary = sorted(index.term_ids)
    for doc in range(0, len(index.docs), 3):
        sentences = engine.sentences.sentences(doc)
        own = sorted({t for _s, found in sentences for t in found})
        terms = set(rng.sample(own, min(3, len(own)))) | set(rng.sample(vocabulary, 2))
        table = (terms, {t: index.term_idf(t) for t in terms})
        if not sentences:
            assert _snippet(sentences, table) == ""
            continue
        expected = best_sentence(sentences, terms, index)
        assert _snippet(sentences, table) == expected
        assert snippet(sentences, terms, index) == expected
        assert _snippet(sentences, (set(), {})) == best_sentence(sentences, set(), index)


def test_the_stem_cache_stays_bounded_and_right(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new word (a typo, a name) is kept until the cache is full; then it starts
    over, and stems stay what the stemmer says."""
    from agendabot.core.search import analysis

    monkeypatch.setattr(analysis, "STEM_CACHE", 50)
    analyzer = analysis.Analyzer()
    fresh = analysis.Analyzer()
    made = [f"zq{n:x}gemeenten" for n in range(500)]
    for word in made:
        analyzer.stem(word)
        assert len(analyzer._stem_cache) <= 50
    assert [analyzer.stem(w) for w in made[::37]] == [fresh.stem(w) for w in made[::37]]


def test_the_lexical_ranking_is_by_score_then_document_order(knowledge: Knowledge) -> None:
    """Only matching documents are ranked, best first; equal scores keep document order
    (so a tie is broken the same way on every machine), one result per unit."""
    engine = knowledge.search
    index = engine.index
    for query in queries(knowledge)[:150]:
        plan = engine.plan(query)
        if plan.is_lookup:
            continue
        ranked, first_best, scores = engine._rank(plan, None, 5)
        assert all(s.score > 0 for s in ranked)
        assert len({s.unit for s in ranked}) == len(ranked) <= 10
        keys = [(-s.score, s.doc) for s in ranked]
        assert keys == sorted(keys), query
        if ranked and not plan.answer_type:  # else re-ranked after the first pass
            assert first_best == pytest.approx(float(scores.max()))
            best_of_unit = {}
            for d in range(len(index.docs)):
                if scores[d] > 0:
                    u = int(index.doc_unit[d])
                    best_of_unit[u] = max(best_of_unit.get(u, 0.0), float(scores[d]))
            assert sorted(best_of_unit.values(), reverse=True)[: len(ranked)] == pytest.approx(
                [s.score for s in ranked]
            )
