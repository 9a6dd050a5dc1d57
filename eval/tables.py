"""The Markdown tables `calibrate.py` prints: one row of figures per query set, and the
reliability table. Needs `src` on the path (`calibrate.py` puts it there)."""

from __future__ import annotations

from agendabot.core.search.evaluation import EvalQuery, Outcome, compute_metrics
from agendabot.core.search.reliability import confident_wrong, reliability, strict_top1_of


def table_head() -> None:
    print(
        "| set | queries | strict top-1 | ranked top-1 | top-3 | confident wrong "
        "| no answer declined "
        "| English strict top-1 | middle band | answerable declined |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")


def report(title: str, queries: list[EvalQuery], outcomes: list[Outcome]) -> None:
    m = compute_metrics(queries, outcomes)
    en, n_en = strict_top1_of(queries, outcomes, "en")
    middle = sum(o.band == "middle" for o in outcomes)
    noanswer = "-" if m.noanswer is None else f"{m.noanswer:.3f}"
    print(
        f"| {title} | {len(queries)} | {m.strict_top1:.3f} | {m.top1:.3f} | {m.top3:.3f} | "
        f"{confident_wrong(queries, outcomes):.3f} | {noanswer} | {en:.3f} ({n_en}) | "
        f"{middle} | {m.false_declines} |"
    )


def reliability_table(queries: list[EvalQuery], outcomes: list[Outcome]) -> None:
    print("| confidence | queries | first right | mean confidence |")
    print("|---|---|---|---|")
    for row in reliability(queries, outcomes):
        share = "-" if row.share_right is None else f"{row.share_right:.2f}"
        print(
            f"| {row.low:.1f}–{row.high:.1f} | {row.queries} | {share} | "
            f"{row.mean_confidence:.2f} |"
        )
