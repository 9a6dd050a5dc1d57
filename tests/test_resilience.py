"""Slack faults against the Web API emulator, with the retry handlers the bot uses.

The real slack_sdk `AsyncWebClient` talks HTTP to the emulator, which answers 429 with
`Retry-After`, 5xx, or cuts the connection; `slack_retry_handlers()` must ride these out,
and `agendabot_slack_api_errors_total` must count every failed attempt.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from tests.slack import ids
from tests.slack.web_api import SlackWebApi

from agendabot.observability import REGISTRY
from agendabot.slack.retry import RATE_LIMIT_RETRIES, SERVER_ERROR_RETRIES, slack_retry_handlers


def errors_counted(method: str, status: str, error: str) -> float:
    value = REGISTRY.get_sample_value(
        "agendabot_slack_api_errors_total", {"method": method, "status": status, "error": error}
    )
    return value or 0.0


@pytest.fixture
async def client(slack_web_api: SlackWebApi) -> AsyncIterator[AsyncWebClient]:
    web = AsyncWebClient(
        token=ids.BOT_TOKEN,
        base_url=slack_web_api.api_url,
        retry_handlers=slack_retry_handlers(backoff_factor=0.01),
    )
    yield web
    if web.session is not None and not web.session.closed:
        await web.session.close()


async def test_rate_limit_waits_for_retry_after_then_posts_once(
    client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    before = errors_counted("chat.postMessage", "429", "ratelimited")
    slack_web_api.fail_next("chat.postMessage", status=429, retry_after=2)
    started = time.monotonic()
    response = await client.chat_postMessage(channel=ids.CHANNEL_ID, text="hoi")
    elapsed = time.monotonic() - started
    assert response["ok"]
    calls = slack_web_api.calls_to("chat.postMessage")
    assert [call.status for call in calls] == [429, 200]
    assert calls[1].at - calls[0].at >= 2.0  # Retry-After honoured, not a quick backoff
    assert elapsed >= 2.0
    assert len(slack_web_api.messages()) == 1
    assert errors_counted("chat.postMessage", "429", "ratelimited") == before + 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_server_errors_are_retried_with_backoff(
    client: AsyncWebClient, slack_web_api: SlackWebApi, status: int
) -> None:
    before = errors_counted("chat.postMessage", str(status), "internal_error")
    slack_web_api.fail_next("chat.postMessage", times=2, status=status)
    response = await client.chat_postMessage(channel=ids.CHANNEL_ID, text="hoi")
    assert response["ok"]
    calls = slack_web_api.calls_to("chat.postMessage")
    assert [call.status for call in calls] == [status, status, 200]
    assert calls[2].at > calls[1].at > calls[0].at
    assert len(slack_web_api.messages()) == 1
    assert errors_counted("chat.postMessage", str(status), "internal_error") == before + 2


@pytest.mark.parametrize("fault", ["503", "drop"])
async def test_retries_back_off_exponentially(slack_web_api: SlackWebApi, fault: str) -> None:
    """`factor * 2**attempt` seconds (plus jitter) between attempts: at least 0.25 s, then
    at least 0.5 s — not an immediate hammering of a Slack that is down."""
    web = AsyncWebClient(
        token=ids.BOT_TOKEN,
        base_url=slack_web_api.api_url,
        retry_handlers=slack_retry_handlers(backoff_factor=0.25),
    )
    if fault == "drop":
        slack_web_api.drop_next("chat.postMessage", times=2)
    else:
        slack_web_api.fail_next("chat.postMessage", times=2, status=503)
    try:
        assert (await web.chat_postMessage(channel=ids.CHANNEL_ID, text="hoi"))["ok"]
    finally:
        if web.session is not None and not web.session.closed:
            await web.session.close()
    first, second, third = (call.at for call in slack_web_api.calls_to("chat.postMessage"))
    assert second - first >= 0.25
    assert third - second >= 0.5


async def test_dropped_connections_are_retried(
    client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    slack_web_api.drop_next("chat.postMessage", times=2)
    response = await client.chat_postMessage(channel=ids.CHANNEL_ID, text="hoi")
    assert response["ok"]
    calls = slack_web_api.calls_to("chat.postMessage")
    assert [call.response is None for call in calls] == [True, True, False]
    assert len(slack_web_api.messages()) == 1
    dropped = [
        sample
        for metric in REGISTRY.collect()
        if metric.name == "agendabot_slack_api_errors"
        for sample in metric.samples
        if sample.labels.get("status") == "connection"
        and sample.labels.get("method") == "chat.postMessage"
        and sample.name.endswith("_total")
    ]
    assert sum(sample.value for sample in dropped) >= 2


async def test_a_persistent_outage_gives_up_with_the_error(
    client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    slack_web_api.fail_next("chat.postMessage", times=SERVER_ERROR_RETRIES + 1, status=503)
    with pytest.raises(SlackApiError) as raised:
        await client.chat_postMessage(channel=ids.CHANNEL_ID, text="hoi")
    assert raised.value.response.status_code == 503
    assert len(slack_web_api.calls_to("chat.postMessage")) == SERVER_ERROR_RETRIES + 1
    assert slack_web_api.messages() == []


async def test_rate_limit_retries_are_bounded(
    client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    slack_web_api.fail_next("chat.postMessage", times=RATE_LIMIT_RETRIES + 1, retry_after=0)
    # retry_after=0 sends no header; slack_sdk then waits 1–2 s per attempt.
    with pytest.raises(SlackApiError) as raised:
        await client.chat_postMessage(channel=ids.CHANNEL_ID, text="hoi")
    assert raised.value.response.status_code == 429
    assert len(slack_web_api.calls_to("chat.postMessage")) == RATE_LIMIT_RETRIES + 1


async def test_slack_error_answers_are_counted_without_retry(
    client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    before = errors_counted("chat.postMessage", "200", "channel_not_found")
    with pytest.raises(SlackApiError):
        await client.chat_postMessage(channel="", text="hoi")
    assert len(slack_web_api.calls_to("chat.postMessage")) == 1
    assert errors_counted("chat.postMessage", "200", "channel_not_found") == before + 1
