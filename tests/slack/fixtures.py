"""Slack payloads from `tests/fixtures/slack/`, with the fields a test wants changed.

Each builder returns a fresh copy. Events get a new `event_id` and `ts` on every call
unless you pass them, so two mentions are two events and a retry is the same dict again.

- `slash_command(text, command=…, response_url=…)` → dict of the form fields (Socket Mode
  payload); `form_body(fields)` → the urlencoded HTTP body.
- `app_mention(question, in_thread=…, event_id=…)` → `event_callback` dict; the `text`
  is `"<@BOT> question"` and `blocks` are the matching `rich_text`, as Slack sends them.
- `block_actions(value, action_id=…, response_url=…)`; `interactive_body(payload)` → the
  HTTP body `payload=<json>`.
- `url_verification(challenge)`, `app_home_opened(user)`.

Texts are as Slack delivers them: user-typed `<`, `>`, `&` arrive as `&lt;`, `&gt;`,
`&amp;`; `slack_escape()` does that for a test.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
import secrets
import time
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from tests.slack import ids

FIXTURES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "slack"

_counter = itertools.count(1)


@cache
def _raw(name: str) -> str:
    return (FIXTURES_DIR / name).read_text(encoding="utf-8")


def load_json(name: str) -> dict[str, Any]:
    """A fixture file as a fresh dict."""
    data = json.loads(_raw(name))
    assert isinstance(data, dict)
    return copy.deepcopy(data)


def new_event_id() -> str:
    return "Ev" + secrets.token_hex(5).upper()


def new_ts() -> str:
    """A message timestamp like Slack's ("1763900000.123456"), unique within the run."""
    return f"{int(time.time())}.{next(_counter):06d}"


def new_trigger_id() -> str:
    return f"{int(time.time() * 1000)}{next(_counter):03d}.5000000001.{secrets.token_hex(16)}"


def slack_escape(text: str) -> str:
    """What Slack does to user-typed `&`, `<`, `>` before delivering the text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- slash commands ----------------------------------------------------------------------------


def slash_command(
    text: str = "47",
    *,
    command: str = "/vraag",
    response_url: str | None = None,
    **fields: str,
) -> dict[str, str]:
    """The fields of a slash command (`/vraag 47` by default), as strings, in Slack's order."""
    payload = dict(parse_qsl(_raw("slash_command_vraag.form").strip(), keep_blank_values=True))
    payload["command"] = command
    payload["text"] = text
    payload["trigger_id"] = new_trigger_id()
    if response_url is not None:
        payload["response_url"] = response_url
    payload.update(fields)
    return payload


def form_body(fields: dict[str, str]) -> str:
    """An `application/x-www-form-urlencoded` body."""
    return urlencode(fields)


def slash_command_body(text: str = "47", **kwargs: Any) -> str:
    return form_body(slash_command(text, **kwargs))


# --- events ------------------------------------------------------------------------------------

_SPECIAL = re.compile(r"<([^<>]+)>")


def rich_text_blocks(text: str) -> list[dict[str, Any]]:
    """The `rich_text` block Slack attaches to a message with this (Slack-formatted) text."""
    elements: list[dict[str, Any]] = []

    def add_text(chunk: str) -> None:
        if chunk:
            plain = chunk.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            elements.append({"type": "text", "text": plain})

    position = 0
    for match in _SPECIAL.finditer(text):
        add_text(text[position : match.start()])
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            elements.append({"type": "user", "user_id": target[1:]})
        elif target.startswith("#"):
            elements.append({"type": "channel", "channel_id": target[1:]})
        elif target.startswith("!"):
            elements.append({"type": "broadcast", "range": target[1:]})
        else:
            link: dict[str, Any] = {"type": "link", "url": target}
            if label:
                link["text"] = label
            elements.append(link)
        position = match.end()
    add_text(text[position:])
    block_id = secrets.token_urlsafe(4)[:5]
    return [
        {
            "type": "rich_text",
            "block_id": block_id,
            "elements": [{"type": "rich_text_section", "elements": elements}],
        }
    ]


def app_mention(
    question: str = "wanneer is de nationale dialoog?",
    *,
    in_thread: bool = False,
    thread_ts: str | None = None,
    event_id: str | None = None,
    ts: str | None = None,
    user: str = ids.USER_ID,
    channel: str = ids.CHANNEL_ID,
    mention: str | None = ids.BOT_USER_ID,
) -> dict[str, Any]:
    """An `event_callback` with an `app_mention`: `"<@BOT> question"` (Slack-formatted).

    `in_thread=True` (or a `thread_ts`) makes it a reply inside a thread, with `thread_ts`
    and `parent_user_id`; otherwise the event has no `thread_ts`, as in a channel.
    """
    name = (
        "event_app_mention_in_thread.json" if in_thread or thread_ts else "event_app_mention.json"
    )
    body = load_json(name)
    event = body["event"]
    text = f"<@{mention}> {question}" if mention else question
    stamp = ts or new_ts()
    event.update(
        {
            "text": text,
            "blocks": rich_text_blocks(text),
            "user": user,
            "channel": channel,
            "ts": stamp,
            "event_ts": stamp,
            "client_msg_id": secrets.token_hex(16),
        }
    )
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    body["event_id"] = event_id or new_event_id()
    body["event_time"] = int(float(stamp))
    return body


def app_home_opened(user: str = ids.USER_ID, *, event_id: str | None = None) -> dict[str, Any]:
    body = load_json("event_app_home_opened.json")
    body["event"]["user"] = user
    body["event"]["event_ts"] = new_ts()
    body["event_id"] = event_id or new_event_id()
    return body


def url_verification(challenge: str | None = None) -> dict[str, Any]:
    body = load_json("url_verification.json")
    if challenge is not None:
        body["challenge"] = challenge
    return body


def event_body(payload: dict[str, Any]) -> str:
    """The JSON body of an Events API request."""
    return json.dumps(payload, ensure_ascii=False)


# --- interactivity -------------------------------------------------------------------------------


def block_actions(
    value: str = "47",
    *,
    action_id: str = "share_answer",
    label: str = "Deel in kanaal",
    response_url: str | None = None,
    user: str = ids.USER_ID,
    channel: str = ids.CHANNEL_ID,
) -> dict[str, Any]:
    """A `block_actions` payload: a click on a button of an ephemeral message."""
    body = load_json("block_actions.json")
    action = body["actions"][0]
    action.update({"action_id": action_id, "value": value, "action_ts": new_ts()})
    action["text"]["text"] = label
    body["user"]["id"] = user
    body["channel"]["id"] = channel
    body["container"]["channel_id"] = channel
    body["trigger_id"] = new_trigger_id()
    if response_url is not None:
        body["response_url"] = response_url
    return body


def interactive_body(payload: dict[str, Any]) -> str:
    """The HTTP body Slack posts for interactivity: `payload=<urlencoded JSON>`."""
    return "payload=" + quote(json.dumps(payload, ensure_ascii=False), safe="")


def message_shortcut(
    text: str,
    *,
    callback_id: str = "eerdere_antwoorden",
    response_url: str | None = None,
    user: str = ids.USER_ID,
    channel: str = ids.CHANNEL_ID,
    ts: str | None = None,
    thread_ts: str | None = None,
) -> dict[str, Any]:
    """A `message_action` payload: a message shortcut on a message with `text`
    (Slack-formatted), as Slack posts it (interactivity, like `block_actions`)."""
    body = load_json("message_action.json")
    stamp = ts or new_ts()
    body.update(
        {
            "callback_id": callback_id,
            "trigger_id": new_trigger_id(),
            "action_ts": new_ts(),
            "message_ts": stamp,
        }
    )
    body["user"]["id"] = user
    body["channel"]["id"] = channel
    message = body["message"]
    message.update({"text": text, "ts": stamp, "blocks": rich_text_blocks(text) if text else []})
    if thread_ts is not None:
        message["thread_ts"] = thread_ts
    if response_url is not None:
        body["response_url"] = response_url
    return body


def dm_file_share(
    file: dict[str, Any], *, user: str = ids.USER_ID, event_id: str | None = None
) -> dict[str, Any]:
    """An `event_callback` with a `message` in the bot's DM that shares `file` (a Slack
    file object, e.g. from `SlackWebApi.host_file`)."""
    body = load_json("event_message_im_file.json")
    event = body["event"]
    stamp = new_ts()
    event.update({"files": [file], "user": user, "ts": stamp, "event_ts": stamp})
    event["channel"] = ids.DM_CHANNEL_ID
    body["event_id"] = event_id or new_event_id()
    body["event_time"] = int(float(stamp))
    return body


def dm_text(
    text: str,
    *,
    user: str = ids.USER_ID,
    thread_ts: str | None = None,
    event_id: str | None = None,
) -> dict[str, Any]:
    """An `event_callback` with a person's `message` in the bot's DM (no file): `text` as
    the person typed it (Slack-escaped here), in the thread `thread_ts` when given."""
    body = load_json("event_message_im_text.json")
    event = body["event"]
    stamp = new_ts()
    escaped = slack_escape(text)
    event.update({"text": escaped, "blocks": rich_text_blocks(escaped), "user": user})
    event.update({"ts": stamp, "event_ts": stamp, "channel": ids.DM_CHANNEL_ID})
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    body["event_id"] = event_id or new_event_id()
    body["event_time"] = int(float(stamp))
    return body
