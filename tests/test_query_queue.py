"""The line of questions waiting for the model: batched, shed under load, never stuck, and
the late reply of a slash command through `response_url`.

The model is a port (`embed_many(texts) -> matrix`); the fakes here are plain functions,
so the queue's own timing is what is tested. The Slack test uses the real model.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from tests.slack import fixtures, signing
from tests.slack.botapp import running_bot
from tests.slack.web_api import SlackWebApi

from agendabot.bot import create_bot
from agendabot.content.knowledge import load_knowledge
from agendabot.content.query_queue import MODEL_NICE, QueryQueue
from agendabot.core.bot.dispatch import Bot, BotConfig
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.requests import Command
from agendabot.core.reply.render_text import render_text
from agendabot.core.search.dense import Matrix, Vector


class SlowModel:
    """A model that takes `seconds` per call and records the batches it was given."""

    def __init__(self, seconds: float = 0.05, fail: bool = False) -> None:
        self.seconds = seconds
        self.fail = fail
        self.batches: list[list[str]] = []
        self.threads: set[int] = set()

    def __call__(self, texts: Sequence[str]) -> Matrix:
        self.batches.append(list(texts))
        self.threads.add(threading.get_ident())
        time.sleep(self.seconds)
        if self.fail:
            raise RuntimeError("model broke")
        return np.array([[float(len(t)), 1.0] for t in texts], dtype=np.float32)


async def test_questions_that_arrive_while_the_model_runs_go_in_one_batch() -> None:
    model = SlowModel(0.05)
    queue = QueryQueue(model, max_wait=10)
    first = asyncio.ensure_future(queue("a"))
    await asyncio.sleep(0.01)  # the first batch is running
    rest = [asyncio.ensure_future(queue("b" * n)) for n in range(2, 6)]
    vectors = await asyncio.gather(first, *rest)
    assert model.batches == [["a"], ["bb", "bbb", "bbbb", "bbbbb"]]
    assert [v[0] for v in vectors if v is not None] == [1, 2, 3, 4, 5], "each its own row"
    assert threading.get_ident() not in model.threads, "the model runs off the event loop"
    assert queue.shed == 0


async def test_a_batch_is_never_larger_than_max_batch() -> None:
    model = SlowModel(0.02)
    queue = QueryQueue(model, max_wait=10, max_batch=3)
    first = asyncio.ensure_future(queue("x"))
    await asyncio.sleep(0.005)
    await asyncio.gather(first, *(queue(str(n)) for n in range(7)))
    assert [len(b) for b in model.batches] == [1, 3, 3, 1]


async def test_a_question_that_would_wait_too_long_is_answered_without_a_vector() -> None:
    model = SlowModel(0.1)
    queue = QueryQueue(model, max_wait=0.25)
    await queue("warm")  # times the model: ~0.1 s per query
    waiting = [asyncio.ensure_future(queue(f"q{n}")) for n in range(6)]
    results = await asyncio.gather(*waiting)
    assert queue.shed > 0, "the line was too long for some"
    assert sum(r is None for r in results) == queue.shed
    assert sum(r is not None for r in results) >= 1, "the first in line still gets one"
    assert await queue("later") is not None, "once the line is gone, vectors come again"


async def test_a_failing_model_gives_no_vector_and_the_queue_goes_on() -> None:
    model = SlowModel(0.0, fail=True)
    queue = QueryQueue(model)
    assert await queue("a") is None
    model.fail = False
    assert await queue("b") is not None


def test_the_queue_works_across_event_loops() -> None:
    queue = QueryQueue(SlowModel(0.0))
    for _ in range(2):  # a second loop (a restart, the next test) starts afresh
        assert asyncio.run(_one(queue)) is not None


async def _one(queue: QueryQueue) -> Vector | None:
    return await queue("a")


# --- in the bot -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


class Gate:
    """A queue port that can be shut (the model busy: no vector) and opened again."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.open = False
        self.asked = 0
        self._embed = knowledge.embed

    async def __call__(self, text: str) -> Vector | None:
        self.asked += 1
        if not self.open or self._embed is None:
            return None
        return self._embed(text)


@pytest.fixture
async def gated(knowledge: Knowledge, tmp_path: Path) -> AsyncIterator[tuple[Bot, Gate]]:
    """A bot whose query model is behind a `Gate` (shut at first)."""
    from agendabot.state import AsyncStore

    gate = Gate(knowledge)
    busy = replace(knowledge, queue=gate)
    store = await AsyncStore.open(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    try:
        yield create_bot(lambda: busy, store, BotConfig(deadline_weeks=8)), gate
    finally:
        await store.close()


async def test_a_busy_model_gives_a_lexical_answer_that_is_not_kept(
    gated: tuple[Bot, Gate],
) -> None:
    bot, gate = gated
    ask = Command("/vraag", "what about closed communities?", "U1", "C1")
    shut = render_text(await bot.handle(ask, now=_now()))
    gate.open = True
    opened = render_text(await bot.handle(ask, now=_now()))
    again = render_text(await bot.handle(ask, now=_now()))
    assert shut, "still an answer (or candidates) while the model is busy"
    assert gate.asked == 2, "the lexical answer was not kept: the model was asked again"
    assert "Gesloten gemeenschappen kunnen" in opened, "with the vector: the right answer"
    assert again == opened, "the fused answer is kept"


async def test_numbers_asked_for_do_not_wait_for_the_model(gated: tuple[Bot, Gate]) -> None:
    bot, gate = gated
    for text, first in (("47, 48", 47), ("vraag 47 en 48", 47), ("questions 12 and 13", 12)):
        reply = render_text(await bot.handle(Command("/vraag", text, "U1", "C1"), now=_now()))
        assert reply.startswith(f"Vraag {first}\n"), reply[:80]
    assert gate.asked == 0, "a list of question numbers is looked up, not embedded"


async def test_a_slow_reply_follows_through_response_url(
    slack_web_api: SlackWebApi, knowledge: Knowledge, tmp_path: Path
) -> None:
    async with running_bot(
        slack_web_api, knowledge, tmp_path, mode="http", ack_deadline=0.0
    ) as running:
        url = slack_web_api.response_url("late-1")
        body = fixtures.slash_command_body("wat zijn gesloten gemeenschappen?", response_url=url)
        status, raw, _ = await signing.post(running.events_url, signing.signed(body))
        assert status == 200
        assert raw == "", "acknowledged empty: Slack shows only the reply that follows"
        [post] = await slack_web_api.wait_for_response_posts(1, key="late-1")
        await running.settle()
    assert post.status == 200
    assert post.body["response_type"] == "ephemeral"
    assert "Gesloten gemeenschappen kunnen" in post.all_text()


def _now():  # type: ignore[no-untyped-def]
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


async def test_the_first_in_line_is_never_shed() -> None:
    queue = QueryQueue(SlowModel(0.0), max_wait=0.01)
    queue.per_query = 5.0  # a model that was very slow (a busy machine) a moment ago
    assert await queue("a") is not None and await queue("b") is not None
    assert queue.shed == 0, "nobody was ahead: waiting is only the model's own time"


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="thread priorities: Linux")
async def test_the_model_runs_in_its_own_thread_behind_the_event_loop() -> None:
    """Under CPU contention the acknowledgements go first: the model's thread (whose
    OpenMP threads inherit its priority) runs at nice `MODEL_NICE` or lower priority,
    the event loop's thread keeps its own."""
    seen: list[tuple[int, int]] = []

    def model(texts: Sequence[str]) -> Matrix:
        tid = threading.get_native_id()
        seen.append((tid, os.getpriority(os.PRIO_PROCESS, tid)))
        return np.ones((len(texts), 2), dtype=np.float32)

    loop_tid = threading.get_native_id()
    loop_nice = os.getpriority(os.PRIO_PROCESS, loop_tid)
    queue = QueryQueue(model)
    for text in ("eerste vraag", "tweede vraag"):
        assert await queue(text) is not None
    assert len(seen) == 2 and len({tid for tid, _ in seen}) == 1  # one thread, reused
    tid, nice = seen[0]
    assert tid != loop_tid
    assert nice >= MODEL_NICE
    assert os.getpriority(os.PRIO_PROCESS, loop_tid) == loop_nice
