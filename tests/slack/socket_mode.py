"""A local Socket Mode endpoint: the websocket that `apps.connections.open` hands out.

The real `slack_sdk.socket_mode.aiohttp.SocketModeClient` (what bolt's
`AsyncSocketModeHandler` runs) calls `apps.connections.open` on the Web API emulator, gets a
`ws://127.0.0.1:PORT/link/?ticket=…` URL (single use, like Slack's), connects, receives
`hello`, and then the envelopes a test sends:

    async with SlackWebApi() as api, SocketModeEmulator(api) as sm:
        ...start the client / handler...
        await sm.wait_connected()
        envelope = await sm.send_slash_command(fixtures.slash_command("47"))
        ack = await sm.wait_ack(envelope.envelope_id)   # ack.payload: what ack() carried

Envelopes look like Slack's: `envelope_id`, `type` (`slash_commands`, `events_api`,
`interactive`), `payload`, `accepts_response_payload`, and for events `retry_attempt` and
`retry_reason`. `drop()` closes the connection from the server side (the client reconnects
through `apps.connections.open`), `request_refresh()` sends Slack's `disconnect` message,
`replay(envelope)` delivers an envelope again as Slack does after a reconnect.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web
from tests.slack import ids
from tests.slack.web_api import SlackWebApi

ENVELOPE_TYPES = ("slash_commands", "events_api", "interactive")


@dataclass
class Envelope:
    """One envelope sent to the client."""

    type: str
    payload: dict[str, Any]
    envelope_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    accepts_response_payload: bool = False
    retry_attempt: int | None = None
    retry_reason: str | None = None
    sent_at: float = 0.0
    connection: int = 0  # index into `SocketModeEmulator.connections`

    def to_dict(self) -> dict[str, Any]:
        message: dict[str, Any] = {
            "envelope_id": self.envelope_id,
            "payload": self.payload,
            "type": self.type,
            "accepts_response_payload": self.accepts_response_payload,
        }
        if self.retry_attempt is not None:
            message["retry_attempt"] = self.retry_attempt
            message["retry_reason"] = self.retry_reason or ""
        return message


@dataclass
class Ack:
    """An acknowledgement the client sent back."""

    envelope_id: str
    payload: dict[str, Any] | None
    raw: dict[str, Any]
    received_at: float
    latency: float | None  # seconds since the envelope was sent (None: unknown envelope)


@dataclass
class Connection:
    """One websocket connection from a client."""

    ticket: str
    ws: web.WebSocketResponse
    transport: asyncio.BaseTransport | None
    opened_at: float
    closed_at: float | None = None
    received: list[str] = field(default_factory=list)

    @property
    def open(self) -> bool:
        return self.closed_at is None and not self.ws.closed


class SocketModeEmulator:
    """The Socket Mode server side. Links itself to `web_api` for `apps.connections.open`."""

    def __init__(self, web_api: SlackWebApi | None = None, *, app_id: str = ids.APP_ID) -> None:
        self.web_api = web_api
        self.app_id = app_id
        if web_api is not None:
            web_api.socket_mode = self
        self.connections: list[Connection] = []
        self.envelopes: dict[str, Envelope] = {}
        self.acks: dict[str, list[Ack]] = {}
        self.issued: list[str] = []
        self.refused_tickets: list[str] = []
        self._tickets: set[str] = set()
        self._counter = itertools.count(1)
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self._port = 0

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> SocketModeEmulator:
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_get("/link/", self._handle_ws)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        for connection in self.connections:
            if not connection.ws.closed:
                await connection.ws.close(code=WSCloseCode.GOING_AWAY)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SocketModeEmulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def issue_url(self) -> str:
        """A fresh single-use websocket URL (what `apps.connections.open` answers)."""
        ticket = f"{uuid.uuid4()}-{next(self._counter)}"
        self._tickets.add(ticket)
        url = f"ws://127.0.0.1:{self._port}/link/?ticket={ticket}&app_id={self.app_id}"
        self.issued.append(url)
        return url

    # --- the websocket ---------------------------------------------------------------------------

    async def _handle_ws(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        if ticket not in self._tickets:
            self.refused_tickets.append(ticket)
            return web.Response(status=401, text="invalid or used ticket")
        self._tickets.discard(ticket)
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        connection = Connection(
            ticket=ticket, ws=ws, transport=request.transport, opened_at=time.monotonic()
        )
        self.connections.append(connection)
        open_count = sum(1 for c in self.connections if c.open)
        await ws.send_str(
            json.dumps(
                {
                    "type": "hello",
                    "num_connections": open_count,
                    "debug_info": {
                        "host": "applink-emulator",
                        "build_number": 1,
                        "approximate_connection_time": 18060,
                    },
                    "connection_info": {"app_id": self.app_id},
                }
            )
        )
        await self._notify()
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    connection.received.append(message.data)
                    await self._received(message.data)
                elif message.type == WSMsgType.ERROR:
                    break
        finally:
            connection.closed_at = time.monotonic()
            await self._notify()
        return ws

    async def _received(self, data: str) -> None:
        now = time.monotonic()
        try:
            message = json.loads(data)
        except json.JSONDecodeError:
            return
        if not isinstance(message, dict) or "envelope_id" not in message:
            return
        envelope_id = str(message["envelope_id"])
        envelope = self.envelopes.get(envelope_id)
        payload = message.get("payload")
        ack = Ack(
            envelope_id=envelope_id,
            payload=payload if isinstance(payload, dict) else None,
            raw=message,
            received_at=now,
            latency=(now - envelope.sent_at) if envelope else None,
        )
        self.acks.setdefault(envelope_id, []).append(ack)
        await self._notify()

    async def _notify(self) -> None:
        if self._changed is not None:
            async with self._changed:
                self._changed.notify_all()

    async def _wait(self, predicate: Any, timeout: float) -> None:
        assert self._changed is not None, "emulator not started"
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout)

    # --- what tests call --------------------------------------------------------------------------

    @property
    def current(self) -> Connection | None:
        """The newest open connection (Slack sends to one of them; we pick the newest)."""
        for connection in reversed(self.connections):
            if connection.open:
                return connection
        return None

    async def wait_connected(self, count: int = 1, timeout: float = 5.0) -> Connection:
        """Wait until `count` connections have been made in all, and one is open."""
        await self._wait(
            lambda: len(self.connections) >= count and self.current is not None, timeout
        )
        assert self.current is not None
        return self.current

    async def send(
        self,
        type: str,
        payload: dict[str, Any],
        *,
        envelope_id: str | None = None,
        accepts_response_payload: bool | None = None,
        retry_attempt: int | None = None,
        retry_reason: str | None = None,
        timeout: float = 5.0,
    ) -> Envelope:
        """Send an envelope on the current connection (waiting for one up to `timeout`)."""
        if type not in ENVELOPE_TYPES:
            raise ValueError(f"unknown envelope type {type!r}")
        if accepts_response_payload is None:
            accepts_response_payload = type == "slash_commands"
        if type == "events_api" and retry_attempt is None:
            retry_attempt, retry_reason = 0, ""
        envelope = Envelope(
            type=type,
            payload=payload,
            accepts_response_payload=accepts_response_payload,
            retry_attempt=retry_attempt,
            retry_reason=retry_reason,
        )
        if envelope_id is not None:
            envelope.envelope_id = envelope_id
        return await self._deliver(envelope, timeout)

    async def _deliver(self, envelope: Envelope, timeout: float) -> Envelope:
        connection = await self.wait_connected(timeout=timeout)
        envelope.connection = self.connections.index(connection)
        envelope.sent_at = time.monotonic()
        self.envelopes[envelope.envelope_id] = envelope
        await connection.ws.send_str(json.dumps(envelope.to_dict()))
        return envelope

    async def send_slash_command(self, payload: dict[str, Any]) -> Envelope:
        return await self.send("slash_commands", payload)

    async def send_event(self, payload: dict[str, Any], **kwargs: Any) -> Envelope:
        return await self.send("events_api", payload, **kwargs)

    async def send_interactive(self, payload: dict[str, Any]) -> Envelope:
        return await self.send("interactive", payload)

    async def wait_ack(self, envelope_id: str, timeout: float = 5.0, count: int = 1) -> Ack:
        """Wait for the `count`-th acknowledgement of an envelope and return it."""
        await self._wait(lambda: len(self.acks.get(envelope_id, ())) >= count, timeout)
        return self.acks[envelope_id][count - 1]

    async def replay(
        self,
        envelope: Envelope,
        *,
        new_envelope_id: bool = False,
        retry_reason: str = "timeout",
        timeout: float = 5.0,
    ) -> Envelope:
        """Deliver `envelope` again, with `retry_attempt` one higher (events) — as Slack does
        when an envelope was not acknowledged before a reconnect."""
        attempt = None
        reason = None
        if envelope.type == "events_api":
            attempt, reason = (envelope.retry_attempt or 0) + 1, retry_reason
        again = Envelope(
            type=envelope.type,
            payload=envelope.payload,
            envelope_id=str(uuid.uuid4()) if new_envelope_id else envelope.envelope_id,
            accepts_response_payload=envelope.accepts_response_payload,
            retry_attempt=attempt,
            retry_reason=reason,
        )
        return await self._deliver(again, timeout)

    async def drop(self, *, abrupt: bool = False) -> None:
        """Close the current connection from the server side (abrupt: cut the TCP
        connection without a close frame; the client notices through its pings)."""
        connection = self.current
        if connection is None:
            return
        if abrupt:
            if connection.transport is not None:
                connection.transport.abort()  # type: ignore[attr-defined,unused-ignore]
        else:
            await connection.ws.close(code=WSCloseCode.GOING_AWAY, message=b"server restart")
        connection.closed_at = time.monotonic()
        await self._notify()

    async def request_refresh(self, reason: str = "refresh_requested") -> None:
        """Send Slack's `disconnect` message; the client opens a new connection itself."""
        connection = self.current
        if connection is None:
            return
        await connection.ws.send_str(
            json.dumps(
                {
                    "type": "disconnect",
                    "reason": reason,
                    "debug_info": {"host": "applink-emulator"},
                }
            )
        )
