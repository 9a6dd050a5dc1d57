"""Check one of the blind sets D to Q (written 2026-12-07): format, quotas, shared answers,
coverage of its drawn answers, and no query repeated from another set.

    python eval/validate_blind.py d|e|f|g|h|i|j|k|l|m|n|o|p|q

Each pair draws 120 answers of nr. 451 at random: D and E with seed 20261207, F and G with
202612072, H and I with 202612073, J and K with 202612074, L and M with 202612075, N and O
with 202612076, P and Q with 202612077 (the day's later draws); the first 60 for the first set of the pair, the rest
for the second.

Prints what is wrong, never a query of another set.
"""

import ast
import collections
import json
import random
import re
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent
SET = sys.argv[1]
OWN = EVAL / f"queries-own-{SET}.jsonl"
SEEDS = {
    "d": 20261207, "e": 20261207, "f": 202612072, "g": 202612072, "h": 202612073, "i": 202612073,
    "j": 202612074, "k": 202612074, "l": 202612075, "m": 202612075,
    "n": 202612076, "o": 202612076, "p": 202612077, "q": 202612077,
}
if SET not in SEEDS:
    raise SystemExit("usage: validate_blind.py d|e|f|g|h|i|j|k|l|m|n|o|p|q")
DRAWN = random.Random(SEEDS[SET]).sample(range(1, 236), 120)
SAMPLE = DRAWN[:60] if SET in ("d", "f", "h", "j", "l", "n", "p") else DRAWN[60:]
QUOTA = {"nl": 16, "en": 12, "kw": 8, "typo": 8, "fact": 10, "timing": 6, "none": 20}

source = (EVAL / "validate_own_b.py").read_text(encoding="utf-8")
named = {
    node.targets[0].id: ast.literal_eval(node.value)
    for node in ast.parse(source).body
    if isinstance(node, ast.Assign)
    and isinstance(node.targets[0], ast.Name)
    and node.targets[0].id in ("GROUPS", "REFS")
}
GROUPS, REFS = named["GROUPS"], named["REFS"]


def norm(query: str) -> str:
    return re.sub(r"\s+", " ", query.strip().lower())


rows = [json.loads(line) for line in OWN.open(encoding="utf-8") if line.strip()]
errors: list[tuple] = []
for n, row in enumerate(rows, 1):
    if set(row) != {"id", "query", "gold", "style"}:
        errors.append(("keys", n))
        continue
    if row["id"] != f"o{SET}{n:03d}":
        errors.append(("id", n, row["id"]))
    gold = row["gold"]
    if not all(isinstance(x, int) and 1 <= x <= 235 for x in gold) or gold != sorted(set(gold)):
        errors.append(("gold not sorted ints 1-235", row["id"]))
    if (row["style"] == "none") != (gold == []):
        errors.append(("style none <=> gold []", row["id"]))
    if row["style"] == "kw" and not 2 <= len(row["query"].split()) <= 5:
        errors.append(("kw needs 2-5 words", row["id"]))
    for group in GROUPS:
        if set(gold) & set(group) and not set(group) <= set(gold):
            errors.append(("shared answer: list the whole group", row["id"], group))
    for key, also in REFS.items():
        if key in gold and not set(also) <= set(gold):
            errors.append(("answer points to another: add it", row["id"], key, also))
styles = collections.Counter(row.get("style") for row in rows)
if dict(styles) != QUOTA:
    errors.append(("quota", dict(styles), "want", QUOTA))
queries = [norm(row["query"]) for row in rows]
if len(set(queries)) != len(queries):
    errors.append(("same query twice within the set",))
DEV = EVAL.parent.parent / "shared/eval/queries-dev.jsonl"
for other in [*sorted(EVAL.glob("queries-*.jsonl")), DEV]:
    if other == OWN or not other.exists():
        continue
    lines = other.open(encoding="utf-8")
    seen = {norm(json.loads(line)["query"]) for line in lines if line.strip()}
    clash = [row["id"] for row in rows if norm(row["query"]) in seen]
    if clash:
        errors.append(("repeats a query of another set", clash))
covered = {x for row in rows for x in row["gold"]}
missing = sorted(s for s in SAMPLE if s not in covered)
if missing:
    errors.append(("drawn answers without a query", missing))
print("drawn answers:", sorted(SAMPLE))
print("styles:", dict(styles))
print("errors:", errors or "none")
