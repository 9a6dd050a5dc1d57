"""Text in the bot's DM, and a pasted set of Kamervragen with a mention, at the network
boundary: signed events shaped like Slack's, the real Bolt app and slack_sdk client, the Web
API emulator as Slack. Before, only files in the DM were answered, while the reply to an
unreadable file said to send text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.slack import fixtures, ids, signing
from tests.slack.botapp import RunningBot
from tests.slack.web_api import SlackWebApi

from agendabot.core.kamervragen.parse import is_question_set

# a real set of new Kamervragen, pasted into the DM as text
OPEN = (
    Path(__file__).parent / "fixtures" / "kamervragen" / "open-kv-20261120-jansen.txt"
).read_text(encoding="utf-8")


async def _send(bot: RunningBot, body: dict[str, object], retry: int | None = None) -> None:
    request = signing.signed(fixtures.event_body(body), retry_num=retry)
    status, _, _ = await signing.post(bot.events_url, request)
    assert status == 200
    await bot.settle()


async def _assert_earlier_answers(
    bot: RunningBot, slack_web_api: SlackWebApi, body: dict[str, Any]
) -> list[Any]:
    """Send `body` with the pasted set OPEN: its earlier answers and the Word draft come in
    the thread of the message. Returns the posts."""
    await _send(bot, body)
    posts = slack_web_api.calls_to("chat.postMessage")
    assert posts and {c.args["thread_ts"] for c in posts} == {body["event"]["ts"]}
    assert "Eerdere antwoorden voor 4 vragen" in posts[0].all_text()
    assert len([u for u in slack_web_api.uploads.values() if u.completed]) == 1
    return posts


async def test_a_question_in_the_dm_is_answered_in_the_dm_once(
    http_bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    body = fixtures.dm_text("vraag 47")
    for retry in (None, 1):  # Slack retries: answered once
        await _send(http_bot, body, retry)
    [post] = slack_web_api.calls_to("chat.postMessage")
    assert post.ok and post.args["channel"] == ids.DM_CHANNEL_ID
    assert "thread_ts" not in post.args or post.args["thread_ts"] is None
    assert "Gesloten gemeenschappen kunnen" in post.all_text()
    assert not slack_web_api.calls_to("chat.postEphemeral")


async def test_a_question_in_a_dm_thread_is_answered_in_that_thread(
    http_bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    await _send(
        http_bot, fixtures.dm_text("wat moet er deze maand af?", thread_ts="1763900000.000100")
    )
    [post] = slack_web_api.calls_to("chat.postMessage")
    assert post.args["thread_ts"] == "1763900000.000100"
    assert "Deadlines t/m" in post.all_text()


async def test_a_pasted_set_of_questions_gets_its_earlier_answers(
    http_bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    await _assert_earlier_answers(http_bot, slack_web_api, fixtures.dm_text(OPEN))


async def test_a_set_pasted_with_a_mention_gets_its_earlier_answers_in_the_thread(
    http_bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    # in a channel it was searched as one question, and got "Ik weet het niet zeker"
    posts = await _assert_earlier_answers(http_bot, slack_web_api, fixtures.app_mention(OPEN))
    assert {c.args["channel"] for c in posts} == {ids.CHANNEL_ID}
    # one question with a mention is still answered as a question
    await _send(http_bot, fixtures.app_mention("vraag 47"))
    assert (
        "Gesloten gemeenschappen kunnen"
        in slack_web_api.calls_to("chat.postMessage")[-1].all_text()
    )


async def test_edits_bots_and_empty_messages_in_the_dm_are_not_answered(
    http_bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    edited = fixtures.dm_text("vraag 47")
    edited["event"]["subtype"] = "message_changed"  # type: ignore[index]
    from_bot = fixtures.dm_text("vraag 47")
    from_bot["event"]["bot_id"] = "B0OTHERBOT"  # type: ignore[index]
    for body in (edited, from_bot, fixtures.dm_text("   ")):
        await _send(http_bot, body)
    assert slack_web_api.calls_to("chat.postMessage") == []


def test_a_set_needs_two_numbered_questions() -> None:
    assert is_question_set(OPEN)
    assert is_question_set("1. Wat is de taaleis?\n2. Sinds wanneer geldt die?")
    assert not is_question_set("Wat is de taaleis? En sinds wanneer geldt die?")
    assert not is_question_set("vraag 47")


async def test_help_in_the_dm_says_how_to_ask_there_and_in_a_channel(
    http_bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    await _send(http_bot, fixtures.dm_text("help"))
    [post] = slack_web_api.calls_to("chat.postMessage")
    assert post.all_text().startswith("Vraag me iets, bijvoorbeeld: wanneer is de nationale")
    assert "In een kanaal noem je me erbij" in post.all_text()
