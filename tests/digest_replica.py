"""One agendabot replica's digest scheduler, driven step by step in simulated time.

Started as an OS process by `tests/test_digest_job.py` (the two-replica acceptance test):

    python tests/digest_replica.py DATABASE_URL SLACK_API_URL BOT_TOKEN [--hang-week 2026-W13]

It builds the real scheduler (`agendabot.jobs.scheduler.build_scheduler`, not started: the test
supplies the time) with the real `DigestJob`, `SlackPoster` and content. Each line on stdin
is `<job id> <ISO time>`; the replica runs that scheduler job as if the clock said that
time and answers with one JSON line (what the run did). `quit` ends it.

`--hang-week W`: the first digest of week W this replica claims is not posted; the replica
prints `CLAIMED <recipient> <week>` and waits forever, for the test to kill it (a crash
between claiming and `mark_sent`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from agendabot.content import load_content
from agendabot.core.reply.model import Reply
from agendabot.jobs.digest_config import DigestConfig
from agendabot.jobs.digest_sender import DigestJob
from agendabot.jobs.scheduler import build_scheduler
from agendabot.slack.poster import SlackPoster
from agendabot.state import AsyncStore, Store


class HangingPoster:
    """The real poster, except that it hangs on the first digest of `week`."""

    def __init__(self, real: SlackPoster, week: str | None) -> None:
        self.real = real
        self.week = week

    async def post(
        self, channel: str, reply: Reply, *, metadata: Mapping[str, Any] | None = None
    ) -> str | None:
        payload = (metadata or {}).get("event_payload", {})
        if self.week is not None and payload.get("week") == self.week:
            print(f"CLAIMED {channel} {self.week}", flush=True)
            await asyncio.Event().wait()  # until killed
        return await self.real.post(channel, reply, metadata=metadata)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database_url")
    parser.add_argument("api_url")
    parser.add_argument("token")
    parser.add_argument("--hang-week")
    parser.add_argument("--replica", required=True)
    args = parser.parse_args()

    store = AsyncStore(Store.open(args.database_url))
    content = load_content()
    config = DigestConfig()  # Monday 09:00 Europe/Amsterdam, 15 minutes to a stale claim
    poster = HangingPoster(
        SlackPoster.from_token(args.token, base_url=args.api_url), args.hang_week
    )
    job = DigestJob(store, poster, lambda: content, config, replica=args.replica)
    simulated: list[datetime] = []
    scheduler = build_scheduler(job, config, clock=lambda: simulated[-1])
    print("READY", flush=True)

    loop = asyncio.get_running_loop()
    while True:
        line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
        if not line or line == "quit":
            break
        job_id, moment = line.split(" ", 1)
        simulated.append(datetime.fromisoformat(moment))
        scheduled = scheduler.get_job(job_id)
        report = await scheduled.func(*scheduled.args)
        digests = report.digests if report is not None else None
        print(
            json.dumps(
                {
                    "job": job_id,
                    "now": moment,
                    "week": digests.week if digests else None,
                    "sent": sorted(digests.sent) if digests else [],
                    "taken_over": digests.taken_over if digests else [],
                    "failed": digests.failed if digests else {},
                    "error": report is None,
                }
            ),
            flush=True,
        )
    await store.close()


if __name__ == "__main__":
    asyncio.run(main())
