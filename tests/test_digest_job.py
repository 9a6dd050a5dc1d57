"""Sending digests and updates: the ledger, the real slack_sdk client and the Slack emulator.

Every test runs on SQLite and PostgreSQL (the `store` fixture). The last test is the
acceptance test for several replicas: two OS processes against one PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.slack_response import SlackResponse
from tests.slack import ids
from tests.slack.web_api import ApiCall, SlackWebApi

from agendabot.content import Content, load_content
from agendabot.core.reply.model import Reply
from agendabot.jobs.delivery import is_transient
from agendabot.jobs.digest_config import CatchUp, DigestConfig
from agendabot.jobs.digest_sender import EMPTY_REF, DigestJob, recipient_pillars, week_fire_time
from agendabot.observability import REGISTRY
from agendabot.slack.poster import SlackPoster, make_web_client
from agendabot.slack.retry import CONNECTION_RETRIES, slack_retry_handlers
from agendabot.state import AsyncStore, Store
from postgres import create_database, drop_database

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = datetime(2026, 1, 12, 9, 0, tzinfo=AMS)  # ISO week 2026-W03
WEEK = "2026-W03"
BEFORE = MONDAY - timedelta(days=7)
CHANNEL_1 = "C0PIJLER01"
CHANNEL_2 = "C0PIJLER02"
PERSON = "U0PERSOON1"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture
async def poster(slack_web_api: SlackWebApi) -> AsyncIterator[SlackPoster]:
    real = SlackPoster(make_web_client(ids.BOT_TOKEN, base_url=slack_web_api.api_url))
    yield real
    await real.close()


def subscribe(store: Store, target: str, pillar: str, at: datetime = BEFORE) -> None:
    store.subscriptions.subscribe(target, pillar, by="U0ADMIN001", now=at)


def make_job(
    store: Store,
    poster: Any,
    content: Content,
    *,
    replica: str = "replica-a",
    config: DigestConfig | None = None,
) -> DigestJob:
    return DigestJob(
        AsyncStore(store), poster, lambda: content, config or DigestConfig(), replica=replica
    )


def posts(api: SlackWebApi) -> list[ApiCall]:
    return [call for call in api.calls_to("chat.postMessage") if call.ok]


def digest_week(call: ApiCall) -> str | None:
    metadata = call.args.get("metadata") or {}
    if metadata.get("event_type") != "agendabot_digest":
        return None
    return str(metadata["event_payload"]["week"])


# --- digests -----------------------------------------------------------------------------------


async def test_each_subscriber_gets_one_digest_for_its_pillars(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1")
    subscribe(store, CHANNEL_2, "2")
    subscribe(store, PERSON, "1")
    subscribe(store, PERSON, "2")  # both pillars: one digest with everything
    job = make_job(store, poster, content)

    run = await job.send_digests(MONDAY)

    assert run.week == WEEK and run.due
    assert sorted(run.sent) == [CHANNEL_1, CHANNEL_2, PERSON]
    calls = {call.args["channel"]: call for call in posts(slack_web_api)}
    assert sorted(calls) == [CHANNEL_1, CHANNEL_2, PERSON]  # the person gets a DM (user id)
    assert "(pijler 1)" in calls[CHANNEL_1].args["text"]
    assert "(pijler 2)" in calls[CHANNEL_2].args["text"]
    assert "(alle pijlers)" in calls[PERSON].args["text"]
    assert all(digest_week(call) == WEEK for call in calls.values())
    assert all(call.args.get("blocks") for call in calls.values())
    for recipient in calls:
        entry = store.ledger.get(recipient, WEEK)
        assert entry is not None and entry.state == "sent"
        assert entry.message_ref == calls[recipient].response["ts"]  # type: ignore[index]

    again = await job.send_digests(MONDAY + timedelta(hours=3))
    assert again.sent == {} and sorted(again.not_claimed) == [CHANNEL_1, CHANNEL_2, PERSON]
    assert len(posts(slack_web_api)) == 3


def test_recipient_pillars_merge_subscriptions(store: Store) -> None:
    subscribe(store, CHANNEL_1, "1")
    subscribe(store, CHANNEL_2, "all")
    subscribe(store, PERSON, "2")
    subscribe(store, PERSON, "1")
    merged = recipient_pillars(store.subscriptions.all())
    assert merged == {CHANNEL_1: 1, CHANNEL_2: None, PERSON: None}


async def test_nothing_before_the_weekly_time_and_new_subscribers_wait_a_week(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1")
    subscribe(store, CHANNEL_2, "2", at=MONDAY + timedelta(hours=2))  # after the fire time
    job = make_job(store, poster, content)

    early = await job.send_digests(MONDAY - timedelta(minutes=1))
    assert not early.due and early.sent == {}
    assert early.fire_time == MONDAY

    later = await job.send_digests(MONDAY + timedelta(hours=3))
    assert list(later.sent) == [CHANNEL_1]  # the new subscriber gets next week's

    forced = await job.send_digests(MONDAY + timedelta(hours=3), force=True)
    assert list(forced.sent) == [CHANNEL_2]  # `agendabot digest --send` sends it now
    assert [c.args["channel"] for c in posts(slack_web_api)] == [CHANNEL_1, CHANNEL_2]


async def test_a_429_is_waited_out_and_the_digest_posted_once(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1")
    slack_web_api.fail_next("chat.postMessage", status=429, retry_after=1)
    job = make_job(store, poster, content)

    run = await job.send_digests(MONDAY)

    attempts = slack_web_api.calls_to("chat.postMessage")
    assert [call.status for call in attempts] == [429, 200]
    assert list(run.sent) == [CHANNEL_1] and run.failed == {}
    assert attempts[1].at - attempts[0].at >= 1.0  # Retry-After honoured


async def test_a_failed_post_is_retried_by_the_next_tick(
    store: Store, slack_web_api: SlackWebApi, content: Content
) -> None:
    """A client without retries meets a 503: the ledger releases the claim, the next run
    posts. (The production client would retry the 5xx itself first.)"""
    subscribe(store, CHANNEL_1, "1")
    bare = SlackPoster(AsyncWebClient(token=ids.BOT_TOKEN, base_url=slack_web_api.api_url))
    slack_web_api.fail_next("chat.postMessage", status=503)
    job = make_job(store, bare, content)

    first = await job.send_digests(MONDAY)
    assert list(first.failed) == [CHANNEL_1] and "503" in first.failed[CHANNEL_1]
    entry = store.ledger.get(CHANNEL_1, WEEK)
    assert entry is not None and entry.state == "failed"

    second = await job.send_digests(MONDAY + timedelta(minutes=5))
    assert list(second.sent) == [CHANNEL_1]
    assert [call.status for call in slack_web_api.calls_to("chat.postMessage")] == [503, 200]


def digests_failed() -> float:
    return REGISTRY.get_sample_value("agendabot_digests_failed_total") or 0.0


def outage(api: SlackWebApi, ticks: int) -> None:
    """Every kind of transient fault, one per tick (a client without retries makes one call)."""
    kinds = ["503", "drop", "502", "429", "500", "504", "drop", "503", "429", "500"]
    for kind in (kinds * (ticks // len(kinds) + 1))[:ticks]:
        if kind == "drop":
            api.drop_next("chat.postMessage")
        else:
            api.fail_next("chat.postMessage", status=int(kind), retry_after=0)


def single_shot(api: SlackWebApi) -> SlackPoster:
    """The real client without retry handlers: every tick is exactly one attempt."""
    client = AsyncWebClient(token=ids.BOT_TOKEN, base_url=api.api_url, retry_handlers=[])
    return SlackPoster(client)


async def test_a_slack_outage_of_ten_ticks_delays_the_digest_and_never_loses_it(
    store: Store, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1")
    poster = single_shot(slack_web_api)
    outage(slack_web_api, ticks=10)
    config = DigestConfig(catch_up=CatchUp(max_attempts=3))  # far fewer than the outage
    job = make_job(store, poster, content, config=config)
    failed_before = digests_failed()
    try:
        for tick in range(10):
            run = await job.send_digests(MONDAY + tick * config.tick)
            assert list(run.failed) == [CHANNEL_1] and run.permanent == []
            assert run.gave_up == [] and run.sent == {}
            entry = store.ledger.get(CHANNEL_1, WEEK)
            assert entry is not None and entry.state == "failed"  # released for any replica
            assert entry.permanent_failures == 0
        statuses = [call.status for call in slack_web_api.calls_to("chat.postMessage")]
        assert statuses == [503, 0, 502, 429, 500, 504, 0, 503, 429, 500]  # 0: dropped

        back = await job.send_digests(MONDAY + 10 * config.tick)
        assert list(back.sent) == [CHANNEL_1] and back.failed == {}
        later = await job.send_digests(MONDAY + timedelta(days=2))
        assert later.sent == {} and later.not_claimed == [CHANNEL_1]
    finally:
        await poster.close()
    assert [digest_week(call) for call in posts(slack_web_api)] == [WEEK]
    entry = store.ledger.get(CHANNEL_1, WEEK)
    assert entry is not None
    assert (entry.state, entry.attempts, entry.permanent_failures) == ("sent", 11, 0)
    assert digests_failed() == failed_before  # a delay is not a failed digest


async def test_an_outage_outlasting_the_clients_retries_defers_the_run_to_the_next_tick(
    store: Store, slack_web_api: SlackWebApi, content: Content
) -> None:
    """The production retry handlers give up on a dropped connection after 3 retries; the
    job then leaves the other recipients for the next tick instead of waiting for each."""
    subscribe(store, CHANNEL_1, "1")
    subscribe(store, CHANNEL_2, "2")
    client = AsyncWebClient(
        token=ids.BOT_TOKEN,
        base_url=slack_web_api.api_url,
        retry_handlers=slack_retry_handlers(backoff_factor=0),
    )
    poster = SlackPoster(client)
    slack_web_api.drop_next("chat.postMessage", times=1 + CONNECTION_RETRIES)
    job = make_job(store, poster, content)
    try:
        down = await job.send_digests(MONDAY)
        assert list(down.failed) == [CHANNEL_1] and down.permanent == []
        assert down.deferred == [CHANNEL_2] and down.sent == {}
        assert store.ledger.get(CHANNEL_2, WEEK) is None  # not even claimed
        assert len(slack_web_api.calls_to("chat.postMessage")) == 1 + CONNECTION_RETRIES

        up = await job.send_digests(MONDAY + timedelta(minutes=5))
        assert sorted(up.sent) == [CHANNEL_1, CHANNEL_2] and up.deferred == []
    finally:
        await poster.close()
    assert sorted(call.args["channel"] for call in posts(slack_web_api)) == [CHANNEL_1, CHANNEL_2]


async def test_a_recipient_slack_keeps_refusing_is_given_up_for_the_week(
    store: Store, slack_web_api: SlackWebApi, content: Content, caplog: pytest.LogCaptureFixture
) -> None:
    subscribe(store, CHANNEL_1, "1")
    poster = single_shot(slack_web_api)
    slack_web_api.refuse_next("chat.postMessage", "channel_not_found")
    slack_web_api.fail_next("chat.postMessage", status=503)  # an outage in between: not counted
    slack_web_api.refuse_next("chat.postMessage", "not_in_channel", times=2)
    config = DigestConfig(catch_up=CatchUp(max_attempts=3))
    job = make_job(store, poster, content, config=config)
    failed_before = digests_failed()
    try:
        runs = [await job.send_digests(MONDAY + m * config.tick) for m in range(4)]
        assert [run.permanent for run in runs] == [[CHANNEL_1], [], [CHANNEL_1], [CHANNEL_1]]
        assert all(list(run.failed) == [CHANNEL_1] for run in runs)
        assert "channel_not_found" in runs[0].failed[CHANNEL_1]
        entry = store.ledger.get(CHANNEL_1, WEEK)
        assert entry is not None and (entry.state, entry.permanent_failures) == ("failed", 3)

        run = await job.send_digests(MONDAY + 4 * config.tick)
        assert run.gave_up == [CHANNEL_1] and run.sent == {} and run.failed == {}
        assert len(slack_web_api.calls_to("chat.postMessage")) == 4
        next_week = await job.send_digests(MONDAY + timedelta(days=7))
        assert list(next_week.sent) == [CHANNEL_1]
    finally:
        await poster.close()
    assert digests_failed() == failed_before + 3  # the refusals, not the 503
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 3
    assert "refusal 1 of 3" in errors[0] and "channel_not_found" in errors[0]
    assert "giving up until next week" in errors[2] and "not_in_channel" in errors[2]


def slack_error(status: int, code: str) -> SlackApiError:
    """The error slack_sdk raises for an answer with HTTP `status` and `{"ok": false, …}`."""
    response = SlackResponse(
        client=None,
        http_verb="POST",
        api_url="https://slack.com/api/chat.postMessage",
        req_args={},
        data={"ok": False, "error": code},
        headers={},
        status_code=status,
    )
    return SlackApiError(f"The request to the Slack API failed: {code}", response)


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (slack_error(429, "ratelimited"), True),
        (slack_error(503, "internal_error"), True),
        (slack_error(200, "fatal_error"), True),
        (slack_error(200, "channel_not_found"), False),
        (slack_error(200, "is_archived"), False),
        (slack_error(200, "account_inactive"), False),
        (slack_error(200, "invalid_auth"), False),
        (aiohttp.ServerDisconnectedError(), True),
        (aiohttp.ClientConnectionError("Connection refused"), True),
        (TimeoutError(), True),
        (ConnectionResetError(), True),
        (ValueError("a bug"), False),
    ],
)
def test_which_failures_are_an_outage(error: Exception, transient: bool) -> None:
    assert is_transient(error) is transient


async def test_a_claim_left_by_a_crashed_replica_is_taken_over_once_stale(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1")
    stale = DigestConfig().stale_after
    assert store.ledger.claim(CHANNEL_1, WEEK, "crashed", now=MONDAY, stale_after=stale)
    job = make_job(store, poster, content, replica="replica-b")

    fresh = await job.send_digests(MONDAY + timedelta(minutes=5))
    assert fresh.sent == {} and fresh.not_claimed == [CHANNEL_1]

    later = await job.send_digests(MONDAY + stale + timedelta(minutes=1))
    assert list(later.sent) == [CHANNEL_1] and later.taken_over == [CHANNEL_1]
    entry = store.ledger.get(CHANNEL_1, WEEK)
    assert entry is not None
    assert (entry.state, entry.claimed_by, entry.attempts) == ("sent", "replica-b", 2)
    assert len(posts(slack_web_api)) == 1


class PostThenHang:
    """Posts for real, then hangs before the job can record it: the replica 'dies' here."""

    def __init__(self, real: SlackPoster) -> None:
        self.real = real
        self.posted = asyncio.Event()

    async def post(
        self, channel: str, reply: Reply, *, metadata: Mapping[str, Any] | None = None
    ) -> str | None:
        ts = await self.real.post(channel, reply, metadata=metadata)
        self.posted.set()
        await asyncio.Event().wait()
        return ts


async def test_the_remaining_window_a_crash_after_posting_before_mark_sent_posts_twice(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    """Documents the one at-least-once window: Slack took the message, the replica died
    before `mark_sent`. After `stale_after` another replica posts again; both messages carry
    the same metadata (event type and week), so the duplicate is recognisable."""
    subscribe(store, CHANNEL_1, "1")
    dying = PostThenHang(poster)
    task = asyncio.create_task(make_job(store, dying, content).send_digests(MONDAY))
    await asyncio.wait_for(dying.posted.wait(), 10)
    task.cancel()  # the process is gone: no mark_sent, no mark_failed
    with pytest.raises(asyncio.CancelledError):
        await task
    entry = store.ledger.get(CHANNEL_1, WEEK)
    assert entry is not None and entry.state == "claimed"

    survivor = make_job(store, poster, content, replica="replica-b")
    run = await survivor.send_digests(MONDAY + DigestConfig().stale_after + timedelta(minutes=1))
    assert run.taken_over == [CHANNEL_1]
    assert [digest_week(call) for call in posts(slack_web_api)] == [WEEK, WEEK]


class StopDuringFirstPost:
    """A poster on which shutdown (SIGTERM) arrives while the first digest is being posted."""

    def __init__(self, real: SlackPoster) -> None:
        self.real = real
        self.job: DigestJob | None = None

    async def post(
        self, channel: str, reply: Reply, *, metadata: Mapping[str, Any] | None = None
    ) -> str | None:
        assert self.job is not None
        self.job.stop()
        return await self.real.post(channel, reply, metadata=metadata)


async def test_shutdown_finishes_the_post_in_hand_and_leaves_the_rest_for_the_next_run(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    for channel in (CHANNEL_1, CHANNEL_2, "C0PIJLER03"):
        subscribe(store, channel, "1")
    stopping = StopDuringFirstPost(poster)
    job = stopping.job = make_job(store, stopping, content)

    run = await job.send_digests(MONDAY)

    assert list(run.sent) == [CHANNEL_1]  # posted and recorded, not cut off
    assert run.deferred == [CHANNEL_2, "C0PIJLER03"]
    assert store.ledger.get(CHANNEL_2, WEEK) is None  # not claimed: nothing to take over
    after_restart = make_job(store, poster, content, replica="replica-b")
    again = await after_restart.send_digests(MONDAY + timedelta(minutes=1))
    assert sorted(again.sent) == [CHANNEL_2, "C0PIJLER03"]
    assert Counter(c.args["channel"] for c in posts(slack_web_api)) == {
        CHANNEL_1: 1,
        CHANNEL_2: 1,
        "C0PIJLER03": 1,
    }


async def test_an_empty_digest_is_recorded_without_posting(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_2, "2")
    # Everything of pillar 2 done: nothing overdue, nothing due.
    for commitment in content.commitments:
        if commitment.pillar == 2:
            store.statuses.record(commitment.id, "afgerond", by="U0ADMIN001", now=BEFORE)
    run = await make_job(store, poster, content).send_digests(MONDAY)
    assert run.empty == [CHANNEL_2] and run.sent == {}
    assert posts(slack_web_api) == []
    entry = store.ledger.get(CHANNEL_2, WEEK)
    assert entry is not None and (entry.state, entry.message_ref) == ("sent", EMPTY_REF)

    config = DigestConfig(send_when_empty=True)
    loud = make_job(store, poster, content, config=config)
    next_week = await loud.send_digests(MONDAY + timedelta(days=7))
    assert list(next_week.sent) == [CHANNEL_2]
    [call] = posts(slack_web_api)
    assert "niets over de datum" in call.args["text"]


async def test_two_replicas_in_one_loop_send_each_digest_once(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    recipients = [f"C0REPL{i:04d}" for i in range(8)]
    for recipient in recipients:
        subscribe(store, recipient, "all")
    jobs = [make_job(store, poster, content, replica=name) for name in ("r-a", "r-b", "r-c")]
    runs = await asyncio.gather(*(job.send_digests(MONDAY) for job in jobs))
    sent = [recipient for run in runs for recipient in run.sent]
    assert sorted(sent) == recipients
    assert sorted(call.args["channel"] for call in posts(slack_web_api)) == recipients


def test_week_fire_time_is_the_monday_of_the_week(content: Content) -> None:
    trigger = DigestConfig().trigger()
    sunday_night = datetime(2026, 1, 18, 23, 59, tzinfo=AMS)
    assert week_fire_time(trigger, sunday_night) == MONDAY
    assert week_fire_time(trigger, MONDAY - timedelta(minutes=1)) == MONDAY
    monthly = DigestConfig(schedule="0 9 1 * *").trigger()  # the 1st of the month only
    assert week_fire_time(monthly, MONDAY) is None


# --- updates ---------------------------------------------------------------------------------


async def test_status_changes_reach_the_pillar_subscribers_once_batched(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    sunday = MONDAY - timedelta(days=1)
    for target, pillar in ((CHANNEL_1, "1"), (CHANNEL_2, "2"), (PERSON, "all")):
        # Subscribed after last Monday's digest went out: no digest due until tomorrow.
        subscribe(store, target, pillar, at=sunday - timedelta(hours=1))
    job = make_job(store, poster, content)
    baseline = await job.run_due(sunday)
    assert baseline.updates.enqueued == 0 and posts(slack_web_api) == []

    link = "https://www.rijksoverheid.nl/documenten/dialoog"
    store.statuses.record("nationale-dialoog", "afgerond", by="U0ADMIN001", now=BEFORE, link=link)
    store.statuses.record("pharos-plan-meerjarige-aanpak", "vervallen", by="U0ADMIN001", now=BEFORE)
    report = await job.run_due(MONDAY - timedelta(hours=20))

    assert report.updates.enqueued == 2  # pillar-1 channel and the person; not pillar 2
    assert report.updates.sent == {CHANNEL_1: 2, PERSON: 2}
    calls = {call.args["channel"]: call for call in posts(slack_web_api)}
    assert sorted(calls) == [CHANNEL_1, PERSON]
    text = calls[CHANNEL_1].all_text()
    assert "is afgerond" in text and link in text and "is vervallen" in text
    assert "Nationale dialoog" in text

    quiet = await job.run_due(MONDAY - timedelta(hours=19))
    assert quiet.updates.enqueued == 0 and quiet.updates.sent == {}
    assert len(posts(slack_web_api)) == 2


async def test_two_replicas_noticing_the_same_change_enqueue_it_once(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1")
    a = make_job(store, poster, content, replica="r-a")
    b = make_job(store, poster, content, replica="r-b")
    await a.refresh_updates(BEFORE)  # baseline
    store.statuses.record("nationale-dialoog", "afgerond", by="U0ADMIN001", now=BEFORE)
    counts = await asyncio.gather(a.refresh_updates(MONDAY), b.refresh_updates(MONDAY))
    assert sorted(counts) == [0, 1]
    runs = await asyncio.gather(a.send_updates(MONDAY), b.send_updates(MONDAY))
    assert sum(len(run.sent) for run in runs) == 1
    assert len(posts(slack_web_api)) == 1


async def test_a_failed_update_is_retried(
    store: Store, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1", at=BEFORE + timedelta(minutes=30))  # no digest this week
    bare = SlackPoster(AsyncWebClient(token=ids.BOT_TOKEN, base_url=slack_web_api.api_url))
    job = make_job(store, bare, content)
    await job.refresh_updates(BEFORE)
    store.statuses.record("nationale-dialoog", "vervallen", by="U0ADMIN001", now=BEFORE)
    slack_web_api.fail_next("chat.postMessage", status=502)
    first = await job.run_due(BEFORE + timedelta(hours=1))
    assert list(first.updates.failed) == [CHANNEL_1]
    second = await job.run_due(BEFORE + timedelta(hours=1, minutes=5))
    assert second.updates.sent == {CHANNEL_1: 1}
    assert store.outbox.pending() == []


async def test_updates_outlast_an_outage_and_only_refusals_are_given_up(
    store: Store, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1", at=BEFORE + timedelta(minutes=30))  # no digest this week
    poster = single_shot(slack_web_api)
    config = DigestConfig(catch_up=CatchUp(max_attempts=2))
    job = make_job(store, poster, content, config=config)
    await job.refresh_updates(BEFORE)
    start = BEFORE + timedelta(hours=1)
    try:
        store.statuses.record("nationale-dialoog", "vervallen", by="U0ADMIN001", now=BEFORE)
        outage(slack_web_api, ticks=5)
        for tick in range(5):
            run = await job.run_due(start + tick * config.tick)
            assert list(run.updates.failed) == [CHANNEL_1]
        delivered = await job.run_due(start + 5 * config.tick)
        assert delivered.updates.sent == {CHANNEL_1: 1}

        store.statuses.record("nationale-dialoog", "open", by="U0ADMIN001", now=BEFORE)
        slack_web_api.refuse_next("chat.postMessage", "is_archived", times=2)
        for tick in range(6, 9):
            await job.run_due(start + tick * config.tick)
    finally:
        await poster.close()
    assert len(posts(slack_web_api)) == 1
    assert len(slack_web_api.calls_to("chat.postMessage")) == 5 + 1 + 2
    assert store.outbox.pending() == []  # the refused one was given up, and audited
    [gave_up] = store.audit.recent(action="outbox.gave_up")
    assert gave_up.details["recipient"] == CHANNEL_1 and "is_archived" in gave_up.details["error"]


# --- acceptance: two replicas in two OS processes on one PostgreSQL ---------------------------

REPLICA_SCRIPT = ROOT / "tests" / "digest_replica.py"
SIM_RECIPIENTS = ["C0SIM00001", "C0SIM00002", "C0SIM00003", "G0SIM00004", "U0SIM00005"]
SIM_PILLARS = ["1", "2", "all", "1", "2"]
FIRST_MONDAY = datetime(2026, 3, 16, 9, 0, tzinfo=AMS)  # weeks 12–16: DST starts on 29 March
SIM_WEEKS = 5
CRASH_WEEK_INDEX = 1  # week 13: replica A dies holding a claim
RATE_LIMIT_WEEK_INDEX = 2  # week 14 (the first week of summer time): Slack answers 429 once


class Replica:
    """One `tests/digest_replica.py` process, fed one scheduler job at a time."""

    def __init__(self, process: asyncio.subprocess.Process, name: str) -> None:
        self.process = process
        self.name = name
        self.reports: list[dict[str, Any]] = []

    @classmethod
    async def start(
        cls, name: str, database_url: str, api_url: str, *, hang_week: str | None = None
    ) -> Replica:
        args = [str(REPLICA_SCRIPT), database_url, api_url, ids.BOT_TOKEN, "--replica", name]
        if hang_week:
            args += ["--hang-week", hang_week]
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *args,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        replica = cls(process, name)
        assert await replica.readline(60) == "READY"
        return replica

    async def readline(self, timeout: float = 60) -> str:
        assert self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), timeout)
        if not line:
            raise AssertionError(f"replica {self.name} exited ({self.process.returncode})")
        return line.decode().strip()

    async def send(self, job_id: str, now: datetime) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{job_id} {now.isoformat()}\n".encode())
        await self.process.stdin.drain()

    async def run(self, job_id: str, now: datetime) -> dict[str, Any]:
        await self.send(job_id, now)
        report: dict[str, Any] = json.loads(await self.readline())
        assert not report["error"], f"{self.name}: the run at {now} failed"
        self.reports.append(report)
        return report

    async def stop(self) -> None:
        if self.process.returncode is None:
            assert self.process.stdin is not None
            self.process.stdin.write(b"quit\n")
            await self.process.stdin.drain()
            await asyncio.wait_for(self.process.wait(), 30)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)


@pytest.fixture
def pg_database(postgres_url: str) -> Iterator[str]:
    url = create_database(postgres_url)
    try:
        yield url
    finally:
        drop_database(url)


async def test_two_replica_processes_send_one_digest_per_recipient_and_week(
    pg_database: str, slack_web_api: SlackWebApi
) -> None:
    with Store.open(pg_database) as store:
        for recipient, pillar in zip(SIM_RECIPIENTS, SIM_PILLARS, strict=True):
            subscribe(store, recipient, pillar, at=FIRST_MONDAY - timedelta(days=30))
    trigger = DigestConfig().trigger()
    weeks: list[str] = []
    crash_week = ""
    replicas = {
        "A": await Replica.start("replica-a", pg_database, slack_web_api.api_url),
        "B": await Replica.start("replica-b", pg_database, slack_web_api.api_url),
    }
    started = list(replicas.values())
    killed: list[str] = []
    try:
        previous = FIRST_MONDAY - timedelta(minutes=1)
        for index in range(SIM_WEEKS):
            fire = trigger.get_next_fire_time(None, previous)  # the real CronTrigger's time
            assert fire.astimezone(AMS).hour == 9 and fire.weekday() == 0
            week = f"{fire.isocalendar()[0]}-W{fire.isocalendar()[1]:02d}"
            weeks.append(week)
            if index == CRASH_WEEK_INDEX:
                crash_week = week
                # Replica A is restarted with orders to die on its first claim of this week.
                await replicas["A"].stop()
                replicas["A"] = await Replica.start(
                    "replica-a2", pg_database, slack_web_api.api_url, hang_week=week
                )
                started.append(replicas["A"])
            if index == RATE_LIMIT_WEEK_INDEX:
                slack_web_api.fail_next("chat.postMessage", status=429, retry_after=1)
            steps = [("digest-tick", fire - timedelta(minutes=1)), ("digest-weekly", fire)]
            steps += [("digest-tick", fire + timedelta(minutes=m)) for m in (5, 10, 15, 20, 25)]
            steps += [("digest-tick", fire + timedelta(days=1))]
            for job_id, now in steps:
                if index == CRASH_WEEK_INDEX and job_id == "digest-weekly":
                    await replicas["A"].send(job_id, now)
                    claimed = await replicas["A"].readline()
                    assert claimed.startswith("CLAIMED ")
                    killed.append(claimed.split()[1])
                    replicas["A"].kill()  # SIGKILL after the claim, before posting
                    await replicas["A"].process.wait()
                    await replicas["B"].run(job_id, now)
                    # Like a container restart: a new replica A comes up and catches up.
                    replicas["A"] = await Replica.start(
                        "replica-a3", pg_database, slack_web_api.api_url
                    )
                    started.append(replicas["A"])
                    await replicas["A"].run("digest-catch-up", now + timedelta(seconds=30))
                    continue
                await asyncio.gather(*(r.run(job_id, now) for r in replicas.values()))
            previous = fire + timedelta(minutes=1)
    finally:
        for replica in replicas.values():
            await replica.stop()

    all_reports = [report for replica in started for report in replica.reports]
    digests = [(call.args["channel"], digest_week(call)) for call in posts(slack_web_api)]
    per_key = Counter(digests)
    expected = {(recipient, week) for recipient in SIM_RECIPIENTS for week in weeks}
    assert set(per_key) == expected
    assert set(per_key.values()) == {1}, "exactly one digest per recipient and week"
    rate_limited = [c for c in slack_web_api.calls_to("chat.postMessage") if c.status == 429]
    assert len(rate_limited) == 1
    taken_over = [r for report in all_reports for r in report["taken_over"]]
    assert len(killed) == 1 and taken_over == killed
    with Store.open(pg_database) as store:
        entry = store.ledger.get(killed[0], crash_week)
        assert entry is not None and entry.state == "sent" and entry.attempts == 2
        assert all(e.state == "sent" for week in weeks for e in store.ledger.entries(week))
        assert sum(len(store.ledger.entries(week)) for week in weeks) == len(expected)
    sent_by = {
        replica.name: sum(len(report["sent"]) for report in replica.reports) for replica in started
    }
    assert sum(sent_by.values()) == len(expected)  # which replica sends what is a real race
    print(
        f"\nexactly-once figures: {len(expected)} (recipient, week) digests over {SIM_WEEKS} "
        f"weeks ({weeks[0]}–{weeks[-1]}); posted per (recipient, week): "
        f"{sorted(set(per_key.values()))}; total posts {len(digests)}; sent per replica "
        f"{sent_by}; claims taken over after the SIGKILL: {len(taken_over)} ({killed[0]}, "
        f"{crash_week}); 429 answers seen and waited out: {len(rate_limited)}; "
        f"scheduler runs: {len(all_reports)}"
    )
