"""The middle band of the fused search: the best answer, and the next one or two named as
"Ook relevant", in the console and in Slack (at the network boundary).

Two reasons put an answer there, and the reply says which: the decision is not sure enough
to answer outright ("Niet helemaal zeker"), or it is, but the runner-up is nearly as likely,
so several answers may be right ("Ook relevant" without hedging; `SearchResponse.several`).
Queries were written from the answers of nr. 451; none comes from the evaluation sets.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from tests.slack import fixtures, signing
from tests.slack.botapp import RunningBot, running_bot
from tests.slack.web_api import SlackWebApi, block_texts, check_blocks

from agendabot.bot import create_bot
from agendabot.cli.search_cmd import render
from agendabot.core.bot.dispatch import BotConfig
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.requests import Command
from agendabot.core.reply.render_text import render_text
from agendabot.core.search.calibration import CALIBRATION
from agendabot.core.search.results import SearchResponse

HEDGED = "Niet helemaal zeker"
# Topics on which several answers of nr. 451 say something (the language requirement, the
# imam training, foreign funding of mosques, start-up jobs), and some on which one does.
QUERIES = (
    "hoe zit het met de taaleis?",
    "imamopleiding",
    "buitenlandse financiering moskeeën",
    "startbanen statushouders",
    "gesloten gemeenschappen",
    "eergerelateerd geweld",
    "discriminatie op de arbeidsmarkt",
    "what about forced marriage?",
)


@pytest.fixture(scope="module")
def hedging(knowledge: Knowledge) -> Knowledge:
    """The same knowledge with a calibration that hedges every answer (the middle band)."""
    calibration = replace(CALIBRATION, answer_at=1.01, middle_at=0.0)
    return replace(knowledge, search=knowledge.search.variant(calibration=calibration))


@pytest.fixture(scope="module")
def sure(knowledge: Knowledge) -> Knowledge:
    """A calibration that is sure of every first answer: only a close runner-up leaves the
    answer band."""
    calibration = replace(CALIBRATION, answer_at=0.0, middle_at=0.0)
    return replace(knowledge, search=knowledge.search.variant(calibration=calibration))


def _search(knowledge: Knowledge, text: str) -> SearchResponse:
    assert knowledge.embed is not None, "the model loads and the vectors are committed"
    return knowledge.search.search(text, limit=5, vector=knowledge.embed(text))


def _now() -> datetime:
    return datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


# --- which middle band ------------------------------------------------------------------------


def test_several_means_a_sure_answer_with_a_close_runner_up(
    sure: Knowledge, hedging: Knowledge
) -> None:
    several = 0
    for text in QUERIES:
        response = _search(sure, text)
        assert response.several == (response.band == "middle"), text
        several += response.several
        hedged = _search(hedging, text)
        assert hedged.band == "middle" and not hedged.several, text
    assert 2 <= several < len(QUERIES), "some topics have several answers, others one"


def test_the_shipped_calibration_marks_several_only_above_the_answer_threshold(
    knowledge: Knowledge,
) -> None:
    for text in QUERIES:
        response = _search(knowledge, text)
        if response.several:
            assert response.band == "middle"
            assert response.results[0].score >= CALIBRATION.answer_at, text


def test_the_console_says_why_it_names_others(sure: Knowledge, hedging: Knowledge) -> None:
    text = "hoe zit het met de taaleis?"
    several = render(_search(sure, text))
    assert several.startswith("Meer antwoorden passen") and HEDGED not in several
    hedged = render(_search(hedging, text))
    assert hedged.startswith(HEDGED)
    assert several.split("\n", 1)[1] == hedged.split("\n", 1)[1], "the same results"


# --- in the bot and in Slack ------------------------------------------------------------------


async def _reply_text(knowledge: Knowledge, text: str, tmp_path: Path) -> str:
    from agendabot.state import AsyncStore

    store = await AsyncStore.open(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    try:
        bot = create_bot(lambda: knowledge, store, BotConfig(deadline_weeks=8))
        reply = await bot.handle(Command("/vraag", text, "U1", "C1"), now=_now())
    finally:
        await store.close()
    return render_text(reply)


async def test_the_middle_band_gives_the_answer_and_names_what_is_also_relevant(
    hedging: Knowledge, tmp_path: Path
) -> None:
    text = await _reply_text(hedging, "gesloten gemeenschappen", tmp_path)
    assert "Gesloten gemeenschappen kunnen" in text, "the best answer itself"
    assert f"{HEDGED}. Ook relevant" in text
    assert "Vraag" in text.split("Ook relevant", 1)[1]


async def test_several_answers_are_named_without_hedging(sure: Knowledge, tmp_path: Path) -> None:
    text = await _reply_text(sure, "hoe zit het met de taaleis?", tmp_path)
    assert "Ook relevant" in text and HEDGED not in text
    assert "Vraag" in text.split("Ook relevant", 1)[1]


async def test_the_middle_band_in_slack(
    slack_web_api: SlackWebApi, hedging: Knowledge, tmp_path: Path
) -> None:
    async with running_bot(slack_web_api, hedging, tmp_path, mode="http") as running:
        texts, reply = await _middle_band_over_http(running, "gesloten gemeenschappen", "47")
    assert "Gesloten gemeenschappen kunnen" in texts
    assert HEDGED in texts
    assert "Ook relevant" in reply["text"]


async def test_several_answers_in_slack(
    slack_web_api: SlackWebApi, sure: Knowledge, tmp_path: Path
) -> None:
    async with running_bot(slack_web_api, sure, tmp_path, mode="http") as running:
        texts, reply = await _middle_band_over_http(running, "hoe zit het met de taaleis?")
    assert "Ook relevant:" in texts and HEDGED not in texts
    assert "Ook relevant" in reply["text"]


async def _middle_band_over_http(
    bot: RunningBot, query: str, best: str = ""
) -> tuple[str, dict[str, object]]:
    status, body, _ = await signing.post(
        bot.events_url, signing.signed(fixtures.slash_command_body(query))
    )
    assert status == 200
    reply = json.loads(body)
    blocks = reply.get("blocks") or []
    assert check_blocks(blocks) == []
    texts = "\n".join(block_texts(blocks))
    assert "Ook relevant" in texts
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    shown = [b for b in buttons if b["action_id"] == "show_answer"]
    assert 1 <= len(shown) <= 2 and all(b["value"] != best for b in shown), "others, not the best"
    return texts, reply
