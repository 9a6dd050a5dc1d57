"""Structured JSON logs, request ids, and secrets masked in every logger's output; the
secret grep over the logs of the whole test run."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from tests.log_audit import SESSION_LOG, body_leaks, leaks, run_logs
from tests.slack import ids
from tests.slack.web_api import SlackWebApi

from agendabot.logs import (
    BODY_NOT_LOGGED,
    MASK,
    REQUEST_ID,
    configure_logging,
    redact,
    request_id_scope,
    secrets_from_settings,
)
from agendabot.settings import load_settings

DB_PASSWORD = "Db-Pa55word-NotReal"


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = configure_logging("DEBUG", secrets=[ids.SIGNING_SECRET, DB_PASSWORD], stream=stream)
    yield stream
    logging.getLogger().removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


@pytest.mark.parametrize(
    "text",
    [
        f"token={ids.BOT_TOKEN}",
        f"Authorization: Bearer {ids.BOT_TOKEN}",
        f"app token {ids.APP_TOKEN} used",
        "legacy xoxp-1234-5678-abcdef and xoxa-2-abc and xoxr-1-def",
        f"postgresql+psycopg://agendabot:{DB_PASSWORD}@db:5432/agendabot",
        f"postgresql://agendabot:{DB_PASSWORD}@db/agendabot",
        f"signing secret is {ids.SIGNING_SECRET}!",
        f"host=db password={DB_PASSWORD} dbname=x",
        f'{{"token": "{ids.VERIFICATION_TOKEN}", "team_id": "T1"}}',
        f"token={ids.VERIFICATION_TOKEN}&team_id=T1&command=%2Fvraag",
    ],
)
def test_secrets_are_masked(text: str, log_stream: io.StringIO) -> None:
    masked = redact(text)
    for secret in (
        ids.BOT_TOKEN,
        ids.APP_TOKEN,
        ids.SIGNING_SECRET,
        ids.VERIFICATION_TOKEN,
        DB_PASSWORD,
        "xoxp-1234",
        "xoxa-2-abc",
        "xoxr-1-def",
    ):
        assert secret not in masked
    assert MASK in masked


def test_ordinary_text_is_left_alone() -> None:
    for text in (
        "POST /slack/events 200",
        "http://127.0.0.1:8080/api/chat.postMessage",
        "Wat doet het kabinet tegen gesloten gemeenschappen?",
        "tokens: 12, secretariaat",
    ):
        assert redact(text) == text


def test_one_json_object_per_line_with_request_id_and_extras(log_stream: io.StringIO) -> None:
    log = logging.getLogger("agendabot.test")
    log.info("zonder id")
    with request_id_scope("abc123"):
        log.warning("met id %s", "x", extra={"command": "/vraag"})
    [first, second] = lines(log_stream)
    assert first["message"] == "zonder id" and "request_id" not in first
    assert second["request_id"] == "abc123"
    assert second["message"] == "met id x"
    assert second["command"] == "/vraag"
    assert second["level"] == "WARNING" and second["logger"] == "agendabot.test"
    assert REQUEST_ID.get() is None


def test_request_id_follows_tasks_started_within_the_request(log_stream: io.StringIO) -> None:
    async def later() -> None:
        await asyncio.sleep(0)
        logging.getLogger("agendabot.test").info("na de ack")

    async def request() -> None:
        with request_id_scope() as request_id:
            task = asyncio.ensure_future(later())
        await task
        assert lines(log_stream)[-1]["request_id"] == request_id

    asyncio.run(request())


def test_tracebacks_and_extras_are_masked(log_stream: io.StringIO) -> None:
    log = logging.getLogger("someone.else")
    try:
        raise RuntimeError(f"could not connect with {ids.BOT_TOKEN}")
    except RuntimeError:
        log.exception("failed", extra={"url": f"postgresql://u:{DB_PASSWORD}@h/d"})
    output = log_stream.getvalue()
    assert ids.BOT_TOKEN not in output and DB_PASSWORD not in output
    [entry] = lines(log_stream)
    assert "RuntimeError" in str(entry["exc"])


async def test_third_party_debug_logs_are_masked(
    slack_web_api: SlackWebApi, tmp_path: Path
) -> None:
    """slack_sdk logs request and response details at DEBUG; the handler filter masks them."""
    path = tmp_path / "log.jsonl"
    handler = configure_logging("DEBUG", path=path)
    try:
        client = AsyncWebClient(token=ids.BOT_TOKEN, base_url=slack_web_api.api_url)
        await client.auth_test()
        await client.chat_postMessage(channel=ids.CHANNEL_ID, text=f"lek {ids.BOT_TOKEN}")
        logging.getLogger("slack_sdk.web.async_base_client").debug(
            "headers: %s", {"Authorization": f"Bearer {ids.APP_TOKEN}"}
        )
        if client.session is not None:
            await client.session.close()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    text = path.read_text()
    assert "slack_sdk" in text  # the library did log at DEBUG
    assert ids.BOT_TOKEN not in text and ids.APP_TOKEN not in text


@pytest.mark.parametrize(
    ("logger", "message"),
    [
        # slack_bolt's socket-mode handler at DEBUG: the whole envelope.
        ("agendabot.slack.bolt", 'Received message: {"envelope_id": "e1", "payload": '
         '{"command": "/vraag", "trigger_id": "1.2.abc", '
         '"response_url": "https://hooks.slack.com/commands/T1/2/secretpart"}}'),
        # slack_bolt's own signature check at INFO: the form body.
        ("slack_bolt.RequestVerification", "Invalid request signature detected (signature: "
         "v0=abc, timestamp: 1, body: token=x&team_id=T1&command=%2Fvraag&response_url="
         "https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F2%2Fsecretpart)"),
        ("agendabot.slack", "posting to https://hooks.slack.com/commands/T1/2/secretpart"),
    ],
)  # fmt: skip
def test_request_bodies_are_dropped_from_log_lines(
    logger: str, message: str, log_stream: io.StringIO
) -> None:
    logging.getLogger(logger).warning(message)
    [entry] = lines(log_stream)
    logged = str(entry["message"])
    assert "secretpart" not in logged and "trigger_id" not in logged
    assert logged.endswith(BODY_NOT_LOGGED) and body_leaks(logged) == []
    assert logged.split(" ")[0] in message  # what the line was about stays readable


def test_secrets_from_settings() -> None:
    settings = load_settings(
        env_file=None,
        slack_bot_token=ids.BOT_TOKEN,
        slack_app_token=ids.APP_TOKEN,
        slack_signing_secret=ids.SIGNING_SECRET,
        database_url=f"postgresql+psycopg://agendabot:{DB_PASSWORD}@db/agendabot",
    )
    assert set(secrets_from_settings(settings)) == {
        ids.BOT_TOKEN,
        ids.APP_TOKEN,
        ids.SIGNING_SECRET,
        DB_PASSWORD,
    }


def test_no_secret_in_the_logs_of_this_test_run(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Runs last (`tests/log_audit.py`): every log line of this whole test run — the root
    logger's records through the production redaction, and the log files the tests wrote,
    incl. the stderr of `agendabot serve` subprocesses — holds no token, signing secret,
    verification token or URL password. Meaningful in a full run; alone it checks little."""
    basetemp = tmp_path_factory.getbasetemp()
    files = run_logs(basetemp)
    assert basetemp / SESSION_LOG in files
    found = {
        str(path.relative_to(basetemp)): hits
        for path in files
        if (hits := leaks(path.read_text(encoding="utf-8", errors="replace")))
    }
    assert found == {}


def test_no_request_body_in_the_logs_of_this_test_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Runs last (`tests/log_audit.py`): no log line of this whole test run — hostile,
    forged and genuine requests included — carries a request body or a `response_url`."""
    basetemp = tmp_path_factory.getbasetemp()
    found = {
        str(path.relative_to(basetemp)): hits[:3]
        for path in run_logs(basetemp)
        if (hits := body_leaks(path.read_text(encoding="utf-8", errors="replace")))
    }
    assert found == {}
