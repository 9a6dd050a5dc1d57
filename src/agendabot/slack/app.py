"""The Bolt app: Slack requests in, `Bot` replies out. The same app runs in Socket Mode
and over HTTP (`agendabot.web.server`); only the transport differs.

    client = make_web_client(settings)
    app = build_app(settings=settings, bot=bot, store=store, client=client, inflight=inflight)

What it registers (`COMMANDS`, `EVENTS`, `ACTIONS`; `config/manifest.yml` must match):

* `/vraag`, `/agenda`: the reply is computed at once (`start_now`: no task unless it
  waits) and is the ack (ephemeral unless for the channel); past `ack_deadline` (25 ms:
  the model, the database) the ack is empty and the reply follows through `response_url`.
* `app_mention`: acknowledged at once; the answer is posted in the thread of the message
  (`thread_ts or ts`), once: the `event_id` is claimed in the shared state first, so a
  Slack retry, a Socket Mode replay or another replica does not answer again. Bolt drops
  the bot's own events; events from other bots are ignored too (no bot-to-bot loops).
* `app_home_opened` (home tab): `views.publish` with `Bot.home`.
* shortcut `eerdere_antwoorden`, a file in the DM (`message.im`): `agendabot.slack.earlier`.
* `block_actions` `share_answer`, `show_answer`, `show_commitment`, `show_section`: the
  reply goes to the click's `response_url` (`in_channel` when it is for everyone), or to
  the user's DM with the bot for buttons in the App Home. Other clicks (link buttons) are
  acknowledged and otherwise ignored.

`ALLOWED_CHANNELS`, when set, limits where the bot answers: commands elsewhere get a short
explanation, mentions elsewhere are ignored. A failure never shows a stack trace: the user
gets one Dutch sentence, Slack a 4xx for a request the bot cannot read.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from agendabot.core.bot.dispatch import Bot
from agendabot.core.bot.messages import ACTIONS
from agendabot.core.bot.requests import Request
from agendabot.core.reply.model import Reply, simple
from agendabot.observability import record_error
from agendabot.settings import Settings
from agendabot.slack import earlier, poster
from agendabot.slack.convert import (
    MalformedPayload,
    action_request,
    command_request,
    command_response,
    event_id_of,
    home_request,
    home_view,
    mention_request,
    message_kwargs,
    thread_of,
)
from agendabot.slack.direct import answer_dm_text, is_typed_text
from agendabot.slack.eager import start_now
from agendabot.slack.inflight import InFlight
from agendabot.slack.response_url import post_response_url

__all__ = [
    "ACK_DEADLINE",
    "ACTIONS",
    "COMMANDS",
    "EVENTS",
    "SHORTCUTS",
    "build_app",
    "make_web_client",
]

log = logging.getLogger(__name__)


class SeenEvents(Protocol):
    """Remembers which Slack events were handled (shared by all replicas)."""

    async def seen_event(self, event_id: str, now: datetime) -> bool: ...


class EventStore(Protocol):
    """What the Slack adapter needs of the state: the handled-events ledger, no more
    (`agendabot.state.AsyncStore` is one)."""

    @property
    def events(self) -> SeenEvents: ...


COMMANDS: tuple[str, ...] = ("/vraag", "/agenda")
EVENTS: tuple[str, ...] = ("app_mention", "app_home_opened", "message.im")
SHORTCUTS: tuple[str, ...] = (earlier.SHORTCUT,)  # message shortcut "Eerdere antwoorden zoeken"
# Slack wants an acknowledgement within 3 s. A reply ready within 25 ms goes in it; a slower
# one (waiting for the model or the database) follows an empty ack through `response_url`.
ACK_DEADLINE = 0.025

NOT_HERE = (
    "In dit kanaal geef ik geen antwoorden. Stel je vraag in een van de kanalen van de "
    "Actieagenda, of open mijn App Home."
)
SORRY = "Sorry, er ging iets mis bij het beantwoorden. Probeer het zo nog eens."
UNREADABLE = "Dat verzoek kon ik niet lezen. Probeer het nog eens."


# --- the Web API client --------------------------------------------------------------------


def make_web_client(
    settings: Settings, *, token: str | None = None, session: aiohttp.ClientSession | None = None
) -> AsyncWebClient:
    """`agendabot.slack.poster.make_web_client` with the bot token and `SLACK_API_URL`
    from the settings (unless `token` is given)."""
    if token is None:
        secret = settings.slack_bot_token
        token = secret.get_secret_value() if secret is not None else None
    return poster.make_web_client(token, base_url=settings.slack_api_url, session=session)


# --- handlers ---------------------------------------------------------------------------------


class _Handlers:
    """The listeners, with what they need; registered by `build_app`."""

    def __init__(
        self,
        *,
        settings: Settings,
        bot: Bot,
        store: EventStore,
        inflight: InFlight,
        clock: Callable[[], datetime],
        ack_deadline: float,
        session: aiohttp.ClientSession | None,
    ) -> None:
        self.settings = settings
        self.bot = bot
        self.store = store
        self.inflight = inflight
        self.clock = clock
        self.ack_deadline = ack_deadline
        self.session = session  # for response_url posts (None: one session per post)

    async def answer(self, request: Request, now: datetime) -> Reply:
        """The bot's reply; a polite sentence instead of an exception."""
        try:
            return await self.bot.handle(request, now=now)
        except Exception:
            log.exception("bot failed on %s", type(request).__name__)
            return simple(SORRY)

    # --- slash commands ---------------------------------------------------------------------

    async def command(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        try:
            request = command_request(body)
        except MalformedPayload as exc:
            log.warning("unreadable slash command: %s", exc)
            await ack(**command_response(simple(UNREADABLE)))
            return
        if not self.settings.channel_allowed(request.channel_id):
            await ack(**command_response(simple(NOT_HERE)))
            return
        reply = start_now(self.answer(request, self.clock()))
        if reply.done() or (await asyncio.wait({reply}, timeout=self.ack_deadline))[0]:
            await ack(**command_response(reply.result()))
            return
        await ack()  # empty: the reply follows through response_url
        self.inflight.spawn(self._answer_late(reply, body.get("response_url")), name="late-reply")

    async def _answer_late(self, task: asyncio.Future[Reply], response_url: object) -> None:
        reply = await task
        if isinstance(response_url, str):
            await post_response_url(response_url, reply, session=self.session)

    # --- mentions -----------------------------------------------------------------------------

    async def mention(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        self.inflight.spawn(self._answer_mention(body, client), name="mention")

    async def _answer_mention(self, body: Mapping[str, Any], client: AsyncWebClient) -> None:
        try:
            event = body["event"]
            if event.get("bot_id"):
                return  # another bot (bolt already drops our own): never answer bots
            request = mention_request(event)
            thread_ts = thread_of(event)
            event_id = event_id_of(body)
        except (MalformedPayload, KeyError, TypeError, AttributeError) as exc:
            log.warning("unreadable app_mention: %s", exc)
            return
        if not self.settings.channel_allowed(request.channel_id):
            log.info("mention in %s ignored: not in ALLOWED_CHANNELS", request.channel_id)
            return
        now = self.clock()
        if not await self._first_time(event_id, now):
            log.info("event %s already handled", event_id)
            return
        try:
            if await earlier.answer_question_set(self.bot, client, request, thread_ts=thread_ts):
                return  # pasted new Kamervragen: their earlier answers, as in the DM
            reply = await self.answer(request, now)
            if reply.ephemeral:
                await client.chat_postEphemeral(
                    channel=request.channel_id,
                    user=request.user_id,
                    thread_ts=thread_ts,
                    **message_kwargs(reply),
                )
            else:
                await client.chat_postMessage(
                    channel=request.channel_id, thread_ts=thread_ts, **message_kwargs(reply)
                )
        except SlackApiError as exc:
            log.error("answer to %s not posted: %s", event_id, exc.response.get("error"))
        except aiohttp.ClientError as exc:
            log.error("answer to %s not posted: %s", event_id, type(exc).__name__)

    async def _first_time(self, event_id: str, now: datetime) -> bool:
        """Claim `event_id` in the shared state; True when this process should answer.

        When the database is away the bot answers anyway: a rare double answer beats
        silence (Slack does not redeliver an acknowledged event).
        """
        try:
            return await self.store.events.seen_event(event_id, now)
        except ValueError as exc:
            log.warning("event id refused (%s); answering without dedupe", exc)
            return True
        except Exception:
            log.warning("handled-events store unavailable; answering without dedupe")
            return True

    # --- App Home -------------------------------------------------------------------------------

    async def home_opened(
        self, ack: AsyncAck, event: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        if event.get("tab", "home") != "home":
            return
        self.inflight.spawn(self._publish_home(event, client), name="home")

    async def _publish_home(self, event: Mapping[str, Any], client: AsyncWebClient) -> None:
        try:
            user_id = home_request(event).user_id
        except MalformedPayload as exc:
            log.warning("unreadable app_home_opened: %s", exc)
            return
        try:
            reply = await self.bot.home(user_id, now=self.clock())
        except Exception:
            log.exception("bot failed on the App Home")
            reply = simple(SORRY, ephemeral=False)
        try:
            await client.views_publish(user_id=user_id, view=home_view(reply))
        except SlackApiError as exc:
            log.error("App Home not published: %s", exc.response.get("error"))

    # --- buttons ----------------------------------------------------------------------------------

    async def action(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        self.inflight.spawn(self._answer_action(body, client), name="action")

    async def _answer_action(self, body: Mapping[str, Any], client: AsyncWebClient) -> None:
        try:
            request = action_request(body)
        except MalformedPayload as exc:
            log.warning("unreadable block_actions: %s", exc)
            return
        if request.channel_id is not None and not self.settings.channel_allowed(request.channel_id):
            return
        reply = await self.answer(request, self.clock())
        response_url = body.get("response_url")
        if isinstance(response_url, str) and response_url:
            await post_response_url(response_url, reply, session=self.session)
            return
        try:  # a button in the App Home: no response_url, answer in the DM with the bot
            await client.chat_postMessage(channel=request.user_id, **message_kwargs(reply))
        except SlackApiError as exc:
            log.error("answer to a button not posted: %s", exc.response.get("error"))

    async def ignore_action(self, ack: AsyncAck) -> None:
        await ack()

    # --- earlier answers: the message shortcut, a file in a DM ------------------------------

    async def shortcut(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        channel = (body.get("channel") or {}).get("id") if isinstance(body, dict) else None
        if isinstance(channel, str) and not self.settings.channel_allowed(channel):
            return
        self.inflight.spawn(earlier.answer_shortcut(self.bot, body, client), name="shortcut")

    async def direct_message(
        self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        event = body.get("event") or {}
        if event.get("channel_type") != "im" or event.get("bot_id"):
            return  # only the bot's DM; never other bots
        claim, now = self._first_time, self.clock()
        if event.get("files"):
            task = earlier.answer_dm(self.bot, body, client, claim=claim, now=now)
            self.inflight.spawn(task, name="dm-file")
        elif is_typed_text(event):
            task = answer_dm_text(self.bot, body, client, answer=self.answer, claim=claim, now=now)
            self.inflight.spawn(task, name="dm-text")

    # --- errors ----------------------------------------------------------------------------------

    async def error(self, error: Exception, body: Any) -> BoltResponse:
        """Whatever went wrong inside bolt: 400 for Slack, one polite sentence for a person."""
        log.warning("request not handled: %s: %s", type(error).__name__, error)
        record_error()
        if isinstance(body, dict) and isinstance(body.get("command"), str):
            return BoltResponse(
                status=200,
                body=json.dumps(command_response(simple(SORRY))),
                headers={"content-type": "application/json;charset=utf-8"},
            )
        return BoltResponse(status=400, body="")


# --- the app ------------------------------------------------------------------------------------


def build_app(
    *,
    settings: Settings,
    bot: Bot,
    store: EventStore,
    client: AsyncWebClient | None = None,
    inflight: InFlight | None = None,
    clock: Callable[[], datetime] | None = None,
    ack_deadline: float = ACK_DEADLINE,
) -> AsyncApp:
    """The Bolt app with every listener registered.

    `client` defaults to `make_web_client(settings)`; `inflight` collects the work done
    after acknowledging (drain it on shutdown); `clock` gives `now` (default: the current
    time in `DIGEST_TIMEZONE`). `response_url` posts go through the client's HTTP session
    (shared in `agendabot serve`; none: one per post). Bolt does not check signatures: the
    HTTP edge (`web/server.py`) checks every request with `SLACK_SIGNING_SECRET` before it
    gets here (without the secret every HTTP request is refused); Socket Mode requests are
    not signed.
    """
    zone = ZoneInfo(settings.digest_timezone)
    client = client or make_web_client(settings)
    app = AsyncApp(
        name="agendabot",
        client=client,
        # One signature check, at the edge: `web/server.py` verifies every HTTP request before
        # Bolt sees it (and counts what it refuses); Socket Mode requests are not signed.
        request_verification_enabled=False,
        # Listeners run before the response, so a command's reply *is* its acknowledgement;
        # slow work is handed to `inflight` after `ack()`.
        process_before_response=True,
        logger=logging.getLogger("agendabot.slack.bolt"),
    )
    handlers = _Handlers(
        settings=settings,
        bot=bot,
        store=store,
        inflight=inflight or InFlight(),
        clock=clock or (lambda: datetime.now(zone)),
        ack_deadline=ack_deadline,
        session=client.session,
    )
    for command in COMMANDS:
        app.command(command)(handlers.command)
    app.event("app_mention")(handlers.mention)
    app.event("app_home_opened")(handlers.home_opened)
    app.event("message")(handlers.direct_message)
    for callback_id in SHORTCUTS:
        app.shortcut(callback_id)(handlers.shortcut)
    for action_id in ACTIONS:
        app.action(action_id)(handlers.action)
    app.action(re.compile(r".*"))(handlers.ignore_action)  # link buttons: ack, nothing else
    app.error(handlers.error)
    return app
