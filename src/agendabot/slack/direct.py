"""Text in the bot's DM (a `message.im` event without a file): answered there.

A question ("wanneer is de nationale dialoog?", "vraag 47", "deadlines") gets what a mention
gets in a channel, in the conversation itself (in its thread when it was written in one). A
pasted set of questions (two or more under "Vraag N" or numbered) gets its earlier answers in
the thread of the message, as a file of questions does (`slack.earlier`). Before, text in the
DM went unanswered, while the reply to an unreadable file said to send the questions as text.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from agendabot.core.bot.dispatch import Bot
from agendabot.core.bot.requests import Request
from agendabot.core.reply.model import Reply
from agendabot.slack.convert import MalformedPayload, event_id_of, mention_request, message_kwargs
from agendabot.slack.earlier import answer_question_set

__all__ = ["answer_dm_text", "is_typed_text"]

log = logging.getLogger(__name__)


def is_typed_text(event: Mapping[str, Any]) -> bool:
    """A new message with text, as a person types it: no edit, deletion or file share."""
    text = event.get("text")
    return not event.get("subtype") and isinstance(text, str) and bool(text.strip())


async def answer_dm_text(
    bot: Bot,
    body: Mapping[str, Any],
    client: AsyncWebClient,
    *,
    answer: Callable[[Request, datetime], Awaitable[Reply]],
    claim: Callable[[str, datetime], Awaitable[bool]],
    now: datetime,
) -> None:
    """Answer the text of a DM once (`claim` records the event id against retries)."""
    try:
        event = body["event"]
        request = mention_request(event)
        event_id = event_id_of(body)
    except (MalformedPayload, KeyError, TypeError, AttributeError) as exc:
        log.warning("unreadable message.im: %s", exc)
        return
    if not await claim(event_id, now):
        return
    try:
        if await answer_question_set(bot, client, request, thread_ts=request.ts):
            return
        reply = await answer(request, now)
        await client.chat_postMessage(
            channel=request.channel_id, thread_ts=request.thread_ts, **message_kwargs(reply)
        )
    except (SlackApiError, aiohttp.ClientError) as exc:
        log.error("answer to a DM not posted: %s", type(exc).__name__)
