"""Scoring helpers of the ranking: postings of a clause, question look-ups, term weights."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from agendabot.core.search.index import (
    Kind,
    SearchIndex,
)
from agendabot.core.search.query import (
    Clause,
    QueryPlan,
)


def _question_matches(index: SearchIndex, clause: Clause) -> npt.NDArray[np.int32]:
    """Documents whose question holds some wording of the clause (all terms of a phrase)."""
    found: list[npt.NDArray[np.int32]] = []
    for alt in clause.alternatives:
        docs = index.question_docs(alt.terms[0])
        if alt.complete:
            for term in alt.terms[1:]:
                docs = np.intersect1d(docs, index.question_docs(term), assume_unique=True)
        found.append(docs)
    if len(found) == 1:
        return found[0]
    return np.unique(np.concatenate(found))


def _add_clause(
    index: SearchIndex,
    clause: Clause,
    scores: npt.NDArray[np.float32],
    *,
    need_mask: bool = False,
) -> npt.NDArray[np.int32] | npt.NDArray[np.bool_] | None:
    """scores += weight × best alternative (dismax over wordings of one idea).

    With `need_mask`, returns which documents match the clause (ids or a mask).
    """
    alts = clause.alternatives
    if len(alts) == 1 and len(alts[0].terms) == 1:
        ids, vals = index.postings(alts[0].terms[0])
        if len(ids):
            scores[ids] += np.float32(clause.weight * alts[0].weight) * vals
        return ids if need_mask else None
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
    return best > 0 if need_mask else None


def _commitments_first(kinds: list[Kind], confidences: list[float]) -> list[int]:
    """For timing questions: relevant commitments before everything else."""
    top = max(confidences)
    first = [i for i, k in enumerate(kinds) if k == "toezegging" and confidences[i] >= 0.5 * top]
    chosen = set(first)
    return first + [i for i in range(len(kinds)) if i not in chosen]


def _plan_terms(plan: QueryPlan) -> set[str]:
    return {t for c in plan.clauses for t in c.terms}


def _term_weights(plan: QueryPlan, index: SearchIndex) -> tuple[set[str], dict[str, float]]:
    """The plan's terms and their idf, looked up once per query instead of per sentence."""
    terms = _plan_terms(plan)
    return terms, {t: index.term_idf(t) for t in terms}
