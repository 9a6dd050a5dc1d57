"""How the Slack Web API client rides out faults: retry handlers for slack_sdk.

    AsyncWebClient(token=…, base_url=…, retry_handlers=slack_retry_handlers())

- HTTP 429: wait as long as Slack's `Retry-After` says (slack_sdk's
  `AsyncRateLimitErrorRetryHandler`), up to `RATE_LIMIT_RETRIES` times.
- HTTP 500, 502, 503, 504: exponential backoff with jitter (0.5 s, 1 s, 2 s …).
- Dropped connections (reset, disconnected, refused): the same backoff.
- Every failed attempt is counted in `agendabot_slack_api_errors_total` first.

After the last retry the client raises as usual; the caller decides (the digest keeps its
ledger claim unsent, so the next run sends it: delayed, never lost or doubled).
"""

from __future__ import annotations

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.jitter import RandomJitter
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from agendabot.observability import SlackApiErrorMetrics

__all__ = [
    "CONNECTION_RETRIES",
    "RATE_LIMIT_RETRIES",
    "SERVER_ERROR_RETRIES",
    "ServerErrorRetryHandler",
    "backoff",
    "slack_retry_handlers",
]

RATE_LIMIT_RETRIES = 3
SERVER_ERROR_RETRIES = 3
CONNECTION_RETRIES = 3
RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})


def backoff(factor: float = 0.5) -> BackoffRetryIntervalCalculator:
    """`factor * 2**attempt` seconds plus up to one second of random jitter."""
    return BackoffRetryIntervalCalculator(backoff_factor=factor, jitter=RandomJitter())


class ServerErrorRetryHandler(AsyncRetryHandler):
    """Retries Slack's 5xx answers (slack_sdk's own handler only knows 500 and 503)."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code in RETRYABLE_STATUSES


def slack_retry_handlers(*, backoff_factor: float = 0.5) -> list[AsyncRetryHandler]:
    """The retry handlers for every `AsyncWebClient` the bot makes (metrics first)."""
    interval = backoff(backoff_factor)
    return [
        SlackApiErrorMetrics(),
        AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ServerErrorRetryHandler(max_retry_count=SERVER_ERROR_RETRIES, interval_calculator=interval),
        AsyncConnectionErrorRetryHandler(
            max_retry_count=CONNECTION_RETRIES, interval_calculator=interval
        ),
    ]
