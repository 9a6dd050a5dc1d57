"""Metrics: Prometheus counters and histograms named `agendabot_…`, served at `GET /metrics`.

Everything is registered in one dedicated `CollectorRegistry` (`REGISTRY`), not
prometheus-client's global one, so the scrape holds exactly agendabot's series (plus the
process collector: RSS, CPU, open files) and tests can read values without interference.

| metric | labels | counts |
|---|---|---|
| `agendabot_handled_total` | kind, command | slash commands, mentions, buttons, other events |
| `agendabot_answers_total` | outcome (given, declined) | free-text questions answered or declined |
| `agendabot_digests_sent_total` / `agendabot_digests_failed_total` | — | digest posts |
| `agendabot_slack_api_errors_total` | method, status, error | failed Web API attempts |
| `agendabot_ack_latency_seconds` | kind, mode | time until Slack got its acknowledgement |
| `agendabot_content_reloads_total` | outcome (ok, refused) | content reloads |
| `agendabot_query_vectors_total` | outcome (embedded, shed, failed) | query vectors asked for |

How they are fed:
- `http_middleware` (aiohttp): the request id of each HTTP request and, for
  `/slack/events`, the acknowledgement latency (the HTTP response *is* the ack).
- `TimedSocketModeHandler` (bolt's `AsyncSocketModeHandler`): the same for each Socket
  Mode request, from the envelope's arrival until its acknowledgement was sent.
- `count_handled`: what kind of request it is (`handled_total`), called where a genuine
  request is handed to Bolt (`web/server.py` after its signature check, and
  `TimedSocketModeHandler`). Not a Bolt middleware: each one costs Bolt's argument
  injection and a turn through its chain on every request (about 5 % of the event loop's
  time per `/vraag` under load).
- `SlackApiErrorMetrics`: a slack_sdk retry handler placed first in the client's
  `retry_handlers`; it sees every attempt and never retries itself.
- `record_answer`, `record_digest`, `record_reload`, `record_query_vectors`: called by
  the code that knows.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    ProcessCollector,
    generate_latest,
)
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.socket_mode.request import SocketModeRequest

from agendabot.core.bot.agenda_commands import subcommand
from agendabot.logs import REQUEST_ID, new_request_id

__all__ = [
    "ACK_LATENCY",
    "ANSWERS",
    "CONTENT_RELOADS",
    "DIGESTS_FAILED",
    "DIGESTS_SENT",
    "ERRORS",
    "HANDLED",
    "QUERY_VECTORS",
    "REGISTRY",
    "SLACK_API_ERRORS",
    "SLACK_EVENTS_PATH",
    "VERIFICATION_FAILURES",
    "SlackApiErrorMetrics",
    "TimedSocketModeHandler",
    "classify",
    "count_handled",
    "http_middleware",
    "metrics_handler",
    "record_answer",
    "record_digest",
    "record_error",
    "record_query_vectors",
    "record_reload",
    "record_verification_failure",
]

SLACK_EVENTS_PATH = "/slack/events"

REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY, namespace="agendabot")

HANDLED = Counter(
    "agendabot_handled",
    "Slack requests handled: slash commands, mentions, buttons and other events.",
    ["kind", "command"],
    registry=REGISTRY,
)
ANSWERS = Counter(
    "agendabot_answers",
    "Free-text questions: answered (given) or declined (no confident answer).",
    ["outcome"],
    registry=REGISTRY,
)
QUERY_VECTORS = Counter(
    "agendabot_query_vectors",
    "Query vectors asked of the model: embedded, shed (the line was too long: lexical "
    "search) or failed.",
    ["outcome"],
    registry=REGISTRY,
)
DIGESTS_SENT = Counter(
    "agendabot_digests_sent", "Weekly digests posted to Slack.", registry=REGISTRY
)
DIGESTS_FAILED = Counter(
    "agendabot_digests_failed",
    "Weekly digest posts that failed (retried later from the ledger).",
    registry=REGISTRY,
)
SLACK_API_ERRORS = Counter(
    "agendabot_slack_api_errors",
    "Slack Web API attempts that failed, by method, HTTP status and Slack error code "
    "(status 'connection' for dropped connections).",
    ["method", "status", "error"],
    registry=REGISTRY,
)
ACK_LATENCY = Histogram(
    "agendabot_ack_latency_seconds",
    "Time from receiving a Slack request until its acknowledgement was sent.",
    ["kind", "mode"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0),
    registry=REGISTRY,
)
VERIFICATION_FAILURES = Counter(
    "agendabot_verification_failures",
    "HTTP requests refused with 401 because they are not verifiably from Slack, by reason.",
    ["reason"],
    registry=REGISTRY,
)
ERRORS = Counter(
    "agendabot_errors",
    "The bot's own errors: a genuine Slack request that failed inside Bolt or a listener.",
    registry=REGISTRY,
)
CONTENT_RELOADS = Counter(
    "agendabot_content_reloads",
    "Content reloads (SIGHUP or /agenda herlaad): ok, or refused as invalid.",
    ["outcome"],
    registry=REGISTRY,
)

for _outcome in ("given", "declined"):
    ANSWERS.labels(_outcome)
for _outcome in ("ok", "refused"):
    CONTENT_RELOADS.labels(_outcome)
for _outcome in ("embedded", "shed", "failed"):
    QUERY_VECTORS.labels(_outcome)


def record_verification_failure(reason: str) -> None:
    VERIFICATION_FAILURES.labels(reason).inc()


def record_error() -> None:
    ERRORS.inc()


def record_answer(*, given: bool) -> None:
    ANSWERS.labels("given" if given else "declined").inc()


def record_query_vectors(outcome: str, count: int = 1) -> None:
    QUERY_VECTORS.labels(outcome).inc(count)


def record_digest(*, sent: bool) -> None:
    (DIGESTS_SENT if sent else DIGESTS_FAILED).inc()


def record_reload(*, ok: bool) -> None:
    CONTENT_RELOADS.labels("ok" if ok else "refused").inc()


# --- classifying a Slack request ---------------------------------------------------------------

# Label values come from request bodies: keep them to a small, known shape.
_COMMAND = re.compile(r"^/[a-z0-9_-]{1,32}$")
_WORD = re.compile(r"^[a-z_.]{1,40}$")


def _label(value: Any, pattern: re.Pattern[str]) -> str:
    text = str(value or "").strip().lower()
    return text if pattern.match(text) else "other"


def classify(body: dict[str, Any]) -> tuple[str, str]:
    """`(kind, command)` of a Slack payload, as metric labels (bounded vocabulary)."""
    if "command" in body:
        command = _label(body.get("command"), _COMMAND)
        if command == "/agenda":
            words = str(body.get("text") or "").split()
            first = words[0].lower() if words else "help"
            command += " " + (subcommand(first) or "other")  # aliases under one name
        return "command", command
    kind = body.get("type")
    if kind == "event_callback":
        event = body.get("event")
        event_type = event.get("type") if isinstance(event, dict) else None
        if event_type == "app_mention":
            return "mention", "app_mention"
        return "event", _label(event_type, _WORD)
    if kind == "block_actions":
        actions = body.get("actions")
        first_action = actions[0] if isinstance(actions, list) and actions else {}
        action_id = first_action.get("action_id") if isinstance(first_action, dict) else None
        return "action", _label(action_id, _WORD)
    if kind in ("view_submission", "view_closed", "shortcut", "message_action"):
        return "interaction", str(kind)
    return "other", _label(kind, _WORD)


# --- middlewares -------------------------------------------------------------------------------

# Set by `http_middleware` for the duration of one HTTP request; `count_handled` fills in
# the kind of Slack request, which the HTTP layer cannot see without parsing the body.
_HTTP_REQUEST: ContextVar[dict[str, str] | None] = ContextVar(
    "agendabot_http_request", default=None
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def http_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """aiohttp: a request id for every request; ack latency of `POST /slack/events`."""
    started = time.perf_counter()
    request_id = new_request_id()
    token = REQUEST_ID.set(request_id)
    info = {"kind": "unknown"}
    info_token = _HTTP_REQUEST.set(info)
    try:
        response = await handler(request)
        if request.path == SLACK_EVENTS_PATH and request.method == "POST":
            ACK_LATENCY.labels(info["kind"], "http").observe(time.perf_counter() - started)
        return response
    finally:
        _HTTP_REQUEST.reset(info_token)
        REQUEST_ID.reset(token)


def count_handled(body: Any) -> str:
    """Count a genuine Slack request (signed, or from Socket Mode) in `handled_total`, tell
    `http_middleware` its kind, and return that kind."""
    kind, command = classify(body if isinstance(body, dict) else {})
    HANDLED.labels(kind, command).inc()
    info = _HTTP_REQUEST.get()
    if info is not None:
        info["kind"] = kind
    return kind


class TimedSocketModeHandler(AsyncSocketModeHandler):
    """bolt's Socket Mode handler with a request id and the acknowledgement latency.

    `handle` runs once per envelope, in a task of its own: the request id set here is
    inherited by everything the request starts (its listeners, the work after the ack).
    With `process_before_response=True` bolt sends the acknowledgement at the end of
    `handle`, so its duration is the acknowledgement latency.
    """

    async def handle(self, client: Any, req: SocketModeRequest) -> None:
        started = time.perf_counter()
        token = REQUEST_ID.set(new_request_id())
        kind = count_handled(req.payload)
        try:
            await super().handle(client, req)
        finally:
            REQUEST_ID.reset(token)
        ACK_LATENCY.labels(kind, "socket").observe(time.perf_counter() - started)


# --- Slack Web API errors ----------------------------------------------------------------------


def _api_method(url: str) -> str:
    method = url.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]
    return method if re.match(r"^[A-Za-z.]{1,60}$", method) else "other"


class SlackApiErrorMetrics(AsyncRetryHandler):
    """Counts failed Web API attempts; never asks for a retry. Put it FIRST in
    `retry_handlers`: slack_sdk stops asking handlers after the first that retries."""

    def __init__(self) -> None:
        super().__init__(max_retry_count=0)

    async def can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        method = _api_method(request.url)
        if response is None:
            if error is not None:
                SLACK_API_ERRORS.labels(method, "connection", type(error).__name__).inc()
            return False
        body = response.body if isinstance(response.body, dict) else {}
        failed = response.status_code >= 400 or body.get("ok") is False
        if failed:
            error_code = _label(body.get("error"), re.compile(r"^[a-z_]{1,60}$"))
            if not body.get("error"):
                error_code = "-"
            SLACK_API_ERRORS.labels(method, str(response.status_code), error_code).inc()
        return False

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return False


# --- GET /metrics -------------------------------------------------------------------------------


async def metrics_handler(request: web.Request) -> web.Response:
    """The Prometheus text exposition of `REGISTRY`."""
    return web.Response(
        body=generate_latest(REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST}
    )
