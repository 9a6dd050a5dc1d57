"""Every answer and every commitment, as the bot answers it, fits in one Slack message.

Each reply goes through `Bot.handle` (real content, search and state) and
`agendabot.slack.blocks`; the blocks are re-parsed and validated by slack_sdk's Block Kit
models and checked against Slack's limits by the Web API emulator's own rules. Nothing
may be cut: every answer is shown whole.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from tests.slack.web_api import block_texts, check_message

from agendabot.bot import create_bot
from agendabot.content.knowledge import load_knowledge
from agendabot.core.bot.dispatch import Bot
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.requests import Action, Command, HomeOpened, Request
from agendabot.core.reply.model import Reply
from agendabot.slack.blocks import render_home, render_message
from agendabot.slack.mrkdwn import units
from agendabot.state import AsyncStore

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
USER = "U0ALICE01"
CHANNEL = "C0TEAM001"
LIMITS = {"section": 3000, "header": 150, "button": 75, "value": 2000}


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


@pytest.fixture
async def bot(knowledge: Knowledge, sqlite_url: str) -> AsyncIterator[Bot]:
    store = await AsyncStore.open(sqlite_url)
    try:
        yield create_bot(lambda: knowledge, store)
    finally:
        await store.close()


def check_blocks(blocks: list[dict[str, Any]], *, max_blocks: int) -> None:
    assert 1 <= len(blocks) <= max_blocks
    for raw in blocks:
        parsed = Block.parse(raw)
        assert parsed is not None, raw
        parsed.validate_json()  # slack_sdk's own Block Kit limits
        assert parsed.to_dict() == raw
        kind = raw["type"]
        if kind == "section":
            assert 1 <= units(raw["text"]["text"]) <= LIMITS["section"]
        elif kind == "header":
            assert 1 <= units(raw["text"]["text"]) <= LIMITS["header"]
        elif kind == "context":
            assert 1 <= len(raw["elements"]) <= 10
        elif kind == "actions":
            assert 1 <= len(raw["elements"]) <= 25
            for element in raw["elements"]:
                assert units(element["text"]["text"]) <= LIMITS["button"]
                assert len(element.get("value", "")) <= LIMITS["value"]
    assert sum(units(t) for t in block_texts(blocks)) <= 12_000


def check_reply(reply: Reply) -> dict[str, Any]:
    message = render_message(reply)
    body = message.to_dict()
    assert not message.truncated, "the whole answer fits"
    assert body["text"].strip()
    check_blocks(body["blocks"], max_blocks=50)
    assert check_message(body) is None
    return body


async def answer(bot: Bot, request: Request) -> Reply:
    reply = await bot.handle(request, now=NOW)
    assert not reply.text.startswith("Sorry"), reply.text
    return reply


async def test_every_question_renders_within_limits(bot: Bot, knowledge: Knowledge) -> None:
    numbers = knowledge.content.qa.numbers
    assert len(numbers) == 235
    largest = 0
    for number in numbers:
        reply = await answer(bot, Command("/vraag", str(number), USER, CHANNEL))
        body = check_reply(reply)
        assert body["blocks"][0]["text"]["text"] == f"Vraag {number}"
        shared = await answer(bot, Action("share_answer", str(number), USER, CHANNEL))
        assert not shared.ephemeral
        check_reply(shared)
        largest = max(largest, sum(units(t) for t in block_texts(body["blocks"])))
    assert largest > 3000  # some answers really are split over several sections


async def test_every_commitment_renders_within_limits(bot: Bot, knowledge: Knowledge) -> None:
    assert knowledge.content.commitments
    for commitment in knowledge.content.commitments:
        reply = await answer(bot, Command("/agenda", f"toezegging {commitment.id}", USER, CHANNEL))
        body = check_reply(reply)
        assert commitment.title[:100] in body["blocks"][0]["text"]["text"]
        check_reply(
            await answer(bot, Action("share_answer", f"toezegging:{commitment.id}", USER, CHANNEL))
        )


async def test_every_section_renders_within_limits(bot: Bot, knowledge: Knowledge) -> None:
    for section in knowledge.content.letter.sections:
        check_reply(await answer(bot, Action("show_section", section.number, USER, CHANNEL)))


@pytest.mark.parametrize("text", ["deadlines weken 104", "deadlines pijler 1 weken 104", "help"])
async def test_agenda_lists_render_within_limits(bot: Bot, text: str) -> None:
    check_reply(await answer(bot, Command("/agenda", text, USER, CHANNEL)))


async def test_home_renders_within_view_limits(bot: Bot) -> None:
    await answer(bot, Command("/agenda", "abonneer alles", USER, "D0ALICE01"))
    view = render_home(await answer(bot, HomeOpened(USER))).to_dict()
    assert view["type"] == "home"
    check_blocks(view["blocks"], max_blocks=100)
