"""Production readiness at the boundaries: secrets never logged (a full flow at DEBUG), the
`/metrics` endpoint, `/healthz` across a real PostgreSQL outage, SIGTERM with work in flight,
and content reloads (SIGHUP and `/agenda herlaad`) in a running `agendabot serve`.

Everything is real: the bot's aiohttp server and Bolt app, slack_sdk's clients, PostgreSQL
from the OS packages, `agendabot serve` as a subprocess; Slack is the local emulator.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import psycopg
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.engine import make_url
from tests.slack import fixtures, ids, signing
from tests.slack.botapp import bot_settings, running_bot
from tests.slack.plugin import PROXY_VARIABLES
from tests.slack.socket_mode import SocketModeEmulator
from tests.slack.web_api import SlackWebApi, block_texts

from agendabot.content import default_content_dir, load_content
from agendabot.content.knowledge import load_knowledge
from agendabot.core.agenda.digest import iso_week_of
from agendabot.core.bot.knowledge import Knowledge
from agendabot.jobs.digest_config import DigestConfig
from agendabot.jobs.digest_sender import DigestJob
from agendabot.logs import configure_logging, secrets_from_settings
from agendabot.observability import REGISTRY
from agendabot.settings import Settings, env_name
from agendabot.slack.poster import SlackPoster, make_web_client
from agendabot.state import Store
from postgres import create_database, drop_database, started_cluster

ANSWER_47 = "Gesloten gemeenschappen kunnen"
LISTENING = re.compile(r"luistert \((\w+)-modus\) op http://([\d.]+):(\d+)")
DB_PASSWORD = "Pg-Pa55w0rd-NotReal-7d1c"
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(default_content_dir())


def reply_text(body: str) -> str:
    reply = json.loads(body)
    return "\n".join([reply.get("text", ""), *block_texts(reply.get("blocks", []))])


async def get(url: str) -> tuple[int, str, dict[str, str]]:
    async with (
        aiohttp.ClientSession(trust_env=False) as session,
        session.get(url) as response,
    ):
        return response.status, await response.text(), dict(response.headers)


# --- secrets never reach the logs ------------------------------------------------------------


@pytest.fixture
def password_database(postgres_url: str) -> Any:
    """A PostgreSQL database reached as a user with a password (it must never be logged)."""
    url = create_database(postgres_url)
    name = make_url(url).database
    admin = make_url(postgres_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS agendabot_t")
        conn.execute(f"CREATE ROLE agendabot_t LOGIN PASSWORD '{DB_PASSWORD}'")
        conn.execute(f'ALTER DATABASE "{name}" OWNER TO agendabot_t')
    with_password = make_url(url).set(username="agendabot_t", password=DB_PASSWORD)
    try:
        yield with_password.render_as_string(hide_password=False)
    finally:
        drop_database(url)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("DROP ROLE IF EXISTS agendabot_t")


async def test_no_secret_in_the_debug_logs_of_a_full_flow(
    slack_web_api: SlackWebApi,
    socket_mode: SocketModeEmulator,
    knowledge: Knowledge,
    password_database: str,
    tmp_path: Path,
) -> None:
    """HTTP and Socket Mode requests, answers, buttons, the App Home and a digest, with every
    logger (slack_sdk, bolt, aiohttp, SQLAlchemy, ours) at DEBUG into one file: none of the
    tokens, the signing secret, the verification token or the database password appears."""
    log_file = tmp_path / "debug.jsonl"
    overrides: dict[str, Any] = {"database_url": password_database}
    settings = bot_settings(slack_web_api, password_database)
    handler = configure_logging("DEBUG", secrets=secrets_from_settings(settings), path=log_file)
    try:
        async with running_bot(slack_web_api, knowledge, tmp_path, mode="http", **overrides) as bot:
            # HTTP: commands, a mention, a button, the App Home, a forged and a stale request
            for text in ("47", "wanneer is de nationale dialoog?"):
                request = signing.signed(fixtures.slash_command_body(text))
                status, body, _ = await signing.post(bot.events_url, request)
                assert status == 200 and body
            agenda = fixtures.slash_command_body("deadlines", command="/agenda")
            assert (await signing.post(bot.events_url, signing.signed(agenda)))[0] == 200
            event = fixtures.event_body(fixtures.app_mention("vraag 47"))
            assert (await signing.post(bot.events_url, signing.signed(event)))[0] == 200
            click = fixtures.interactive_body(
                fixtures.block_actions("47", response_url=slack_web_api.response_url("a"))
            )
            assert (await signing.post(bot.events_url, signing.signed(click)))[0] == 200
            home = fixtures.event_body(fixtures.app_home_opened(ids.USER_ID))
            assert (await signing.post(bot.events_url, signing.signed(home)))[0] == 200
            assert (await signing.post(bot.events_url, signing.forged(event)))[0] == 401
            assert (await signing.post(bot.events_url, signing.stale(event)))[0] == 401
            await bot.settle()

            # Socket Mode: the app token opens the connection, then a command and a mention
            async with running_bot(
                slack_web_api, knowledge, tmp_path / "sm", mode="socket"
            ) as socket_bot:
                await socket_mode.wait_connected(timeout=10)
                envelope = await socket_mode.send_slash_command(fixtures.slash_command("47"))
                ack = await socket_mode.wait_ack(envelope.envelope_id, timeout=10)
                assert ack.payload is not None
                await socket_mode.send_event(fixtures.app_mention("vraag 12"))
                await socket_bot.settle()

            # A digest, through the real poster and the ledger on the password database
            now = datetime(2026, 1, 12, 9, 30, tzinfo=AMS)
            await bot.store.subscriptions.subscribe(
                ids.CHANNEL_ID, "1", by=ids.USER_ID, now=now - timedelta(days=7)
            )
            poster = SlackPoster(make_web_client(ids.BOT_TOKEN, base_url=slack_web_api.api_url))
            content = load_content()
            job = DigestJob(bot.store, poster, lambda: content, DigestConfig(), replica="r1")
            run = await job.send_digests(now)
            assert list(run.sent) == [ids.CHANNEL_ID]
            await poster.close()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    # Both clients really sent the secrets (so the check below means something) …
    assert any(call.token == ids.BOT_TOKEN for call in slack_web_api.calls)
    assert any(call.token == ids.APP_TOKEN for call in slack_web_api.calls)
    logged = log_file.read_text(encoding="utf-8")
    # … and the libraries really logged at DEBUG …
    for logger_name in ("slack_sdk", "agendabot.slack.bolt", "alembic", "agendabot"):
        assert f'"logger": "{logger_name}' in logged, logger_name
    assert len(logged.splitlines()) > 100
    # … but no secret made it into the file.
    for secret in (
        ids.BOT_TOKEN,
        ids.APP_TOKEN,
        ids.SIGNING_SECRET,
        ids.VERIFICATION_TOKEN,
        DB_PASSWORD,
    ):
        assert secret not in logged, secret
    assert not re.search(r"xox[a-z]-\d", logged) and "xapp-1-" not in logged
    for line in logged.splitlines():
        json.loads(line)  # one JSON object per line


# --- /metrics ------------------------------------------------------------------------------------


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


async def test_metrics_count_requests_and_acknowledgement_latency(
    slack_web_api: SlackWebApi, knowledge: Knowledge, tmp_path: Path
) -> None:
    async with running_bot(slack_web_api, knowledge, tmp_path, mode="http") as bot:
        status, before_text, headers = await get(bot.url + "/metrics")
        assert status == 200 and headers["Content-Type"].startswith("text/plain; version=")
        before = samples(before_text)
        for text in ("47", "12"):
            await signing.post(bot.events_url, signing.signed(fixtures.slash_command_body(text)))
        agenda = fixtures.slash_command_body("deadlines pijler 1", command="/agenda")
        await signing.post(bot.events_url, signing.signed(agenda))
        mention = fixtures.event_body(fixtures.app_mention("vraag 47"))
        await signing.post(bot.events_url, signing.signed(mention))
        await signing.post(bot.events_url, signing.forged(mention))  # refused: not counted
        await bot.settle()
        slack_web_api.fail_next("chat.postMessage", status=429, retry_after=1)
        await signing.post(
            bot.events_url, signing.signed(fixtures.event_body(fixtures.app_mention("vraag 3")))
        )
        await bot.settle()
        _, after_text, _ = await get(bot.url + "/metrics")
    after = samples(after_text)

    def delta(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0.0) - before.get(key, 0.0)

    assert delta("agendabot_handled_total", kind="command", command="/vraag") == 2
    assert delta("agendabot_handled_total", kind="command", command="/agenda deadlines") == 1
    assert delta("agendabot_handled_total", kind="mention", command="app_mention") == 2
    assert delta("agendabot_ack_latency_seconds_count", kind="command", mode="http") == 3
    assert delta("agendabot_ack_latency_seconds_bucket", kind="command", mode="http", le="3.0") == 3
    assert delta("agendabot_ack_latency_seconds_sum", kind="command", mode="http") > 0
    errors = {"method": "chat.postMessage", "status": "429", "error": "ratelimited"}
    assert delta("agendabot_slack_api_errors_total", **errors) == 1
    for name in (
        "agendabot_answers_total",
        "agendabot_digests_sent_total",
        "agendabot_digests_failed_total",
        "agendabot_content_reloads_total",
        "agendabot_process_resident_memory_bytes",
    ):
        assert any(key[0] == name for key in after), name


# --- /healthz across a PostgreSQL outage --------------------------------------------------------


async def test_healthz_follows_a_postgresql_outage_and_recovery(
    slack_web_api: SlackWebApi, knowledge: Knowledge, tmp_path: Path
) -> None:
    with started_cluster() as cluster:
        url = create_database(cluster.url)
        async with running_bot(
            slack_web_api, knowledge, tmp_path, mode="http", database_url=url
        ) as bot:
            status, body, _ = await get(bot.url + "/healthz")
            assert status == 200 and json.loads(body)["database"] == "ok"

            await asyncio.to_thread(cluster.stop_server, "fast")
            started = time.monotonic()
            status, body, _ = await get(bot.url + "/healthz")
            assert status == 503, body
            assert json.loads(body) | {"content": None} == {
                "status": "unhealthy",
                "database": "unreachable",
                "content": None,
            }
            assert time.monotonic() - started < 5  # a bounded check, not a hang
            # The bot keeps answering what needs no database, and is polite about the rest.
            vraag = signing.signed(fixtures.slash_command_body("47"))
            status, body, _ = await signing.post(bot.events_url, vraag)
            assert status == 200 and ANSWER_47 in reply_text(body)
            subs = signing.signed(fixtures.slash_command_body("abonnementen", command="/agenda"))
            status, body, _ = await signing.post(bot.events_url, subs)
            assert status == 200 and reply_text(body).startswith("Sorry")

            await asyncio.to_thread(cluster.start_server)
            deadline = time.monotonic() + 15
            while True:
                status, body, _ = await get(bot.url + "/healthz")
                if status == 200 or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.2)
            assert status == 200 and json.loads(body)["status"] == "ok"
            status, body, _ = await signing.post(
                bot.events_url,
                signing.signed(fixtures.slash_command_body("abonnementen", command="/agenda")),
            )
            assert status == 200 and "volgt nog niets" in reply_text(body)


# --- agendabot serve as a process: SIGTERM and SIGHUP ------------------------------------------


@dataclass
class Served:
    process: asyncio.subprocess.Process
    url: str
    log: Path

    @property
    def events_url(self) -> str:
        return self.url + "/slack/events"


def serve_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    drop = {env_name(field) for field in Settings.model_fields} | set(PROXY_VARIABLES)
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        NO_PROXY="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{tmp_path / 'agendabot.sqlite3'}",
        SLACK_BOT_TOKEN=ids.BOT_TOKEN,
        SLACK_SIGNING_SECRET=ids.SIGNING_SECRET,
    )
    env.update(settings)
    return env


@asynccontextmanager
async def serve_http(tmp_path: Path, **settings: str) -> AsyncIterator[Served]:
    log = tmp_path / "serve.log"
    with log.open("w") as log_file:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "agendabot", "serve", "--mode", "http",
            "--host", "127.0.0.1", "--port", "0",
            cwd=tmp_path, env=serve_env(tmp_path, **settings),
            stdout=asyncio.subprocess.PIPE, stderr=log_file,
        )  # fmt: skip
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), 60)
        match = LISTENING.search(line.decode())
        assert match, (line, log.read_text())
        yield Served(process, f"http://{match[2]}:{match[3]}", log)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_sigterm_finishes_in_flight_work_and_exits_within_ten_seconds(
    slack_web_api: SlackWebApi, tmp_path: Path
) -> None:
    async with serve_http(tmp_path, SLACK_API_URL=slack_web_api.api_url) as served:
        # Slack is slow today: the first auth.test takes 2 s (the request waits for it),
        # and posting the answer takes 3 s more.
        slack_web_api.slow_next("auth.test", 2.0)
        slack_web_api.slow_next("chat.postMessage", 3.0)
        event = fixtures.app_mention("vraag 47")
        in_flight = asyncio.ensure_future(
            signing.post(served.events_url, signing.signed(fixtures.event_body(event)))
        )
        await slack_web_api.wait_for("auth.test", timeout=10)
        await asyncio.sleep(0.3)
        assert not in_flight.done()
        started = time.monotonic()
        served.process.send_signal(signal.SIGTERM)

        status, _, _ = await in_flight  # the request in flight gets its answer …
        assert status == 200
        code = await asyncio.wait_for(served.process.wait(), 15)
        took = time.monotonic() - started
    assert code == 0, served.log.read_text()
    assert took < 10, f"exit took {took:.1f} s"
    # … and so does the work started after the acknowledgement.
    [posted] = slack_web_api.calls_to("chat.postMessage")
    assert posted.ok and posted.args["thread_ts"] == event["event"]["ts"]
    assert ANSWER_47 in posted.all_text()
    assert posted.at - started < 10


async def test_sigterm_lets_a_digest_being_posted_finish_and_records_it(
    slack_web_api: SlackWebApi, tmp_path: Path
) -> None:
    """SIGTERM while the start-up catch-up is posting a digest: the post finishes and is
    recorded as sent in the ledger (a cancelled post that Slack did receive would be sent
    again by the next run: a doubled digest)."""
    database = f"sqlite:///{tmp_path / 'agendabot.sqlite3'}"
    now = datetime.now(AMS)
    with Store.open(database) as store:
        store.subscriptions.subscribe(
            ids.CHANNEL_ID, "1", by=ids.USER_ID, now=now - timedelta(days=30)
        )
    slack_web_api.slow_next("chat.postMessage", 3.0)
    # Monday 00:00: this week's digest is always due, so the start-up catch-up posts it.
    async with serve_http(
        tmp_path, SLACK_API_URL=slack_web_api.api_url, DIGEST_CRON="0 0 * * mon"
    ) as served:
        await slack_web_api.wait_for("chat.postMessage", timeout=30)
        await asyncio.sleep(0.3)
        started = time.monotonic()
        served.process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(served.process.wait(), 15)
        took = time.monotonic() - started
    assert code == 0, served.log.read_text()
    assert took < 10, f"exit took {took:.1f} s"
    [posted] = slack_web_api.calls_to("chat.postMessage")
    assert posted.ok and posted.args["channel"] == ids.CHANNEL_ID
    with Store.open(database) as store:
        entry = store.ledger.get(ids.CHANNEL_ID, iso_week_of(now.date()))
    assert entry is not None and entry.state == "sent", entry
    assert '"level": "ERROR"' not in served.log.read_text()


async def test_metrics_of_agendabot_serve_count_answers_and_digests(
    slack_web_api: SlackWebApi, tmp_path: Path
) -> None:
    """The counters fed from `agendabot serve`'s own wiring: free-text answers given and
    declined, and a digest sent (by the start-up catch-up)."""
    database = f"sqlite:///{tmp_path / 'agendabot.sqlite3'}"
    with Store.open(database) as store:
        store.subscriptions.subscribe(
            ids.CHANNEL_ID, "1", by=ids.USER_ID, now=datetime.now(AMS) - timedelta(days=30)
        )
    async with (
        serve_http(
            tmp_path, SLACK_API_URL=slack_web_api.api_url, DIGEST_CRON="0 0 * * mon"
        ) as served,
        aiohttp.ClientSession(trust_env=False) as session,
    ):
        for text in ("wanneer is de nationale dialoog?", "xyzzy plugh qwerty", "47"):
            request = signing.signed(fixtures.slash_command_body(text))
            status, _, _ = await signing.post(served.events_url, request, session=session)
            assert status == 200
        deadline = time.monotonic() + 30
        while True:
            _, text, _ = await get(served.url + "/metrics")
            found = samples(text)
            answered = sum(
                found.get(("agendabot_answers_total", (("outcome", o),)), 0)
                for o in ("given", "declined")
            )  # a free-text answer may follow the acknowledgement (through response_url)
            sent = found.get(("agendabot_digests_sent_total", ()), 0)
            if (sent and answered >= 2) or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.2)
        served.process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(served.process.wait(), 15) == 0
    assert found[("agendabot_digests_sent_total", ())] == 1
    assert found[("agendabot_digests_failed_total", ())] == 0
    assert found[("agendabot_answers_total", (("outcome", "given"),))] == 1
    assert found[("agendabot_answers_total", (("outcome", "declined"),))] == 1  # not "47"
    vraag = (("command", "/vraag"), ("kind", "command"))
    assert found[("agendabot_handled_total", vraag)] == 3
    http = (("kind", "command"), ("mode", "http"))
    assert found[("agendabot_ack_latency_seconds_count", http)] == 3
    [digest] = [call for call in slack_web_api.calls_to("chat.postMessage") if call.ok]
    assert digest.args["channel"] == ids.CHANNEL_ID


def change_answer_47(content_dir: Path, new: str) -> None:
    path = content_dir / "documents" / "kamerstuk-32824-451.yaml"
    text = path.read_text(encoding="utf-8")
    assert ANSWER_47 in text
    path.write_text(text.replace(ANSWER_47, new, 1), encoding="utf-8")


_asked = itertools.count(1)


async def ask(
    served: Served, session: aiohttp.ClientSession, api: SlackWebApi, text: str, **fields: str
) -> tuple[int, str, float]:
    """A slash command (`/vraag` unless `command=` says otherwise): (status, the reply's
    text, seconds until it arrived). The reply is in the acknowledgement, or, when it took
    longer (a reload), an empty acknowledgement is followed by a post to the command's
    `response_url`."""
    key = f"ask-{next(_asked)}"
    request = signing.signed(
        fixtures.slash_command_body(text, response_url=api.response_url(key), **fields)
    )
    started = time.perf_counter()
    status, body, _ = await signing.post(served.events_url, request, session=session)
    if status == 200 and not body.strip():
        [post] = await api.wait_for_response_posts(1, key=key)
        return status, post.all_text(), time.perf_counter() - started
    return status, reply_text(body) if status == 200 else body, time.perf_counter() - started


async def ask_47(
    served: Served, session: aiohttp.ClientSession, api: SlackWebApi
) -> tuple[int, str, float]:
    return await ask(served, session, api, "47")


async def test_sighup_and_herlaad_reload_content_while_answering(
    slack_web_api: SlackWebApi, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(default_content_dir(), content, ignore=shutil.ignore_patterns("sources"))
    async with (
        serve_http(
            tmp_path,
            SLACK_API_URL=slack_web_api.api_url,
            CONTENT_DIR=str(content),
            ADMIN_USERS=ids.USER_ID,
            LOG_LEVEL="INFO",
        ) as served,
        aiohttp.ClientSession(trust_env=False) as session,
    ):
        status, text, _ = await ask_47(served, session, slack_web_api)
        assert status == 200 and ANSWER_47 in text
        assert " replies prepared in " in served.log.read_text(), "rendered before serving"

        # 1. SIGHUP with valid new content, while questions keep coming
        change_answer_47(content, "Herladen gemeenschappen kunnen")
        answers: list[tuple[int, str, float]] = []
        stop = asyncio.Event()

        async def keep_asking() -> None:
            while not stop.is_set():
                answers.append(await ask_47(served, session, slack_web_api))

        askers = [asyncio.ensure_future(keep_asking()) for _ in range(3)]
        await asyncio.sleep(0.3)
        served.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 20
        while not any("Herladen gemeenschappen" in a[1] for a in answers):
            assert time.monotonic() < deadline, "the new content never showed"
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
        stop.set()
        await asyncio.gather(*askers)
        assert all(status == 200 for status, _, _ in answers)
        texts = [text for _, text, _ in answers]
        switched = next(i for i, t in enumerate(texts) if "Herladen gemeenschappen" in t)
        assert switched > 0, "no answer was given during the reload"
        assert all(ANSWER_47 in t for t in texts[:switched])  # old, complete answers …
        assert all("Herladen gemeenschappen" in t for t in texts[switched:])  # … then new
        assert max(seconds for _, _, seconds in answers) < 2.5  # within Slack's 3 s

        # 2. SIGHUP with invalid content: refused, the last good content keeps serving
        commitments = content / "commitments.yaml"
        commitments.write_text(
            commitments.read_text(encoding="utf-8").replace(
                "    pillar: 1\n", "    pillar: 7\n", 1
            ),
            encoding="utf-8",
        )
        served.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 20
        while "niet geladen" not in served.log.read_text():
            assert time.monotonic() < deadline, served.log.read_text()
            await asyncio.sleep(0.1)
        refusal = next(
            json.loads(line)
            for line in served.log.read_text().splitlines()
            if line.startswith("{") and "niet geladen" in line
        )
        assert "commitments.yaml" in refusal["message"] and "veld 'pillar'" in refusal["message"]
        status, text, _ = await ask_47(served, session, slack_web_api)
        assert status == 200 and "Herladen gemeenschappen" in text

        # 3. /agenda herlaad: others are refused, the admin is told why the content is refused
        api = slack_web_api
        status, text, _ = await ask(
            served, session, api, "herlaad", command="/agenda", user_id=ids.OTHER_USER_ID
        )
        assert status == 200 and "alleen de beheerders" in text
        status, text, _ = await ask(served, session, api, "herlaad", command="/agenda")
        assert status == 200
        assert "niet geladen" in text and "veld 'pillar'" in text
        shutil.copy(default_content_dir() / "commitments.yaml", commitments)
        status, text, _ = await ask(served, session, api, "herlaad", command="/agenda")
        assert status == 200 and text.startswith("Content opnieuw geladen")

        served.process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(served.process.wait(), 15) == 0
    # every reload attempt was audited (who, when, what)
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys, sqlite3; c = sqlite3.connect(sys.argv[1]); "
         "print('\\n'.join(f'{a}|{b}' for a, b in c.execute("
         "'select actor, action from audit_log order by id')))",
         str(tmp_path / "agendabot.sqlite3")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    audited = [line for line in result.stdout.splitlines() if "reload" in line]
    assert audited == [
        "system:sighup|content.reload",
        "system:sighup|content.reload_invalid",
        f"{ids.OTHER_USER_ID}|content.reload_refused",
        f"{ids.USER_ID}|content.reload_invalid",
        f"{ids.USER_ID}|content.reload",
    ]


async def test_digest_send_command_logs_json_without_secrets(
    slack_web_api: SlackWebApi, tmp_path: Path
) -> None:
    """`agendabot digest --send` (cron-style, outside serve) at DEBUG: JSON lines, no token."""
    database = f"sqlite:///{tmp_path / 'agendabot.sqlite3'}"
    with Store.open(database) as store:
        store.subscriptions.subscribe(
            ids.CHANNEL_ID, "1", by=ids.USER_ID, now=datetime(2026, 1, 1, tzinfo=AMS)
        )
    env = serve_env(
        tmp_path, DATABASE_URL=database, SLACK_API_URL=slack_web_api.api_url, LOG_LEVEL="DEBUG"
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "agendabot", "digest", "--send", "--now", "2026-01-06T14:00:00+01:00",
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, err.decode()
    assert "1 verstuurd" in out.decode()
    logged = err.decode()
    assert '"logger": "slack_sdk' in logged  # the client did log its requests
    assert all(json.loads(line) for line in logged.splitlines() if line.strip())
    assert ids.BOT_TOKEN not in logged and ids.SIGNING_SECRET not in logged
    [call] = slack_web_api.calls_to("chat.postMessage")
    assert call.token == ids.BOT_TOKEN


async def test_socket_mode_acknowledgements_are_timed_too(
    slack_web_api: SlackWebApi,
    socket_mode: SocketModeEmulator,
    knowledge: Knowledge,
    tmp_path: Path,
) -> None:
    """The whole way from the envelope to its acknowledgement: a slow first `auth.test`
    (bolt's authorization, before any listener) shows in the histogram."""
    labels = {"kind": "command", "mode": "socket"}

    def value(name: str) -> float:
        return REGISTRY.get_sample_value(f"agendabot_ack_latency_seconds_{name}", labels) or 0

    count, total = value("count"), value("sum")
    slack_web_api.slow_next("auth.test", 0.5)
    async with running_bot(slack_web_api, knowledge, tmp_path, mode="socket"):
        await socket_mode.wait_connected(timeout=10)
        for text in ("47", "nationale dialoog"):
            envelope = await socket_mode.send_slash_command(fixtures.slash_command(text))
            await socket_mode.wait_ack(envelope.envelope_id, timeout=10)
    assert value("count") - count == 2
    assert value("sum") - total >= 0.5


@pytest.mark.parametrize("mode", ["http", "socket"])
async def test_every_slack_request_has_its_own_request_id(
    slack_web_api: SlackWebApi,
    socket_mode: SocketModeEmulator,
    knowledge: Knowledge,
    tmp_path: Path,
    mode: str,
) -> None:
    """Every log line of a Slack request carries its request id: bolt's listener lines,
    and the Web API call that posts a mention's answer after the acknowledgement."""
    log_file = tmp_path / "debug.jsonl"
    handler = configure_logging("DEBUG", path=log_file)
    try:
        async with running_bot(slack_web_api, knowledge, tmp_path, mode=mode) as bot:  # type: ignore[arg-type]
            if mode == "http":
                for text in ("47", "nationale dialoog"):
                    request = signing.signed(fixtures.slash_command_body(text))
                    assert (await signing.post(bot.events_url, request))[0] == 200
                mention = fixtures.event_body(fixtures.app_mention("vraag 12"))
                assert (await signing.post(bot.events_url, signing.signed(mention)))[0] == 200
            else:
                await socket_mode.wait_connected(timeout=10)
                for text in ("47", "nationale dialoog"):
                    envelope = await socket_mode.send_slash_command(fixtures.slash_command(text))
                    await socket_mode.wait_ack(envelope.envelope_id, timeout=10)
                await socket_mode.send_event(fixtures.app_mention("vraag 12"))
                await slack_web_api.wait_for("chat.postMessage", timeout=10)
            await bot.settle()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    entries = [json.loads(line) for line in log_file.read_text(encoding="utf-8").splitlines()]
    listeners = [e for e in entries if e["message"].startswith("Running listener")]
    assert len(listeners) == 3
    ids_seen = [e.get("request_id") for e in listeners]
    assert None not in ids_seen and len(set(ids_seen)) == 3
    [post] = [
        e
        for e in entries
        if e["logger"].startswith("slack_sdk")
        and "chat.postMessage" in e["message"]
        and e["message"].startswith("Sending")
    ]
    assert post.get("request_id") == ids_seen[2]  # the mention's, inherited by its answer
