"""`agendabot serve [--mode socket|http] [--port N]`: run the Slack bot.

Socket Mode (the default when `SLACK_APP_TOKEN` is set) needs no public URL; HTTP mode
serves `POST /slack/events` with Slack's signatures checked. Both serve `GET /healthz` on
`PORT`. Start-up order: settings (a missing one stops with one sentence naming it, exit
code 2), content, database (migrated to the newest schema; one that is newer than this
agendabot is refused), then the listeners. SIGTERM or SIGINT stops taking new requests,
finishes the answers still being posted and the digest run in progress (at most
`DRAIN_SECONDS`) and exits.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal, cast

import aiohttp
from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from agendabot.bot import config_from_settings
from agendabot.cli.common import UserError
from agendabot.content import Content, ContentError
from agendabot.content.knowledge import settings_loader
from agendabot.content.reload import KnowledgeHolder, settle_heap
from agendabot.core.bot.dispatch import Bot
from agendabot.core.bot.knowledge import Knowledge
from agendabot.jobs.digest_config import DigestConfig, DigestConfigError, load_digest_config
from agendabot.jobs.scheduler import start_scheduler, stop_sending
from agendabot.logs import configure_logging, secrets_from_settings
from agendabot.observability import TimedSocketModeHandler, record_answer
from agendabot.settings import Settings, SettingsError, load_settings, require, require_secret
from agendabot.slack.access import AccessError, Admins, load_access_policy
from agendabot.slack.app import build_app, make_web_client
from agendabot.slack.blocks import prerender
from agendabot.slack.inflight import InFlight
from agendabot.slack.poster import SlackPoster
from agendabot.state import AsyncStore, InvalidDatabaseUrl, SchemaTooNew, new_replica_id
from agendabot.state.port import StoreStatePort
from agendabot.state.replicas import HEARTBEAT
from agendabot.web.calendar_ics import ics_handler
from agendabot.web.server import create_web_app

log = logging.getLogger("agendabot.serve")

Mode = Literal["socket", "http"]
MODES: tuple[Mode, ...] = ("socket", "http")
# SIGTERM must end the process within 10 seconds: 2 s for open HTTP requests, then 6 s for
# answers still being posted, the rest for closing connections.
HTTP_SHUTDOWN_SECONDS = 2.0
DRAIN_SECONDS = 6.0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="start de Slack-bot (Socket Mode of HTTP)",
        description=(
            "Start de Slack-bot. Socket Mode is de standaard als SLACK_APP_TOKEN gezet is, "
            "anders HTTP (POST /slack/events). Beide serveren GET /healthz op PORT."
        ),
    )
    parser.add_argument(
        "--mode", choices=MODES, default=None, help="socket of http (standaard: zie boven)"
    )
    parser.add_argument(
        "--port", type=int, default=None, help="TCP-poort (standaard PORT, 3000; 0 = vrij)"
    )
    parser.add_argument("--host", default="0.0.0.0", help="adres om op te luisteren")
    parser.set_defaults(func=run_serve)


def default_mode(settings: Settings) -> Mode:
    return "socket" if settings.slack_app_token is not None else "http"


def check_settings(settings: Settings, mode: Mode) -> None:
    """Raise `MissingSetting` for the first setting `mode` needs that is not set."""
    require(settings, "SLACK_BOT_TOKEN")
    require(settings, "SLACK_APP_TOKEN" if mode == "socket" else "SLACK_SIGNING_SECRET")


@dataclass(frozen=True)
class ServeOptions:
    mode: Mode
    host: str
    port: int
    digest: DigestConfig | None = None  # None: read config/digest.yaml


def run_serve(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
        mode: Mode = args.mode or default_mode(settings)
        check_settings(settings, mode)
    except SettingsError as exc:
        raise UserError(str(exc)) from None
    port = settings.port if args.port is None else args.port
    if not 0 <= port <= 65535:
        raise UserError(f"De poort {port} bestaat niet: kies een getal van 1 tot en met 65535.")
    configure_logging(settings.log_level, secrets=secrets_from_settings(settings))
    try:
        admins = Admins(load_access_policy(settings))
        digest = load_digest_config(settings)
    except (AccessError, DigestConfigError) as exc:
        raise UserError(str(exc)) from None
    try:
        loader = settings_loader(settings)
        knowledge = KnowledgeHolder(
            loader(settings.content_dir), settings.content_dir, loader=loader
        )
    except ContentError as exc:
        raise UserError(
            f"De content in {settings.content_dir} is ongeldig ({len(exc.problems)} "
            "probleem/problemen); draai 'agendabot content check' voor de details."
        ) from None
    except OSError as exc:
        raise UserError(f"De content in {settings.content_dir} is niet te lezen: {exc}.") from None
    options = ServeOptions(mode=mode, host=args.host, port=port, digest=digest)
    asyncio.run(serve(settings, options, knowledge, admins))
    return 0


async def open_store(settings: Settings) -> AsyncStore:
    """The state database, migrated; a clear `UserError` when it cannot be used."""
    try:
        return await AsyncStore.open(settings.database_url.get_secret_value())
    except SchemaTooNew as exc:
        raise UserError(str(exc)) from None
    except InvalidDatabaseUrl as exc:
        raise UserError(str(exc)) from None
    except Exception as exc:
        raise UserError(
            f"De database (DATABASE_URL) is niet bereikbaar: {type(exc).__name__}."
        ) from None


async def serve(
    settings: Settings,
    options: ServeOptions,
    knowledge: KnowledgeHolder,
    admins: Admins,
    *,
    stop: asyncio.Event | None = None,
) -> None:
    """Run until `stop` is set (default: until SIGTERM or SIGINT; SIGHUP reloads content)."""
    store = await open_store(settings)
    inflight = InFlight()
    # one HTTP session for every call to Slack (Web API, response_url): its connections stay
    # open between calls, where slack_sdk would open (and TLS-handshake) one per call
    session = aiohttp.ClientSession()
    client = make_web_client(settings, session=session)
    bot = Bot(
        knowledge,
        StoreStatePort(store),
        replace(config_from_settings(settings), admins=admins),
        reload_content=knowledge.reload,
        on_answer=lambda given: record_answer(given=given),
    )
    app = build_app(settings=settings, bot=bot, store=store, client=client, inflight=inflight)
    await _prepare_replies(bot)
    stop = stop or _stop_on_signals()
    _reload_on_sighup(knowledge, inflight, store)
    refresher = asyncio.ensure_future(_refresh_admins(admins, client))
    replica = new_replica_id()
    heartbeat = asyncio.ensure_future(_heartbeat(store, replica))
    runner: web.AppRunner | None = None
    scheduler: AsyncIOScheduler | None = None
    socket_handler: TimedSocketModeHandler | None = None
    try:
        runner = await _start_http(settings, options, app, store, knowledge)
        if options.mode == "socket":
            socket_handler = TimedSocketModeHandler(
                app, require_secret(settings, "SLACK_APP_TOKEN")
            )
            await socket_handler.connect_async()  # type: ignore[no-untyped-call]
        scheduler = start_scheduler(
            store,
            SlackPoster(client),
            _content_of(knowledge),
            settings,
            config=options.digest,
            replica=replica,
            spawn=lambda run, name: inflight.spawn(run, name=name),
        )
        settle_heap()  # the content and search index stay out of the GC's way (reload.py)
        address = runner.addresses[0] if runner.addresses else (options.host, options.port)
        print(
            f"agendabot luistert ({options.mode}-modus) op http://{address[0]}:{address[1]}",
            flush=True,
        )
        await stop.wait()
        log.info("stopping: finishing work in progress")
    finally:
        refresher.cancel()
        heartbeat.cancel()
        if scheduler is not None:
            stop_sending(scheduler)  # the running digest run is in `inflight`
        if socket_handler is not None:
            with contextlib.suppress(Exception):
                await socket_handler.close_async()  # type: ignore[no-untyped-call]
        if runner is not None:
            await runner.cleanup()
        left = await inflight.drain(DRAIN_SECONDS)
        if left:
            log.warning("%d answers or digest runs were not finished before shutdown", left)
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        with contextlib.suppress(Exception):
            await store.replicas.leave(replica)
        await session.close()
        await store.close()


async def _prepare_replies(bot: Bot) -> None:
    """Render every reply that depends on the content alone (each question and section,
    ~0.4 s for 500) before serving, in a worker thread, so that no request pays for it."""
    started = time.perf_counter()
    count = await asyncio.to_thread(prerender, bot.standing_replies())
    log.info("%d replies prepared in %.2f s", count, time.perf_counter() - started)


async def _heartbeat(store: AsyncStore, replica: str) -> None:
    """Say every `HEARTBEAT` that this bot runs (`agendabot restore` refuses a live database)."""
    started_at = datetime.now(UTC)
    while True:
        try:
            await store.replicas.beat(replica, started_at=started_at, now=datetime.now(UTC))
        except Exception as exc:  # the database away for a moment must not stop the bot
            log.warning("heartbeat not recorded: %s", type(exc).__name__)
        await asyncio.sleep(HEARTBEAT.total_seconds())


async def _start_http(
    settings: Settings,
    options: ServeOptions,
    app: AsyncApp,
    store: AsyncStore,
    knowledge: Callable[[], Knowledge],
) -> web.AppRunner:
    secret = settings.slack_signing_secret
    web_app = create_web_app(
        store=store,
        knowledge=knowledge,
        bolt_app=app if options.mode == "http" else None,
        signing_secret=secret.get_secret_value() if secret is not None else "",
        routes=[web.get("/agenda.ics", ics_handler(_content_of(knowledge), store))],
    )
    runner = web.AppRunner(
        web_app, handle_signals=False, access_log=None, shutdown_timeout=HTTP_SHUTDOWN_SECONDS
    )
    await runner.setup()
    site = web.TCPSite(runner, options.host, options.port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise UserError(
            f"Poort {options.port} is niet te gebruiken ({exc.strerror or exc}); "
            "kies een andere met --port of PORT."
        ) from None
    return runner


def _content_of(knowledge: Callable[[], Knowledge]) -> Callable[[], Content]:
    """The current content (what the digest and the calendar read; follows reloads)."""
    return lambda: cast(Content, knowledge().content)


async def _refresh_admins(admins: Admins, client: AsyncWebClient) -> None:
    """Keep the members of the admin user group (config/access.yaml) current."""
    if admins.policy.usergroup is None:
        return
    while True:
        await admins.refresh(client)
        await asyncio.sleep(admins.policy.refresh_minutes * 60)


def _reload_on_sighup(knowledge: KnowledgeHolder, inflight: InFlight, store: AsyncStore) -> None:
    """SIGHUP: validate the content directory again and switch to it when valid (audited
    as actor `system:sighup`)."""

    async def reload() -> None:
        result = await knowledge.reload()
        (log.info if result.ok else log.warning)("SIGHUP: %s", result.message)
        try:
            await store.audit.record(
                "system:sighup",
                "content.reload" if result.ok else "content.reload_invalid",
                now=datetime.now(UTC),
                details={"ok": result.ok, "message": result.message[:2000]},
            )
        except Exception:
            log.warning("SIGHUP reload not audited: the database is unavailable")

    with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
        asyncio.get_running_loop().add_signal_handler(
            signal.SIGHUP, lambda: inflight.spawn(reload(), name="reload")
        )


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop
