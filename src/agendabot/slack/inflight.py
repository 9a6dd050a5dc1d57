"""Work that runs after Slack has been acknowledged, tracked so shutdown can finish it.

Bolt acknowledges an event at once and the answer is posted afterwards; a process that
exits in between would lose the answer (Slack does not retry an acknowledged event).
Every such job is started through `InFlight.spawn`, and `agendabot serve` calls
`drain()` on SIGTERM before it closes the database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger(__name__)


class InFlight:
    """A set of running background jobs."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, job: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task[Any]:
        """Run `job` in the background; its exception (if any) is logged, never lost."""
        task = asyncio.ensure_future(job)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background job %s failed", task.get_name(), exc_info=task.exception())

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def drain(self, timeout: float) -> int:
        """Wait up to `timeout` seconds for the running jobs; cancel what is left.

        Returns how many jobs had to be cancelled.
        """
        if not self._tasks:
            return 0
        _, left = await asyncio.wait(set(self._tasks), timeout=timeout)
        for task in left:
            task.cancel()
        if left:
            await asyncio.wait(left, timeout=1.0)
        return len(left)
