"""`agendabot serve` as a real subprocess: start-up checks, HTTP and Socket Mode, SIGTERM.

The Slack emulators run in the test process; the bot finds them through `SLACK_API_URL`.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from sqlalchemy import text
from tests.slack import fixtures, ids, signing
from tests.slack.plugin import PROXY_VARIABLES
from tests.slack.socket_mode import SocketModeEmulator
from tests.slack.web_api import SlackWebApi, block_texts

from agendabot.settings import Settings, env_name
from agendabot.state import Store

ANSWER_47 = "Gesloten gemeenschappen kunnen"
LISTENING = re.compile(r"luistert \((\w+)-modus\) op http://([\d.]+):(\d+)")
START_TIMEOUT = 60.0


def _env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment without any agendabot setting or proxy, plus `settings`."""
    drop = {env_name(field) for field in Settings.model_fields} | set(PROXY_VARIABLES)
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["NO_PROXY"] = "127.0.0.1,localhost"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'agendabot.sqlite3'}"
    env.update(settings)
    return env


def _run(tmp_path: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agendabot", "serve", *args],
        cwd=tmp_path,  # no .env from the checkout
        env=_env(tmp_path, **settings),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _one_sentence_naming(stderr: str, variable: str) -> None:
    """Besides JSON log lines, stderr holds one sentence, naming `variable`."""
    lines = [
        line
        for line in stderr.strip().splitlines()
        if line.strip() and not line.startswith('{"ts"')
    ]
    assert len(lines) == 1, stderr
    assert variable in lines[0]
    assert "Traceback" not in stderr


# --- start-up checks -------------------------------------------------------------------------


def test_missing_bot_token_stops_start_up(tmp_path: Path) -> None:
    result = _run(tmp_path, "--mode", "http", SLACK_SIGNING_SECRET=ids.SIGNING_SECRET)
    assert result.returncode == 2
    _one_sentence_naming(result.stderr, "SLACK_BOT_TOKEN")


def test_missing_signing_secret_stops_http_mode(tmp_path: Path) -> None:
    result = _run(tmp_path, "--mode", "http", SLACK_BOT_TOKEN=ids.BOT_TOKEN)
    assert result.returncode == 2
    _one_sentence_naming(result.stderr, "SLACK_SIGNING_SECRET")


def test_without_app_token_the_default_is_http_mode(tmp_path: Path) -> None:
    result = _run(tmp_path, SLACK_BOT_TOKEN=ids.BOT_TOKEN)
    assert result.returncode == 2
    _one_sentence_naming(result.stderr, "SLACK_SIGNING_SECRET")


def test_missing_app_token_stops_socket_mode(tmp_path: Path) -> None:
    result = _run(tmp_path, "--mode", "socket", SLACK_BOT_TOKEN=ids.BOT_TOKEN)
    assert result.returncode == 2
    _one_sentence_naming(result.stderr, "SLACK_APP_TOKEN")


def test_malformed_setting_is_named_without_its_value(tmp_path: Path) -> None:
    result = _run(tmp_path, SLACK_BOT_TOKEN="xoxp-not-a-bot-token", SLACK_APP_TOKEN=ids.APP_TOKEN)
    assert result.returncode == 2
    _one_sentence_naming(result.stderr, "SLACK_BOT_TOKEN")
    assert "xoxp-not-a-bot-token" not in result.stderr


def test_database_newer_than_the_code_is_refused_in_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'agendabot.sqlite3'}"
    with Store.open(url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    result = _run(
        tmp_path, "--mode", "http", SLACK_BOT_TOKEN=ids.BOT_TOKEN,
        SLACK_SIGNING_SECRET=ids.SIGNING_SECRET,
    )  # fmt: skip
    assert result.returncode == 2
    _one_sentence_naming(result.stderr, "9999_from_the_future")
    assert "nieuwer dan deze agendabot" in result.stderr


def test_invalid_access_file_is_refused_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "access.yaml").write_text("admins:\n  users: [niemand]\n", encoding="utf-8")
    result = _run(
        tmp_path, "--mode", "http", SLACK_BOT_TOKEN=ids.BOT_TOKEN,
        SLACK_SIGNING_SECRET=ids.SIGNING_SECRET, CONFIG_DIR=str(config),
    )  # fmt: skip
    assert result.returncode == 2
    _one_sentence_naming(result.stderr, "access.yaml")


def test_invalid_digest_schedule_is_refused_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "digest.yaml").write_text("schedule: elke maandag\n", encoding="utf-8")
    result = _run(
        tmp_path, "--mode", "http", SLACK_BOT_TOKEN=ids.BOT_TOKEN,
        SLACK_SIGNING_SECRET=ids.SIGNING_SECRET, CONFIG_DIR=str(config),
    )  # fmt: skip
    assert result.returncode == 2
    _one_sentence_naming(result.stderr, "digest.yaml")


# --- running -------------------------------------------------------------------------------------


@dataclass
class Served:
    process: asyncio.subprocess.Process
    url: str
    mode: str
    log: Path


@asynccontextmanager
async def serve(tmp_path: Path, *args: str, **settings: str) -> AsyncIterator[Served]:
    log = tmp_path / "serve.log"
    with log.open("w") as log_file:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "agendabot", "serve", "--host", "127.0.0.1", "--port", "0",
            *args,
            cwd=tmp_path, env=_env(tmp_path, **settings),
            stdout=asyncio.subprocess.PIPE, stderr=log_file,
        )  # fmt: skip
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), START_TIMEOUT)
        match = LISTENING.search(line.decode())
        assert match, (line, log.read_text())
        yield Served(process, f"http://{match[2]}:{match[3]}", match[1], log)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def _stop(served: Served) -> float:
    """SIGTERM; how long the process took to exit."""
    started = time.monotonic()
    served.process.send_signal(signal.SIGTERM)
    code = await asyncio.wait_for(served.process.wait(), 15)
    assert code == 0, served.log.read_text()
    return time.monotonic() - started


async def _healthz(url: str) -> tuple[int, dict[str, object]]:
    async with (
        aiohttp.ClientSession(trust_env=False) as session,
        session.get(url + "/healthz") as response,
    ):
        return response.status, await response.json()


async def test_http_mode_answers_healthz_and_a_signed_vraag(
    slack_web_api: SlackWebApi, tmp_path: Path
) -> None:
    async with serve(
        tmp_path, "--mode", "http",
        SLACK_BOT_TOKEN=ids.BOT_TOKEN, SLACK_SIGNING_SECRET=ids.SIGNING_SECRET,
        SLACK_API_URL=slack_web_api.api_url,
    ) as served:  # fmt: skip
        assert served.mode == "http"
        status, report = await _healthz(served.url)
        assert status == 200 and report["database"] == "ok"

        request = signing.signed(fixtures.slash_command_body("47"))
        status, body, _ = await signing.post(served.url + "/slack/events", request)
        assert status == 200
        reply = json.loads(body)
        assert ANSWER_47 in "\n".join([reply["text"], *block_texts(reply.get("blocks", []))])

        async with (
            aiohttp.ClientSession(trust_env=False) as session,
            session.get(served.url + "/agenda.ics?pijler=1") as response,
        ):
            assert response.status == 200
            assert (await response.text()).startswith("BEGIN:VCALENDAR")

        forged = signing.forged(fixtures.slash_command_body("47"))
        status, _, _ = await signing.post(served.url + "/slack/events", forged)
        assert status == 401

        # A mention is posted in its thread, then SIGTERM: the process exits cleanly.
        event = fixtures.app_mention("vraag 47")
        await signing.post(served.url + "/slack/events", signing.signed(fixtures.event_body(event)))
        [posted] = await slack_web_api.wait_for("chat.postMessage", timeout=10)
        assert posted.args["thread_ts"] == event["event"]["ts"]
        assert await _stop(served) < 10
    logged = served.log.read_text()
    assert ids.BOT_TOKEN not in logged and ids.SIGNING_SECRET not in logged


async def test_socket_mode_is_the_default_with_an_app_token(
    slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator, tmp_path: Path
) -> None:
    async with serve(
        tmp_path,
        SLACK_BOT_TOKEN=ids.BOT_TOKEN, SLACK_APP_TOKEN=ids.APP_TOKEN,
        SLACK_API_URL=slack_web_api.api_url,
    ) as served:  # fmt: skip
        assert served.mode == "socket"
        await socket_mode.wait_connected(timeout=20)
        envelope = await socket_mode.send_slash_command(fixtures.slash_command("47"))
        ack = await socket_mode.wait_ack(envelope.envelope_id, timeout=10)
        assert ack.payload is not None and ANSWER_47 in json.dumps(ack.payload, ensure_ascii=False)
        status, report = await _healthz(served.url)
        assert status == 200 and report["status"] == "ok"
        async with (
            aiohttp.ClientSession(trust_env=False) as session,
            session.post(served.url + "/slack/events", data=b"{}") as response,
        ):
            assert response.status in (404, 405)  # no Slack route in Socket Mode
        assert await _stop(served) < 10


async def test_a_running_bot_is_backed_up_but_its_database_not_restored_over(
    slack_web_api: SlackWebApi, tmp_path: Path
) -> None:
    database = f"sqlite:///{tmp_path / 'agendabot.sqlite3'}"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "agendabot", *args],
            cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    async with serve(
        tmp_path, "--mode", "http",
        SLACK_BOT_TOKEN=ids.BOT_TOKEN, SLACK_SIGNING_SECRET=ids.SIGNING_SECRET,
        SLACK_API_URL=slack_web_api.api_url,
    ) as served:  # fmt: skip
        with Store.open(database) as store:
            for _ in range(100):  # the first beat is written right after start-up
                if store.replicas.alive(datetime.now(UTC)):
                    break
                await asyncio.sleep(0.05)
            assert store.replicas.alive(datetime.now(UTC))
        made = cli("backup", str(tmp_path / "bk"))
        assert made.returncode == 0, made.stderr
        refused = cli("restore", str(tmp_path / "bk"))
        assert refused.returncode == 2
        assert "Een draaiende agendabot gebruikt deze database" in refused.stderr
        assert await _stop(served) < 10

    with Store.open(database) as store:
        assert store.replicas.alive(datetime.now(UTC)) == {}  # it left on SIGTERM
    restored = cli("restore", str(tmp_path / "bk"))
    assert restored.returncode == 0, restored.stderr
    assert "teruggezet" in restored.stdout
