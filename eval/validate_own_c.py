import json, re, collections, random, ast
src = open("/work/main/eval/validate_own_b.py").read()
ns = {}
for node in ast.parse(src).body:
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id in ("GROUPS","REFS"):
        ns[node.targets[0].id] = ast.literal_eval(node.value)
GROUPS, REFS = ns["GROUPS"], ns["REFS"]
norm = lambda q: re.sub(r"\s+", " ", q.strip().lower())
rows = [json.loads(l) for l in open("/work/main/eval/queries-own-c.jsonl", encoding="utf-8")]
errs = []
assert len(rows) == 90, len(rows)
for n, o in enumerate(rows, 1):
    if set(o) != {"id","query","gold","style"}: errs.append(("keys", o))
    if o["id"] != f"c{n:03d}": errs.append(("id", o["id"]))
    g = o["gold"]
    if not all(isinstance(x,int) and 1<=x<=235 for x in g) or g != sorted(set(g)): errs.append(("gold", o["id"]))
    if (o["style"]=="none") != (g==[]): errs.append(("none/empty", o["id"]))
    if o["style"]=="kw" and not 2<=len(o["query"].split())<=5: errs.append(("kw len", o["id"]))
    gs=set(g)
    for grp in GROUPS:
        if gs & set(grp) and not set(grp) <= gs: errs.append(("group", o["id"], grp))
    for k,vs in REFS.items():
        if k in gs and not set(vs) <= gs: errs.append(("ref", o["id"], k))
styles = collections.Counter(o["style"] for o in rows)
want = {"nl":20,"en":14,"kw":8,"typo":8,"fact":14,"timing":6,"none":20}
if dict(styles) != want: errs.append(("quota", dict(styles)))
qs = [norm(o["query"]) for o in rows]
if len(set(qs)) != len(qs): errs.append(("dup within", [q for q,c in collections.Counter(qs).items() if c>1]))
for p in ["/work/main/eval/queries-own-a.jsonl","/work/main/eval/queries-own-b.jsonl","/work/shared/eval/queries-dev.jsonl"]:
    other = {norm(json.loads(l)["query"]) for l in open(p, encoding="utf-8") if l.strip()}
    if set(qs) & other: errs.append(("dup", p, set(qs)&other))
sample = random.Random(20261204).sample(range(1,236),55)
covered = {x for o in rows for x in o["gold"]}
miss = [s for s in sample if s not in covered]
if miss: errs.append(("sample not covered", miss))
extra = sorted(covered - set(sample))
print("styles", dict(styles)); print("gold outside sample (equivalents):", extra)
runs=[1]
for i in range(1,90): runs.append(runs[-1]+1 if rows[i]["style"]==rows[i-1]["style"] else 1)
print("max same-style run", max(runs))
print("errors:", errs or "none")
