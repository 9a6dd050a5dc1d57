"""docs/search.md stays in step with the search package: every module named, weights as coded."""

from __future__ import annotations

import re
from pathlib import Path

from agendabot.core.search import index

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "search.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "src" / "agendabot" / "core" / "search"


def test_every_search_module_is_in_the_table() -> None:
    modules = {p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}
    named = set(re.findall(r"`(\w+\.py)`", DOC))
    assert modules <= named, f"docs/search.md misses {sorted(modules - named)}"
    assert named - {"search_index.py"} <= modules, "docs/search.md names modules that are gone"


def test_the_field_weights_quoted_are_the_ones_in_use() -> None:
    weights = index.FIELD_WEIGHTS
    quoted = re.search(
        r"question/title weigh ([\d.]+), answer and phrasings ([\d.]+), footnotes ([\d.]+)", DOC
    )
    assert quoted is not None
    question, answer, footnotes = (float(x) for x in quoted.groups())
    assert weights["question"] == weights["title"] == question
    assert weights["answer"] == weights["asked"] == answer
    assert weights["footnotes"] == footnotes
