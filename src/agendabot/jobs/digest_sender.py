"""Sending the weekly digests and the update notifications, exactly once per recipient.

`DigestJob.run_due(now)` is what the scheduler calls (at the weekly fire time, at start-up
and on every tick). It is idempotent and safe to run in any number of replicas at once:

1. **Digests.** When this ISO week's fire time (from the cron schedule) has passed, every
   recipient that subscribed before it and has no sent digest for the week gets one:
   `ledger.claim(recipient, week)` → compose → post → `ledger.mark_sent(…, message_ref=ts)`
   at once; a failed post → `ledger.mark_failed` so the next tick retries. A claim whose
   replica died is taken over once it is older than `stale_after`.

   Failures are *transient* or *permanent* (`is_transient`). A Slack outage — 429, 5xx,
   a dropped connection, a timeout — only delays the digest: it is retried every tick for
   the rest of the ISO week, however long the outage, and the rest of that run waits for
   the next tick (`DigestRun.deferred`). Only a permanent refusal (`channel_not_found`,
   `not_in_channel`, `is_archived`, `invalid_auth`, …) counts toward
   `catch_up.max_attempts`, is logged as an error and counted in
   `agendabot_digests_failed_total`; after that many the recipient is left alone until
   next week. Update notifications follow the same rule.
2. **Updates.** Pending update notifications, sent by `UpdateSender`
   (`agendabot.jobs.update_sender`), which this job includes.

Delivery guarantee, honestly: the ledger makes the *claim* exactly-once. Posting and
recording are two systems, so one window remains in which a digest can be posted twice: the
post reached Slack but the replica died (or lost the database) before `mark_sent` committed,
a few milliseconds after Slack's answer. The claim then goes stale and another replica posts
again. Everything else — two replicas, a crash before posting, 429s and 5xx answers, a
restart — yields one digest. `mark_sent` is retried a few times before giving up to keep the
window small, and every post carries message metadata (`agendabot_digest`, week) so a
duplicate can be recognised in Slack.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Final

from apscheduler.triggers.cron import CronTrigger

from agendabot.content import Content
from agendabot.core.agenda.digest import DigestOptions, compose_digest, iso_week_of, week_bounds
from agendabot.jobs.delivery import (
    ContentProvider,
    Poster,
    document_links,
    is_transient,
)
from agendabot.jobs.digest_config import DigestConfig
from agendabot.jobs.update_sender import UpdateSender, UpdatesRun
from agendabot.observability import record_digest
from agendabot.state import AsyncStore, Subscription
from agendabot.state.store import new_replica_id

__all__ = [
    "DigestJob",
    "DigestRun",
    "TickReport",
    "UpdatesRun",
    "recipient_pillars",
]

logger = logging.getLogger("agendabot.digest")

EMPTY_REF: Final = "empty"  # ledger message_ref of a digest that had nothing to say
GAVE_UP_REF: Final = "gave-up"
MARK_SENT_RETRIES: Final = (0.2, 0.5, 1.0, 2.0)


@dataclass
class DigestRun:
    """What one `send_digests` call did."""

    week: str
    due: bool  # the week's fire time has passed (or the run was forced)
    fire_time: datetime | None
    sent: dict[str, str | None] = field(default_factory=dict)  # recipient → Slack ts
    empty: list[str] = field(default_factory=list)  # nothing to say (send_empty off)
    taken_over: list[str] = field(default_factory=list)  # stale claims of a dead replica
    not_claimed: list[str] = field(default_factory=list)  # sent or in hand elsewhere
    failed: dict[str, str] = field(default_factory=dict)  # recipient → error (retried later)
    permanent: list[str] = field(default_factory=list)  # of `failed`: refused, not an outage
    deferred: list[str] = field(default_factory=list)  # not tried: Slack was unreachable
    gave_up: list[str] = field(default_factory=list)  # refused `max_attempts` times this week


@dataclass
class TickReport:
    digests: DigestRun
    updates: UpdatesRun


def recipient_pillars(subscriptions: Sequence[Subscription]) -> dict[str, int | None]:
    """One digest per recipient: its pillar (1 or 2), or None when it follows both or all."""
    followed: dict[str, set[str]] = {}
    for subscription in subscriptions:
        followed.setdefault(subscription.target, set()).add(subscription.pillar)
    out: dict[str, int | None] = {}
    for target, pillars in followed.items():
        if "all" in pillars or pillars >= {"1", "2"}:
            out[target] = None
        else:
            out[target] = int(next(iter(pillars)))
    return out


def week_fire_time(trigger: CronTrigger, now: datetime) -> datetime | None:
    """The first fire time of `trigger` in the ISO week of `now` (in the trigger's time
    zone), or None when it does not fire that week."""
    local = now.astimezone(trigger.timezone)
    monday = week_bounds(local.date())[0]
    start = datetime(monday.year, monday.month, monday.day, tzinfo=trigger.timezone)
    fire: datetime | None = trigger.get_next_fire_time(None, start)
    if fire is None or iso_week_of(fire.astimezone(trigger.timezone).date()) != iso_week_of(
        local.date()
    ):
        return None
    return fire


class DigestJob(UpdateSender):
    """The digest and update senders of one replica (see the module docstring)."""

    def __init__(
        self,
        store: AsyncStore,
        poster: Poster,
        content: ContentProvider,
        config: DigestConfig,
        *,
        replica: str | None = None,
    ) -> None:
        self.store = store
        self.poster = poster
        self.content = content
        self.config = config
        self.replica = replica or new_replica_id()
        self.trigger = config.trigger()
        self._lock = asyncio.Lock()
        self._stopping = False  # set on shutdown: finish the post in hand, start no other

    def stop(self) -> None:
        """Shutting down: the run in progress finishes the recipient it is posting to and
        leaves the rest for the next run (their claims are not taken, or are released)."""
        self._stopping = True

    # --- the scheduler's entry point --------------------------------------------------------

    async def run_due(self, now: datetime) -> TickReport:
        """Send what is due at `now`: this week's digests (once its fire time has passed),
        then pending update notifications. One run at a time per replica."""
        async with self._lock:
            digests = await self.send_digests(now)
            updates = UpdatesRun()
            updates.enqueued = await self.refresh_updates(now)
            await self._send_updates(now, updates)
            return TickReport(digests, updates)

    # --- digests ----------------------------------------------------------------------------

    async def send_digests(
        self,
        now: datetime,
        *,
        force: bool = False,
        only: Sequence[str] | None = None,
    ) -> DigestRun:
        """This ISO week's digests that are not yet sent.

        Without `force` only once the week's fire time has passed, and only to recipients
        subscribed before it (a new subscriber gets the next week's digest). With `force`
        (`agendabot digest --send`) now, to every subscriber. `only` limits the recipients.
        """
        started = time.monotonic()
        now = now.astimezone(UTC)  # exact arithmetic below, also in the repeated DST hour
        tz = self.config.tz
        week = iso_week_of(now.astimezone(tz).date())
        fire = week_fire_time(self.trigger, now)
        run = DigestRun(week=week, due=force or (fire is not None and fire <= now), fire_time=fire)
        if not run.due:
            return run
        subscriptions = await self.store.subscriptions.all()
        if not force:
            assert fire is not None
            subscriptions = [s for s in subscriptions if s.created_at <= fire]
        recipients = recipient_pillars(subscriptions)
        if only is not None:
            recipients = {r: p for r, p in recipients.items() if r in set(only)}
        if not recipients:
            return run
        content = self.content()
        statuses = {
            cid: s.status for cid, s in (await self.store.statuses.current_statuses()).items()
        }
        links = document_links(content)
        options = self.config.options()
        for recipient, pillar in sorted(recipients.items()):
            if self._stopping:
                run.deferred.append(recipient)
                continue
            if len(run.failed) > len(run.permanent):
                # Slack is unreachable: the next tick tries again, this run does not wait for
                # every recipient's retries and timeouts in turn.
                run.deferred.append(recipient)
                continue
            # The claim's time moves with the run, so a long run never claims "in the past".
            at = now + timedelta(seconds=time.monotonic() - started)
            await self._send_one(run, recipient, pillar, at, content, statuses, links, options)
        return run

    async def _send_one(
        self,
        run: DigestRun,
        recipient: str,
        pillar: int | None,
        at: datetime,
        content: Content,
        statuses: Mapping[str, str],
        links: Mapping[str, str],
        options: DigestOptions,
    ) -> None:
        ledger = self.store.ledger
        entry = await ledger.get(recipient, run.week)
        if entry is not None and entry.state == "sent":
            run.not_claimed.append(recipient)
            return
        if (
            entry is not None
            and entry.state == "failed"
            and entry.permanent_failures >= self.config.catch_up.max_attempts
        ):
            run.gave_up.append(recipient)  # logged when the last refusal came in
            return
        if not await ledger.claim(
            recipient, run.week, self.replica, now=at, stale_after=self.config.stale_after
        ):
            run.not_claimed.append(recipient)
            return
        if entry is not None and entry.state == "claimed":
            run.taken_over.append(recipient)
            logger.warning(
                "digest %s %s: took over the stale claim of %s",
                recipient,
                run.week,
                entry.claimed_by,
            )
        digest = compose_digest(
            content.commitments,
            statuses,
            pillar=pillar,
            now=at,
            options=options,
            links=links,
            kamervragen=content.kamervragen,
        )
        if digest.reply is None:
            await self._mark_sent(recipient, run.week, at, EMPTY_REF)
            run.empty.append(recipient)
            return
        metadata = {
            "event_type": "agendabot_digest",
            "event_payload": {"week": run.week, "recipient": recipient},
        }
        try:
            ts = await asyncio.wait_for(
                self.poster.post(recipient, digest.reply, metadata=metadata),
                timeout=self.config.stale_after.total_seconds() / 2,
            )
        except Exception as exc:
            await self._failed(run, recipient, entry.permanent_failures if entry else 0, exc)
            return
        run.sent[recipient] = ts
        record_digest(sent=True)
        await self._mark_sent(recipient, run.week, at, ts)

    async def _failed(
        self, run: DigestRun, recipient: str, refusals_before: int, exc: Exception
    ) -> None:
        """Release the claim; a permanent refusal counts toward `max_attempts`."""
        error = f"{type(exc).__name__}: {exc}"
        run.failed[recipient] = error
        permanent = not is_transient(exc)
        await self.store.ledger.mark_failed(
            recipient, run.week, replica=self.replica, error=error, permanent=permanent
        )
        if not permanent:
            logger.warning(
                "digest %s %s delayed, Slack is unreachable (%s); the next tick tries again",
                recipient,
                run.week,
                error,
            )
            return
        run.permanent.append(recipient)
        record_digest(sent=False)
        refusals, cap = refusals_before + 1, self.config.catch_up.max_attempts
        if refusals >= cap:
            logger.error(
                "digest %s %s refused by Slack %s times (%s); giving up until next week — "
                "check that the channel exists and the app is in it",
                recipient,
                run.week,
                refusals,
                error,
            )
        else:
            logger.error(
                "digest %s %s refused by Slack (%s), refusal %s of %s; retried next tick",
                recipient,
                run.week,
                error,
                refusals,
                cap,
            )

    async def _mark_sent(
        self, recipient: str, week: str, at: datetime, message_ref: str | None
    ) -> None:
        """Record the post right away; retried, because a lost `mark_sent` means a repeat."""
        for pause in (*MARK_SENT_RETRIES, None):
            try:
                await self.store.ledger.mark_sent(recipient, week, now=at, message_ref=message_ref)
                return
            except Exception:
                if pause is None:
                    logger.exception(
                        "digest %s %s was posted but could not be recorded as sent; "
                        "another run may post it again",
                        recipient,
                        week,
                    )
                    return
                await asyncio.sleep(pause)
