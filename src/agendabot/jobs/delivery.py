"""Posting to Slack from a job: the poster port, and which failures only delay a message.

`is_transient` decides between *try again next tick* and *refused until someone acts*
(see `agendabot.jobs.digest_sender`)."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Mapping
from typing import Any, Final, Protocol

import aiohttp
from slack_sdk.errors import SlackApiError

from agendabot.content import Content
from agendabot.core.reply.model import Reply

# Slack error codes (in an HTTP 200 or other answer) that mean "try again later".
TRANSIENT_SLACK_ERRORS: Final = frozenset(
    {
        "ratelimited",
        "rate_limited",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
    }
)


def is_transient(error: BaseException) -> bool:
    """True when a failed post may well succeed later without anyone doing anything: Slack
    answered 429 or 5xx (or an error code meaning the same), the connection dropped or timed
    out. False for a refusal that repeats until someone acts (`channel_not_found`,
    `not_in_channel`, `is_archived`, `account_inactive`, `invalid_auth`, …) and for any
    other exception (a bug does not fix itself either)."""
    if isinstance(error, SlackApiError):
        status = getattr(error.response, "status_code", 200)
        code = error.response.get("error") if hasattr(error.response, "get") else None
        return status == 429 or status >= 500 or code in TRANSIENT_SLACK_ERRORS
    if isinstance(error, ssl.SSLError):
        return False  # a certificate problem is configuration, not an outage
    return isinstance(error, aiohttp.ClientError | TimeoutError | ConnectionError)


class Poster(Protocol):
    """Posts a reply to a channel (`C…`/`G…`) or a person (`U…`: a direct message)."""

    async def post(
        self, channel: str, reply: Reply, *, metadata: Mapping[str, Any] | None = None
    ) -> str | None:
        """Post and return the message's `ts` (or None); raise when it was not posted."""
        ...


ContentProvider = Callable[[], Content]
"""Returns the current content (called on every run, so a reload is picked up)."""


def document_links(content: Content) -> dict[str, str]:
    """Document key ("32824-456") → URL of the official publication."""
    return {doc.meta.id: str(doc.meta.url) for doc in content.documents.values()}
