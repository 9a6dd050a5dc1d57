"""Scoring a query plan, collapsing shared answers, snippets and declining."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from agendabot.core.search.analysis import words
from agendabot.core.search.glossary import Glossary
from agendabot.core.search.index import K1, KINDS, Kind, SearchDoc, SearchIndex, build_index
from agendabot.core.search.query import (
    Clause,
    GlossaryMatcher,
    QueryPlan,
    compile_glossary,
    plan_query,
)

# Calibrated on the development set (see `agendabot eval --curve`).
DEFAULT_THRESHOLD = 0.28
CANDIDATE_DOCS = 200
SNIPPET_CHARS = 240
SENTENCE_CACHE = 4096


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

    def record(self) -> dict[str, object]:
        return {
            "query": self.query,
            "declined": self.declined,
            "results": [hit.record() for hit in self.results],
        }


@dataclass(frozen=True, slots=True)
class _Scored:
    unit: int
    doc: int
    score: float


class SearchEngine:
    """An index plus glossary; `search` is pure and fast (no I/O)."""

    def __init__(
        self,
        index: SearchIndex,
        glossary: Glossary | None = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.index = index
        self.matcher: GlossaryMatcher = compile_glossary(glossary, index)
        self.threshold = threshold
        self._sentence_cache: dict[int, list[tuple[str, frozenset[str]]]] = {}

    @classmethod
    def build(
        cls,
        docs: Iterable[SearchDoc],
        glossary: Glossary | None = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> SearchEngine:
        return cls(build_index(docs), glossary, threshold)

    def plan(self, query: str) -> QueryPlan:
        return plan_query(query, self.index, self.matcher)

    def search(
        self,
        query: str,
        *,
        limit: int = 5,
        kinds: Collection[Kind] | None = None,
        threshold: float | None = None,
    ) -> SearchResponse:
        plan = self.plan(query)
        if plan.is_lookup:
            return self._lookup(query, plan, kinds)
        threshold = self.threshold if threshold is None else threshold
        ranked = self._rank(plan, kinds, limit)
        if not ranked:
            return SearchResponse(query=query, declined=True, results=(), timing=plan.timing)
        ideal = self._ideal(plan)
        confidences = [min(1.0, s.score / ideal) if ideal > 0 else 0.0 for s in ranked]
        if plan.timing:
            kinds_of = [self.index.units[r.unit].kind for r in ranked]
            order = _commitments_first(kinds_of, confidences)
            ranked = [ranked[i] for i in order]
            confidences = [confidences[i] for i in order]
        declined = max(confidences) < threshold
        hits = tuple(
            self._hit(s, conf, plan) for s, conf in zip(ranked[:limit], confidences, strict=False)
        )
        return SearchResponse(query=query, declined=declined, results=hits, timing=plan.timing)

    # -- scoring -----------------------------------------------------------------------

    def doc_scores(self, plan: QueryPlan) -> npt.NDArray[np.float32]:
        index = self.index
        scores = np.zeros(len(index.docs), dtype=np.float32)
        for clause in plan.clauses:
            _add_clause(index, clause, scores)
        return scores

    def _rank(self, plan: QueryPlan, kinds: Collection[Kind] | None, limit: int) -> list[_Scored]:
        index = self.index
        scores = self.doc_scores(plan)
        if kinds is not None and set(kinds) != set(KINDS):
            allowed = np.isin(index.doc_kind, [KINDS.index(k) for k in kinds])
            scores[~allowed] = 0.0
        n = len(scores)
        if n == 0:
            return []
        k = min(n, max(CANDIDATE_DOCS, limit * 20))
        top = np.argpartition(-scores, k - 1)[:k] if k < n else np.arange(n)
        top = top[np.argsort(-scores[top], kind="stable")]
        result: list[_Scored] = []
        seen: set[int] = set()
        for d in top.tolist():
            s = float(scores[d])
            if s <= 0.0:
                break
            u = int(index.doc_unit[d])
            if u in seen:
                continue
            seen.add(u)
            result.append(_Scored(unit=u, doc=d, score=s))
            if len(result) >= max(limit, 10):
                break
        return result

    def _ideal(self, plan: QueryPlan) -> float:
        """The score of a document that matches every clause at full strength.

        Words the index does not know at all count as missed information at the highest
        idf, so a question full of unknown terms scores low.
        """
        index = self.index
        total = 0.0
        for clause in plan.clauses:
            best = max(
                alt.weight * sum(index.term_idf(t) for t in alt.terms)
                for alt in clause.alternatives
            )
            total += clause.weight * best * (K1 + 1.0)
        if plan.unmatched:
            top_idf = float(index.idf.max()) if len(index.idf) else 0.0
            total += len(plan.unmatched) * top_idf * (K1 + 1.0)
        return total

    # -- look-ups ------------------------------------------------------------------------

    def _lookup(
        self, query: str, plan: QueryPlan, kinds: Collection[Kind] | None
    ) -> SearchResponse:
        index = self.index
        hits: list[SearchHit] = []
        missing: list[str] = []
        seen_units: set[int] = set()
        wanted: list[tuple[str, list[int]]] = [
            (str(q), index.by_question.get(q, [])) for q in plan.question_numbers
        ]
        wanted += [(key, index.by_key.get(("sectie", key), [])) for key in plan.section_keys]
        for label, doc_ids in wanted:
            doc_ids = [d for d in doc_ids if kinds is None or index.docs[d].kind in kinds]
            if not doc_ids:
                missing.append(label)
                continue
            d = doc_ids[0]
            u = int(index.doc_unit[d])
            if u in seen_units:
                continue
            seen_units.add(u)
            hits.append(self._hit(_Scored(unit=u, doc=d, score=1.0), 1.0, None))
        return SearchResponse(
            query=query,
            declined=not hits,
            results=tuple(hits),
            lookup=True,
            missing=tuple(missing),
        )

    # -- presentation ------------------------------------------------------------------------

    def _sentences(self, doc_id: int) -> list[tuple[str, frozenset[str]]]:
        """Sentences of a document's snippet field, analysed once and kept (bounded)."""
        cached = self._sentence_cache.get(doc_id)
        if cached is None:
            doc = self.index.docs[doc_id]
            cached = sentence_terms(doc.fields.get(doc.snippet_field, ""), self.index)
            if len(self._sentence_cache) >= SENTENCE_CACHE:
                self._sentence_cache.clear()
            self._sentence_cache[doc_id] = cached
        return cached

    def _hit(self, scored: _Scored, confidence: float, plan: QueryPlan | None) -> SearchHit:
        index = self.index
        unit = index.units[scored.unit]
        doc = index.docs[scored.doc]
        keys = tuple(dict.fromkeys(index.docs[d].key for d in unit.docs))
        terms = _plan_terms(plan) if plan is not None else set()
        return SearchHit(
            kind=doc.kind,
            key=doc.key,
            keys=keys,
            questions=unit.questions,
            score=round(confidence, 3),
            title=doc.title,
            snippet=snippet(self._sentences(scored.doc), terms, index),
        )


def _add_clause(index: SearchIndex, clause: Clause, scores: npt.NDArray[np.float32]) -> None:
    """scores += weight × best alternative (dismax over wordings of one idea)."""
    alts = clause.alternatives
    if len(alts) == 1 and len(alts[0].terms) == 1:
        ids, vals = index.postings(alts[0].terms[0])
        if len(ids):
            scores[ids] += np.float32(clause.weight * alts[0].weight) * vals
        return
    best = np.zeros_like(scores)
    current = np.empty_like(scores)
    present = np.empty(len(scores), dtype=np.int16)
    for alt in alts:
        current.fill(0.0)
        must = alt.complete and len(alt.terms) > 1
        if must:
            present.fill(0)
        for term in alt.terms:
            ids, vals = index.postings(term)
            if len(ids):
                current[ids] += vals
                if must:
                    present[ids] += 1
        if must:
            current[present < len(alt.terms)] = 0.0
        if alt.weight != 1.0:
            current *= np.float32(alt.weight)
        np.maximum(best, current, out=best)
    best *= np.float32(clause.weight)
    scores += best


def _commitments_first(kinds: list[Kind], confidences: list[float]) -> list[int]:
    """For timing questions: relevant commitments before everything else."""
    top = max(confidences)
    first = [i for i, k in enumerate(kinds) if k == "toezegging" and confidences[i] >= 0.5 * top]
    chosen = set(first)
    return first + [i for i in range(len(kinds)) if i not in chosen]


def _plan_terms(plan: QueryPlan) -> set[str]:
    return {t for c in plan.clauses for t in c.terms}


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9«“\"(•–-])")


def sentence_terms(text: str, index: SearchIndex) -> list[tuple[str, frozenset[str]]]:
    """The sentences of `text`, each with its search terms."""
    stem = index.analyzer.stem
    sentences = _SENTENCE.split(" ".join(text.split()))
    return [(s, frozenset(stem(w) for w in words(s))) for s in sentences if s]


def snippet(
    sentences: list[tuple[str, frozenset[str]]], terms: set[str], index: SearchIndex
) -> str:
    """The sentence that matches the query best, cut to SNIPPET_CHARS."""
    if not sentences:
        return ""
    best, best_score = sentences[0][0], 0.0
    for sentence, found in sentences:
        score = sum(index.term_idf(t) for t in found & terms) if terms else 0.0
        if score > best_score:
            best, best_score = sentence, score
    if len(best) > SNIPPET_CHARS:
        cut = best[:SNIPPET_CHARS].rsplit(" ", 1)[0]
        best = cut + " …"
    return best
