"""Fit the fused search's two models, and show by cross-validation what they are worth.

    .venv/bin/python eval/calibrate.py [--write] [SETS…]

SETS default to the shared development set and our own sets A, B and D to I (C and J to Q are
held out). Steps:
1. For each query: its vector (the real model) and the fused search's evidence
   (`agendabot.core.search.fused.evidence`, the same code the bot runs).
2. The ranker: logistic regression over the candidates' features, label "answers the query".
3. The decision: logistic regression over the first candidate's evidence, label "the first
   result is right" (never, for a query without an answer). One of its features is a probe
   of the query's shape, fitted first and on the phrasings alone (no evaluation query):
   logistic regression over their vectors, `asked_as` against `not_answered`. Its C is
   chosen by inner 5-fold log-loss on the training queries (`choose_decision_c`).
4. Thresholds on the decision's probability, from the training queries only:
   `middle_at` (below it: decline) maximises, averaged over the training sets, the mean
   of strict top-1 and the share of unanswerable queries declined; `answer_at` is
   the lowest probability from which on 97 % of the first results are right (at 95 % the
   held-out confident wrong answers came to 3.7 %, above the 3 % target).
5. Cross-validation, two ways: leave one set out (fit on two sets, measure on the third),
   and 5 folds over the pooled queries. Every figure is measured on held-out queries
   through `SearchEngine.search`.
6. Held out: the blind sets C and J to Q (`HELD_OUT`, never fitted on), and the written
   Kamervragen on other topics (`OFF_TOPIC`), measured with the
   models fitted on all of SETS, as `--write` ships them.
`--test FILE…` fits on SETS and measures on the files named instead (sets written after the
others: `calibrate.py <older sets> --test <newer sets>`).
`--write` fits on all queries and writes `src/agendabot/core/search/calibration.py`;
`--probe-cv` prints how well the probe separates the phrasings of documents it was not
fitted on, per regularisation (how PROBE_C was chosen).

Needs the dev extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tables import reliability_table, report, table_head  # noqa: E402

from agendabot.cli.eval_cmd import ANSWERS, read_queries  # noqa: E402
from agendabot.content.embedder import shared_embedder  # noqa: E402
from agendabot.content.search_index import load_search  # noqa: E402
from agendabot.core.search import SearchEngine  # noqa: E402
from agendabot.core.search.evaluation import EvalQuery, Outcome  # noqa: E402
from agendabot.core.search.fused import decision_features, evidence  # noqa: E402
from agendabot.core.search.fusion import (  # noqa: E402
    CANDIDATE_FEATURES,
    QUERY_FEATURES,
    Calibration,
    rank,
)

SETS = (
    ROOT.parent / "shared" / "eval" / "queries-dev.jsonl",
    ROOT / "eval" / "queries-own-a.jsonl",
    ROOT / "eval" / "queries-own-b.jsonl",
    ROOT / "eval" / "queries-own-d.jsonl",
    ROOT / "eval" / "queries-own-e.jsonl",
    ROOT / "eval" / "queries-own-f.jsonl",
    ROOT / "eval" / "queries-own-g.jsonl",
    ROOT / "eval" / "queries-own-h.jsonl",
    ROOT / "eval" / "queries-own-i.jsonl",
)
# Written blind and never fitted on: every run ends with their figures, measured with the
# models fitted on all of SETS (what `--write` ships).
HELD_OUT = tuple(ROOT / "eval" / f"queries-own-{letter}.jsonl" for letter in "cjklmnopq")
# Written Kamervragen on other topics (all unanswerable), also held out: `background.py`.
OFF_TOPIC = tuple(ROOT / "eval" / f"queries-offtopic{n}.jsonl" for n in ("", "-2", "-3", "-4"))
OUT = ROOT / "src" / "agendabot" / "core" / "search" / "calibration.py"
ANSWER_PRECISION = 0.97
# The probe's regularisation: the best of 0.03–30 by AUC over 5 folds of the phrasings grouped
# by search document (`--probe-cv`); C = 1 and 0.1 had been tried on the evaluation sets first
# (docs/search.md).
PROBE_C = 10.0
DECISION_C = (0.3, 1.0, 3.0, 10.0, 30.0)
INTENT_FEATURE = CANDIDATE_FEATURES.index("the intent classifier's log-probability of it")
assert QUERY_FEATURES[-1] == "the intent classifier's probability of it"


@dataclass
class Item:
    set: str
    query: EvalQuery
    vector: np.ndarray
    gold_units: set[int]


def gold_units(engine: SearchEngine, query: EvalQuery) -> set[int]:
    wanted = set(query.gold)
    found = set()
    for u, unit in enumerate(engine.index.units):
        keys = {engine.index.docs[d].key for d in unit.docs}
        if wanted & set(unit.questions) or wanted & keys:
            found.add(u)
    return found


FOLDS = 5


def folds(items: list[Item]) -> dict[str, int]:
    """Each query's fold: its place in its own set, modulo 5 (each set spread over them)."""
    fold_of: dict[str, int] = {}
    for name in dict.fromkeys(item.set for item in items):
        for j, item in enumerate(i for i in items if i.set == name):
            fold_of[item.query.id] = j % FOLDS
    return fold_of


def load_items(engine: SearchEngine, paths: list[Path]) -> list[Item]:
    """The queries of `paths` with their vectors (the real model) and their gold units."""
    model = shared_embedder()
    queries = [(path.stem, q) for path in paths for q in read_queries(path)]
    ids = [q.id for _name, q in queries]
    if len(set(ids)) != len(ids):
        raise SystemExit("Query ids repeat across the sets: folds are keyed by id.")
    vectors = [
        v
        for start in range(0, len(queries), 64)
        for v in model.queries([q.query for _name, q in queries[start : start + 64]])
    ]
    items = [Item(name, q, v, set()) for (name, q), v in zip(queries, vectors, strict=True)]
    for item in items:
        item.gold_units = gold_units(engine, item.query)
    return items


Probe = tuple[tuple[float, ...], float]


def phrasing_rows(engine: SearchEngine) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The phrasings' vectors, 1 for `not_answered`, and the search document of each."""
    dense = engine.dense
    assert dense is not None
    x = np.vstack([dense.asked, dense.unanswered])
    y = np.r_[np.zeros(len(dense.asked)), np.ones(len(dense.unanswered))]
    return x, y, np.r_[dense.asked_doc, dense.unanswered_doc]


def fit_probe(engine: SearchEngine, c: float = PROBE_C) -> Probe:
    """The query-shape probe: fitted on the phrasings only, never on an evaluation query."""
    x, y, _docs = phrasing_rows(engine)
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)
    return tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0])


def probe_cv(engine: SearchEngine) -> None:
    from sklearn.metrics import roc_auc_score

    x, y, docs = phrasing_rows(engine)
    print("| probe C | AUC, phrasings of held-out documents (5 folds) |\n|---|---|")
    for c in (0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0):
        aucs = []
        for fold in range(FOLDS):
            test = docs % FOLDS == fold
            model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
            model.fit(x[~test], y[~test])
            aucs.append(roc_auc_score(y[test], model.decision_function(x[test])))
        print(f"| {c:g} | {np.mean(aucs):.3f} |")


def fit(engine: SearchEngine, items: list[Item], probe: Probe) -> Calibration:
    xs, ys = [], []
    seen = []
    for item in items:
        plan = engine.plan(item.query.query)
        ev = evidence(engine, plan, item.vector, ANSWERS)
        seen.append((plan, ev))
        if item.gold_units and len(ev.found.units):
            xs.append(ev.found.features)
            ys.append(np.isin(ev.found.units, list(item.gold_units)))
    rows = np.concatenate(xs)
    ranker = LogisticRegression(C=0.1, max_iter=5000).fit(rows, np.concatenate(ys))
    draft = Calibration(
        ranker=tuple(float(w) for w in ranker.coef_[0]),
        ranker_bias=float(ranker.intercept_[0]),
        decision=(),
        decision_bias=0.0,
        answer_at=1.0,
        middle_at=1.0,
        shape=probe[0],
        shape_bias=probe[1],
    )
    qx, qy, answerable, sets, firsts = [], [], [], [], []
    for item, (plan, ev) in zip(items, seen, strict=True):
        if not len(ev.found.units):
            continue
        sets.append(item.set)
        order, scores = rank(ev.found, draft)
        qx.append(decision_features(engine, plan, ev, order, scores, draft))
        firsts.append(float(ev.found.features[order[0], INTENT_FEATURE]))
        qy.append(int(ev.found.units[order[0]]) in item.gold_units)
        answerable.append(bool(item.gold_units))
    contrasts = [
        ev.background - ev.store
        for item, (_plan, ev) in zip(items, seen, strict=True)
        if item.gold_units and ev.background > -1.0
    ]  # no answerable query it is fitted on counts as off topic
    off_margin = math.ceil(max(contrasts) * 100) / 100 if contrasts else math.inf
    x, right, has = np.array(qx), np.array(qy), np.array(answerable)
    decision = LogisticRegression(C=choose_decision_c(x, right), max_iter=5000).fit(x, right)
    p = decision.predict_proba(x)[:, 1]
    middle_at = balanced_threshold(p, right, has, np.array(sets))
    answer_at = 1.0
    for t in np.sort(p)[::-1]:
        if t < middle_at:
            break
        if right[p >= t].mean() >= ANSWER_PRECISION:
            answer_at = float(t)
    return replace(
        draft,
        decision=tuple(float(w) for w in decision.coef_[0]),
        decision_bias=float(decision.intercept_[0]),
        answer_at=round(max(answer_at, middle_at), 4),
        middle_at=round(middle_at, 4),
        intent_neutral=(round(float(np.mean(firsts)), 4), round(float(x[:, -1].mean()), 4)),
        off_topic_margin=off_margin,
    )


def choose_decision_c(x: np.ndarray, y: np.ndarray) -> float:
    """The decision's regularisation: the C of `DECISION_C` with the lowest log-loss over 5
    inner folds of the training queries (a rule, so that each outer fold chooses its own).
    It was a fixed C = 1 until 2026-12-07, chosen with fewer sets and features."""
    from sklearn.metrics import log_loss

    inner = np.arange(len(y)) % FOLDS
    losses = []
    for c in DECISION_C:
        loss = 0.0
        for k in range(FOLDS):
            test = inner == k
            model = LogisticRegression(C=c, max_iter=5000).fit(x[~test], y[~test])
            loss += log_loss(y[test], model.predict_proba(x[test])[:, 1], labels=[0, 1])
        losses.append(loss)
    return DECISION_C[int(np.argmin(losses))]


def balanced_threshold(
    p: np.ndarray, right: np.ndarray, has: np.ndarray, sets: np.ndarray
) -> float:
    """The decline threshold that maximises, averaged over the sets, the mean of strict
    top-1 (answered and right, of the answerable) and the share of unanswerable declined."""
    best, best_value = 0.5, -1.0
    for t in np.round(np.arange(0.30, 0.951, 0.01), 2):
        values = []
        for name in np.unique(sets):
            mine = sets == name
            strict = (right & (p >= t))[mine & has].mean() if (mine & has).any() else 0.0
            declined = (p < t)[mine & ~has].mean() if (mine & ~has).any() else 1.0
            values.append((strict + declined) / 2)
        value = float(np.mean(values))
        if value > best_value + 1e-9:
            best, best_value = float(t), value
    return best


def outcome(engine: SearchEngine, item: Item) -> Outcome:
    response = engine.search(item.query.query, limit=10, kinds=ANSWERS, vector=item.vector)
    return Outcome(
        id=item.query.id,
        results=tuple(hit.questions or (hit.key,) for hit in response.results),
        declined=response.declined,
        confidence=response.results[0].score if response.results else 0.0,
        band=response.band if not response.declined else "decline",
    )


def held_out(engine: SearchEngine, calibration: Calibration, tests: list[Item]) -> None:
    """One row per test set, and one for them all, measured with `calibration`."""
    variant = engine.variant(calibration=calibration)
    table_head()
    outs = {i.query.id: outcome(variant, i) for i in tests}
    names = list(dict.fromkeys(i.set for i in tests))
    for name in names:
        mine = [i for i in tests if i.set == name]
        report(name, [i.query for i in mine], [outs[i.query.id] for i in mine])
    if len(names) > 1:
        report("all", [i.query for i in tests], [outs[i.query.id] for i in tests])


def write(calibration: Calibration) -> None:
    def packed(values: tuple[float, ...]) -> str:
        rows = [values[i : i + 8] for i in range(0, len(values), 8)]
        body = "".join("        " + " ".join(f"{v:.5f}," for v in row) + "\n" for row in rows)
        return "(\n" + body + "    )"

    def floats(values: tuple[float, ...]) -> str:
        return "(\n" + "".join(f"        {v:.4f},\n" for v in values) + "    )"

    OUT.write_text(
        '"""Fitted weights of the fused search (generated by `eval/calibrate.py --write`; '
        'do not edit)."""\n\n'
        "from agendabot.core.search.fusion import Calibration\n\n"
        "# fmt: off\n"
        "CALIBRATION = Calibration(\n"
        f"    ranker={floats(calibration.ranker)},\n"
        f"    ranker_bias={calibration.ranker_bias:.4f},\n"
        f"    decision={floats(calibration.decision)},\n"
        f"    decision_bias={calibration.decision_bias:.4f},\n"
        f"    answer_at={calibration.answer_at},\n"
        f"    middle_at={calibration.middle_at},\n"
        f"    shape={packed(calibration.shape)},\n"
        f"    shape_bias={calibration.shape_bias:.4f},\n"
        f"    intent_neutral={calibration.intent_neutral},\n"
        f"    off_topic_margin={calibration.off_topic_margin},\n"
        ")\n"
        "# fmt: on\n",
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=list(SETS))
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--probe-cv", action="store_true")
    parser.add_argument("--test", nargs="+", type=Path, default=[])
    args = parser.parse_args()
    _content, engine = load_search()
    if engine.dense is None:
        print("Geen zoekvectoren: draai eerst `agendabot content vectors`.", file=sys.stderr)
        return 1
    if args.probe_cv:
        probe_cv(engine)
        return 0
    probe = fit_probe(engine)
    items = load_items(engine, args.sets)
    if args.test:
        print("Fitted on the sets, measured on the test files:\n")
        held_out(engine, fit(engine, items, probe), load_items(engine, args.test))
        return 0
    names = list(dict.fromkeys(item.set for item in items))

    print("Leave one set out (fitted on the other sets):\n")
    table_head()
    for name in names:
        calibration = fit(engine, [i for i in items if i.set != name], probe)
        test = [i for i in items if i.set == name]
        variant = engine.variant(calibration=calibration)
        report(name, [i.query for i in test], [outcome(variant, i) for i in test])

    print("\n5 folds over all queries (each set spread over the folds):\n")
    table_head()
    folded: dict[str, Outcome] = {}
    fold_of = folds(items)
    for fold in range(FOLDS):
        calibration = fit(engine, [i for i in items if fold_of[i.query.id] != fold], probe)
        variant = engine.variant(calibration=calibration)
        for item in items:
            if fold_of[item.query.id] == fold:
                folded[item.query.id] = outcome(variant, item)
    for name in names:
        test = [i for i in items if i.set == name]
        report(name, [i.query for i in test], [folded[i.query.id] for i in test])
    every = [i.query for i in items]
    report("all", every, [folded[q.id] for q in every])
    print("\nReliability (5 folds, all queries held out):\n")
    reliability_table(every, [folded[q.id] for q in every])

    final = fit(engine, items, probe)
    print("\nHeld out (never fitted on; the models fitted on all the sets above):\n")
    fitted = {path.resolve() for path in args.sets}
    held_out(engine, final, load_items(engine, [p for p in HELD_OUT if p.resolve() not in fitted]))
    print(f"\nOff topic, held out (off_topic_margin {final.off_topic_margin}):\n")
    held_out(engine, final, load_items(engine, list(OFF_TOPIC)))
    if args.write:
        write(final)
        print(
            f"\nWritten: {OUT.relative_to(ROOT)} (answer_at {final.answer_at}, "
            f"middle_at {final.middle_at}, off_topic_margin {final.off_topic_margin})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
