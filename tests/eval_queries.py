"""Every query of the evaluation sets under `eval/`, for tests that keep a rule off them."""

from __future__ import annotations

import json
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1] / "eval"


def eval_queries() -> list[str]:
    """The `query` of every line of `eval/queries-*.jsonl`."""
    files = sorted(EVAL.glob("queries-*.jsonl"))
    return [json.loads(line)["query"] for f in files for line in f.open(encoding="utf-8")]
