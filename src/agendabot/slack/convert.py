"""Conversions at the Slack edge: payload → core request, core `Reply` → Slack arguments.

Small pure functions, no I/O. Payloads come from the network, so nothing here trusts their
shape: a missing field or a value of the wrong type raises `MalformedPayload` (a
`ValueError`), which the app turns into a 400 or a polite reply — never a 500.

    request = command_request(body)                 # slash command form fields
    await ack(**command_response(reply))            # the reply as the acknowledgement
    await client.chat_postMessage(channel=…, thread_ts=thread_of(event), **message_kwargs(reply))
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.models.views import View

from agendabot.core.bot.requests import Action, Command, HomeOpened, Mention
from agendabot.core.reply.model import Reply
from agendabot.slack.blocks import message_dict, render_home

__all__ = [
    "MAX_TEXT_CHARS",
    "MalformedPayload",
    "action_request",
    "command_request",
    "command_response",
    "event_id_of",
    "home_request",
    "home_view",
    "mention_request",
    "message_kwargs",
    "object_field",
    "response_url_body",
    "text_field",
    "thread_of",
]

# Slack caps a message at 40 000 characters; anything longer is not from Slack.
MAX_TEXT_CHARS = 40_000


class MalformedPayload(ValueError):
    """A Slack payload lacks a field the bot needs, or has one of the wrong type."""


def text_field(payload: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    """`payload[key]` as a string; "" when optional and absent."""
    if not isinstance(payload, Mapping):
        raise MalformedPayload(f"expected an object around {key!r}")
    value = payload.get(key)
    if value is None:
        if required:
            raise MalformedPayload(f"missing field {key!r}")
        return ""
    if not isinstance(value, str):
        raise MalformedPayload(f"field {key!r} is not a string")
    if required and not value:
        raise MalformedPayload(f"field {key!r} is empty")
    if len(value) > MAX_TEXT_CHARS:
        raise MalformedPayload(f"field {key!r} is too long")
    return value


def object_field(payload: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = payload.get(key) if isinstance(payload, Mapping) else None
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"field {key!r} is not an object")
    return value


# --- Slack → core ---------------------------------------------------------------------------


def command_request(body: Mapping[str, Any]) -> Command:
    """A slash command (its form fields) as a `Command`; `text` as Slack sent it."""
    return Command(
        command=text_field(body, "command"),
        text=text_field(body, "text", required=False),
        user_id=text_field(body, "user_id"),
        channel_id=text_field(body, "channel_id", required=False),
    )


def mention_request(event: Mapping[str, Any]) -> Mention:
    """An `app_mention` event as a `Mention` (the text still holds the `<@BOT>` mention)."""
    thread_ts = text_field(event, "thread_ts", required=False) or None
    return Mention(
        text=text_field(event, "text", required=False),
        user_id=text_field(event, "user"),
        channel_id=text_field(event, "channel"),
        ts=text_field(event, "ts"),
        thread_ts=thread_ts,
    )


def thread_of(event: Mapping[str, Any]) -> str:
    """Where to answer a message: its thread, or a new thread under the message itself."""
    return text_field(event, "thread_ts", required=False) or text_field(event, "ts")


def event_id_of(body: Mapping[str, Any]) -> str:
    """The `event_id` of an Events API envelope (the same on every retry and replay)."""
    return text_field(body, "event_id")


def action_request(body: Mapping[str, Any]) -> Action:
    """The first action of a `block_actions` payload as an `Action`.

    `channel_id` is None when the button was in the App Home (no channel).
    """
    actions = body.get("actions") if isinstance(body, Mapping) else None
    if not isinstance(actions, list) or not actions:
        raise MalformedPayload("no actions")
    action = actions[0]
    if not isinstance(action, Mapping):
        raise MalformedPayload("action is not an object")
    channel = body.get("channel")
    channel_id = None
    if channel is not None:
        channel_id = text_field(object_field(body, "channel"), "id")
    return Action(
        action_id=text_field(action, "action_id"),
        value=text_field(action, "value", required=False),
        user_id=text_field(object_field(body, "user"), "id"),
        channel_id=channel_id,
    )


def home_request(event: Mapping[str, Any]) -> HomeOpened:
    """An `app_home_opened` event as `HomeOpened`."""
    return HomeOpened(user_id=text_field(event, "user"))


# --- core → Slack ---------------------------------------------------------------------------


def message_kwargs(reply: Reply) -> dict[str, Any]:
    """`text` and `blocks` for `chat.postMessage` / `chat.postEphemeral` (within limits)."""
    return message_dict(reply)


def _response_type(reply: Reply) -> str:
    return "ephemeral" if reply.ephemeral else "in_channel"


def command_response(reply: Reply) -> dict[str, Any]:
    """The acknowledgement of a slash command that carries the reply (`ack(**…)`):
    only the asker sees it unless the reply is meant for the channel."""
    return {**message_kwargs(reply), "response_type": _response_type(reply)}


def response_url_body(reply: Reply) -> dict[str, Any]:
    """The JSON body for a `response_url` post (button clicks, late command answers)."""
    body = {**message_kwargs(reply), "response_type": _response_type(reply)}
    if reply.replace_original:
        body["replace_original"] = True
    elif not reply.ephemeral:
        # A new message for the channel; the ephemeral message with the button stays.
        body["replace_original"] = False
    return body


def home_view(reply: Reply) -> View:
    """The reply as an App Home tab for `views.publish` (at most 100 blocks)."""
    return render_home(reply)
