"""The HTTP server (aiohttp): Slack's requests, the health check, and room for more.

    web_app = create_web_app(store=store, knowledge=current_knowledge, bolt_app=app)

Routes:

* `POST /slack/events` (HTTP mode only): commands, events and interactivity, through
  bolt's aiohttp adapter (`to_bolt_request` / `to_aiohttp_response`). The signature is
  checked first (`agendabot.web.verification`): any failure — no, a non-integer, a stale or
  a future timestamp, no or a wrong signature — gets 401, one INFO line with the reason and
  no body, and a count in `agendabot_verification_failures_total`; no listener runs. A
  signed body bolt cannot parse, or one no listener takes (bolt's 404: fields missing or of
  the wrong type), gets 400, and one over `MAX_BODY_BYTES` gets 413: never a 500.
* `GET /metrics`: Prometheus text format (`agendabot.observability`); every request
  passes `http_middleware` (request id, acknowledgement latency of `/slack/events`).
* `GET /healthz`: 200 `{"status": "ok", "content": {…}, "database": "ok"}`, or 503 with
  `"database": "unreachable"` while the database does not answer.
* anything in `routes` (e.g. `/agenda.ics`), added by `agendabot serve`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

from agendabot.core.bot.knowledge import Knowledge
from agendabot.observability import (
    VERIFICATION_FAILURES,
    count_handled,
    http_middleware,
    metrics_handler,
    record_verification_failure,
)
from agendabot.state import AsyncStore
from agendabot.web.verification import REASONS, verify

__all__ = ["HEALTH_TIMEOUT", "MAX_BODY_BYTES", "SLACK_PATH", "create_web_app", "health"]

log = logging.getLogger(__name__)

SLACK_PATH = "/slack/events"
# Slack's payloads are far smaller (a message is at most 40 000 characters).
MAX_BODY_BYTES = 1024 * 1024
HEALTH_TIMEOUT = 2.0

for _reason in REASONS:  # every reason shows in /metrics, at 0 until it happens
    VERIFICATION_FAILURES.labels(_reason)


async def health(
    store: AsyncStore, knowledge: Callable[[], Knowledge]
) -> tuple[int, dict[str, Any]]:
    """The health report and its HTTP status (503 while the database does not answer)."""
    try:
        database_ok = await asyncio.wait_for(store.ping(), HEALTH_TIMEOUT)
    except (TimeoutError, Exception):
        database_ok = False
    current = knowledge().content
    report: dict[str, Any] = {
        "status": "ok" if database_ok else "unhealthy",
        "content": {
            "questions": len(current.qa.questions),
            "sections": len(current.letter.sections),
            "commitments": len(current.commitments),
        },
        "database": "ok" if database_ok else "unreachable",
    }
    return (200 if database_ok else 503), report


def _slack_handler(bolt_app: AsyncApp, signing_secret: str) -> Any:
    async def handle(request: web.Request) -> web.StreamResponse:
        raw = await request.read()  # 413 from aiohttp for an oversized body
        reason = verify(raw, request.headers, signing_secret, now=time.time())
        if reason is not None:
            # Once, without the body: it may hold user text and a live response_url.
            log.info("Slack request refused: %s", reason)
            record_verification_failure(reason)
            return web.Response(status=401)
        try:
            bolt_request = await to_bolt_request(request)
        except web.HTTPException:
            raise
        except Exception as exc:  # signed, but bad JSON, not an object, …
            log.warning("unreadable Slack request (%s)", type(exc).__name__)
            return web.Response(status=400)
        count_handled(bolt_request.body)
        try:
            bolt_response = await bolt_app.async_dispatch(bolt_request)
        except Exception as exc:  # bolt itself trips over some shapes ("event": null)
            log.warning("Slack request bolt cannot handle (%s)", type(exc).__name__)
            return web.Response(status=400)
        if bolt_response.status == 404:  # no listener for it: fields missing or wrong
            return web.Response(status=400)
        return await to_aiohttp_response(bolt_response)

    return handle


def create_web_app(
    *,
    store: AsyncStore,
    knowledge: Callable[[], Knowledge],
    bolt_app: AsyncApp | None = None,
    signing_secret: str = "",
    routes: Iterable[web.AbstractRouteDef] = (),
) -> web.Application:
    """The aiohttp application. Without `bolt_app` (Socket Mode) there is no Slack route."""
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[http_middleware])

    async def healthz(_request: web.Request) -> web.Response:
        status, report = await health(store, knowledge)
        return web.json_response(report, status=status)

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_handler)
    if bolt_app is not None:
        app.router.add_post(SLACK_PATH, _slack_handler(bolt_app, signing_secret))
    app.add_routes(list(routes))
    return app
