import json, collections, re, sys
path = "/work/main/eval/queries-own-a.jsonl"
ids, styles, errs = set(), collections.Counter(), []
allowed = {"nl","kw","en","typo","fact","timing","none"}
rows = []
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    try:
        o = json.loads(line)
    except Exception as e:
        errs.append(f"line {n}: invalid JSON {e}"); continue
    rows.append(o)
    if set(o) != {"id","query","gold","style"}: errs.append(f"line {n}: keys {set(o)}")
    if o["id"] in ids: errs.append(f"dup id {o['id']}")
    ids.add(o["id"])
    if o["style"] not in allowed: errs.append(f"bad style {o['style']}")
    styles[o["style"]] += 1
    if not all(isinstance(g,int) and 1 <= g <= 235 for g in o["gold"]): errs.append(f"{o['id']}: gold out of range")
    if (o["style"] == "none") != (o["gold"] == []): errs.append(f"{o['id']}: none/empty mismatch")
    if o["gold"] and min(o["gold"]) > 118: errs.append(f"{o['id']}: outside 1-118")
qs = [r["query"].lower() for r in rows]
if len(set(qs)) != len(qs): errs.append("duplicate query text")
covered = sorted({g for r in rows for g in r["gold"] if g <= 118})
print("rows", len(rows), "styles", dict(styles))
print("distinct questions 1-118 in gold:", len(covered))
print("errors:", errs or "none")
