"""Search benchmark: build time, memory and query latency, real corpus and a synthetic one.

    .venv/bin/python benchmarks/search_bench.py [--size 100000] [--queries FILE …] [--rounds 4]

The synthetic corpus (≈400× the real one) is made of real sentences: each synthetic Q&A
takes a real question and a handful of real answer sentences, drawn with a fixed seed.
Latency is measured over the queries of every evaluation set (the shared development set
and ours: about 950 different questions), searching all kinds for the real corpus and the
answers for the synthetic one. Until 2026-12-07 it was the 65 development queries: their p99
is the second slowest query, so it moved by 20 ms between runs with the machine's speed.
A second table gives the fused search (lexical + semantic): with the stored vectors for the
real corpus and synthetic unit vectors for the large one, the query embedded by the real
model.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from machine import cpu_times, steal_share

from agendabot.content.embedder import DIM, shared_embedder
from agendabot.content.reload import settle_heap
from agendabot.content.search_index import load_glossary, search_docs
from agendabot.content.vectors import load_dense
from agendabot.core.search import SearchDoc, SearchEngine
from agendabot.core.search.dense import DenseIndex

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUERIES = [
    ROOT.parent / "shared" / "eval" / "queries-dev.jsonl",
    *sorted((ROOT / "eval").glob("queries-own-*.jsonl")),
]
FALLBACK_QUERIES = [
    "hoe zit het met de taaleis in de bijstand?",
    "definitie nieuwkomer",
    "nieuwkommer",
    "what did we say about forced marriage?",
    "wanneer is de nationale dialoog?",
    "startbaanen statushouders",
    "vraag 47",
]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9«(])")


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def load_queries(paths: Sequence[Path]) -> list[str]:
    """The queries of the files that exist, each once; the fallback when none does."""
    queries: dict[str, None] = {}
    for path in paths:
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                queries.update((json.loads(line)["query"], None) for line in handle if line.strip())
    return list(queries) or FALLBACK_QUERIES


def synthetic_docs(real: Sequence[SearchDoc], size: int, seed: int = 451) -> list[SearchDoc]:
    questions = [d.fields["question"] for d in real if d.kind == "vraag"]
    sentences = sorted(
        {
            s
            for d in real
            if d.kind == "vraag"
            for s in _SENTENCE.split(" ".join(d.fields["answer"].split()))
            if len(s) > 20
        }
    )
    rng = random.Random(seed)
    docs = []
    for number in range(1, size + 1):
        answer = " ".join(rng.choices(sentences, k=rng.randint(2, 8)))
        question = rng.choice(questions)
        docs.append(
            SearchDoc(
                kind="vraag",
                key=str(number),
                title=question,
                fields={"question": question, "answer": answer, "footnotes": ""},
                questions=(number,),
                group=f"s{number}",
                collapse_field="answer",
            )
        )
    return docs


def synthetic_dense(engine: SearchEngine, seed: int = 451) -> DenseIndex:
    """Random unit vectors, two per document (passage and head): the vector part costs the
    same whatever the numbers are (float32, as loaded from the store)."""
    rng = np.random.default_rng(seed)

    def unit_rows() -> np.ndarray:
        matrix = rng.standard_normal((len(engine.index.docs), DIM), dtype=np.float32)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)

    matrix = unit_rows()
    return DenseIndex(
        matrix=matrix,
        present=np.ones(len(matrix), dtype=np.bool_),
        model="synthetic",
        heads=unit_rows(),
    )


def _percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, int(0.99 * len(times)))]


def measure(
    label: str,
    docs: list[SearchDoc],
    queries: list[str],
    *,
    rounds: int,
    answers_only: bool,
    real_vectors: bool,
) -> dict[str, object]:
    from agendabot.content import load_content

    root = load_content().root
    glossary = load_glossary(root)
    gc.collect()
    before = rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    engine = SearchEngine.build(docs, glossary)
    build = time.perf_counter() - start
    build_cpu = time.process_time() - cpu
    settle_heap()  # as `agendabot serve` does after building, before serving
    after = rss_mb()
    kinds = ("vraag",) if answers_only else None
    for query in queries:  # warm caches (stems, compound splits)
        engine.search(query, kinds=kinds)
    times = []
    for _ in range(rounds):
        for query in queries:
            t0 = time.perf_counter()
            engine.search(query, kinds=kinds)
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    # The fused search: stored vectors (the real file, or synthetic ones), the real model.
    dense = load_dense(engine.index, root) if real_vectors else synthetic_dense(engine)
    fused = SearchEngine(engine.index, glossary, dense=dense)
    model = shared_embedder()
    # one by one: the engine keeps buffers sized for its largest batch (all 947 at once
    # added 300 MB to the RSS measured below)
    vectors = [model.query(q) for q in queries]
    fused_times, embed_times, total_times = [], [], []
    cpu_before = cpu_times()
    for _ in range(max(1, rounds // 2)):
        for query, vector in zip(queries, vectors, strict=True):
            t0 = time.perf_counter()
            fused.search(query, kinds=kinds, vector=vector)
            fused_times.append((time.perf_counter() - t0) * 1000)
    for query in queries:  # one free-text search as the bot runs it: embed, then search
        t0 = time.perf_counter()
        vector = model.query(query)
        t1 = time.perf_counter()
        fused.search(query, kinds=kinds, vector=vector)
        t2 = time.perf_counter()
        embed_times.append((t1 - t0) * 1000)
        total_times.append((t2 - t0) * 1000)
    steal = steal_share(cpu_before, cpu_times())
    fused_p50, fused_p99 = _percentiles(fused_times)
    embed_p50, embed_p99 = _percentiles(embed_times)
    total_p50, total_p99 = _percentiles(total_times)
    return {
        "fused_p50_ms": fused_p50,
        "fused_p99_ms": fused_p99,
        "embed_p50_ms": embed_p50,
        "embed_p99_ms": embed_p99,
        "steal": steal,
        "total_p50_ms": total_p50,
        "total_p99_ms": total_p99,
        "rss_fused_mb": rss_mb(),
        "corpus": label,
        "docs": len(docs),
        "build_s": build,
        "build_cpu_s": build_cpu,
        "index_mb": after - before,
        "rss_mb": rss_mb(),
        "p50_ms": statistics.median(times),
        "p99_ms": times[min(len(times) - 1, int(0.99 * len(times)))],
        "max_ms": times[-1],
        "n": len(times),
        "n_total": len(total_times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="synthetic Q&As (0: none)")
    parser.add_argument("--queries", type=Path, nargs="+", default=DEFAULT_QUERIES)
    parser.add_argument("--rounds", type=int, default=4, help="passes over the queries")
    args = parser.parse_args()

    from agendabot.content import load_content

    loads = []
    for _ in range(5):  # reading and validating every YAML file under content/, as at start-up
        t0 = time.perf_counter()
        content = load_content()
        loads.append(time.perf_counter() - t0)
    real = search_docs(content)
    queries = load_queries(args.queries)
    rows = [
        measure("real", real, queries, rounds=args.rounds, answers_only=False, real_vectors=True)
    ]
    if args.size > 0:
        synthetic = synthetic_docs(real, args.size)
        rows.append(
            measure(
                f"synthetic ×{args.size / len([d for d in real if d.kind == 'vraag']):.0f}",
                synthetic,
                queries,
                rounds=max(2, args.rounds // 4),
                answers_only=True,
                real_vectors=False,
            )
        )
    print(f"content/ loaded and validated: median {statistics.median(loads):.2f} s of 5\n")
    header = (
        f"{'corpus':<16}{'docs':>9}{'build s':>9}{'(cpu s)':>9}{'index MB':>10}{'RSS MB':>9}"
        f"{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'queries':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['corpus']:<16}{r['docs']:>9}{r['build_s']:>9.2f}{r['build_cpu_s']:>9.2f}"
            f"{r['index_mb']:>10.0f}"
            f"{r['rss_mb']:>9.0f}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}{r['max_ms']:>9.2f}"
            f"{r['n']:>9}"
        )
    print()
    header = (
        f"{'corpus':<16}{'fused p50':>10}{'fused p99':>10}{'embed p50':>10}{'embed p99':>10}"
        f"{'total p50':>10}{'total p99':>10}{'RSS MB':>9}{'steal':>7}{'queries':>9}"
    )
    print("Fused search (ms; vectors: the stored file for the real corpus, synthetic for the")
    print("large one; 'total' = embedding the query with the real model + the fused search):")
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['corpus']:<16}{r['fused_p50_ms']:>10.2f}{r['fused_p99_ms']:>10.2f}"
            f"{r['embed_p50_ms']:>10.2f}{r['embed_p99_ms']:>10.2f}"
            f"{r['total_p50_ms']:>10.2f}{r['total_p99_ms']:>10.2f}{r['rss_fused_mb']:>9.0f}"
            f"{r['steal']:>7.0%}{r['n_total']:>9}"
        )
    print(
        "(steal: the share of CPU time the hypervisor took during the fused measurement; "
        "the model's\ntwo threads wait for each other, so stolen time shows in its tail.)"
    )


if __name__ == "__main__":
    main()
