"""The weekly digest schedule: APScheduler 3's `AsyncIOScheduler` inside `agendabot serve`.

    scheduler = start_scheduler(store, poster, content_provider, settings)  # in the event loop
    ...
    stop_sending(scheduler)  # on SIGTERM: no new runs; the one in progress stops between posts
    scheduler.shutdown(wait=False)

Three jobs, all calling the same idempotent `DigestJob.run_due(now)`:

* `digest-weekly`: the `CronTrigger` of `config/digest.yaml` (default Monday 09:00
  Europe/Amsterdam), with a large `misfire_grace_time`, `coalesce=True`, `max_instances=1`;
* `digest-catch-up`: once, right at start-up, so a bot that was down at 09:00 sends that
  week's digest when it comes back (the same ISO week; not in a later week);
* `digest-tick`: every few minutes (default 5), sends whatever is due this week and not yet
  sent (digests whose post failed, claims left by a crashed replica) and the pending update
  notifications.

Job stores are not shared between replicas (each replica runs every job); the digest ledger
in the database decides who posts what, once. Around the DST changes a wall-clock schedule
can fire twice (or at a non-existent hour): the ledger's key is the ISO week, so the second
firing finds the week done.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, Final

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from agendabot.jobs.delivery import ContentProvider, Poster
from agendabot.jobs.digest_config import DigestConfig, load_digest_config
from agendabot.jobs.digest_sender import DigestJob, TickReport
from agendabot.settings import Settings
from agendabot.state import AsyncStore

__all__ = [
    "CATCH_UP_JOB_ID",
    "TICK_JOB_ID",
    "WEEKLY_JOB_ID",
    "Clock",
    "build_scheduler",
    "run_job",
    "run_soon",
    "start_scheduler",
    "stop_sending",
]

logger = logging.getLogger("agendabot.scheduler")

WEEKLY_JOB_ID: Final = "digest-weekly"
CATCH_UP_JOB_ID: Final = "digest-catch-up"
TICK_JOB_ID: Final = "digest-tick"

Clock = Callable[[], datetime]
# Runs a digest run as a tracked background task (`InFlight.spawn` in `agendabot serve`).
Spawn = Callable[[Coroutine[Any, Any, Any], str], "asyncio.Future[Any]"]


def utc_now() -> datetime:
    return datetime.now(UTC)


async def run_job(job: DigestJob, clock: Clock, reason: str) -> TickReport | None:
    """One run of `job` at `clock()`; errors are logged (the next tick tries again)."""
    now = clock()
    try:
        report = await job.run_due(now)
    except Exception:
        logger.exception("digest run (%s) at %s failed; the next tick retries", reason, now)
        return None
    digests, updates = report.digests, report.updates
    if digests.sent or digests.failed or digests.taken_over or updates.sent or updates.failed:
        logger.info(
            "digest run (%s) week %s: %d sent, %d empty, %d taken over, %d failed; "
            "updates: %d enqueued, %d recipients notified, %d failed",
            reason,
            digests.week,
            len(digests.sent),
            len(digests.empty),
            len(digests.taken_over),
            len(digests.failed),
            updates.enqueued,
            len(updates.sent),
            len(updates.failed),
        )
    return report


def _spawned(spawn: Spawn) -> Callable[[DigestJob, Clock, str], Awaitable[TickReport | None]]:
    """`run_job` as a task of `spawn`'s, shielded from the scheduler.

    `AsyncIOScheduler.shutdown()` cancels the jobs that are running. A digest run cancelled
    after Slack took the post but before the ledger recorded it would be posted again by
    the next run; as a spawned task it is finished by the SIGTERM drain instead.
    """

    async def run(job: DigestJob, clock: Clock, reason: str) -> TickReport | None:
        return await asyncio.shield(spawn(run_job(job, clock, reason), f"digest:{reason}"))

    return run


def build_scheduler(
    job: DigestJob,
    config: DigestConfig,
    *,
    clock: Clock = utc_now,
    spawn: Spawn | None = None,
) -> AsyncIOScheduler:
    """A scheduler with the three digest jobs, not yet started. With `spawn`, each run is
    a task of its own that shutting the scheduler down does not cancel (`_spawned`)."""
    func = run_job if spawn is None else _spawned(spawn)
    scheduler = AsyncIOScheduler(
        timezone=config.tz,
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": int(config.misfire_grace.total_seconds()),
        },
    )
    scheduler.add_job(
        func,
        trigger=config.trigger(),
        args=(job, clock, "weekly"),
        id=WEEKLY_JOB_ID,
        name="weekly digest",
    )
    scheduler.add_job(
        func,
        trigger=DateTrigger(run_date=utc_now()),
        args=(job, clock, "start-up"),
        id=CATCH_UP_JOB_ID,
        name="start-up catch-up",
    )
    scheduler.add_job(
        func,
        trigger=IntervalTrigger(seconds=config.tick.total_seconds(), timezone=config.tz),
        args=(job, clock, "tick"),
        id=TICK_JOB_ID,
        name="digest and updates tick",
    )
    return scheduler


def start_scheduler(
    store: AsyncStore,
    poster: Poster,
    content_provider: ContentProvider,
    settings: Settings,
    *,
    replica: str | None = None,
    config: DigestConfig | None = None,
    clock: Clock = utc_now,
    spawn: Spawn | None = None,
) -> AsyncIOScheduler:
    """Build and start the digest scheduler; call inside the running event loop.

    `config` defaults to `load_digest_config(settings)` (which raises `DigestConfigError`
    with a Dutch sentence for a bad `config/digest.yaml`). Stop it with
    `scheduler.shutdown(wait=False)`.
    """
    config = config or load_digest_config(settings)
    job = DigestJob(store, poster, content_provider, config, replica=replica)
    scheduler = build_scheduler(job, config, clock=clock, spawn=spawn)
    scheduler.start()
    logger.info(
        "digest scheduler started (replica %s): '%s' in %s, next at %s",
        job.replica,
        config.schedule,
        config.timezone,
        scheduler.get_job(WEEKLY_JOB_ID).next_run_time,
    )
    return scheduler


def stop_sending(scheduler: AsyncIOScheduler) -> None:
    """On shutdown: no new runs, and a run in progress stops after the post in hand."""
    scheduler.pause()
    weekly = scheduler.get_job(WEEKLY_JOB_ID)
    if weekly is not None:
        job: DigestJob = weekly.args[0]  # the one DigestJob all three jobs run
        job.stop()


def run_soon(scheduler: AsyncIOScheduler) -> None:
    """Run the tick now (e.g. right after a status change, to notify subscribers at once)."""
    job = scheduler.get_job(TICK_JOB_ID)
    if job is not None:
        job.modify(next_run_time=utc_now())
