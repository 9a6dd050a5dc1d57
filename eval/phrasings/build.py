"""The phrasings in `content/phrasings/` (nr. 451, nr. 456, commitments), from the writers'
files.

    .venv/bin/python eval/phrasings/build.py packets OUTDIR   # the nr. 451 packets the writers read
    .venv/bin/python eval/phrasings/build.py build            # raw/*.jsonl -> the content files

How they were written (2026-12-07): the 217 answer units of nr. 451 were split into seven
packets of 31 (`packets`); seven writers (language-model helpers), each given only
`INSTRUCTIONS.md`, one packet and the source text, wrote per unit Dutch paraphrases, a
keyword string, English questions, a fact question, a typo question, a timing question where
the answer gives a time, and two near-miss questions the document does not answer (checked
by grep against the whole source). They saw no evaluation set, no code and no search
output. A second round of seven writers (`INSTRUCTIONS-2.md`) read the first round's
queries of their packet and wrote new angles, and three near-misses per unit; a third
(`INSTRUCTIONS-3.md`) four near-misses per unit, half of them in English, and four more
Dutch and English questions. A fourth round (`INSTRUCTIONS-4.md`, 2026-12-07) wrote questions
for a figure, date or name that the answer does state, up to two facts per unit in Dutch and
English: the earlier rounds had about one such question per fifty answerable ones against one
per three near-misses, so the phrasings taught the search that a question for a figure is
usually unanswerable. Two writers (`INSTRUCTIONS-letter.md`) did the same for the
16 sections of the progress letter nr. 456 and the 58 commitments, checking near-misses
against both documents. Raw files: `raw/round{1,2,3,4}-K.jsonl`, `raw/letter-K.jsonl`.
A fifth round (`INSTRUCTIONS-5.md`, answered and unanswered twins) made the search worse and
is not built: `tried/round5-K.jsonl` (docs/search.md).

`build` refuses malformed lines and drops every query that repeats an official question or
is (nearly: rapidfuzz ratio of the folded texts >= 90) a query of an evaluation set, so no
evaluation query finds itself in the content. The rest go under their unit's first
question: answerable styles as `asked_as`, near-misses as `not_answered`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "content" / "documents" / "kamerstuk-32824-451.yaml"
HERE = Path(__file__).resolve().parent
HEADER = """\
# Zoekvragen: per vraag, paragraaf of toezegging hoe collega's ernaar vragen (asked_as), en wat ze
# over het onderwerp vragen waar de stukken geen antwoord op geven (not_answered). Geschreven
# zonder de zoekfunctie (eval/phrasings/). Aanvullen mag: draai daarna 'agendabot content vectors'.
"""
EVAL_SETS = [
    ROOT.parent / "shared" / "eval" / "queries-dev.jsonl",
    *sorted((ROOT / "eval").glob("queries-*.jsonl")),
]
STYLES = {"nl", "kw", "en", "fact", "typo", "timing", "none"}
PACKETS = 7


def questions() -> dict[int, dict]:
    data = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    return {q["number"]: q for q in data["questions"]}


def units(qs: dict[int, dict]) -> list[list[int]]:
    seen: set[int] = set()
    out = []
    for n, q in qs.items():
        if n not in seen:
            members = q.get("group") or [n]
            seen.update(members)
            out.append(members)
    return out


def answer_of(qs: dict[int, dict], members: list[int]) -> str:
    """A shared answer is stored at one member (the last, as the source prints it)."""
    return next((qs[m]["answer"] for m in members if qs[m]["answer"].strip()), "")


def packets(outdir: Path) -> None:
    qs = questions()
    all_units = units(qs)
    size = -(-len(all_units) // PACKETS)

    def clean(text: str) -> str:
        return re.sub(r"\[\d+\]", "", text)

    outdir.mkdir(parents=True, exist_ok=True)
    for k in range(PACKETS):
        lines = []
        for members in all_units[k * size : (k + 1) * size]:
            lines.append("=" * 70)
            lines.append(f"UNIT for={members[0]}  (questions sharing this one answer: {members})")
            lines += [f"Vraag {m}: {clean(qs[m]['question'])}" for m in members]
            lines.append(f"Antwoord: {clean(answer_of(qs, members))}")
            for r in qs[members[0]].get("refers_to") or []:
                referred = clean(answer_of(qs, qs[r].get("group") or [r]))[:1500]
                lines.append(f"  (Dit antwoord verwijst naar antwoord {r}: {referred})")
        (outdir / f"packet-{k + 1}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


# Where each raw record's anchor goes: (raw key, content file, document, list, entry key).
TARGETS = (
    ("for", "32824-451", "questions", "number"),
    ("section", "32824-456", "sections", "number"),
    ("commitment", "commitments", "commitments", "id"),
)


def build(raw: list[Path]) -> int:
    from rapidfuzz import fuzz, process

    qs = questions()
    official = {fold(q["question"]) for q in qs.values()}
    taken = [fold(json.loads(line)["query"]) for p in EVAL_SETS for line in p.open() if line.strip()]
    # per target: anchor -> (asked_as, not_answered)
    found: dict[str, dict[object, tuple[list[str], list[str]]]] = {t[1]: {} for t in TARGETS}
    dropped, seen = 0, set()
    for path in raw:
        for lineno, line in enumerate(path.open(encoding="utf-8"), start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            query, style = record.get("query"), record.get("style")
            target = next((t for t in TARGETS if t[0] in record), None)
            anchor = record.get(target[0]) if target else None
            valid = target is not None and (target[0] != "for" or anchor in qs)
            if not valid or style not in STYLES or not isinstance(query, str) or not query:
                raise SystemExit(f"{path}:{lineno}: anchor, query or style is invalid: {record}")
            assert target is not None
            key = fold(query)
            near = process.extractOne(key, taken, scorer=fuzz.ratio, score_cutoff=90)
            if key in official or key in seen or near is not None:
                dropped += 1
                continue
            seen.add(key)
            asked, unanswered = found[target[1]].setdefault(anchor, ([], []))
            (unanswered if style == "none" else asked).append(" ".join(query.split()))
    for _raw_key, document, list_key, entry_key in TARGETS:
        if found[document]:
            write(document, list_key, entry_key, found[document])
    print(f"({dropped} dropped: repeating an official question or an evaluation query)")
    return 0


def write(
    document: str, list_key: str, entry_key: str, found: dict[object, tuple[list[str], list[str]]]
) -> None:
    entries = []
    for anchor in sorted(found, key=_order):
        asked, unanswered = found[anchor]
        entry: dict[str, object] = {entry_key: anchor}
        if asked:
            entry["asked_as"] = asked
        if unanswered:
            entry["not_answered"] = unanswered
        entries.append(entry)
    body = yaml.safe_dump(
        {"document": document, list_key: entries}, allow_unicode=True, sort_keys=False, width=100
    )
    out = ROOT / "content" / "phrasings" / f"{document}.yaml"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(HEADER + body, encoding="utf-8")
    n_asked = sum(len(a) for a, _n in found.values())
    n_not = sum(len(n) for _a, n in found.values())
    print(f"{out.relative_to(ROOT)}: {len(entries)} entries, {n_asked} asked_as, {n_not} not_answered")


def _order(anchor: object) -> tuple[int, ...] | tuple[str]:
    """Question numbers and section numbers ("1.10" after "1.9") in their order."""
    text = str(anchor)
    if all(part.isdigit() for part in text.split(".")):
        return tuple(int(part) for part in text.split("."))
    return (text,)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "packets":
        packets(Path(sys.argv[2]))
    elif len(sys.argv) == 2 and sys.argv[1] == "build":
        raise SystemExit(build(sorted((HERE / "raw").glob("*.jsonl"))))
    else:
        raise SystemExit(__doc__)
