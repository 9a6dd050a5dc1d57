"""A local Slack Web API: an aiohttp server on 127.0.0.1 and an ephemeral port.

The real `slack_sdk.web.async_client.AsyncWebClient(base_url=api.api_url)` talks to it over
HTTP. It answers the methods agendabot uses as Slack does (shape of the JSON, `ok: false`
with an error code, form-encoded or JSON bodies, bearer or `token=` authentication), records
every call, and refuses messages over Block Kit's limits the way Slack does
(`invalid_blocks`, `msg_too_long`, `msg_blocks_too_long`, `no_text`).

    async with SlackWebApi() as api:
        client = AsyncWebClient(token=BOT_TOKEN, base_url=api.api_url)
        api.fail_next("chat.postMessage", status=429, retry_after=1)
        await client.chat_postMessage(channel="C1", text="hoi")
        [call] = api.calls_to("chat.postMessage")

Faults: `fail_next(method, times, status=429|5xx, retry_after=…)`, `drop_next(method)` (the
connection is cut before any answer), `slow_next(method, seconds)`, `refuse_next(method, error)`
(HTTP 200 with `ok: false` and a Slack error code such as `channel_not_found`).
`response_url(key)` gives a URL like Slack's `response_url`; posts to it are recorded in
`response_posts` (at most five per URL, like Slack).

Files: `files_upload_v2` works as with Slack, in three steps (`files.getUploadURLExternal`,
a POST of the bytes to the upload URL it returns, `files.completeUploadExternal`); the
shared files are in `uploads` (id → `UploadedFile`). `host_file(name, data)` keeps a file a
user shared and returns its Slack file object; its `url_private_download` answers only
with the bot token (`Authorization: Bearer …`), as `files:read` requires.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from aiohttp import web
from tests.slack import ids

if TYPE_CHECKING:
    from tests.slack.socket_mode import SocketModeEmulator

logger = logging.getLogger("tests.slack.web_api")

MAX_BLOCKS_MESSAGE = 50
MAX_BLOCKS_VIEW = 100
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTION_ID = 255
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS_ELEMENTS = 25
MAX_MESSAGE_TEXT = 40_000
# Undocumented: Slack has refused messages with around 13 000 characters of block text.
MAX_BLOCKS_TEXT = 13_000
RESPONSE_URL_MAX_POSTS = 5

_BLOCK_TYPES = {
    "section",
    "header",
    "context",
    "divider",
    "actions",
    "rich_text",
    "image",
    "input",
    "markdown",
}


@dataclass
class ApiCall:
    """One call to the Web API, as the emulator received and answered it."""

    method: str
    args: dict[str, Any]  # form or JSON arguments; `blocks`/`view`/… decoded from JSON text
    headers: dict[str, str]
    status: int = 200
    response: dict[str, Any] | None = None  # None when the connection was dropped
    at: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return bool(self.response and self.response.get("ok"))

    @property
    def token(self) -> str | None:
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            return auth.removeprefix("Bearer ").strip()
        token = self.args.get("token")
        return str(token) if token else None

    @property
    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.args.get("blocks")
        if blocks is None and isinstance(self.args.get("view"), dict):
            blocks = self.args["view"].get("blocks")
        return list(blocks) if isinstance(blocks, list) else []

    def all_text(self) -> str:
        """The `text` argument and every text in the blocks, joined by newlines."""
        texts = [str(self.args.get("text", ""))]
        texts.extend(block_texts(self.blocks))
        return "\n".join(texts)


@dataclass
class ResponsePost:
    """A post to a `response_url`."""

    key: str
    body: dict[str, Any]
    headers: dict[str, str]
    status: int
    at: float = field(default_factory=time.monotonic)
    peer: tuple[str, int] | None = None  # the client's address: one per TCP connection

    @property
    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.body.get("blocks")
        return list(blocks) if isinstance(blocks, list) else []

    def all_text(self) -> str:
        return "\n".join([str(self.body.get("text", "")), *block_texts(self.blocks)])


@dataclass
class UploadedFile:
    """A file shared with `files_upload_v2`."""

    id: str
    filename: str
    data: bytes = b""
    title: str | None = None
    channel_id: str | None = None
    thread_ts: str | None = None
    initial_comment: str | None = None
    completed: bool = False


@dataclass
class _Fault:
    kind: str  # "status", "drop", "slow" or "refuse"
    status: int = 200
    retry_after: int | None = None
    seconds: float = 0.0
    error: str = ""


def block_texts(blocks: list[dict[str, Any]]) -> Iterator[str]:
    """Every text in Block Kit blocks (sections, headers, fields, context, buttons)."""
    for block in blocks:
        if not isinstance(block, dict):
            continue
        text = block.get("text")
        if isinstance(text, dict):
            yield str(text.get("text", ""))
        elif isinstance(text, str):
            yield text
        for item in block.get("fields") or ():
            if isinstance(item, dict):
                yield str(item.get("text", ""))
        for element in block.get("elements") or ():
            if not isinstance(element, dict):
                continue
            inner = element.get("text")
            if isinstance(inner, dict):
                yield str(inner.get("text", ""))
            elif isinstance(inner, str):
                yield inner


def check_blocks(blocks: Any, *, max_blocks: int = MAX_BLOCKS_MESSAGE) -> list[str]:
    """Slack-style error strings for blocks over Block Kit's limits ([] when fine)."""
    if not isinstance(blocks, list):
        return ["[ERROR] must provide an array [json-pointer:/blocks]"]
    errors: list[str] = []
    if len(blocks) > max_blocks:
        errors.append(f"[ERROR] no more than {max_blocks} items allowed [json-pointer:/blocks]")
    block_ids: set[str] = set()
    for index, block in enumerate(blocks):
        where = f"/blocks/{index}"
        if not isinstance(block, dict) or block.get("type") not in _BLOCK_TYPES:
            errors.append(f"[ERROR] unsupported type [json-pointer:{where}/type]")
            continue
        block_id = block.get("block_id")
        if block_id is not None:
            if block_id in block_ids:
                errors.append(f"[ERROR] duplicate block_id [json-pointer:{where}/block_id]")
            block_ids.add(block_id)
        errors.extend(_check_block(block, where))
    return errors


def _text_of(obj: Any) -> str | None:
    if isinstance(obj, dict) and isinstance(obj.get("text"), str):
        return str(obj["text"])
    return None


def _check_block(block: dict[str, Any], where: str) -> Iterator[str]:
    kind = block["type"]
    if kind == "section":
        text = _text_of(block.get("text"))
        if text is None and not block.get("fields"):
            yield f"[ERROR] must provide text or fields [json-pointer:{where}]"
        if text is not None and not text:
            yield f"[ERROR] must be more than 0 characters [json-pointer:{where}/text/text]"
        if text is not None and len(text) > MAX_SECTION_TEXT:
            yield (
                f"[ERROR] must be less than {MAX_SECTION_TEXT + 1} characters "
                f"[json-pointer:{where}/text/text]"
            )
    elif kind == "header":
        text = _text_of(block.get("text"))
        if text is None or block["text"].get("type") != "plain_text":
            yield f"[ERROR] must be a plain_text object [json-pointer:{where}/text]"
        elif not text or len(text) > MAX_HEADER_TEXT:
            yield (
                f"[ERROR] must be between 1 and {MAX_HEADER_TEXT} characters "
                f"[json-pointer:{where}/text/text]"
            )
    elif kind == "context":
        elements = block.get("elements") or []
        if not elements or len(elements) > MAX_CONTEXT_ELEMENTS:
            yield (
                f"[ERROR] must have 1 to {MAX_CONTEXT_ELEMENTS} items "
                f"[json-pointer:{where}/elements]"
            )
    elif kind == "actions":
        elements = block.get("elements") or []
        if not elements or len(elements) > MAX_ACTIONS_ELEMENTS:
            yield (
                f"[ERROR] must have 1 to {MAX_ACTIONS_ELEMENTS} items "
                f"[json-pointer:{where}/elements]"
            )
        action_ids: set[str] = set()
        for number, element in enumerate(elements):
            yield from _check_element(element, f"{where}/elements/{number}", action_ids)


def _check_element(element: Any, where: str, action_ids: set[str]) -> Iterator[str]:
    if not isinstance(element, dict):
        yield f"[ERROR] must be an object [json-pointer:{where}]"
        return
    action_id = element.get("action_id")
    if action_id is not None:
        if action_id in action_ids:
            yield f"[ERROR] action_id already exists [json-pointer:{where}/action_id]"
        action_ids.add(action_id)
        if len(str(action_id)) > MAX_ACTION_ID:
            yield f"[ERROR] must be less than {MAX_ACTION_ID + 1} characters [json-pointer:{where}]"
    if element.get("type") == "button":
        label = _text_of(element.get("text")) or ""
        if not label or len(label) > MAX_BUTTON_TEXT:
            yield (
                f"[ERROR] must be between 1 and {MAX_BUTTON_TEXT} characters "
                f"[json-pointer:{where}/text/text]"
            )
        if len(str(element.get("value", ""))) > MAX_BUTTON_VALUE:
            yield (
                f"[ERROR] must be less than {MAX_BUTTON_VALUE + 1} characters "
                f"[json-pointer:{where}/value]"
            )


def check_message(
    args: dict[str, Any], *, max_blocks: int = MAX_BLOCKS_MESSAGE
) -> tuple[str, list[str]] | None:
    """`(error, errors)` as Slack would refuse this message, or None when Slack accepts it."""
    text = args.get("text")
    blocks = args.get("blocks")
    if blocks is None and not args.get("attachments") and not (text and str(text).strip()):
        return "no_text", []
    if text is not None and len(str(text)) > MAX_MESSAGE_TEXT:
        return "msg_too_long", []
    if blocks is not None:
        errors = check_blocks(blocks, max_blocks=max_blocks)
        if errors:
            return "invalid_blocks", errors
        if sum(len(t) for t in block_texts(blocks)) > MAX_BLOCKS_TEXT:
            return "msg_blocks_too_long", []
    return None


def _decode_json_fields(args: dict[str, Any]) -> dict[str, Any]:
    for name in ("blocks", "attachments", "view", "metadata"):
        value = args.get(name)
        if isinstance(value, str):
            try:
                args[name] = json.loads(value)
            except json.JSONDecodeError:
                args[name] = value  # kept as sent; checks refuse it
    return args


class SlackWebApi:
    """The emulated Web API. Use as `async with SlackWebApi() as api:` or start()/stop()."""

    def __init__(
        self,
        *,
        bot_token: str = ids.BOT_TOKEN,
        app_token: str = ids.APP_TOKEN,
        team_id: str = ids.TEAM_ID,
        bot_user_id: str = ids.BOT_USER_ID,
        bot_id: str = ids.BOT_ID,
        app_id: str = ids.APP_ID,
        channels: dict[str, str] | None = None,
        port: int = 0,
    ) -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_id = app_id
        self.channels: dict[str, str] = (
            {ids.CHANNEL_ID: ids.CHANNEL_NAME} if channels is None else dict(channels)
        )
        # Slack user groups (`S…` id → member user ids) for `usergroups.users.list`.
        self.usergroups: dict[str, list[str]] = {}
        self.calls: list[ApiCall] = []
        self.response_posts: list[ResponsePost] = []
        self.warnings: list[str] = []
        self.socket_mode: SocketModeEmulator | None = None
        self._faults: dict[str, list[_Fault]] = {}
        self._ts = itertools.count(1)
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self._requested_port = port
        self._port = 0
        self._handlers: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "chat.update": self._chat_update,
            "views.publish": self._views_publish,
            "conversations.info": self._conversations_info,
            "apps.connections.open": self._apps_connections_open,
            "usergroups.users.list": self._usergroups_users_list,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
        }
        self.uploads: dict[str, UploadedFile] = {}
        self.hosted: dict[str, tuple[str, bytes]] = {}  # file id → (name, bytes)
        self._file_ids = itertools.count(1)

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> SlackWebApi:
        self._changed = asyncio.Condition()
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_post("/api/{method}", self._handle_api)
        app.router.add_get("/api/{method}", self._handle_api)
        app.router.add_post("/response/{key}", self._handle_response_url)
        app.router.add_post("/upload/{file_id}", self._handle_upload)
        app.router.add_get("/files/{file_id}/{name}", self._handle_download)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self._requested_port)
        await site.start()
        self._port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SlackWebApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT` (no trailing slash)."""
        return f"http://127.0.0.1:{self._port}"

    @property
    def api_url(self) -> str:
        """The `base_url` for `AsyncWebClient` / `SLACK_API_URL` (with trailing slash)."""
        return f"{self.url}/api/"

    def response_url(self, key: str = "1") -> str:
        """A `response_url` as in a slash-command or block_actions payload."""
        return f"{self.url}/response/{key}"

    # --- faults ------------------------------------------------------------------------------

    def fail_next(
        self, method: str, times: int = 1, *, status: int = 429, retry_after: int | None = 1
    ) -> None:
        """Answer the next `times` calls of `method` with `status` (429 sends `Retry-After`).

        `method` is a Web API method or "response_url".
        """
        fault = _Fault("status", status=status, retry_after=retry_after if status == 429 else None)
        self._faults.setdefault(method, []).extend([fault] * times)

    def refuse_next(self, method: str, error: str, times: int = 1) -> None:
        """Answer the next `times` calls of `method` as Slack refuses a request: HTTP 200 with
        `{"ok": false, "error": error}` (e.g. `channel_not_found`, `not_in_channel`)."""
        self._faults.setdefault(method, []).extend([_Fault("refuse", error=error)] * times)

    def drop_next(self, method: str, times: int = 1) -> None:
        """Cut the connection of the next `times` calls of `method` without any answer."""
        self._faults.setdefault(method, []).extend([_Fault("drop")] * times)

    def slow_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Answer the next `times` calls of `method` normally, after `seconds`."""
        self._faults.setdefault(method, []).extend([_Fault("slow", seconds=seconds)] * times)

    def _next_fault(self, method: str) -> _Fault | None:
        queue = self._faults.get(method)
        return queue.pop(0) if queue else None

    # --- inspection ----------------------------------------------------------------------------

    def calls_to(self, *methods: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method in methods]

    def messages(self) -> list[ApiCall]:
        """Successful chat.postMessage / postEphemeral / update calls, in order."""
        chat = ("chat.postMessage", "chat.postEphemeral", "chat.update")
        return [call for call in self.calls if call.method in chat and call.ok]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[ApiCall]:
        """Wait until `method` has been called `count` times (answered or not); its calls."""
        await self._wait(lambda: len(self.calls_to(method)) >= count, timeout)
        return self.calls_to(method)

    async def wait_for_response_posts(
        self, count: int = 1, timeout: float = 5.0, *, key: str | None = None
    ) -> list[ResponsePost]:
        """Wait until `count` posts reached the response URLs (or the one named `key`)."""

        def matching() -> list[ResponsePost]:
            return [p for p in self.response_posts if key is None or p.key == key]

        await self._wait(lambda: len(matching()) >= count, timeout)
        return matching()

    async def _wait(self, predicate: Callable[[], bool], timeout: float) -> None:
        assert self._changed is not None, "emulator not started"
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout)

    async def _notify(self) -> None:
        if self._changed is not None:
            async with self._changed:
                self._changed.notify_all()

    # --- HTTP -------------------------------------------------------------------------------

    async def _read_args(self, request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        body = await request.read()
        if body:
            text = body.decode("utf-8", errors="replace")
            if request.content_type == "application/json" or text.lstrip().startswith("{"):
                try:
                    decoded = json.loads(text)
                except json.JSONDecodeError:
                    decoded = {}
                if isinstance(decoded, dict):
                    args.update(decoded)
            else:
                args.update(parse_qsl(text, keep_blank_values=True))
        return _decode_json_fields(args)

    async def _apply_fault(
        self, fault: _Fault | None, request: web.Request
    ) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        """None to answer normally, or the (status, body, headers) of the fault; a dropped
        connection raises CancelledError."""
        if fault is None:
            return None
        if fault.kind == "slow":
            await asyncio.sleep(fault.seconds)
            return None
        if fault.kind == "drop":
            assert request.transport is not None
            request.transport.abort()
            raise asyncio.CancelledError  # nothing more is written to this connection
        if fault.kind == "refuse":
            return 200, {"ok": False, "error": fault.error}, {}
        headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else {}
        if fault.status == 429:
            body = {"ok": False, "error": "ratelimited"}
        else:
            body = {"ok": False, "error": "internal_error"}
        return fault.status, body, headers

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        args = await self._read_args(request)
        call = ApiCall(method=method, args=args, headers=dict(request.headers))
        self.calls.append(call)
        await self._notify()
        try:
            fault = self._next_fault(method)
            try:
                faulty = await self._apply_fault(fault, request)
            except asyncio.CancelledError:
                call.status, call.response = 0, None
                raise
            if faulty is not None:
                call.status, call.response, headers = faulty
                return web.json_response(call.response, status=call.status, headers=headers)
            call.response = self._answer(method, call)
            return web.json_response(call.response)
        finally:
            await self._notify()

    def _answer(self, method: str, call: ApiCall) -> dict[str, Any]:
        handler = self._handlers.get(method)
        if handler is None:
            return {"ok": False, "error": "unknown_method"}
        token = call.token
        expected = self.app_token if method == "apps.connections.open" else self.bot_token
        if not token:
            return {"ok": False, "error": "not_authed"}
        if token != expected:
            return {"ok": False, "error": "invalid_auth"}
        return handler(call.args)

    async def _handle_response_url(self, request: web.Request) -> web.StreamResponse:
        key = request.match_info["key"]
        body = await self._read_args(request)
        peer = request.transport.get_extra_info("peername") if request.transport else None
        post = ResponsePost(
            key=key,
            body=body,
            headers=dict(request.headers),
            status=200,
            peer=tuple(peer[:2]) if peer else None,
        )
        self.response_posts.append(post)
        await self._notify()
        try:
            try:
                faulty = await self._apply_fault(self._next_fault("response_url"), request)
            except asyncio.CancelledError:
                post.status = 0
                raise
            if faulty is not None:
                post.status, answer, headers = faulty
                return web.json_response(answer, status=post.status, headers=headers)
            earlier = [p for p in self.response_posts if p.key == key and p.status == 200]
            if len(earlier) > RESPONSE_URL_MAX_POSTS:
                post.status = 404
                return web.Response(status=404, text="used_url")
            refused = check_message(body)
            if refused is not None:
                post.status = 400
                return web.Response(status=400, text=refused[0])
            self._warn_without_text("response_url", body)
            return web.Response(text="ok")
        finally:
            await self._notify()

    # --- methods -------------------------------------------------------------------------------

    def _next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"

    def _warn_without_text(self, method: str, args: dict[str, Any]) -> None:
        if args.get("blocks") and not str(args.get("text") or "").strip():
            message = f"{method}: blocks without a top-level `text` fallback"
            self.warnings.append(message)
            logger.warning(message)

    def _auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"https://{ids.TEAM_DOMAIN}.slack.com/",
            "team": "SZW Actieagenda (emulator)",
            "user": "agendabot",
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _message(self, method: str, args: dict[str, Any]) -> dict[str, Any] | None:
        """The refusal of a message, or None when it may be posted."""
        if not args.get("channel"):
            return {"ok": False, "error": "channel_not_found"}
        refused = check_message(args)
        if refused is not None:
            error, errors = refused
            answer: dict[str, Any] = {"ok": False, "error": error}
            if errors:
                answer["errors"] = errors
            return answer
        self._warn_without_text(method, args)
        return None

    def _posted(self, args: dict[str, Any], ts: str) -> dict[str, Any]:
        message: dict[str, Any] = {
            "type": "message",
            "subtype": "bot_message",
            "text": args.get("text", ""),
            "user": self.bot_user_id,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "team": self.team_id,
            "ts": ts,
        }
        if args.get("blocks") is not None:
            message["blocks"] = args["blocks"]
        if args.get("thread_ts"):
            message["thread_ts"] = args["thread_ts"]
        return message

    def _chat_post_message(self, args: dict[str, Any]) -> dict[str, Any]:
        refused = self._message("chat.postMessage", args)
        if refused is not None:
            return refused
        ts = self._next_ts()
        return {
            "ok": True,
            "channel": args["channel"],
            "ts": ts,
            "message": self._posted(args, ts),
        }

    def _chat_post_ephemeral(self, args: dict[str, Any]) -> dict[str, Any]:
        if not args.get("user"):
            return {"ok": False, "error": "user_not_in_channel"}
        refused = self._message("chat.postEphemeral", args)
        if refused is not None:
            return refused
        return {"ok": True, "message_ts": self._next_ts()}

    def _chat_update(self, args: dict[str, Any]) -> dict[str, Any]:
        if not args.get("ts"):
            return {"ok": False, "error": "message_not_found"}
        refused = self._message("chat.update", args)
        if refused is not None:
            return refused
        return {
            "ok": True,
            "channel": args["channel"],
            "ts": args["ts"],
            "text": args.get("text", ""),
            "message": self._posted(args, str(args["ts"])),
        }

    def _views_publish(self, args: dict[str, Any]) -> dict[str, Any]:
        view = args.get("view")
        if not args.get("user_id"):
            return {"ok": False, "error": "invalid_arguments"}
        if not isinstance(view, dict) or view.get("type") != "home":
            return {"ok": False, "error": "invalid_arguments"}
        errors = check_blocks(view.get("blocks", []), max_blocks=MAX_BLOCKS_VIEW)
        if errors:
            return {
                "ok": False,
                "error": "invalid_arguments",
                "response_metadata": {"messages": errors},
            }
        return {
            "ok": True,
            "view": {
                "id": f"V{next(self._ts):09d}",
                "team_id": self.team_id,
                "type": "home",
                "blocks": view.get("blocks", []),
                "app_id": self.app_id,
                "bot_id": self.bot_id,
            },
        }

    def _conversations_info(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        name = self.channels.get(channel)
        if name is None:
            return {"ok": False, "error": "channel_not_found"}
        return {
            "ok": True,
            "channel": {
                "id": channel,
                "name": name,
                "is_channel": channel.startswith("C"),
                "is_private": channel.startswith("G"),
                "is_im": channel.startswith("D"),
                "is_member": True,
                "is_archived": False,
            },
        }

    def _usergroups_users_list(self, args: dict[str, Any]) -> dict[str, Any]:
        group = str(args.get("usergroup", ""))
        if group not in self.usergroups:
            return {"ok": False, "error": "no_such_subteam"}
        return {"ok": True, "users": list(self.usergroups[group])}

    def _apps_connections_open(self, args: dict[str, Any]) -> dict[str, Any]:
        if self.socket_mode is None:
            return {"ok": False, "error": "not_allowed_token_type"}
        return {"ok": True, "url": self.socket_mode.issue_url()}

    # --- files ------------------------------------------------------------------------------------

    def _files_get_upload_url(self, args: dict[str, Any]) -> dict[str, Any]:
        filename, length = args.get("filename"), str(args.get("length", ""))
        if not filename or not length.isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._file_ids):08d}"
        self.uploads[file_id] = UploadedFile(id=file_id, filename=str(filename))
        return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}

    def _files_complete_upload(self, args: dict[str, Any]) -> dict[str, Any]:
        try:
            wanted = json.loads(str(args.get("files", "")))
        except json.JSONDecodeError:
            return {"ok": False, "error": "invalid_arguments"}
        done = []
        for item in wanted if isinstance(wanted, list) else []:
            upload = self.uploads.get(str(item.get("id")))
            if upload is None or not upload.data:
                return {"ok": False, "error": "file_not_found"}
            upload.title = item.get("title")
            upload.channel_id = args.get("channel_id")
            upload.thread_ts = args.get("thread_ts")
            upload.initial_comment = args.get("initial_comment")
            upload.completed = True
            done.append({"id": upload.id, "name": upload.filename, "title": upload.title})
        if not done:
            return {"ok": False, "error": "invalid_arguments"}
        return {"ok": True, "files": done}

    async def _handle_upload(self, request: web.Request) -> web.StreamResponse:
        upload = self.uploads.get(request.match_info["file_id"])
        if upload is None:
            return web.Response(status=404, text="not found")
        upload.data = await request.read()
        await self._notify()
        return web.Response(text=f"OK - {len(upload.data)}")

    def host_file(self, name: str, data: bytes, mimetype: str = "text/plain") -> dict[str, Any]:
        """A file a user shared: its Slack file object (as in a message's `files`)."""
        file_id = f"F{next(self._file_ids):08d}"
        self.hosted[file_id] = (name, data)
        url = f"{self.url}/files/{file_id}/{name}"
        return {
            "id": file_id,
            "name": name,
            "title": name,
            "mimetype": mimetype,
            "filetype": name.rsplit(".", 1)[-1],
            "size": len(data),
            "url_private": url,
            "url_private_download": url,
        }

    async def _handle_download(self, request: web.Request) -> web.StreamResponse:
        hosted = self.hosted.get(request.match_info["file_id"])
        if request.headers.get("Authorization") != f"Bearer {self.bot_token}":
            return web.Response(status=302, headers={"Location": f"{self.url}/login"})
        if hosted is None:
            return web.Response(status=404, text="not found")
        return web.Response(body=hosted[1])
