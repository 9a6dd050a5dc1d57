"""`start_now`: a reply that needs no waiting is computed in the caller, with no task;
one that waits goes on in a task and sees what it waited for as it would in a task of its
own. And at the network boundary: a slash command's immediate reply is its acknowledgement
even when the acknowledgement deadline leaves no time at all."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from tests.slack import fixtures, signing
from tests.slack.botapp import running_bot
from tests.slack.web_api import SlackWebApi

from agendabot.core.bot.knowledge import Knowledge
from agendabot.slack.eager import start_now


async def _tasks() -> int:
    return len(asyncio.all_tasks())


async def test_a_coroutine_that_never_waits_is_done_at_once_without_a_task() -> None:
    ran: list[str] = []

    async def reply() -> str:
        ran.append("ran")
        return "antwoord"

    before = await _tasks()
    future = start_now(reply())
    assert ran == ["ran"], "it ran in the caller, before any turn of the loop"
    assert future.done() and future.result() == "antwoord"
    assert await _tasks() == before, "no task was made for it"


async def test_its_failure_is_kept_in_the_future() -> None:
    async def fails() -> str:
        raise ValueError("kapot")

    future = start_now(fails())
    assert future.done()
    with pytest.raises(ValueError, match="kapot"):
        future.result()


async def test_a_coroutine_that_waits_goes_on_in_a_task() -> None:
    loop = asyncio.get_running_loop()
    gate: asyncio.Future[str] = loop.create_future()
    steps: list[str] = []

    async def reply() -> str:
        steps.append("before")
        value = await gate
        steps.append("after")
        await asyncio.sleep(0)  # a bare yield too
        await asyncio.sleep(0.001)
        return value.upper()

    future = start_now(reply())
    assert steps == ["before"] and not future.done()
    loop.call_later(0.01, gate.set_result, "laat")
    assert await asyncio.wait_for(future, 2) == "LAAT"
    assert steps == ["before", "after"]


async def test_it_sees_the_failure_of_what_it_waited_for() -> None:
    loop = asyncio.get_running_loop()
    gate: asyncio.Future[str] = loop.create_future()

    async def reply() -> str:
        try:
            return await gate
        except KeyError as exc:
            return f"opgevangen {exc}"

    future = start_now(reply())
    loop.call_soon(gate.set_exception, KeyError("model"))
    assert await future == "opgevangen 'model'"


async def test_a_failure_after_waiting_fails_the_task() -> None:
    async def reply() -> str:
        await asyncio.sleep(0)
        raise RuntimeError("daarna")

    with pytest.raises(RuntimeError, match="daarna"):
        await start_now(reply())


async def test_cancelling_the_task_cancels_the_coroutine_where_it_waits() -> None:
    loop = asyncio.get_running_loop()
    gate: asyncio.Future[str] = loop.create_future()
    seen: list[str] = []

    async def reply() -> str:
        try:
            return await gate
        except asyncio.CancelledError:
            seen.append("cancelled inside")
            raise

    future = start_now(reply())
    await asyncio.sleep(0.001)
    future.cancel()
    with pytest.raises(asyncio.CancelledError):
        await future
    assert seen == ["cancelled inside"]
    assert gate.cancelled(), "what it waited for is cancelled, as for a task of its own"


async def test_an_immediate_reply_is_the_acknowledgement_and_needs_no_task(
    slack_web_api: SlackWebApi, knowledge: Knowledge, tmp_path: Path
) -> None:
    """`/vraag 47` waits for nothing: its answer is computed while the request is handled
    and sent as the ack, with no task for it (every task the loop makes is recorded)."""
    loop = asyncio.get_running_loop()
    made: list[str] = []

    def factory(loop: asyncio.AbstractEventLoop, coro: Any) -> asyncio.Task[Any]:
        made.append(getattr(coro, "__qualname__", repr(coro)))
        return asyncio.Task(coro, loop=loop)

    async with running_bot(
        slack_web_api, knowledge, tmp_path, mode="http", ack_deadline=0.0
    ) as running:
        body = fixtures.slash_command_body("47", response_url=slack_web_api.response_url("n47"))
        loop.set_task_factory(factory)
        try:
            status, raw, _ = await signing.post(running.events_url, signing.signed(body))
        finally:
            loop.set_task_factory(None)
        await running.settle()
    assert status == 200
    assert "Vraag 47" in raw, raw[:300]
    assert not [p for p in slack_web_api.response_posts if p.key == "n47"], "nothing followed"
    assert made, "the request's own tasks were seen (aiohttp, bolt)"
    assert not [name for name in made if "answer" in name or "_resume" in name], made
