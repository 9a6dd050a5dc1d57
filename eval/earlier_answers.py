"""How often the right earlier answer is among the first three, on question sets made from
the evaluation queries (the code path of `agendabot eerdere-antwoorden`).

    PYTHONPATH=src .venv/bin/python eval/earlier_answers.py [eval/queries-own-a.jsonl …]
        [--styles nl,fact,timing,typo] [--size 5] [--uncertain] [--json]

The answerable Dutch queries of the chosen styles (gold = question numbers of Kamerstuk
32 824, nr. 451) are grouped, in file order, into sets of `--size`, each written as new
Kamervragen: the header "Vragen van het lid … (ingezonden …)" and "Vraag 1 …", "Vraag 2 …".
Each set goes through `report_for_text` as the command does; a question counts as found when
one of its (at most three) earlier answers is a gold question of nr. 451. The unanswerable
queries (gold []) are grouped the same way; for them "geen eerder antwoord gevonden" is right.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from agendabot.cli.search_cmd import load_engine
from agendabot.content.knowledge import query_embedder
from agendabot.core.earlier.answers import report_for_text

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # eval/calibrate.py, for --cv
DEFAULT_FILES = (HERE / "queries-own-a.jsonl", HERE / "queries-own-b.jsonl")
DEFAULT_STYLES = ("nl", "fact", "timing", "typo")
DOCUMENT = "32824-451"
HEADER = (
    "Vragen van het lid Evaluatie (EVAL) aan de Minister van Sociale Zaken en "
    "Werkgelegenheid over de actieagenda integratie, set {number} (ingezonden 1 december "
    "2026).\n"
)


def as_question(query: str) -> str:
    text = " ".join(query.split())
    text = text[:1].upper() + text[1:]
    return text if text.endswith("?") else text.rstrip(".!") + "?"


def question_set(number: int, queries: list[dict[str, Any]]) -> str:
    lines = [HEADER.format(number=number)]
    for index, query in enumerate(queries, start=1):
        lines += [f"Vraag {index}", as_question(query["query"]), ""]
    return "\n".join(lines)


def load(files: list[Path]) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def measure(
    queries: list[dict[str, Any]],
    size: int,
    *,
    uncertain: bool = False,
    cv: bool = False,
) -> list[dict[str, Any]]:
    """`cv`: each query is searched with the calibration fitted without its fold (the 5
    folds of `eval/calibrate.py`), so no query helped fit the models that rank it; a query
    of no calibration set (such as the formal set) never did, and the shipped models rank it."""
    content, engine = load_engine()
    if not cv:
        return _measure(queries, size, engine, content, uncertain=uncertain)
    from calibrate import FOLDS, SETS, fit, fit_probe, folds, load_items

    items = load_items(engine, list(SETS))
    fold_of = folds(items)
    probe = fit_probe(engine)
    outcomes = _measure(
        [q for q in queries if q["id"] not in fold_of], size, engine, content, uncertain=uncertain
    )
    for fold in range(FOLDS):
        mine = [q for q in queries if fold_of.get(q["id"]) == fold]
        if mine:
            training = [i for i in items if fold_of[i.query.id] != fold]
            variant = engine.variant(calibration=fit(engine, training, probe))
            outcomes += _measure(mine, size, variant, content, uncertain=uncertain, fold=fold)
    return outcomes


def _measure(
    queries: list[dict[str, Any]],
    size: int,
    engine: Any,
    content: Any,
    *,
    uncertain: bool,
    fold: int = -1,
) -> list[dict[str, Any]]:
    embed = query_embedder(engine)
    outcomes = []
    for start in range(0, len(queries), size):
        group = queries[start : start + size]
        text = question_set(start // size + 1, group)
        report = report_for_text(text, engine, content.library, uncertain=uncertain, embed=embed)
        assert len(report.results) == len(group), f"set {start // size + 1} was misread"
        for query, item in zip(group, report.results, strict=True):
            found = [n for e in item.earlier if e.document == DOCUMENT for n in e.questions]
            rank = next(
                (
                    i
                    for i, e in enumerate(item.earlier, start=1)
                    if e.document == DOCUMENT and set(e.questions) & set(query["gold"])
                ),
                None,
            )
            outcomes.append(
                {
                    "id": query["id"],
                    "set": f"{fold}:{start // size + 1}",
                    "style": query["style"],
                    "gold": query["gold"],
                    "found": found,
                    "rank": rank,
                    "nothing": not item.earlier,
                }
            )
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(DEFAULT_FILES))
    parser.add_argument("--styles", default=",".join(DEFAULT_STYLES))
    parser.add_argument("--size", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--cv",
        action="store_true",
        help="each query ranked by models fitted without it (5 folds, as eval/calibrate.py)",
    )
    parser.add_argument(
        "--uncertain",
        action="store_true",
        help="also the candidates where the search declines (not what the command does)",
    )
    args = parser.parse_args(argv)
    styles = set(args.styles.split(","))
    queries = load(args.files)
    answerable = [q for q in queries if q["gold"] and q["style"] in styles]
    unanswerable = [q for q in queries if not q["gold"]]
    results = measure(answerable, args.size, uncertain=args.uncertain, cv=args.cv)
    refusals = measure(unanswerable, args.size, uncertain=args.uncertain, cv=args.cv)
    top1 = sum(1 for r in results if r["rank"] == 1)
    top3 = sum(1 for r in results if r["rank"] is not None)
    nothing = sum(1 for r in results if r["nothing"])
    by_style: Counter[str] = Counter(r["style"] for r in results)
    hit_style: Counter[str] = Counter(r["style"] for r in results if r["rank"] is not None)
    summary = {
        "questions": len(results),
        "sets": len({r["set"] for r in results}),
        "top1": top1 / len(results),
        "top3": top3 / len(results),
        "nothing_found_on_answerable": nothing / len(results),
        "by_style_top3": {s: hit_style[s] / n for s, n in sorted(by_style.items())},
        "unanswerable": len(refusals),
        "unanswerable_nothing_found": sum(r["nothing"] for r in refusals) / max(1, len(refusals)),
    }
    if args.json:
        json.dump({"summary": summary, "questions": results}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(
        f"{summary['questions']} vragen in {summary['sets']} sets van {args.size} "
        f"(stijlen {', '.join(sorted(styles))})"
    )
    print(f"juiste eerdere antwoord bij de eerste drie: {summary['top3']:.1%} ({top3})")
    print(f"als eerste: {summary['top1']:.1%} ({top1})")
    print(f"'geen eerder antwoord gevonden' bij een beantwoordbare vraag: {nothing}")
    for style, share in summary["by_style_top3"].items():
        print(f"  {style}: {share:.1%} van {by_style[style]}")
    print(
        f"onbeantwoordbaar: {len(refusals)}, waarvan 'geen eerder antwoord gevonden': "
        f"{summary['unanswerable_nothing_found']:.1%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
