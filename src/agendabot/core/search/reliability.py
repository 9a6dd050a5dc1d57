"""What the confidence is worth: the reliability table, confident wrong answers, and the
figures per kind of query (English, typos, …). Pure, over evaluation outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agendabot.core.search.evaluation import EvalQuery, Outcome, rank_of

BANDS: tuple[tuple[float, float], ...] = (
    (0.0, 0.2),
    (0.2, 0.4),
    (0.4, 0.6),
    (0.6, 0.8),
    (0.8, 1.01),
)


@dataclass(frozen=True, slots=True)
class BandRow:
    low: float
    high: float
    queries: int
    right: int  # the first result answers the query (never, for one without an answer)
    mean_confidence: float

    @property
    def share_right(self) -> float | None:
        return self.right / self.queries if self.queries else None


def first_is_right(query: EvalQuery, outcome: Outcome) -> bool:
    return bool(query.gold) and rank_of(outcome.results[:1], query.gold) == 1


def reliability(queries: Sequence[EvalQuery], outcomes: Sequence[Outcome]) -> list[BandRow]:
    """Per confidence band: how many queries, and how often the first result is right."""
    by_id = {o.id: o for o in outcomes}
    rows = []
    for low, high in BANDS:
        inside = [(q, by_id[q.id]) for q in queries if low <= by_id[q.id].confidence < high]
        right = sum(first_is_right(q, o) for q, o in inside)
        mean = sum(o.confidence for _q, o in inside) / len(inside) if inside else 0.0
        rows.append(BandRow(low, min(high, 1.0), len(inside), right, mean))
    return rows


def confident_wrong(queries: Sequence[EvalQuery], outcomes: Sequence[Outcome]) -> float:
    """Share of all queries answered without reservation (not declined, not in the middle
    band) whose first result is wrong, or that have no answer at all."""
    by_id = {o.id: o for o in outcomes}
    wrong = sum(
        1
        for q in queries
        if not by_id[q.id].declined
        and by_id[q.id].band != "middle"
        and not first_is_right(q, by_id[q.id])
    )
    return wrong / len(queries) if queries else 0.0


def strict_top1_of(
    queries: Sequence[EvalQuery], outcomes: Sequence[Outcome], style: str | None = None
) -> tuple[float, int]:
    """Answered and right, out of the answerable queries (of one `style`); and how many."""
    by_id = {o.id: o for o in outcomes}
    chosen = [q for q in queries if q.gold and (style is None or q.style == style)]
    right = sum(1 for q in chosen if not by_id[q.id].declined and first_is_right(q, by_id[q.id]))
    return (right / len(chosen) if chosen else 0.0), len(chosen)
