import json, collections, re, sys

path = "/work/main/eval/queries-own-b.jsonl"
others = {"set A": "/work/main/eval/queries-own-a.jsonl",
          "dev set": "/work/shared/eval/queries-dev.jsonl"}
MIN = {"nl": 35, "en": 24, "none": 28, "fact": 18, "kw": 15, "typo": 12, "timing": 8}
MIN_TOTAL = 135
allowed = set(MIN)

# answers shared by several questions: if one member is gold, all must be
GROUPS = [
    [47, 79, 80, 83, 84, 109, 110, 111, 114, 124],   # Antwoord op vragen 47, 79, ... en 124
    [9, 16, 108, 136, 152, 214, 234],                # identical "aankondiging Actieagenda" text; 136 = zie 16
    [100, 142, 182, 183, 189],                       # identical "goede start" text
    [126, 127, 128, 129],
    [169, 170],
    [225, 226],
    [90, 143],                                       # 143: zie antwoord 90
    [135, 138],                                      # 138: zie antwoord 135
    [70, 221],                                       # 221: zie antwoord 70
    [98, 177],                                       # identical text
    [61, 184],                                       # 184: zie antwoord 61 + same text
    [134, 213],                                      # 134 refers to 213 for the initiatives
]
# one-way references: if key is gold, the values must be too
# (165 = "zie 164" + extra text, so only 164 -> 165; 122 and 37 both state "dit najaar")
REFS = {122: [37], 37: [122], 164: [165]}

def norm(q):
    return re.sub(r"\s+", " ", q.strip().lower())

ids, styles, errs, rows = set(), collections.Counter(), [], []
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    try:
        o = json.loads(line)
    except Exception as e:
        errs.append(f"line {n}: invalid JSON {e}"); continue
    rows.append(o)
    if set(o) != {"id", "query", "gold", "style"}:
        errs.append(f"line {n}: keys {set(o)}"); continue
    if o["id"] != f"b{n:03d}": errs.append(f"line {n}: id {o['id']} not b{n:03d}")
    if o["id"] in ids: errs.append(f"dup id {o['id']}")
    ids.add(o["id"])
    if o["style"] not in allowed: errs.append(f"{o['id']}: bad style {o['style']}")
    styles[o["style"]] += 1
    g = o["gold"]
    if not isinstance(g, list) or not all(isinstance(x, int) and not isinstance(x, bool) and 1 <= x <= 235 for x in g):
        errs.append(f"{o['id']}: gold not a list of ints 1-235"); continue
    if g != sorted(set(g)): errs.append(f"{o['id']}: gold not sorted/unique")
    if (o["style"] == "none") != (g == []): errs.append(f"{o['id']}: none/empty mismatch")
    if g and max(g) < 119: errs.append(f"{o['id']}: no gold question >= 119")
    if not isinstance(o["query"], str) or not o["query"].strip(): errs.append(f"{o['id']}: empty query")
    if o["style"] == "kw" and not 2 <= len(o["query"].split()) <= 5:
        errs.append(f"{o['id']}: kw query must have 2-5 words")
    gs = set(g)
    for grp in GROUPS:
        if gs & set(grp) and not set(grp) <= gs:
            errs.append(f"{o['id']}: shared answer group {grp} incomplete (missing {sorted(set(grp) - gs)})")
    for k, vs in REFS.items():
        if k in gs and not set(vs) <= gs:
            errs.append(f"{o['id']}: {k} refers to {vs}, missing")

qs = [norm(r["query"]) for r in rows if isinstance(r.get("query"), str)]
dups = [q for q, c in collections.Counter(qs).items() if c > 1]
if dups: errs.append(f"duplicate query text within set B: {dups}")
for name, p in others.items():
    try:
        other = {norm(json.loads(l)["query"]) for l in open(p, encoding="utf-8") if l.strip()}
    except FileNotFoundError:
        errs.append(f"cannot read {name} at {p}"); continue
    clash = sorted(set(qs) & other)
    if clash: errs.append(f"query text duplicates {name}: {clash}")

if len(rows) < MIN_TOTAL: errs.append(f"total {len(rows)} < {MIN_TOTAL}")
for s, m in MIN.items():
    if styles[s] < m: errs.append(f"style {s}: {styles[s]} < {m}")

covered = sorted({g for r in rows for g in r.get("gold", []) if isinstance(g, int) and g >= 119})
print("rows", len(rows), "styles", dict(sorted(styles.items())))
print("distinct questions 119-235 in gold:", len(covered))
print("not covered:", sorted(set(range(119, 236)) - set(covered)))
print("errors:", errs or "none")
sys.exit(1 if errs else 0)
