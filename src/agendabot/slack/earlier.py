"""Earlier answers in Slack: the message shortcut "Eerdere antwoorden zoeken" and a file of
new questions shared with the bot in a DM.

Either way the bot answers in the thread of the message: first what it found, then each
question with its earlier answers (several messages, each within Block Kit's limits), and
the Word draft as a file (`files_upload_v2`, scope `files:write`). A shortcut on a message
without questions gets one short ephemeral sentence; so does a DM file the bot cannot read.
A DM file is downloaded with the bot token (scope `files:read`); text, .docx, PDF and HTML
are read.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any, Final

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from agendabot.core.bot.dispatch import Bot
from agendabot.core.bot.requests import Mention
from agendabot.core.kamervragen.parse import is_question_set
from agendabot.drafts.word import docx_text, draft_docx
from agendabot.formats import FormatError, text_from_bytes
from agendabot.slack.convert import (
    MalformedPayload,
    event_id_of,
    message_kwargs,
    object_field,
    text_field,
)

__all__ = [
    "DOCX_NAME",
    "SHORTCUT",
    "answer_dm",
    "answer_file",
    "answer_shortcut",
    "post_earlier_answers",
]

log = logging.getLogger(__name__)

SHORTCUT: Final = "eerdere_antwoorden"
DOCX_NAME: Final = "eerdere-antwoorden-concept.docx"
DOCX_TITLE: Final = "Concept: eerdere antwoorden"
DOCX_COMMENT: Final = "Het concept als Word-bestand: een startpunt, geen definitief antwoord."
UNREADABLE_FILE: Final = (
    "Dat bestand kan ik niet lezen; stuur de vragen als tekst, Word-bestand of PDF met tekst."
)
MAX_FILE_BYTES: Final = 5 * 1024 * 1024


async def post_earlier_answers(
    bot: Bot, client: AsyncWebClient, *, text: str, channel: str, thread_ts: str, user: str
) -> None:
    """The earlier answers for the questions in `text`, and the Word draft, in the thread."""
    replies, report = await asyncio.to_thread(bot.earlier_answers, text)
    if report is None:
        await client.chat_postEphemeral(channel=channel, user=user, **message_kwargs(replies[0]))
        return
    for reply in replies:
        await client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message_kwargs(reply))
    await client.files_upload_v2(
        channel=channel,
        thread_ts=thread_ts,
        content=draft_docx(report.results, title=report.title),
        filename=DOCX_NAME,
        title=DOCX_TITLE,
        initial_comment=DOCX_COMMENT,
    )


async def answer_question_set(
    bot: Bot, client: AsyncWebClient, request: Mention, *, thread_ts: str
) -> bool:
    """A pasted set of new Kamervragen (two or more numbered questions), in the bot's DM or
    with a mention: its earlier answers and the Word draft in `thread_ts`. False (nothing
    posted) for any other text, which is answered as a question."""
    if not is_question_set(request.text):
        return False
    await post_earlier_answers(
        bot,
        client,
        text=request.text,
        channel=request.channel_id,
        thread_ts=thread_ts,
        user=request.user_id,
    )
    return True


async def answer_shortcut(bot: Bot, body: Mapping[str, Any], client: AsyncWebClient) -> None:
    """The shortcut on a message: its questions' earlier answers in its thread."""
    try:
        message = body["message"]
        channel = text_field(object_field(body, "channel"), "id")
        user = text_field(object_field(body, "user"), "id")
        ts = text_field(message, "ts")
        text = message.get("text") if isinstance(message.get("text"), str) else ""
        thread_ts = message.get("thread_ts") if isinstance(message.get("thread_ts"), str) else ts
    except (MalformedPayload, KeyError, TypeError, AttributeError) as exc:
        log.warning("unreadable message_action: %s", exc)
        return
    try:
        await post_earlier_answers(
            bot, client, text=text, channel=channel, thread_ts=thread_ts, user=user
        )
    except SlackApiError as exc:
        log.error("earlier answers not posted: %s", exc.response.get("error"))


async def _download(url: str, token: str) -> bytes | None:
    headers = {"Authorization": f"Bearer {token}"}
    timeout = aiohttp.ClientTimeout(total=30)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.get(url, headers=headers, allow_redirects=False) as response,
    ):
        if response.status != 200:
            return None
        data = await response.content.read(MAX_FILE_BYTES + 1)
        return data if len(data) <= MAX_FILE_BYTES else None


def _text_of(name: str, mimetype: str, data: bytes) -> str | None:
    """The text of a shared file: Word (.docx), PDF (as published), an HTML page or text."""
    if name.lower().endswith(".docx"):
        try:
            return docx_text(data)
        except ValueError:
            return None
    readable = mimetype.startswith("text/") or mimetype == "application/pdf"
    if not readable and not name.lower().endswith((".txt", ".md", ".pdf", ".html", ".htm")):
        return None
    try:
        return text_from_bytes(data, name=name or "bestand")
    except FormatError:  # a scan, a damaged PDF, binary data
        return None


async def answer_file(event: Mapping[str, Any], client: AsyncWebClient) -> str | None:
    """The text of the first file in a DM `message` event, or None with a sentence posted
    to the user when it cannot be read."""
    files = event.get("files")
    first = files[0] if isinstance(files, list) and files else None
    if not isinstance(first, Mapping):
        return None
    url = first.get("url_private_download") or first.get("url_private")
    name, mimetype = str(first.get("name") or ""), str(first.get("mimetype") or "")
    data = await _download(url, client.token or "") if isinstance(url, str) else None
    text = _text_of(name, mimetype, data) if data is not None else None
    if text is None:
        channel = str(event.get("channel") or "")
        await client.chat_postMessage(
            channel=channel, thread_ts=str(event.get("ts") or ""), text=UNREADABLE_FILE
        )
    return text


async def answer_dm(
    bot: Bot,
    body: Mapping[str, Any],
    client: AsyncWebClient,
    *,
    claim: Callable[[str, datetime], Awaitable[bool]],
    now: datetime,
) -> None:
    """A file shared in the bot's DM: earlier answers in the thread of its message, once
    (`claim` records the event id, so a retried event is not answered again)."""
    try:
        event = body["event"]
        event_id, user = event_id_of(body), text_field(event, "user")
        channel, ts = text_field(event, "channel"), text_field(event, "ts")
    except (MalformedPayload, KeyError, TypeError) as exc:
        log.warning("unreadable message.im: %s", exc)
        return
    if not await claim(event_id, now):
        return
    try:
        text = await answer_file(event, client)
        if text is not None:
            await post_earlier_answers(
                bot, client, text=text, channel=channel, thread_ts=ts, user=user
            )
    except (SlackApiError, aiohttp.ClientError) as exc:
        log.error("earlier answers for a DM file not posted: %s", type(exc).__name__)
