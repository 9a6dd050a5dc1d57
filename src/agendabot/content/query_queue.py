"""Query vectors for the event loop: one model, many concurrent questions.

    queue = QueryQueue(embedder.queries)
    vector = await queue("hoe zit het met de taaleis?")   # None: answer lexically

Why a queue and not `asyncio.to_thread(model.query, text)` per question: the model takes
all cores for one query (~35-45 ms on two), so concurrent queries only wait for each other.
Here they wait in one line and are embedded together: whatever arrived while a batch ran
goes into the next one (up to `max_batch`), which costs the engine a little less per query
(~40 ms instead of ~45 ms). The batches run in one thread of the queue's own, at a lower
priority (`MODEL_NICE`): when both cores are busy, acknowledging and the lexical search go
first, and the model gets what is left (benchmarks/load.py: ack median 2.7x -> 1.7-2.3x a
bare Bolt app at 30 users, in pairs of runs; at 5 users every question is still embedded).

A question whose expected wait exceeds `max_wait`, with others ahead of it, is not queued
at all: it is answered by the lexical search alone at once, so a burst slows no answer past
its deadline. `shed` counts those (and the metric `agendabot_query_vectors_total`); the
reply does not change shape.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from agendabot.core.search.dense import Matrix, Vector
from agendabot.observability import record_query_vectors

log = logging.getLogger(__name__)

MAX_WAIT = 0.8  # seconds a question may expect to wait for its vector
MAX_BATCH = 8
FIRST_GUESS = 0.045  # seconds per query before the first batch is timed
MODEL_NICE = 10  # the model thread's nice value: with the CPU contended, acks go first


def _background_priority() -> None:
    """Run this thread, and the model's OpenMP threads it starts (they inherit it), behind
    the event loop: Linux gives a nice value per thread. Never raises: on another system,
    or where the priority cannot be set, the model runs at normal priority."""
    try:
        tid = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, max(current, MODEL_NICE))
    except (AttributeError, OSError) as exc:
        log.info("model thread priority unchanged (%s)", type(exc).__name__)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


@dataclass
class _Line:
    """The waiting questions of one event loop, and whether a batch is running for them."""

    loop: asyncio.AbstractEventLoop
    waiting: list[tuple[str, asyncio.Future[Vector | None]]] = field(default_factory=list)
    in_batch: int = 0
    draining: asyncio.Task[None] | None = None


class QueryQueue:
    """`await queue(text)`: the query's vector, or None when it would come too late or the
    model fails. `embed_many(texts)` is the model's batch call; it runs in a worker thread."""

    def __init__(
        self,
        embed_many: Callable[[Sequence[str]], Matrix],
        *,
        max_wait: float = MAX_WAIT,
        max_batch: int = MAX_BATCH,
    ) -> None:
        self._embed_many = embed_many
        self.max_wait = max_wait
        self.max_batch = max_batch
        self.per_query = FIRST_GUESS  # moving average of the seconds one query costs
        self.shed = 0
        self._line: _Line | None = None
        self._thread = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="query-model", initializer=_background_priority
        )

    def ahead(self) -> int:
        """How many questions of this event loop are waiting for the model, or in it."""
        line = self._line
        if line is None or line.loop is not _running_loop():
            return 0
        return len(line.waiting) + line.in_batch

    def expected_wait(self) -> float:
        """Seconds a question asked now would expect to wait for its vector."""
        return (self.ahead() + 1) * self.per_query

    async def __call__(self, text: str) -> Vector | None:
        if self.ahead() and self.expected_wait() > self.max_wait:  # first in line: never shed
            self.shed += 1
            record_query_vectors("shed")
            return None
        loop = asyncio.get_running_loop()
        line = self._line
        if line is None or line.loop is not loop or line.loop.is_closed():
            line = self._line = _Line(loop)  # a new loop (tests, a restart): start afresh
        future: asyncio.Future[Vector | None] = loop.create_future()
        line.waiting.append((text, future))
        if line.draining is None:
            line.draining = loop.create_task(self._drain(line), name="query-embeddings")
        return await future

    async def _drain(self, line: _Line) -> None:
        batch: list[tuple[str, asyncio.Future[Vector | None]]] = []
        try:
            while line.waiting:
                batch = line.waiting[: self.max_batch]
                del line.waiting[: self.max_batch]
                line.in_batch = len(batch)
                started = time.perf_counter()
                try:
                    matrix = await line.loop.run_in_executor(
                        self._thread, self._embed_many, [t for t, _ in batch]
                    )
                except Exception as exc:  # the model is an optional signal
                    log.warning("query embedding failed (%s): lexical search", type(exc).__name__)
                    rows: Sequence[Vector | None] = [None] * len(batch)
                    record_query_vectors("failed", len(batch))
                else:
                    rows = list(matrix)
                    spent = (time.perf_counter() - started) / len(batch)
                    self.per_query = 0.8 * self.per_query + 0.2 * spent
                    record_query_vectors("embedded", len(batch))
                for (_, future), row in zip(batch, rows, strict=True):
                    if not future.done():  # the asker may have gone (cancelled)
                        future.set_result(row)
                batch = []
                line.in_batch = 0
        finally:  # cancelled (shutdown): whoever still waits gets the lexical search
            for _, future in [*batch, *line.waiting]:
                if not future.done():
                    future.set_result(None)
            line.waiting.clear()
            line.in_batch = 0
            line.draining = None
