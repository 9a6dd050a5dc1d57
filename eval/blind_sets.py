"""What the blind sets' build scripts share (`build_own_d.py` … `build_own_i.py`): the
shared-answer groups their gold lists use, the style mixing, and writing the JSONL file."""

import json
import random
from pathlib import Path

GROUP_47 = [47, 79, 80, 83, 84, 109, 110, 111, 114, 124]
GROUP_9 = [9, 16, 108, 136, 152, 214, 234]
GROUP_100 = [100, 142, 182, 183, 189]
GROUP_126 = [126, 127, 128, 129]

Query = tuple[str, list[int], str]  # (query, gold, style)


def ordered(items: list[Query]) -> list[Query]:
    """Mix the styles: shuffle with a fixed seed, then break up runs of one style."""
    items = list(items)
    random.Random(451).shuffle(items)
    for _ in range(1000):
        clash = next((i for i in range(2, len(items)) if items[i][2] == items[i - 1][2] == items[i - 2][2]), None)
        if clash is None:
            break
        j = next(j for j in range(len(items)) if items[j][2] != items[clash][2] and j not in (clash - 1, clash - 2))
        items[clash], items[j] = items[j], items[clash]
    return items


def write(letter: str, items: list[Query]) -> None:
    """Write `eval/queries-own-<letter>.jsonl` in the order given, ids o<letter>001…"""
    out = Path(__file__).resolve().parent / f"queries-own-{letter}.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for n, (query, gold, style) in enumerate(items, 1):
            row = {"id": f"o{letter}{n:03d}", "query": query, "gold": sorted(set(gold)), "style": style}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} queries to {out}")
