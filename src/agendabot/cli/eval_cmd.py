"""`agendabot eval FILE [--json] [--curve]`: how well the search finds the right answers.

FILE is JSONL with one {"id", "query", "gold": [question numbers]} per line; empty gold
means the list has no answer and the search should decline. The two baselines (rapidfuzz
token_set_ratio over question texts; plain BM25 with the Snowball Dutch stemmer over
question + answer) are computed in the same run. Plain output ends with one summary line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from agendabot.cli.common import UserError, print_json
from agendabot.cli.search_cmd import load_engine
from agendabot.content.knowledge import query_embedder
from agendabot.core.search import Kind, SearchEngine
from agendabot.core.search.dense import QueryEmbedder
from agendabot.core.search.evaluation import (
    EvalQuery,
    Metrics,
    Outcome,
    QuerySetError,
    baseline_outcomes,
    bm25_baseline,
    compute_metrics,
    cross_validate,
    fuzzy_baseline,
    parse_query_set,
    threshold_curve,
)
from agendabot.core.search.params import RankParams
from agendabot.core.search.reliability import confident_wrong, reliability, strict_top1_of

RESULTS_PER_QUERY = 10
ANSWERS: tuple[Kind, ...] = ("vraag",)
CURVE = tuple(round(0.05 + 0.025 * i, 3) for i in range(15))
CV_THRESHOLDS = tuple(round(0.05 + 0.0125 * i, 4) for i in range(45))
# The ranking variants cross-validation chooses among: the engine's own settings first
# (kept on ties), the same without the figure-sentence factor, then each optional factor
# of RankParams on its own.
CV_VARIANTS: tuple[RankParams, ...] = (
    RankParams(fillers=True),
    RankParams(question_coverage=0.5),
    RankParams(passage=0.2),
    RankParams(phrase=0.1),
    RankParams(derivation=0.5),
    RankParams(coverage=0.5),
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="meet de zoekfunctie op een vragenset (JSONL)",
        description="Meet top-1, top-3, MRR en het terecht afwijzen van vragen zonder antwoord, "
        "met twee eenvoudige zoekmethoden ter vergelijking.",
    )
    parser.add_argument("file", metavar="BESTAND", help='JSONL met {"id", "query", "gold"}')
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON, ook per vraag")
    parser.add_argument(
        "--curve", action="store_true", help="toon wat elke afwijsdrempel zou opleveren"
    )
    parser.add_argument(
        "--cv",
        metavar="K",
        help="kruisvalidatie: kies instellingen en drempel op K-1 delen, meet op het "
        "overige deel (0 = leave-one-out)",
    )
    parser.set_defaults(func=run)


def read_queries(path: Path) -> list[EvalQuery]:
    try:
        with path.open(encoding="utf-8") as handle:
            return parse_query_set(handle)
    except FileNotFoundError as exc:
        raise UserError(f"Het bestand {path} bestaat niet.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"Het bestand {path} is niet te lezen.") from exc
    except QuerySetError as exc:
        raise UserError(f"{path}: {exc}.") from exc


def search_outcomes(
    engine: SearchEngine,
    queries: list[EvalQuery],
    embed: QueryEmbedder | None = None,
) -> list[Outcome]:
    """Rank the answers of the Q&A lists only: gold is given in question numbers. With
    `embed`, the fused search (as the bot runs it); without, the lexical search alone."""
    outcomes = []
    for query in queries:
        vector = embed(query.query) if embed is not None else None
        response = engine.search(query.query, limit=RESULTS_PER_QUERY, kinds=ANSWERS, vector=vector)
        outcomes.append(
            Outcome(
                id=query.id,
                # Questions of the default list by number, of other documents by address.
                results=tuple(hit.questions or (hit.key,) for hit in response.results),
                declined=response.declined,
                confidence=response.results[0].score if response.results else 0.0,
                band="decline" if response.declined else response.band,
            )
        )
    return outcomes


def run(args: argparse.Namespace) -> int:
    queries = read_queries(Path(args.file))
    content, engine = load_engine()
    embed = query_embedder(engine)
    outcomes = search_outcomes(engine, queries, embed)
    qa = content.qa
    questions = {q.number: q.question for q in qa}
    texts = {q.number: f"{q.question}\n{qa.resolve(q.number).text}" for q in qa}
    ours = compute_metrics(queries, outcomes)
    folds = _parse_folds(args.cv) if getattr(args, "cv", None) is not None else None
    cv_line = None
    if folds is not None:
        cv_line = _cross_validated(engine, queries, outcomes, folds)
    fuzzy = compute_metrics(queries, baseline_outcomes(queries, fuzzy_baseline(questions)))
    bm25 = compute_metrics(queries, baseline_outcomes(queries, bm25_baseline(texts)))
    if args.json:
        print_json(
            {
                "summary": _metrics_record(ours, queries, outcomes),
                "search": "fused" if embed is not None else "lexical",
                "reliability": [
                    {
                        "low": row.low,
                        "high": row.high,
                        "queries": row.queries,
                        "right": row.right,
                        "mean_confidence": round(row.mean_confidence, 4),
                    }
                    for row in reliability(queries, outcomes)
                ],
                "cross_validation": cv_line,
                "threshold": engine.threshold,
                "baselines": {
                    "fuzzy": _metrics_record(fuzzy, queries, None),
                    "bm25": _metrics_record(bm25, queries, None),
                },
                "curve": [
                    {
                        "threshold": p.threshold,
                        "noanswer": p.noanswer,
                        "false_declines": p.false_declines,
                        "strict_top1": p.strict_top1,
                    }
                    for p in threshold_curve(queries, outcomes, CURVE)
                ]
                if args.curve
                else None,
                "queries": [
                    {
                        "id": o.id,
                        "ranked": o.ranked,
                        "declined": o.declined,
                        "band": o.band,
                        "results": [list(r) for r in o.results],
                        "confidence": round(o.confidence, 3),
                    }
                    for o in outcomes
                ],
            }
        )
        return 0
    out = sys.stdout
    english, n_english = strict_top1_of(queries, outcomes, "en")
    noanswer = "-" if ours.noanswer is None else f"{ours.noanswer:.3f}"
    out.write(
        f"streng top-1: {ours.strict_top1:.3f} (beantwoord en goed, van {ours.answerable} "
        f"met antwoord) · zeker maar fout: {confident_wrong(queries, outcomes):.3f} · "
        f"terecht afgewezen: {noanswer} · top-3: {ours.top3:.3f} · Engels streng top-1: "
        f"{english:.3f} ({n_english}) · zoekfunctie: "
        f"{'gecombineerd (woorden + betekenis)' if embed is not None else 'alleen woorden'}\n\n"
    )
    out.write(
        f"{len(queries)} zoekvragen: {ours.answerable} met antwoord, "
        f"{ours.unanswerable} zonder. Gerangschikt worden de antwoorden uit de vragenlijst(en).\n"
        "Rang = plek van het eerste resultaat dat een goed vraagnummer noemt. Bij een "
        "afwijzing tellen de getoonde kandidaten mee;\n"
        "'streng' telt een afgewezen vraag met antwoord als fout.\n\n"
    )
    out.write(f"{'':18}{'top-1':>7}{'top-3':>7}{'MRR':>7}{'geen antw.':>12}{'afgewezen':>11}\n")
    out.write(_row("zoekfunctie", ours.top1, ours.top3, ours.mrr, ours.noanswer, ours))
    out.write(_row("  streng", ours.strict_top1, ours.strict_top3, ours.strict_mrr, None, None))
    out.write(_row("fuzzy (basis)", fuzzy.top1, fuzzy.top3, fuzzy.mrr, None, None))
    out.write(_row("bm25 (basis)", bm25.top1, bm25.top3, bm25.mrr, None, None))
    if args.curve:
        out.write(
            f"\nAfwijsdrempel (nu {engine.threshold:.3f}) op de score van het beste resultaat:\n"
        )
        out.write(
            f"{'drempel':>9}{'geen antw.':>12}{'onterecht afgewezen':>21}{'streng top-1':>14}\n"
        )
        for point in threshold_curve(queries, outcomes, CURVE):
            noanswer = "-" if point.noanswer is None else f"{point.noanswer:.2f}"
            out.write(
                f"{point.threshold:>9.3f}{noanswer:>12}{point.false_declines:>21}"
                f"{point.strict_top1:>14.3f}\n"
            )
    out.write("\nBetrouwbaarheid: per zekerheid, hoe vaak het eerste antwoord goed is:\n")
    out.write(f"{'zekerheid':>11}{'vragen':>8}{'goed':>7}{'gem. zekerheid':>16}\n")
    for row in reliability(queries, outcomes):
        share = "-" if row.share_right is None else f"{row.share_right:.2f}"
        out.write(
            f"{row.low:>5.1f}–{row.high:<4.1f}{row.queries:>9}{share:>7}"
            f"{row.mean_confidence:>16.2f}\n"
        )
    if cv_line is not None:
        out.write("\n" + cv_line + "\n")
    out.write("\n" + summary_line(ours, fuzzy, bm25) + "\n")
    return 0


def _parse_folds(value: str) -> int:
    text = value.strip()
    if text.isdigit() and (int(text) == 0 or int(text) >= 2):
        return int(text)
    raise UserError(f"--cv '{value}' kan niet; geef 0 (leave-one-out) of een aantal delen (≥ 2).")


def _cross_validated(
    engine: SearchEngine, queries: list[EvalQuery], outcomes: list[Outcome], folds: int
) -> str:
    """Held-out figures when ranking variant and threshold are chosen without the query."""
    candidates = [outcomes] + [
        search_outcomes(engine.variant(params=p), queries)
        for p in CV_VARIANTS
        if p != engine.params
    ]
    cv = cross_validate(queries, candidates, CV_THRESHOLDS, None if folds == 0 else folds)
    m = compute_metrics(queries, cv.outcomes)
    noanswer = "-" if m.noanswer is None else f"{m.noanswer:.3f}"
    label = "leave-one-out" if folds == 0 else f"{cv.folds}-fold"
    own = sum(c.setting == 0 for c in cv.choices)
    return (
        f"kruisvalidatie ({label}; eigen instellingen gekozen in {own}/{cv.folds} delen): "
        f"top1={m.top1:.3f} top3={m.top3:.3f} mrr={m.mrr:.3f} noanswer={noanswer} "
        f"afgewezen={m.false_declines}/{m.answerable}"
    )


def summary_line(ours: Metrics, fuzzy: Metrics, bm25: Metrics) -> str:
    # three decimals: on 60 queries one query is 0.017, so two decimals would hide it
    noanswer = "-" if ours.noanswer is None else f"{ours.noanswer:.3f}"
    return (
        f"strict_top1={ours.strict_top1:.3f} top1={ours.top1:.3f} top3={ours.top3:.3f} "
        f"mrr={ours.mrr:.3f} noanswer={noanswer} "
        f"(n={ours.answerable}/{ours.unanswerable}) | "
        f"baselines: fuzzy top1={fuzzy.top1:.3f}, bm25 top1={bm25.top1:.3f}"
    )


def _row(
    label: str,
    top1: float,
    top3: float,
    mrr: float,
    noanswer: float | None,
    metrics: Metrics | None,
) -> str:
    na = "" if noanswer is None else f"{noanswer:.2f}"
    declined = "" if metrics is None else f"{metrics.false_declines}/{metrics.answerable}"
    return f"{label:18}{top1:>7.3f}{top3:>7.3f}{mrr:>7.3f}{na:>12}{declined:>11}\n"


def _metrics_record(
    m: Metrics, queries: list[EvalQuery], outcomes: list[Outcome] | None
) -> dict[str, object]:
    extra: dict[str, object] = {}
    if outcomes is not None:
        extra = {
            "confident_wrong": round(confident_wrong(queries, outcomes), 4),
            "english_strict_top1": round(strict_top1_of(queries, outcomes, "en")[0], 4),
        }
    return {
        "strict_top1": round(m.strict_top1, 4),
        **extra,
        "answerable": m.answerable,
        "unanswerable": m.unanswerable,
        "top1": round(m.top1, 4),
        "top3": round(m.top3, 4),
        "mrr": round(m.mrr, 4),
        "noanswer": None if m.noanswer is None else round(m.noanswer, 4),
        "strict_top3": round(m.strict_top3, 4),
        "strict_mrr": round(m.strict_mrr, 4),
        "false_declines": m.false_declines,
    }
