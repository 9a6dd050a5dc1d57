"""Posting a reply to a Slack `response_url` (a slash command's late reply, a button's).

    await post_response_url(url, reply, session=session)

`session`: the bot's one `aiohttp.ClientSession` (`agendabot serve` opens it, and gives the
same one to the Web API client), so that posts reuse open connections to Slack instead of
opening, and in production TLS-handshaking, a new one for every reply. Without it slack_sdk
opens a session per post (the CLI and some tests).

Failures after the retries are logged, never raised: the user's request was acknowledged.
"""

from __future__ import annotations

import logging

import aiohttp
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.webhook.async_client import AsyncWebhookClient

from agendabot.core.reply.model import Reply
from agendabot.observability import SlackApiErrorMetrics
from agendabot.slack.convert import response_url_body
from agendabot.slack.retry import slack_retry_handlers

__all__ = ["post_response_url"]

log = logging.getLogger(__name__)


def _retry_handlers() -> list[AsyncRetryHandler]:
    """The bot's retries (429, 5xx, dropped connections), without the per-method metrics:
    a response URL ends in a secret-like token, not a method name."""
    return [h for h in slack_retry_handlers() if not isinstance(h, SlackApiErrorMetrics)]


async def post_response_url(
    url: str, reply: Reply, *, session: aiohttp.ClientSession | None = None
) -> None:
    if not url.startswith(("https://", "http://")):
        log.warning("response_url ignored: not http(s)")
        return
    webhook = AsyncWebhookClient(url=url, session=session, retry_handlers=_retry_handlers())
    try:
        response = await webhook.send_dict(response_url_body(reply))
    except Exception as exc:  # network trouble after the retries: log, never crash
        log.error("response_url post failed: %s", type(exc).__name__)
        return
    if response.status_code != 200:
        log.error("response_url answered %s: %s", response.status_code, response.body[:200])
