"""agendabot's real Slack app, wired to the emulators, for tests at the network boundary.

    async with running_bot(api, knowledge, tmp_path, mode="http") as bot:
        status, body, _ = await signing.post(bot.events_url, signing.signed(...))
        await bot.settle()                      # the answers posted after the ack
    async with running_bot(api, knowledge, tmp_path, mode="socket") as bot:
        ...                                     # connected to the Socket Mode emulator

Everything is real: settings, state (SQLite file), `Bot`, Bolt app, aiohttp server,
slack_sdk clients. Only Slack itself is the emulator.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from tests.slack import ids
from tests.slack.web_api import SlackWebApi

from agendabot.bot import config_from_settings
from agendabot.core.bot.dispatch import Bot
from agendabot.core.bot.knowledge import Knowledge
from agendabot.observability import TimedSocketModeHandler
from agendabot.settings import Settings, load_settings
from agendabot.slack.app import build_app, make_web_client
from agendabot.slack.inflight import InFlight
from agendabot.state import AsyncStore
from agendabot.state.port import StoreStatePort
from agendabot.web.server import SLACK_PATH, create_web_app


def bot_settings(api: SlackWebApi, database_url: str, **overrides: Any) -> Settings:
    """Settings pointing at the emulator (no `.env` read)."""
    values: dict[str, Any] = {
        "slack_bot_token": ids.BOT_TOKEN,
        "slack_app_token": ids.APP_TOKEN,
        "slack_signing_secret": ids.SIGNING_SECRET,
        "slack_api_url": api.api_url,
        "database_url": database_url,
        **overrides,
    }
    return load_settings(env_file=None, **values)


@dataclass
class RunningBot:
    app: AsyncApp
    store: AsyncStore
    inflight: InFlight
    settings: Settings
    url: str = ""  # the HTTP server, "http://127.0.0.1:PORT"

    @property
    def events_url(self) -> str:
        return self.url + SLACK_PATH

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until the work started after acknowledgements is done."""
        left = await self.inflight.drain(timeout)
        assert left == 0, f"{left} background jobs did not finish"


@asynccontextmanager
async def running_bot(
    api: SlackWebApi,
    knowledge: Knowledge,
    tmp_path: Path,
    *,
    mode: Literal["http", "socket"],
    clock: Callable[[], Any] | None = None,
    ack_deadline: float = 2.0,
    **settings_overrides: Any,
) -> AsyncIterator[RunningBot]:
    """`ack_deadline`: longer than the app's own (0.2 s), so that a test's reply is in the
    acknowledgement also on a slow machine; the late path has tests of its own."""
    database_url = settings_overrides.pop("database_url", None)
    settings = bot_settings(
        api, database_url or f"sqlite:///{tmp_path / 'agendabot.sqlite3'}", **settings_overrides
    )
    store = await AsyncStore.open(settings.database_url.get_secret_value())
    inflight = InFlight()
    bot = Bot(
        knowledge=lambda: knowledge,
        state=StoreStatePort(store),
        config=config_from_settings(settings),
    )
    session = aiohttp.ClientSession()  # shared by every call to Slack, as in `agendabot serve`
    app = build_app(
        settings=settings,
        bot=bot,
        store=store,
        client=make_web_client(settings, session=session),
        inflight=inflight,
        clock=clock,
        ack_deadline=ack_deadline,
    )
    running = RunningBot(app=app, store=store, inflight=inflight, settings=settings)
    runner: web.AppRunner | None = None
    handler: TimedSocketModeHandler | None = None
    try:
        if mode == "http":
            web_app = create_web_app(
                store=store,
                knowledge=lambda: knowledge,
                bolt_app=app,
                signing_secret=ids.SIGNING_SECRET,
            )
            runner = web.AppRunner(web_app, handle_signals=False, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            host, port = runner.addresses[0][:2]
            running.url = f"http://{host}:{port}"
        else:
            handler = TimedSocketModeHandler(app, ids.APP_TOKEN, ping_interval=0.5)
            await handler.connect_async()  # type: ignore[no-untyped-call]
        yield running
    finally:
        if handler is not None:
            await handler.close_async()  # type: ignore[no-untyped-call]
        if runner is not None:
            await runner.cleanup()
        await inflight.drain(5)
        await session.close()
        await store.close()
