"""Every request that cannot be verified as Slack's gets 401, at the HTTP boundary.

The real server (aiohttp, Bolt, bot, SQLite state) on the Slack emulator; requests signed
with slack_sdk's own `SignatureVerifier`, then broken one way each. For every class: 401 and
an empty body (no "sorry"), no listener runs, one INFO line with the reason and without the
body, the failure counted by reason, and the bot's own error counter unchanged.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable

import aiohttp
import pytest
from tests.slack import fixtures, ids, signing
from tests.slack.botapp import RunningBot
from tests.slack.web_api import SlackWebApi

from agendabot.logs import JsonFormatter
from agendabot.observability import ERRORS, HANDLED, VERIFICATION_FAILURES
from agendabot.web.verification import REASONS, verify

RESPONSE_URL = "https://hooks.slack.com/commands/T05SZWAGND/8099/geheimeURLvoor30minuten"
MARKER = "tekst-die-niet-in-de-log-mag-7f3a"
ANSWER_47 = "Gesloten gemeenschappen kunnen"


def _body() -> str:
    return fixtures.slash_command_body(f"47 {MARKER}", response_url=RESPONSE_URL)


def _with_timestamp(stamp: str) -> Callable[[str], signing.SignedRequest]:
    """Signed over `stamp` exactly as given, as an attacker replaying a header would."""

    def make(body: str) -> signing.SignedRequest:
        request = signing.signed(body)
        signature = "v0=" + "0" * 64
        if stamp.isascii() and stamp.isdigit():
            signature = signing.signed(body, timestamp=int(stamp)).headers["X-Slack-Signature"]
        return request.with_headers(
            **{"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}
        )

    return make


def _without(header: str) -> Callable[[str], signing.SignedRequest]:
    def make(body: str) -> signing.SignedRequest:
        request = signing.signed(body)
        return signing.SignedRequest(
            body=request.body, headers={k: v for k, v in request.headers.items() if k != header}
        )

    return make


def _future(body: str) -> signing.SignedRequest:
    return signing.signed(body, timestamp=int(time.time()) + signing.STALE_SECONDS)


def _tampered(body: str) -> signing.SignedRequest:
    return signing.tampered(fixtures.slash_command_body("48"), body)


HOSTILE: dict[str, tuple[Callable[[str], signing.SignedRequest], str]] = {
    "timestamp-abc": (_with_timestamp("abc"), "bad_timestamp"),
    "timestamp-empty": (_with_timestamp(""), "missing_timestamp"),
    "timestamp-1e9": (_with_timestamp("1e9"), "bad_timestamp"),
    "timestamp-float": (_with_timestamp("1796215236.0"), "bad_timestamp"),
    "timestamp-nan": (_with_timestamp("NaN"), "bad_timestamp"),
    "timestamp-plus": (_with_timestamp("+1796215236"), "bad_timestamp"),
    "timestamp-arabic-digits": (_with_timestamp("١٧٩٦٢١٥٢٣٦"), "bad_timestamp"),
    "timestamp-huge": (_with_timestamp("9" * 40), "bad_timestamp"),
    "no-timestamp": (_without("X-Slack-Request-Timestamp"), "missing_timestamp"),
    "stale": (signing.stale, "stale_timestamp"),
    "future": (_future, "future_timestamp"),
    "no-signature": (_without("X-Slack-Signature"), "missing_signature"),
    "forged": (signing.forged, "bad_signature"),
    "tampered": (_tampered, "bad_signature"),
}


def _count(reason: str) -> float:
    return VERIFICATION_FAILURES.labels(reason)._value.get()


def _handled() -> float:
    return sum(sample.value for metric in HANDLED.collect() for sample in metric.samples)


@pytest.fixture
def bot(http_bot: RunningBot) -> RunningBot:
    return http_bot


@pytest.mark.parametrize("name", list(HOSTILE))
async def test_every_failed_verification_is_a_401_logged_once_without_the_body(
    bot: RunningBot,
    slack_web_api: SlackWebApi,
    caplog: pytest.LogCaptureFixture,
    name: str,
) -> None:
    make, reason = HOSTILE[name]
    errors_before, failures_before, handled_before = ERRORS._value.get(), _count(reason), _handled()
    caplog.set_level(logging.DEBUG)
    status, body, _ = await signing.post(bot.events_url, make(_body()))
    await bot.settle()
    assert (status, body) == (401, "")
    assert _count(reason) == failures_before + 1
    assert ERRORS._value.get() == errors_before, "not an error of the bot"
    assert _handled() == handled_before, "no listener ran"
    assert slack_web_api.calls_to("chat.postMessage", "chat.postEphemeral") == []
    refused = [r for r in caplog.records if r.getMessage() == f"Slack request refused: {reason}"]
    assert len(refused) == 1 and refused[0].levelno == logging.INFO
    for record in caplog.records:
        text = record.getMessage() + json.dumps(record.__dict__, default=str)
        assert MARKER not in text and "hooks.slack.com" not in text, record.getMessage()


async def test_the_refusal_is_logged_with_the_request_id_and_the_reason(bot: RunningBot) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    server_log = logging.getLogger("agendabot.web.server")
    server_log.addHandler(handler)
    level = server_log.level
    server_log.setLevel(logging.INFO)
    try:
        await signing.post(bot.events_url, signing.forged(_body()))
    finally:
        server_log.setLevel(level)
        server_log.removeHandler(handler)
    [line] = [json.loads(x) for x in stream.getvalue().splitlines() if "refused" in x]
    assert line["level"] == "INFO" and line["message"] == "Slack request refused: bad_signature"
    assert line["request_id"]
    assert MARKER not in stream.getvalue()


async def test_genuine_requests_still_answer_after_the_hostile_ones(bot: RunningBot) -> None:
    for make, _ in HOSTILE.values():
        await signing.post(bot.events_url, make(_body()))
    genuine = fixtures.slash_command_body("47", response_url=RESPONSE_URL)
    status, body, _ = await signing.post(bot.events_url, signing.signed(genuine))
    assert status == 200 and ANSWER_47 in body


async def test_every_reason_is_in_the_metrics(bot: RunningBot) -> None:
    async with aiohttp.ClientSession() as session, session.get(bot.url + "/metrics") as resp:
        assert resp.status == 200
        text = await resp.text()
    for reason in REASONS:
        assert f'agendabot_verification_failures_total{{reason="{reason}"}}' in text
    assert "agendabot_errors_total" in text


# --- the verifier itself ---------------------------------------------------------------------


def test_verify_accepts_slacks_signature_and_names_each_failure() -> None:
    now = time.time()
    body = fixtures.slash_command_body("47")
    good = signing.signed(body)
    assert verify(good.body, good.headers, ids.SIGNING_SECRET, now=now) is None
    lower = {k.lower(): v for k, v in good.headers.items()}
    assert verify(good.body, lower, ids.SIGNING_SECRET, now=now) is None
    assert verify(good.body, good.headers, "", now=now) == "no_secret"
    assert verify(good.body, good.headers, "ander-geheim", now=now) == "bad_signature"
    assert verify(b"\xff" + good.body, good.headers, ids.SIGNING_SECRET, now=now) == (
        "bad_signature"
    )
    for make, reason in HOSTILE.values():
        request = make(body)
        assert verify(request.body, request.headers, ids.SIGNING_SECRET, now=now) == reason
