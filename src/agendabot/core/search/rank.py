"""Scoring a query plan, collapsing shared answers, snippets and declining."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

import numpy as np
import numpy.typing as npt

from agendabot.core.search.answer_type import QUANTITY
from agendabot.core.search.calibration import CALIBRATION
from agendabot.core.search.dense import DenseIndex, Vector
from agendabot.core.search.fused import fused_search
from agendabot.core.search.fusion import Calibration
from agendabot.core.search.glossary import Glossary
from agendabot.core.search.index import (
    K1,
    KINDS,
    Kind,
    SearchDoc,
    SearchIndex,
    build_index,
)
from agendabot.core.search.params import DEFAULT_PARAMS, DEFAULT_THRESHOLD, RankParams
from agendabot.core.search.query import (
    Clause,
    GlossaryMatcher,
    QueryPlan,
    compile_glossary,
    plan_query,
)
from agendabot.core.search.results import ScoredUnit, SearchHit, SearchResponse
from agendabot.core.search.scoring import (
    _add_clause,
    _commitments_first,
    _question_matches,
    _term_weights,
)
from agendabot.core.search.snippets import DocSentences, _snippet

CANDIDATE_DOCS = 200


class SearchEngine:
    """An index plus glossary; `search` is pure and fast (no I/O)."""

    def __init__(
        self,
        index: SearchIndex,
        glossary: Glossary | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        params: RankParams = DEFAULT_PARAMS,
        dense: DenseIndex | None = None,
        calibration: Calibration = CALIBRATION,
    ) -> None:
        self.index = index
        self.dense = dense
        self.calibration = calibration
        self.matcher: GlossaryMatcher = compile_glossary(glossary, index)
        self.threshold = threshold
        self.params = params
        if params.answer_type > 0:
            index.answer_types()  # classify the texts now, not on the first query
        self.sentences = DocSentences(index)
        self._word_cache: dict[tuple[str, float], tuple[tuple[Clause, ...], bool]] = {}

    @classmethod
    def build(
        cls,
        docs: Iterable[SearchDoc],
        glossary: Glossary | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        params: RankParams = DEFAULT_PARAMS,
    ) -> SearchEngine:
        return cls(build_index(docs), glossary, threshold, params)

    def variant(
        self,
        *,
        params: RankParams | None = None,
        threshold: float | None = None,
        calibration: Calibration | None = None,
    ) -> SearchEngine:
        """The same index and glossary with other ranking parameters (for evaluation)."""
        other = SearchEngine.__new__(SearchEngine)
        other.index = self.index
        other.dense = self.dense
        other.calibration = self.calibration if calibration is None else calibration
        other.matcher = self.matcher
        other.threshold = self.threshold if threshold is None else threshold
        other.params = self.params if params is None else params
        if other.params.answer_type > 0:
            other.index.answer_types()
        other.sentences = self.sentences
        other._word_cache = self._word_cache  # keyed by the derivation weight too
        return other

    def plan(self, query: str) -> QueryPlan:
        return plan_query(
            query,
            self.index,
            self.matcher,
            self.params.derivation,
            fillers=self.params.fillers,
            word_cache=self._word_cache,
        )

    def search(
        self,
        query: str,
        *,
        limit: int = 5,
        kinds: Collection[Kind] | None = None,
        threshold: float | None = None,
        vector: Vector | None = None,
    ) -> SearchResponse:
        """Rank and decide. With the query's `vector` (and stored passage vectors) the
        lexical and semantic rankings are fused and the calibrated decision applies;
        without, the lexical ranking and its threshold."""
        plan = self.plan(query)
        if plan.is_lookup:
            return self._lookup(query, plan, kinds)
        if vector is not None and self.dense is not None:
            return fused_search(self, query, plan, vector, kinds, limit)
        threshold = self.threshold if threshold is None else threshold
        ideal = self._ideal(plan)
        ranked, first_best, _first = self._rank(plan, kinds, limit)
        if not ranked:
            return SearchResponse(query=query, declined=True, results=(), timing=plan.timing)
        if first_best == ranked[0].score:
            confidences = [min(1.0, s.score / ideal) if ideal > 0 else 0.0 for s in ranked]
        else:  # re-ranked: the first pass decides how sure we are
            best = min(1.0, first_best / ideal) if ideal > 0 else 0.0
            confidences = [best * s.score / ranked[0].score for s in ranked]
        if plan.timing:
            kinds_of = [self.index.units[r.unit].kind for r in ranked]
            order = _commitments_first(kinds_of, confidences)
            ranked = [ranked[i] for i in order]
            confidences = [confidences[i] for i in order]
        declined = max(confidences) < threshold
        weights = _term_weights(plan, self.index)
        hits = tuple(
            self._hit(s, conf, weights)
            for s, conf in zip(ranked[:limit], confidences, strict=False)
        )
        return SearchResponse(query=query, declined=declined, results=hits, timing=plan.timing)

    # -- scoring -----------------------------------------------------------------------

    def doc_scores(self, plan: QueryPlan) -> npt.NDArray[np.float32]:
        index = self.index
        params = self.params
        n = len(index.docs)
        scores = np.zeros(n, dtype=np.float32)
        shaped = params.coverage > 0 or params.question_coverage > 0
        covered = np.zeros(n, dtype=np.float32) if shaped else None
        in_question = np.zeros(n, dtype=np.float32) if params.question_coverage > 0 else None
        total = 0.0
        for clause in plan.clauses:
            matched = _add_clause(index, clause, scores, need_mask=shaped)
            if not shaped:
                continue
            importance = self._importance(clause)
            total += importance
            assert covered is not None and matched is not None
            covered[matched] += np.float32(importance)
            if in_question is not None:
                in_question[_question_matches(index, clause)] += np.float32(importance)
        if shaped and total > 0:
            assert covered is not None
            total += self._unmatched_importance(plan)
            if params.coverage > 0:
                scores *= np.power(covered / np.float32(total), np.float32(params.coverage))
            if in_question is not None:
                q = np.float32(params.question_coverage)
                scores *= (1 - q) + q * (in_question / np.float32(total))
        if params.phrase > 0 and plan.bigrams:
            found = np.zeros(n, dtype=np.float32)
            for first, second in plan.bigrams:
                found[index.bigram_docs_of(first, second)] += 1.0
            p = np.float32(params.phrase)
            scores *= (1 - p) + p * (found / np.float32(len(plan.bigrams)))
        return scores

    def _rerank_by_sentence(
        self,
        plan: QueryPlan,
        scores: npt.NDArray[np.float32],
        weight: float,
        sentences: Callable[[int], list[frozenset[str]]],
    ) -> None:
        """Scale the best `passage_depth` documents by (1 - weight) + weight × the share of
        the query's information that one of `sentences(doc)` (term sets) holds."""
        depth = min(len(scores), self.params.passage_depth)
        if depth == 0 or not plan.clauses:
            return
        top = np.argpartition(-scores, depth - 1)[:depth] if depth < len(scores) else None
        candidates = np.arange(len(scores)) if top is None else top
        weights, total = self._information(plan)
        if total <= 0:
            return
        for d in candidates.tolist():
            if scores[d] <= 0:
                continue
            best = _best_share(weights, sentences(d))
            scores[d] *= np.float32((1 - weight) + weight * best / total)

    def sentence_share(
        self, plan: QueryPlan, doc_ids: Iterable[int], *, figures: bool = False
    ) -> float:
        """The largest share of the query's information that one sentence of these
        documents holds (with `figures`, only sentences that state a figure)."""
        weights, total = self._information(plan)
        if total <= 0:
            return 0.0
        sentences = self.sentences.figures if figures else self.sentences.passages
        return max((_best_share(weights, sentences(d)) for d in doc_ids), default=0.0) / total

    def missing_share(self, plan: QueryPlan, doc_ids: Iterable[int]) -> float:
        """The share of the query's information of which no word occurs in these
        documents' questions or answers (an answer on the topic that lacks what the
        question turns on leaves part of it uncovered). Unknown words only enlarge the
        whole: they are not counted as missing."""
        weights, total = self._information(plan)
        held = {t for d in doc_ids for terms in self.sentences.passages(d) for t in terms}
        return sum(w for w, c in weights if not c.terms & held) / total if total > 0 else 0.0

    def _information(self, plan: QueryPlan) -> tuple[list[tuple[float, Clause]], float]:
        """Each idea of the query with its idf mass, and the total, unknown words included."""
        weights = [(self._importance(c), c) for c in plan.clauses]
        return weights, sum(w for w, _c in weights) + self._unmatched_importance(plan)

    def _importance(self, clause: Clause) -> float:
        index = self.index
        best = max(
            alt.weight * sum(index.term_idf(t) for t in alt.terms) for alt in clause.alternatives
        )
        return clause.weight * best

    def _unmatched_importance(self, plan: QueryPlan) -> float:
        if not plan.unmatched or not len(self.index.idf):
            return 0.0
        return len(plan.unmatched) * float(self.index.idf.max())

    def _rank(
        self,
        plan: QueryPlan,
        kinds: Collection[Kind] | None,
        limit: int,
    ) -> tuple[list[ScoredUnit], float, npt.NDArray[np.float32]]:
        """Ranked units, the first pass's best document score, and its document scores.

        Re-ranking (the answer-type bonus) comes after the first pass: it may reorder,
        but declining rests on that best score.
        """
        index = self.index
        params = self.params
        scores = self.doc_scores(plan)
        if kinds is not None and set(kinds) != set(KINDS):
            allowed = np.isin(index.doc_kind, [KINDS.index(k) for k in kinds])
            scores[~allowed] = 0.0
        n = len(scores)
        if n == 0:
            return [], 0.0, scores
        if params.passage > 0:
            self._rerank_by_sentence(plan, scores, params.passage, self.sentences.passages)
        first = scores.copy()
        first_best = float(scores.max())
        if params.answer_type > 0 and plan.answer_type:
            offers = (index.answer_types() & np.uint8(plan.answer_type)) > 0
            scores[offers] *= np.float32(1.0 + params.answer_type)
        if params.figure_sentence > 0 and plan.answer_type == QUANTITY:
            self._rerank_by_sentence(plan, scores, params.figure_sentence, self.sentences.figures)
        top = np.flatnonzero(scores > 0.0)  # only matching documents are ranked
        k = min(len(top), max(CANDIDATE_DOCS, limit * 20))
        if k < len(top):
            top = top[np.argpartition(-scores[top], k - 1)[:k]]
        top = top[np.argsort(-scores[top], kind="stable")]
        result: list[ScoredUnit] = []
        seen: set[int] = set()
        wanted = max(limit, 10)
        doc_unit = index.doc_unit
        for d, s in zip(top.tolist(), scores[top].tolist(), strict=True):
            u = int(doc_unit[d])
            if u in seen:
                continue
            seen.add(u)
            result.append(ScoredUnit(unit=u, doc=d, score=s))
            if len(result) >= wanted:
                break
        return result, first_best, first

    def _ideal(self, plan: QueryPlan) -> float:
        """The score of a document that matches every clause at full strength.

        Words the index does not know at all count as missed information at the highest
        idf, so a question full of unknown terms scores low.
        """
        return self._information(plan)[1] * (K1 + 1.0)

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
            hits.append(self._hit(ScoredUnit(unit=u, doc=d, score=1.0), 1.0, _NO_TERMS))
        return SearchResponse(
            query=query,
            declined=not hits,
            results=tuple(hits),
            lookup=True,
            missing=tuple(missing),
        )

    # -- presentation ------------------------------------------------------------------------

    def _hit(
        self, scored: ScoredUnit, confidence: float, weights: tuple[set[str], dict[str, float]]
    ) -> SearchHit:
        """`weights`: the plan's terms with their idf (`_term_weights`), for the snippet."""
        index = self.index
        unit = index.units[scored.unit]
        doc = index.docs[scored.doc]
        return SearchHit(
            kind=doc.kind,
            key=doc.key,
            keys=unit.keys,
            questions=unit.questions,
            score=round(confidence, 3),
            title=doc.title,
            snippet=_snippet(self.sentences.sentences(scored.doc), weights),
        )


def _best_share(weights: list[tuple[float, Clause]], sentences: list[frozenset[str]]) -> float:
    best = 0.0
    for found in sentences:
        share = 0.0
        for importance, clause in weights:
            if any(found.issuperset(alt.terms) for alt in clause.alternatives):
                share += importance
        best = max(best, share)
    return best


_NO_TERMS: tuple[set[str], dict[str, float]] = (set(), {})
