"""Posting a `Reply` to a channel or person through slack_sdk's `AsyncWebClient`.

`SlackPoster` is the real implementation of `agendabot.jobs.digest_sender.Poster`. Its client
retries what is safe to retry:

`agendabot.slack.retry.slack_retry_handlers()`: HTTP 429 waits for `Retry-After` (slack_sdk's
`AsyncRateLimitErrorRetryHandler`), 5xx answers and dropped connections back off and try
again, and every failed attempt is counted in the metrics.

A recipient that is a user id (`U…`) gets a direct message: `chat.postMessage` with the user
id as channel opens the conversation with the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient

from agendabot.core.reply.model import Reply
from agendabot.slack.blocks import render_message
from agendabot.slack.retry import slack_retry_handlers

__all__ = ["SlackPoster", "make_web_client"]

HTTP_TIMEOUT_S: Final = 30


def make_web_client(
    token: str | None,
    *,
    base_url: str | None = None,
    session: aiohttp.ClientSession | None = None,
) -> AsyncWebClient:
    """An `AsyncWebClient` with the bot's retry handlers (`agendabot.slack.retry`);
    `base_url` points it at an emulator; `session` is a shared HTTP session whose
    connections are reused (without it, slack_sdk opens a session per call)."""
    options: dict[str, Any] = {"token": token, "timeout": HTTP_TIMEOUT_S, "session": session}
    if base_url:
        options["base_url"] = base_url
    return AsyncWebClient(**options, retry_handlers=slack_retry_handlers())


class SlackPoster:
    """Post replies with `chat.postMessage`; returns Slack's message `ts`."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    @classmethod
    def from_token(cls, token: str, *, base_url: str | None = None) -> SlackPoster:
        return cls(make_web_client(token, base_url=base_url))

    async def post(
        self, channel: str, reply: Reply, *, metadata: Mapping[str, Any] | None = None
    ) -> str | None:
        """Post `reply` to `channel` (a channel id, or a user id for a direct message).

        Raises `slack_sdk.errors.SlackApiError` when Slack refuses it (after the retries).
        """
        message = render_message(reply).to_dict()
        response = await self.client.chat_postMessage(
            channel=channel,
            text=message["text"],
            blocks=message.get("blocks"),
            metadata=dict(metadata) if metadata else None,
            unfurl_links=False,
            unfurl_media=False,
        )
        ts = response.get("ts")
        return str(ts) if ts else None

    async def close(self) -> None:
        session = self.client.session
        if session is not None and not session.closed:
            await session.close()
