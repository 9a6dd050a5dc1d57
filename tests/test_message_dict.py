"""The composed, memoised acknowledgement body (`blocks.message_dict`) is exactly what
rendering each reply in full gives, for every reply the bot makes from the real content.

`message_dict` joins blocks cached per part (an answer's header, paragraphs and sources)
with the parts new to a request (buttons to other results, a candidate list); these tests
compare it with `render_message(reply).to_dict()` — laid out and validated by slack_sdk's
Block Kit models each time — and check it against the Slack emulator's limits.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from tests.slack.web_api import check_message

from agendabot.bot import create_bot
from agendabot.core.bot.dispatch import Bot
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.requests import Action, Command, Request
from agendabot.core.reply.model import (
    Button,
    Buttons,
    Context,
    Header,
    Link,
    Paragraph,
    Reply,
    Strong,
)
from agendabot.slack import blocks
from agendabot.slack.blocks import message_dict, render_message

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
USER = "U0ALICE01"
CHANNEL = "C0TEAM001"
FREE_TEXT = [
    "wanneer is de nationale dialoog?",
    "hoe zit het met de taaleis in de bijstand?",
    "definitie nieuwkomer",
    "what did we say about forced marriage?",
    "startbanen voor statushouders",
    "nieuwkommer",
    "informele scholing en ongewenste buitenlandse financiering",
    "wat gebeurt er voor de zomer van 2026?",
    "xyzzy plugh",
    "vraag 47 en 48",
    "paragraaf 2.1",
]


@pytest.fixture
async def bot(knowledge: Knowledge, sqlite_url: str) -> AsyncIterator[Bot]:
    from agendabot.state import AsyncStore

    store = await AsyncStore.open(sqlite_url)
    try:
        yield create_bot(lambda: knowledge, store)
    finally:
        await store.close()


def same_as_full_rendering(reply: Reply) -> dict[str, Any]:
    expected = render_message(reply).to_dict()
    for _ in range(2):  # first composed, then from the message cache
        body = message_dict(reply)
        assert body == expected
        assert check_message(body) is None
        for raw in body.get("blocks", []):
            parsed = Block.parse(raw)
            assert parsed is not None
            parsed.validate_json()
    return expected


async def replies(bot: Bot, requests: list[Request]) -> list[Reply]:
    return [await bot.handle(request, now=NOW) for request in requests]


async def test_every_answer_section_and_commitment(bot: Bot, knowledge: Knowledge) -> None:
    content = knowledge.content
    requests: list[Request] = []
    for number in content.qa.numbers:
        requests.append(Command("/vraag", str(number), USER, CHANNEL))
        requests.append(Action("share_answer", str(number), USER, CHANNEL))
    for section in content.letter.sections:
        requests.append(Action("show_section", section.number, USER, CHANNEL))
    for commitment in content.commitments:
        requests.append(Command("/agenda", f"toezegging {commitment.id}", USER, CHANNEL))
    for reply in await replies(bot, requests):
        same_as_full_rendering(reply)


async def test_free_text_answers_compose_cached_parts_with_new_ones(bot: Bot) -> None:
    blocks._message_cache.clear()
    blocks._part_cache.clear()
    texts = [*FREE_TEXT, *(f"{text} zq{i:x}" for i, text in enumerate(FREE_TEXT))]
    composed = parts = 0
    for reply in await replies(bot, [Command("/vraag", t, USER, CHANNEL) for t in texts]):
        body = same_as_full_rendering(reply)
        composed += any(b["type"] == "actions" for b in body.get("blocks", []))
        parts += len(reply.parts)
    assert composed >= len(FREE_TEXT)  # alternatives or candidates: buttons added per query
    assert len(blocks._part_cache) < parts  # parts rendered once serve several replies


def test_equal_parts_share_their_blocks_and_lists_equal_tuples() -> None:
    blocks._part_cache.clear()
    source = ["Bron: ", Link("nr. 451", "https://example.org/451")]
    one = Reply(text="a", parts=(Header("Vraag 1"), Paragraph([Strong("x"), " y"])))
    two = Reply(text="b", parts=(Header("Vraag 1"), Paragraph((Strong("x"), " y"))))
    three = Reply(text="c", parts=(Context((source,)), Buttons((Button("Toon", "show"),))))
    for reply in (one, two, three):
        same_as_full_rendering(reply)
    assert len(blocks._part_cache) == 4  # header, paragraph, context, buttons


def test_replies_too_long_to_compose_are_cut_as_before() -> None:
    long = "Een zin met wat woorden erin. " * 300
    reply = Reply(text="lang", parts=tuple(Paragraph(long) for _ in range(3)), more_url=None)
    body = same_as_full_rendering(reply)
    assert "ingekort" in body["blocks"][-1]["elements"][0]["text"]
    many = Reply(text="veel", parts=tuple(Header(f"Kop {i}") for i in range(60)))
    assert len(same_as_full_rendering(many)["blocks"]) == 50


def test_plain_and_empty_replies() -> None:
    for reply in (Reply(text="Hallo <@U1> & co"), Reply(), Reply(text="x", parts=(Header(""),))):
        same_as_full_rendering(reply)


def test_invalid_buttons_still_raise() -> None:
    bad = Reply(text="x", parts=(Buttons((Button("Te lang", "a", value="v" * 2001),)),))
    with pytest.raises(ValueError, match="button value"):
        message_dict(bad)


async def test_prerendered_standing_replies_need_no_rendering_when_asked(
    bot: Bot, knowledge: Knowledge
) -> None:
    blocks._message_cache.clear()
    blocks._part_cache.clear()
    standing = bot.standing_replies()
    content = knowledge.content
    assert len(standing) == 2 * (len(content.qa.numbers) + len(content.letter.sections))
    assert blocks.prerender(standing) == len(standing)
    prepared = dict(blocks._message_cache)
    parts = len(blocks._part_cache)

    requests: list[Request] = [Command("/vraag", str(n), USER, CHANNEL) for n in content.qa.numbers]
    requests += [Action("share_answer", str(n), USER, CHANNEL) for n in content.qa.numbers[:20]]
    requests += [Action("show_section", s.number, USER, CHANNEL) for s in content.letter.sections]
    for reply in await replies(bot, requests):
        assert message_dict(reply) == render_message(reply).to_dict()
    assert dict(blocks._message_cache) == prepared  # every one was ready, none added
    assert len(blocks._part_cache) == parts
