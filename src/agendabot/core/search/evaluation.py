"""Search evaluation: reading a query set, metrics, the two baselines and a threshold curve.

Pure: the caller supplies the queries and a ranking function; nothing here reads files.

Rules
- A query's rank is the position of the first result whose question numbers intersect its
  gold numbers (a result may stand for several questions that share one answer).
- Queries with gold count for top-1, top-3 and MRR; by default a declined search still
  counts its ranked candidates ("lenient"). The strict figures count a declined search
  as a miss.
- Queries with empty gold count for no-answer accuracy: success means the search declined.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import Stemmer
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

# A gold answer: a question number of the default list (nr. 451), or "31749-8:1" for a
# question of another document.
Gold = int | str
_OTHER_DOCUMENT = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*:\d{1,4}$")


@dataclass(frozen=True, slots=True)
class EvalQuery:
    id: str
    query: str
    gold: tuple[Gold, ...]
    style: str = ""  # how it was written: nl, en, kw, typo, fact, timing, none


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a search returned for one query: question numbers per result, best first."""

    id: str
    results: tuple[tuple[Gold, ...], ...]
    declined: bool
    confidence: float = 0.0
    band: str = ""  # "answer", "middle" or "decline" ("" when the search has no bands)

    @property
    def ranked(self) -> list[Gold]:
        """All question numbers in result order, each once."""
        return list(dict.fromkeys(q for result in self.results for q in result))


@dataclass(frozen=True, slots=True)
class Metrics:
    answerable: int
    unanswerable: int
    top1: float
    top3: float
    mrr: float
    noanswer: float | None
    strict_top1: float  # declined counts as a miss
    strict_top3: float
    strict_mrr: float
    false_declines: int  # answerable queries that were declined


class QuerySetError(ValueError):
    """The query file is not valid JSONL of {"id", "query", "gold"}; message in Dutch."""


def parse_query_set(lines: Iterable[str]) -> list[EvalQuery]:
    queries: list[EvalQuery] = []
    seen: set[str] = set()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuerySetError(f"regel {lineno} is geen geldige JSON ({exc.msg})") from exc
        if not isinstance(raw, dict):
            raise QuerySetError(f"regel {lineno} is geen JSON-object")
        qid, text, gold = raw.get("id"), raw.get("query"), raw.get("gold")
        if not isinstance(qid, str) or not qid:
            raise QuerySetError(f"regel {lineno} mist een tekst bij `id`")
        if qid in seen:
            raise QuerySetError(f"regel {lineno}: id {qid!r} komt twee keer voor")
        if not isinstance(text, str) or not text.strip():
            raise QuerySetError(f"regel {lineno} ({qid}) mist een tekst bij `query`")
        if not isinstance(gold, list) or not all(_is_gold(n) for n in gold):
            raise QuerySetError(
                f"regel {lineno} ({qid}): `gold` moet een lijst vraagnummers zijn "
                '(of "DOCUMENT:N" voor een ander document, zoals "31749-8:1")'
            )
        seen.add(qid)
        style = raw.get("style")
        queries.append(
            EvalQuery(
                id=qid,
                query=text,
                gold=tuple(gold),
                style=style if isinstance(style, str) else "",
            )
        )
    if not queries:
        raise QuerySetError("het bestand bevat geen vragen")
    return queries


def _is_gold(value: object) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, str) and bool(_OTHER_DOCUMENT.match(value)))


def rank_of(results: Sequence[Sequence[Gold]], gold: Iterable[Gold]) -> int | None:
    """1-based position of the first result that answers the query, else None."""
    wanted = set(gold)
    for position, numbers in enumerate(results, start=1):
        if wanted.intersection(numbers):
            return position
    return None


def compute_metrics(queries: Sequence[EvalQuery], outcomes: Sequence[Outcome]) -> Metrics:
    by_id = {o.id: o for o in outcomes}
    hits1 = hits3 = 0
    rr = 0.0
    s_hits1 = s_hits3 = 0
    s_rr = 0.0
    answerable = unanswerable = declined_ok = false_declines = 0
    for query in queries:
        outcome = by_id[query.id]
        if not query.gold:
            unanswerable += 1
            declined_ok += outcome.declined
            continue
        answerable += 1
        false_declines += outcome.declined
        rank = rank_of(outcome.results, query.gold)
        if rank is None:
            continue
        hits1 += rank == 1
        hits3 += rank <= 3
        rr += 1.0 / rank
        if not outcome.declined:
            s_hits1 += rank == 1
            s_hits3 += rank <= 3
            s_rr += 1.0 / rank
    n = answerable or 1
    return Metrics(
        answerable=answerable,
        unanswerable=unanswerable,
        top1=hits1 / n,
        top3=hits3 / n,
        mrr=rr / n,
        noanswer=declined_ok / unanswerable if unanswerable else None,
        strict_top1=s_hits1 / n,
        strict_top3=s_hits3 / n,
        strict_mrr=s_rr / n,
        false_declines=false_declines,
    )


@dataclass(frozen=True, slots=True)
class CurvePoint:
    threshold: float
    noanswer: float | None
    false_declines: int
    strict_top1: float


def threshold_curve(
    queries: Sequence[EvalQuery], outcomes: Sequence[Outcome], thresholds: Iterable[float]
) -> list[CurvePoint]:
    """What declining below each threshold (on the best result's confidence) would give."""
    points: list[CurvePoint] = []
    for threshold in thresholds:
        rethresholded = [
            Outcome(o.id, o.results, o.confidence < threshold, o.confidence) for o in outcomes
        ]
        m = compute_metrics(queries, rethresholded)
        points.append(CurvePoint(threshold, m.noanswer, m.false_declines, m.strict_top1))
    return points


# ------------------------------------------------------------------------------- baselines

Ranker = Callable[[str], list[int]]


def fuzzy_baseline(questions: Mapping[int, str]) -> Ranker:
    """rapidfuzz token_set_ratio of the query against each question text."""

    def rank(query: str) -> list[int]:
        found = process.extract(
            query,
            questions,
            scorer=fuzz.token_set_ratio,
            processor=default_process,
            limit=None,
        )
        return [int(key) for _text, _score, key in found]

    return rank


_WORD = re.compile(r"\w+")


def bm25_baseline(texts: Mapping[int, str], k1: float = 1.5, b: float = 0.75) -> Ranker:
    """Plain BM25 over question + answer with the Snowball Dutch stemmer, no extras."""
    stemmer = Stemmer.Stemmer("dutch")

    def terms(text: str) -> list[str]:
        return list(stemmer.stemWords(_WORD.findall(text.lower())))

    keys = list(texts)
    tfs: list[dict[str, int]] = []
    df: dict[str, int] = {}
    for key in keys:
        tf: dict[str, int] = {}
        for term in terms(texts[key]):
            tf[term] = tf.get(term, 0) + 1
        tfs.append(tf)
        for term in tf:
            df[term] = df.get(term, 0) + 1
    lengths = [sum(tf.values()) for tf in tfs]
    avg = (sum(lengths) / len(lengths)) if lengths else 1.0
    n = len(keys)
    idf = {t: math.log1p((n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def rank(query: str) -> list[int]:
        q_terms = [t for t in terms(query) if t in idf]
        scored: list[tuple[float, int]] = []
        for i, tf in enumerate(tfs):
            norm = k1 * (1 - b + b * lengths[i] / avg)
            score = 0.0
            for t in q_terms:
                f = tf.get(t)
                if f:
                    score += idf[t] * f * (k1 + 1) / (f + norm)
            if score > 0:
                scored.append((score, keys[i]))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [key for _score, key in scored]

    return rank


def baseline_outcomes(queries: Sequence[EvalQuery], ranker: Ranker) -> list[Outcome]:
    """Baselines never decline; each question is its own result."""
    return [
        Outcome(q.id, tuple((n,) for n in ranker(q.query)[:20]), declined=False) for q in queries
    ]


# ------------------------------------------------------------------------- cross-validation


def ranking_objective(queries: Sequence[EvalQuery], outcomes: Sequence[Outcome]) -> float:
    """What parameter selection maximises: top-1 plus MRR over the answerable queries."""
    m = compute_metrics(queries, outcomes)
    return m.top1 + m.mrr


def decline_objective(queries: Sequence[EvalQuery], outcomes: Sequence[Outcome]) -> float:
    """Balanced accuracy of declining: unanswerable declined, answerable kept."""
    m = compute_metrics(queries, outcomes)
    kept = 1.0 - m.false_declines / m.answerable if m.answerable else 1.0
    if m.noanswer is None:
        return kept
    return (m.noanswer + kept) / 2.0


def rethreshold(outcomes: Sequence[Outcome], threshold: float) -> list[Outcome]:
    return [Outcome(o.id, o.results, o.confidence < threshold, o.confidence) for o in outcomes]


def choose_threshold(
    queries: Sequence[EvalQuery], outcomes: Sequence[Outcome], thresholds: Sequence[float]
) -> float:
    """The threshold with the best balanced decline accuracy (ties: the middle one)."""
    scored = [(decline_objective(queries, rethreshold(outcomes, t)), t) for t in thresholds]
    best = max(score for score, _t in scored)
    tied = [t for score, t in scored if score >= best - 1e-12]
    return tied[len(tied) // 2]


@dataclass(frozen=True, slots=True)
class Selection:
    setting: int  # index into the candidate settings
    threshold: float


@dataclass(frozen=True, slots=True)
class CrossValidation:
    outcomes: list[Outcome]  # each query judged by the choice made without it
    choices: list[Selection]  # one per fold
    folds: int


def select(
    queries: Sequence[EvalQuery],
    candidates: Sequence[Sequence[Outcome]],
    thresholds: Sequence[float],
) -> Selection:
    """The best candidate setting (earliest on ties) and its decline threshold."""
    best_i, best_score = 0, -1.0
    for i, outcomes in enumerate(candidates):
        score = ranking_objective(queries, outcomes)
        if score > best_score + 1e-12:
            best_i, best_score = i, score
    return Selection(best_i, choose_threshold(queries, candidates[best_i], thresholds))


def cross_validate(
    queries: Sequence[EvalQuery],
    candidates: Sequence[Sequence[Outcome]],
    thresholds: Sequence[float],
    folds: int | None = None,
) -> CrossValidation:
    """k-fold (None: leave-one-out) selection of setting and threshold.

    `candidates[i]` holds the outcomes of setting i for every query, in query order. For
    each fold the setting and threshold are chosen on the other folds only and applied to
    the held-out queries, so the pooled outcomes estimate how the selection generalises.
    Folds interleave (query j goes to fold j mod k), keeping the kinds of query spread.
    """
    n = len(queries)
    k = n if folds is None else max(2, min(folds, n))
    held: list[Outcome | None] = [None] * n
    choices: list[Selection] = []
    for fold in range(k):
        train = [j for j in range(n) if j % k != fold]
        test = [j for j in range(n) if j % k == fold]
        choice = select(
            [queries[j] for j in train],
            [[outcomes[j] for j in train] for outcomes in candidates],
            thresholds,
        )
        choices.append(choice)
        chosen = rethreshold([candidates[choice.setting][j] for j in test], choice.threshold)
        for j, outcome in zip(test, chosen, strict=True):
            held[j] = outcome
    return CrossValidation([o for o in held if o is not None], choices, k)
