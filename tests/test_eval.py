"""Evaluation metrics on a tiny hand-made query set, the baselines and the eval command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agendabot.core.search.evaluation import (
    EvalQuery,
    Outcome,
    QuerySetError,
    baseline_outcomes,
    bm25_baseline,
    choose_threshold,
    compute_metrics,
    cross_validate,
    fuzzy_baseline,
    parse_query_set,
    rank_of,
    select,
    threshold_curve,
)

LINES = [
    '{"id": "a", "query": "taaleis", "gold": [2]}',
    '{"id": "b", "query": "startbaan", "gold": [5, 6]}',
    "",
    '{"id": "c", "query": "imams", "gold": [9]}',
    '{"id": "d", "query": "parkeren in Zwolle", "gold": []}',
    '{"id": "e", "query": "fietsles", "gold": []}',
]


def test_parse_query_set() -> None:
    queries = parse_query_set(LINES)
    assert [q.id for q in queries] == ["a", "b", "c", "d", "e"]
    assert queries[1] == EvalQuery("b", "startbaan", (5, 6))


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("{not json", "regel 1"),
        ('{"id": "x", "query": "q"}', "gold"),
        ('{"id": "x", "query": "", "gold": []}', "query"),
        ('{"id": "x", "query": "q", "gold": ["7"]}', "gold"),
        ("[1, 2]", "JSON-object"),
    ],
)
def test_parse_query_set_rejects_bad_lines(line: str, fragment: str) -> None:
    with pytest.raises(QuerySetError, match=fragment):
        parse_query_set([line])


def test_duplicate_ids_and_empty_files_are_rejected() -> None:
    with pytest.raises(QuerySetError, match="twee keer"):
        parse_query_set([LINES[0], LINES[0]])
    with pytest.raises(QuerySetError, match="geen vragen"):
        parse_query_set(["", "  "])


def test_rank_of_uses_the_first_result_that_names_a_gold_number() -> None:
    assert rank_of([(1,), (5, 7), (6,)], [6, 5]) == 2
    assert rank_of([(1,), (3,)], [9]) is None
    assert rank_of([], [1]) is None


def test_metrics_by_hand() -> None:
    queries = parse_query_set(LINES)
    outcomes = [
        Outcome("a", ((2,), (3,)), declined=False, confidence=0.6),  # rank 1
        Outcome("b", ((1,), (2,), (4, 6)), declined=True, confidence=0.2),  # rank 3, declined
        Outcome("c", ((1,), (2,)), declined=False, confidence=0.4),  # not found
        Outcome("d", ((1,),), declined=True, confidence=0.1),  # correctly declined
        Outcome("e", ((4,),), declined=False, confidence=0.5),  # should have declined
    ]
    m = compute_metrics(queries, outcomes)
    assert (m.answerable, m.unanswerable) == (3, 2)
    assert m.top1 == pytest.approx(1 / 3)
    assert m.top3 == pytest.approx(2 / 3)
    assert m.mrr == pytest.approx((1 + 1 / 3) / 3)
    assert m.noanswer == pytest.approx(0.5)
    # strict: the declined query "b" counts as a miss
    assert m.strict_top1 == pytest.approx(1 / 3)
    assert m.strict_top3 == pytest.approx(1 / 3)
    assert m.strict_mrr == pytest.approx(1 / 3)
    assert m.false_declines == 1


def test_threshold_curve_moves_declines() -> None:
    queries = parse_query_set(LINES)
    outcomes = [
        Outcome("a", ((2,),), False, 0.6),
        Outcome("b", ((5,),), False, 0.3),
        Outcome("c", ((9,),), False, 0.45),
        Outcome("d", ((1,),), False, 0.2),
        Outcome("e", ((4,),), False, 0.4),
    ]
    low, middle, high = threshold_curve(queries, outcomes, [0.1, 0.42, 0.7])
    assert (low.noanswer, low.false_declines, low.strict_top1) == (0.0, 0, 1.0)
    assert (middle.noanswer, middle.false_declines) == (1.0, 1)
    assert middle.strict_top1 == pytest.approx(2 / 3)
    assert (high.noanswer, high.false_declines, high.strict_top1) == (1.0, 3, 0.0)


def test_no_unanswerable_queries_gives_no_noanswer_figure() -> None:
    queries = parse_query_set([LINES[0]])
    assert compute_metrics(queries, [Outcome("a", ((2,),), False)]).noanswer is None


QUESTIONS = {
    1: "Hoeveel statushouders hebben een bijstandsuitkering?",
    2: "Waarom blijft de taaleis in de Participatiewet?",
    3: "Wanneer start de imamopleiding?",
}
ANSWERS = {
    1: "Ruim de helft van de statushouders heeft een uitkering.",
    2: "De taaleis blijft behouden omdat taal de sleutel tot werk is.",
    3: "De opleiding voor imams start in 2027.",
}


def test_fuzzy_baseline_ranks_by_question_text() -> None:
    rank = fuzzy_baseline(QUESTIONS)
    assert rank("taaleis participatiewet")[0] == 2
    assert sorted(rank("iets")) == [1, 2, 3]


def test_bm25_baseline_uses_question_and_answer() -> None:
    texts = {n: f"{QUESTIONS[n]}\n{ANSWERS[n]}" for n in QUESTIONS}
    rank = bm25_baseline(texts)
    assert rank("opleiding imams 2027")[0] == 3
    assert rank("uitkeringen statushouders")[0] == 1
    assert rank("zzzz") == []


def test_baselines_never_decline() -> None:
    queries = parse_query_set(LINES)
    outcomes = baseline_outcomes(queries, fuzzy_baseline(QUESTIONS))
    assert not any(o.declined for o in outcomes)
    assert compute_metrics(queries, outcomes).noanswer == 0.0


# ---------------------------------------------------------------------------- command


@pytest.fixture()
def content_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    source = Path(__file__).resolve().parents[1] / "content"
    if not (source / "documents").is_dir():
        pytest.skip("content/documents is not there yet")
    target = tmp_path / "content"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("sources"))
    monkeypatch.setenv("CONTENT_DIR", str(target))
    return target


@pytest.fixture()
def query_file(tmp_path: Path) -> Path:
    path = tmp_path / "queries.jsonl"
    rows = [
        {"id": "t1", "query": "definitie van een nieuwkomer", "gold": [14]},
        {"id": "t2", "query": "vraag 79", "gold": [47]},
        {"id": "t3", "query": "waarom blijft de taaleis behouden in de bijstand", "gold": [176]},
        {"id": "t4", "query": "Hoeveel kost een jaarabonnement op de bibliotheek?", "gold": []},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_eval_command_plain_ends_with_one_summary_line(
    content_dir: Path, query_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from agendabot.cli import main

    assert main(["eval", str(query_file)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    summary = lines[-1]
    assert summary.startswith("strict_top1=") and "(n=3/1)" in summary
    assert "baselines: fuzzy top1=" in summary and "bm25 top1=" in summary
    assert sum(1 for line in lines if line.startswith("strict_top1=")) == 1
    assert lines[0].startswith("streng top-1: "), "strict top-1 comes first"
    assert any(line.startswith("Betrouwbaarheid") for line in lines)


def test_eval_command_json_has_per_query_ranking(
    content_dir: Path, query_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from agendabot.cli import main

    assert main(["eval", str(query_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"summary", "baselines", "queries"} <= set(data)
    by_id = {q["id"]: q for q in data["queries"]}
    assert set(by_id) == {"t1", "t2", "t3", "t4"}
    for row in data["queries"]:
        assert {"id", "ranked", "declined", "results", "confidence", "band"} <= set(row)
        assert all(isinstance(n, int) for n in row["ranked"])
        assert isinstance(row["declined"], bool)
    assert data["search"] == "fused"
    assert next(iter(data["summary"])) == "strict_top1"
    assert sum(row["queries"] for row in data["reliability"]) == 4
    assert by_id["t1"]["ranked"][0] == 14
    assert 47 in by_id["t2"]["ranked"]
    assert by_id["t4"]["declined"] is True
    assert data["summary"]["top1"] >= 2 / 3


@pytest.mark.parametrize("content", ["", "{kapot\n"])
def test_eval_command_bad_file(
    content_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    from agendabot.cli import main

    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    assert main(["eval", str(path)]) == 2
    assert main(["eval", str(tmp_path / "missing.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "bestaat niet" in err


# ------------------------------------------------------------------- cross-validation


def _cv_queries() -> list[EvalQuery]:
    answerable = [EvalQuery(f"a{i}", f"q{i}", (i,)) for i in range(6)]
    return [*answerable, EvalQuery("n0", "x", ()), EvalQuery("n1", "y", ())]


def _outcomes(queries: list[EvalQuery], right: set[str], conf: float) -> list[Outcome]:
    """Gold first for the ids in `right`, else second; unanswerable get confidence 0.1."""
    out = []
    for q in queries:
        if not q.gold:
            out.append(Outcome(q.id, ((99,),), False, 0.1))
            continue
        gold = q.gold[0]
        results = ((gold,), (98,)) if q.id in right else ((98,), (gold,))
        out.append(Outcome(q.id, results, False, conf))
    return out


def test_choose_threshold_separates_answerable_from_unanswerable() -> None:
    queries = _cv_queries()
    outcomes = _outcomes(queries, {"a0"}, conf=0.5)
    threshold = choose_threshold(queries, outcomes, [0.05, 0.2, 0.3, 0.4, 0.6])
    assert 0.1 < threshold <= 0.5  # declines the 0.1s, keeps the 0.5s


def test_select_prefers_the_better_ranking_and_the_first_on_ties() -> None:
    queries = _cv_queries()
    worse = _outcomes(queries, {"a0", "a1"}, conf=0.5)
    better = _outcomes(queries, {"a0", "a1", "a2", "a3"}, conf=0.5)
    assert select(queries, [worse, better], [0.3]).setting == 1
    assert select(queries, [better, better], [0.3]).setting == 0


def test_cross_validation_judges_each_query_without_it() -> None:
    queries = _cv_queries()
    # setting 1 is better on every query but a5; it is always chosen, and a5 is a miss
    base = _outcomes(queries, {"a5"}, conf=0.5)
    other = _outcomes(queries, {"a0", "a1", "a2", "a3", "a4"}, conf=0.5)
    cv = cross_validate(queries, [base, other], [0.2, 0.3], folds=None)
    assert cv.folds == len(queries)
    assert all(c.setting == 1 for c in cv.choices)
    m = compute_metrics(queries, cv.outcomes)
    assert m.top1 == 5 / 6 and m.noanswer == 1.0
    # k-fold keeps every query exactly once
    cv3 = cross_validate(queries, [base, other], [0.2, 0.3], folds=3)
    assert cv3.folds == 3 and sorted(o.id for o in cv3.outcomes) == sorted(q.id for q in queries)


def test_eval_command_cross_validation_line(
    content_dir: Path, query_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from agendabot.cli import main

    assert main(["eval", str(query_file), "--cv", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("strict_top1=")
    assert any(line.startswith("kruisvalidatie (2-fold") for line in lines)
    assert main(["eval", str(query_file), "--cv", "1"]) == 2
    assert "--cv" in capsys.readouterr().err
