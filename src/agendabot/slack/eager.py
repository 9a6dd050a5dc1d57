"""Start a coroutine at once, in the caller, the way Python 3.12's eager tasks do.

    future = start_now(bot.handle(request, now=now))
    if future.done(): ...                    # answered without waiting: no task was made

Most replies to a slash command are computed without waiting for anything (a question by
number, a lexical search). Handing them to `asyncio.ensure_future` and `asyncio.wait(...,
timeout=...)` costs a task, a timer and two trips through the event loop's queue per
request (about 30 µs of the loop's time here, which under load is the acknowledgement's
own budget). Python 3.11 has no `asyncio.eager_task_factory`; on 3.12 this module can go.

Only a coroutine that actually suspends gets a task; it goes on from where it stopped, and
sees the outcome of what it was waiting for (a result, an exception, a cancellation)
exactly as it would in a task of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["start_now"]


def start_now(coro: Coroutine[Any, Any, T]) -> asyncio.Future[T]:
    """Run `coro` up to its first suspension now. A done future when it finished there
    (with its result or exception), else a task that runs the rest."""
    loop = asyncio.get_running_loop()
    try:
        waiting = coro.send(None)
    except StopIteration as stop:
        done: asyncio.Future[T] = loop.create_future()
        done.set_result(stop.value)
        return done
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # the coroutine's own failure, kept for the caller
        failed: asyncio.Future[T] = loop.create_future()
        if isinstance(exc, asyncio.CancelledError):
            failed.cancel()
        else:
            failed.set_exception(exc)
        return failed
    return asyncio.ensure_future(_resume(coro, waiting))


async def _resume(coro: Coroutine[Any, Any, T], waiting: Any) -> T:
    """Drive a started coroutine to its end: wait for what it is waiting for, then let it
    go on; it reads the outcome (result, exception, cancellation) from that future itself,
    as in a task of its own. A cancellation of this task is passed on to it."""
    while True:
        thrown: BaseException | None = None
        try:
            if waiting is None:  # a bare yield (asyncio.sleep(0)): one turn of the loop
                await asyncio.sleep(0)
            elif asyncio.isfuture(waiting):
                # the coroutine left it marked as waited for; a task clears that mark
                # before it waits itself (the protocol of asyncio's futures)
                waiting._asyncio_future_blocking = False
                await waiting  # cancelling this task cancels it, as a task would
            else:
                thrown = RuntimeError(f"a coroutine waited for {waiting!r}, not a future")
        except asyncio.CancelledError as exc:
            if waiting is None or not waiting.cancelled():
                thrown = exc  # this task was cancelled: cancel the coroutine where it is
        except Exception:
            if not waiting.done():
                raise
            # the future's own failure: the coroutine reads it when it goes on
        try:
            waiting = coro.send(None) if thrown is None else coro.throw(thrown)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
