"""The digest schedule: real CronTrigger fire times across DST, time travel through the DST
weekends, the start-up catch-up of a missed Monday, and `config/digest.yaml`."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from tests.slack import ids
from tests.slack.web_api import ApiCall, SlackWebApi

from agendabot.content import Content, load_content
from agendabot.core.agenda.digest import iso_week_of
from agendabot.jobs.digest_config import DigestConfig, DigestConfigError, load_digest_config
from agendabot.jobs.digest_sender import DigestJob
from agendabot.jobs.scheduler import (
    CATCH_UP_JOB_ID,
    TICK_JOB_ID,
    WEEKLY_JOB_ID,
    build_scheduler,
    start_scheduler,
)
from agendabot.settings import load_settings
from agendabot.slack.poster import SlackPoster, make_web_client
from agendabot.state import AsyncStore, Store

AMS = ZoneInfo("Europe/Amsterdam")
ROOT = Path(__file__).resolve().parents[1]
RECIPIENTS = ("C0DSTTEST1", "U0DSTTEST2")


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture
async def poster(slack_web_api: SlackWebApi) -> AsyncIterator[SlackPoster]:
    real = SlackPoster(make_web_client(ids.BOT_TOKEN, base_url=slack_web_api.api_url))
    yield real
    await real.close()


def digests(api: SlackWebApi) -> list[ApiCall]:
    return [
        call
        for call in api.calls_to("chat.postMessage")
        if call.ok and (call.args.get("metadata") or {}).get("event_type") == "agendabot_digest"
    ]


def weeks_posted(api: SlackWebApi) -> Counter[tuple[str, str]]:
    return Counter(
        (call.args["channel"], call.args["metadata"]["event_payload"]["week"])
        for call in digests(api)
    )


def fire_times(config: DigestConfig, start: datetime, end: datetime) -> list[datetime]:
    trigger = config.trigger()
    out: list[datetime] = []
    previous = None
    now = start
    while True:
        fire = trigger.get_next_fire_time(previous, now)
        if fire is None or fire > end:
            return out
        out.append(fire)
        # Advance in UTC: wall-clock arithmetic would step back into the repeated hour.
        previous, now = fire, fire.astimezone(UTC) + timedelta(seconds=1)


# --- the real CronTrigger across the DST changes of 2026 ---------------------------------------


def test_monday_0900_amsterdam_all_year_once_per_iso_week() -> None:
    fires = fire_times(
        DigestConfig(), datetime(2026, 1, 1, tzinfo=AMS), datetime(2026, 12, 31, tzinfo=AMS)
    )
    assert len(fires) == 52
    local = [fire.astimezone(AMS) for fire in fires]
    assert all((t.weekday(), t.hour, t.minute) == (0, 9, 0) for t in local)
    assert len({iso_week_of(t.date()) for t in local}) == len(local)  # once per ISO week
    assert all((b.date() - a.date()).days == 7 for a, b in itertools.pairwise(local))
    utc = {fire.astimezone(UTC).strftime("%Y-%m-%d %H:%M") for fire in fires}
    # Summer time starts on Sunday 29 March, ends on Sunday 25 October 2026.
    assert {"2026-03-23 08:00", "2026-03-30 07:00"} <= utc
    assert {"2026-10-19 07:00", "2026-10-26 08:00"} <= utc
    # Elapsed time (in UTC: Python subtracts same-zone datetimes on the wall clock).
    gaps = {b.astimezone(UTC) - a.astimezone(UTC) for a, b in itertools.pairwise(fires)}
    assert gaps == {timedelta(days=7), timedelta(days=7, hours=-1), timedelta(days=7, hours=1)}


async def test_time_travel_through_both_dst_weekends_sends_once_a_week_at_nine(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    """Ticks every two hours (and at each fire time) from the Saturday before a DST change
    to the Tuesday after it: each recipient gets one digest per ISO week, at 09:00 local."""
    config = DigestConfig()
    for target in RECIPIENTS:
        store.subscriptions.subscribe(
            target, "all", by="U0ADMIN001", now=datetime(2026, 1, 1, tzinfo=UTC)
        )
    job = DigestJob(AsyncStore(store), poster, lambda: content, config, replica="dst")
    sent_at: dict[str, datetime] = {}
    for start in (datetime(2026, 3, 21, tzinfo=AMS), datetime(2026, 10, 17, tzinfo=AMS)):
        end = start + timedelta(days=11)
        moments = {start + timedelta(hours=2 * n) for n in range(11 * 12)}
        for fire in fire_times(config, start, end):
            moments |= {fire - timedelta(minutes=1), fire, fire + timedelta(minutes=1)}
        for now in sorted(moments):
            run = await job.send_digests(now)
            if run.sent:
                sent_at.setdefault(run.week, now)
    per_week = weeks_posted(slack_web_api)
    expected_weeks = ["2026-W12", "2026-W13", "2026-W14", "2026-W42", "2026-W43", "2026-W44"]
    assert sorted({week for _, week in per_week}) == expected_weeks
    assert set(per_week.values()) == {1}
    assert len(per_week) == len(RECIPIENTS) * len(expected_weeks)
    # W12 and W42 had already begun at the start: caught up at the first tick; the others
    # went out at 09:00 sharp, in winter and in summer time alike.
    for week in ("2026-W13", "2026-W14", "2026-W43", "2026-W44"):
        local = sent_at[week].astimezone(AMS)
        assert (local.weekday(), local.hour, local.minute) == (0, 9, 0), week


async def test_a_schedule_in_the_dst_hour_that_fires_twice_still_sends_once(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    """Sunday 02:30 happens twice on 25 October 2026 and not at all on 29 March: APScheduler
    3 fires twice and once (at a shifted time). The ISO-week ledger sends once either way."""
    config = DigestConfig(schedule="30 2 * * sun")
    october = fire_times(
        config, datetime(2026, 10, 24, tzinfo=AMS), datetime(2026, 10, 26, tzinfo=AMS)
    )
    assert len(october) == 2  # the trap: two firings in one night
    march = fire_times(config, datetime(2026, 3, 28, tzinfo=AMS), datetime(2026, 3, 30, tzinfo=AMS))
    assert len(march) == 1
    store.subscriptions.subscribe(
        RECIPIENTS[0], "1", by="U0ADMIN001", now=datetime(2026, 1, 1, tzinfo=UTC)
    )
    job = DigestJob(AsyncStore(store), poster, lambda: content, config, replica="dst")
    for fire in [*march, *october]:
        await job.run_due(fire)
    assert weeks_posted(slack_web_api) == {
        (RECIPIENTS[0], "2026-W13"): 1,
        (RECIPIENTS[0], "2026-W43"): 1,
    }


# --- the scheduler itself ----------------------------------------------------------------


async def test_a_missed_monday_is_caught_up_at_start_up_and_not_sent_again(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    """The bot was down on Monday 16 March 2026 at 09:00 and starts on Tuesday: the start-up
    run sends week 12's digest; next Monday's weekly run sends week 13's only."""
    monday = datetime(2026, 3, 16, 9, 0, tzinfo=AMS)
    store.subscriptions.subscribe(
        RECIPIENTS[0], "1", by="U0ADMIN001", now=monday - timedelta(days=3)
    )
    simulated = [monday + timedelta(days=1, hours=1, minutes=17)]  # Tuesday 10:17
    settings = load_settings(env_file=None, config_dir=ROOT / "config")
    scheduler = start_scheduler(
        AsyncStore(store), poster, lambda: content, settings, clock=lambda: simulated[-1]
    )
    try:
        weekly = scheduler.get_job(WEEKLY_JOB_ID)
        assert weekly.misfire_grace_time == 24 * 3600 and weekly.coalesce
        assert weekly.max_instances == 1
        tick = scheduler.get_job(TICK_JOB_ID)
        assert tick.trigger.interval == timedelta(minutes=5)
        await slack_web_api.wait_for("chat.postMessage", 1, timeout=15)
        await asyncio.sleep(0.2)
        assert weeks_posted(slack_web_api) == {(RECIPIENTS[0], "2026-W12"): 1}
        assert scheduler.get_job(CATCH_UP_JOB_ID) is None  # a one-off, done

        # The weekly trigger's next time after that Tuesday is Monday 23 March, 09:00.
        next_fire = weekly.trigger.get_next_fire_time(None, simulated[-1])
        assert next_fire == monday + timedelta(days=7)
        for now, job_id in (
            (next_fire, WEEKLY_JOB_ID),
            (next_fire + timedelta(minutes=5), TICK_JOB_ID),
            (next_fire + timedelta(days=1), TICK_JOB_ID),
        ):
            simulated.append(now)
            scheduled = scheduler.get_job(job_id)
            await scheduled.func(*scheduled.args)
        assert weeks_posted(slack_web_api) == {
            (RECIPIENTS[0], "2026-W12"): 1,
            (RECIPIENTS[0], "2026-W13"): 1,
        }
    finally:
        scheduler.shutdown(wait=False)


async def test_a_failing_database_is_logged_and_the_next_tick_tries_again(
    sqlite_url: str, poster: SlackPoster, content: Content, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store.open(sqlite_url)
    job = DigestJob(AsyncStore(store), poster, lambda: content, DigestConfig(), replica="x")
    scheduler = build_scheduler(
        job, DigestConfig(), clock=lambda: datetime(2026, 3, 17, tzinfo=UTC)
    )
    store.close()
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE subscriptions")
    tick = scheduler.get_job(TICK_JOB_ID)
    assert await tick.func(*tick.args) is None
    assert "the next tick retries" in caplog.text


# --- configuration -------------------------------------------------------------------------------


def test_the_shipped_config_file_matches_the_documented_defaults() -> None:
    shipped = load_digest_config(path=ROOT / "config" / "digest.yaml")
    assert shipped == DigestConfig()
    trigger = shipped.trigger()
    assert str(trigger.timezone) == "Europe/Amsterdam"
    fields = {field.name: str(field) for field in trigger.fields}
    assert (fields["day_of_week"], fields["hour"], fields["minute"]) == ("mon", "9", "0")


def test_config_file_values_and_environment_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "digest.yaml").write_text(
        'schedule: "30 8 * * tue"\nweeks_ahead: 4\noverdue: {list_up_to: 8, oldest_shown: 2}\n',
        encoding="utf-8",
    )
    for name in ("DIGEST_CRON", "DIGEST_WEEKS", "DIGEST_TIMEZONE", "DIGEST_SEND_EMPTY"):
        monkeypatch.delenv(name, raising=False)
    from_file = load_digest_config(load_settings(env_file=None, config_dir=tmp_path))
    assert (from_file.schedule, from_file.weeks_ahead) == ("30 8 * * tue", 4)
    assert from_file.options().overdue_list_max == 8
    monkeypatch.setenv("DIGEST_WEEKS", "9")
    overridden = load_digest_config(load_settings(env_file=None, config_dir=tmp_path))
    assert (overridden.schedule, overridden.weeks_ahead) == ("30 8 * * tue", 9)
    missing = load_digest_config(load_settings(env_file=None, config_dir=tmp_path / "nope"))
    assert missing.weeks_ahead == 9 and missing.schedule == "0 9 * * mon"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('schedule: "0 9 * * 1"\n', "gebruik dagnamen"),
        ('schedule: "elke maandag"\n', "vijf velden"),
        ("timezone: Europe/Amsterdm\n", "onbekende tijdzone"),
        ("weeks_ahead: 0\n", "'weeks_ahead': moet minstens 1 zijn"),
        ("catch_up: {tick_minutes: nul}\n", "'catch_up.tick_minutes': verwacht een getal"),
        ("schedul: x\n", "'schedul': onbekend veld"),
        ("- een lijst\n", "verwacht velden"),
        ("schedule: [\n", "kan ik niet lezen"),
        ("weeks_ahead: 2025-13-01\n", "kan ik niet lezen"),  # PyYAML's ValueError
    ],
)
def test_a_bad_config_file_gets_a_dutch_sentence(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "digest.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DigestConfigError) as caught:
        load_digest_config(path=path)
    assert fragment in str(caught.value) and str(path) in str(caught.value)
