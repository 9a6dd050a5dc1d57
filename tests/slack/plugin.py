"""pytest fixtures for tests at the Slack boundary (loaded by `tests/conftest.py`).

- `no_proxy_env`: removes `HTTP(S)_PROXY`/`ALL_PROXY` (slack_sdk reads them) for the test.
- `slack_web_api`: a started `SlackWebApi` (see `tests.slack.web_api`).
- `socket_mode`: a started `SocketModeEmulator` linked to `slack_web_api`.
- `slack_client`: a real `AsyncWebClient` on the emulator with bot token, slack_sdk's
  rate-limit (429 + Retry-After) and connection-error retry handlers.
- `http_bot`: agendabot's Bolt app in HTTP mode with the shipped content (`knowledge`),
  talking to `slack_web_api`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from tests.slack import ids
from tests.slack.botapp import RunningBot, running_bot
from tests.slack.socket_mode import SocketModeEmulator
from tests.slack.web_api import SlackWebApi

from agendabot.core.bot.knowledge import Knowledge

PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy for this test: the Slack clients would send localhost traffic through it."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
async def slack_web_api(no_proxy_env: None) -> AsyncIterator[SlackWebApi]:
    """The Slack Web API emulator, on 127.0.0.1 and a free port."""
    async with SlackWebApi() as api:
        yield api


@pytest.fixture
async def socket_mode(slack_web_api: SlackWebApi) -> AsyncIterator[SocketModeEmulator]:
    """The Socket Mode emulator; `apps.connections.open` on `slack_web_api` points at it."""
    async with SocketModeEmulator(slack_web_api) as emulator:
        yield emulator


@pytest.fixture
async def slack_client(slack_web_api: SlackWebApi) -> AsyncIterator[AsyncWebClient]:
    """slack_sdk's `AsyncWebClient` talking to the emulator, retrying 429s and dropped
    connections as production should."""
    client = AsyncWebClient(
        token=ids.BOT_TOKEN,
        base_url=slack_web_api.api_url,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=3),
        ],
    )
    yield client
    if client.session is not None and not client.session.closed:
        await client.session.close()


@pytest.fixture
async def http_bot(
    slack_web_api: SlackWebApi, knowledge: Knowledge, tmp_path: Path
) -> AsyncIterator[RunningBot]:
    """agendabot's real Bolt app in HTTP mode, with the shipped content, on the emulator."""
    async with running_bot(slack_web_api, knowledge, tmp_path, mode="http") as running:
        yield running
