"""The Slack app in Socket Mode: bolt's `AsyncSocketModeHandler` with slack_sdk's real
`SocketModeClient`, connected to the Socket Mode emulator (which `apps.connections.open`
on the Web API emulator points at). The same flows as over HTTP, plus a replay after a
reconnect.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from tests.slack import fixtures, ids
from tests.slack.botapp import RunningBot, running_bot
from tests.slack.socket_mode import SocketModeEmulator
from tests.slack.web_api import SlackWebApi, block_texts, check_blocks

from agendabot.content.knowledge import load_knowledge
from agendabot.core.bot.knowledge import Knowledge
from agendabot.observability import REGISTRY

ANSWER_47 = "Gesloten gemeenschappen kunnen"


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


@pytest.fixture
async def bot(
    slack_web_api: SlackWebApi,
    socket_mode: SocketModeEmulator,
    knowledge: Knowledge,
    tmp_path: Path,
) -> AsyncIterator[RunningBot]:
    async with running_bot(slack_web_api, knowledge, tmp_path, mode="socket") as running:
        await socket_mode.wait_connected()
        yield running


async def test_connects_with_the_app_token(
    bot: RunningBot, slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    [opened] = slack_web_api.calls_to("apps.connections.open")
    assert opened.token == ids.APP_TOKEN and opened.ok
    assert socket_mode.refused_tickets == []


async def test_vraag_47_is_answered_in_the_envelope_ack(
    bot: RunningBot, socket_mode: SocketModeEmulator
) -> None:
    envelope = await socket_mode.send_slash_command(fixtures.slash_command("47"))
    ack = await socket_mode.wait_ack(envelope.envelope_id)
    assert ack.payload is not None
    text = "\n".join([ack.payload.get("text", ""), *block_texts(ack.payload.get("blocks", []))])
    assert ANSWER_47 in text
    assert ack.payload["response_type"] == "ephemeral"
    assert check_blocks(ack.payload.get("blocks", [])) == []
    assert ack.latency is not None and ack.latency < 1.0


async def test_socket_mode_requests_are_counted_and_timed(
    bot: RunningBot, socket_mode: SocketModeEmulator
) -> None:
    """`handled_total` and the acknowledgement latency, per kind, for Socket Mode too."""

    def counts() -> tuple[float, float]:
        handled = {"kind": "command", "command": "/vraag"}
        timed = {"kind": "command", "mode": "socket"}
        return (
            REGISTRY.get_sample_value("agendabot_handled_total", handled) or 0.0,
            REGISTRY.get_sample_value("agendabot_ack_latency_seconds_count", timed) or 0.0,
        )

    handled, timed = counts()
    envelope = await socket_mode.send_slash_command(fixtures.slash_command("47"))
    await socket_mode.wait_ack(envelope.envelope_id)
    for _ in range(100):  # the latency is recorded just after the ack has gone out
        if counts() == (handled + 1, timed + 1):
            break
        await asyncio.sleep(0.02)
    assert counts() == (handled + 1, timed + 1)


async def test_agenda_help_is_answered(bot: RunningBot, socket_mode: SocketModeEmulator) -> None:
    envelope = await socket_mode.send_slash_command(
        fixtures.slash_command("help", command="/agenda")
    )
    ack = await socket_mode.wait_ack(envelope.envelope_id)
    assert ack.payload is not None and ack.payload["text"]
    assert "/agenda" in ack.payload["text"] + str(ack.payload.get("blocks", ""))


async def test_mention_is_answered_once_in_its_thread(
    bot: RunningBot, slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    event = fixtures.app_mention("vraag 47")
    envelope = await socket_mode.send_event(event)
    ack = await socket_mode.wait_ack(envelope.envelope_id)
    assert ack.payload is None  # events are acknowledged without a payload
    [posted] = await slack_web_api.wait_for("chat.postMessage")
    await bot.settle()
    assert posted.ok
    assert posted.args["thread_ts"] == event["event"]["ts"]
    assert ANSWER_47 in posted.all_text()


async def test_a_question_in_the_dm_is_answered_in_the_dm(
    bot: RunningBot, slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    envelope = await socket_mode.send_event(fixtures.dm_text("vraag 47"))
    await socket_mode.wait_ack(envelope.envelope_id)
    [posted] = await slack_web_api.wait_for("chat.postMessage")
    await bot.settle()
    assert posted.ok and posted.args["channel"] == ids.DM_CHANNEL_ID
    assert ANSWER_47 in posted.all_text()


async def test_replayed_envelope_after_reconnect_is_answered_once(
    bot: RunningBot, slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    event = fixtures.app_mention("wanneer is de nationale dialoog?")
    first = await socket_mode.send_event(event)
    await socket_mode.wait_ack(first.envelope_id)
    await slack_web_api.wait_for("chat.postMessage")
    await bot.settle()

    await socket_mode.drop()
    await socket_mode.wait_connected(count=2, timeout=10)
    again = await socket_mode.replay(first)  # same envelope, retry_attempt 1
    await socket_mode.wait_ack(again.envelope_id, count=2)
    fresh = await socket_mode.replay(first, new_envelope_id=True)  # Slack's own retry
    await socket_mode.wait_ack(fresh.envelope_id)
    await bot.settle()

    assert len(slack_web_api.calls_to("apps.connections.open")) == 2
    [posted] = slack_web_api.calls_to("chat.postMessage")
    assert posted.args["thread_ts"] == event["event"]["ts"]


async def test_the_bots_own_mention_is_ignored(
    bot: RunningBot, slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    own = await socket_mode.send_event(fixtures.app_mention("vraag 47", user=ids.BOT_USER_ID))
    await socket_mode.wait_ack(own.envelope_id)
    real = await socket_mode.send_event(fixtures.app_mention("vraag 48"))
    await socket_mode.wait_ack(real.envelope_id)
    await slack_web_api.wait_for("chat.postMessage")
    await bot.settle()
    assert len(slack_web_api.calls_to("chat.postMessage")) == 1


async def test_share_button_posts_for_everyone(
    bot: RunningBot, slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    payload = fixtures.block_actions("47", response_url=slack_web_api.response_url("share-s"))
    envelope = await socket_mode.send_interactive(payload)
    await socket_mode.wait_ack(envelope.envelope_id)
    [post] = await slack_web_api.wait_for_response_posts(1, key="share-s")
    assert post.status == 200
    assert post.body["response_type"] == "in_channel"
    assert ANSWER_47 in post.all_text()


async def test_app_home_is_published(
    bot: RunningBot, slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    envelope = await socket_mode.send_event(fixtures.app_home_opened(ids.USER_ID))
    await socket_mode.wait_ack(envelope.envelope_id)
    [call] = await slack_web_api.wait_for("views.publish")
    await bot.settle()
    assert call.ok, call.response
    assert call.args["user_id"] == ids.USER_ID
    assert 1 <= len(call.blocks) <= 100


async def test_malformed_envelope_payload_does_not_break_the_connection(
    bot: RunningBot, slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    broken = {"type": "event_callback", "event_id": 7, "event": {"type": "app_mention"}}
    envelope = await socket_mode.send("events_api", broken)
    await socket_mode.wait_ack(envelope.envelope_id)
    # Still connected and answering.
    ok = await socket_mode.send_slash_command(fixtures.slash_command("47"))
    ack = await socket_mode.wait_ack(ok.envelope_id)
    assert ack.payload is not None and ANSWER_47 in str(ack.payload)
    await bot.settle()
    assert slack_web_api.calls_to("chat.postMessage") == []
