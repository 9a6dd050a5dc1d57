"""The Slack app over real HTTP: a real aiohttp server on an ephemeral port, real signed
requests built from the payload fixtures, the Web API emulator as Slack.

Nothing of agendabot is mocked: settings, state (SQLite), bot, Bolt app, server.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from tests.slack import fixtures, ids, signing
from tests.slack.botapp import RunningBot, running_bot
from tests.slack.web_api import SlackWebApi, block_texts, check_blocks

from agendabot.core.bot.knowledge import Knowledge

ANSWER_47 = "Gesloten gemeenschappen kunnen"


@pytest.fixture
def bot(http_bot: RunningBot) -> RunningBot:
    return http_bot


def _all_text(message: dict[str, Any]) -> str:
    blocks = message.get("blocks") or []
    return "\n".join([str(message.get("text", "")), *block_texts(blocks)])


async def _command(bot: RunningBot, text: str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    status, body, _ = await signing.post(
        bot.events_url, signing.signed(fixtures.slash_command_body(text, **kwargs))
    )
    return status, (json.loads(body) if body.startswith("{") else {"raw": body})


# --- slash commands ------------------------------------------------------------------------------


async def test_vraag_47_is_answered_in_the_acknowledgement(bot: RunningBot) -> None:
    status, reply = await _command(bot, "47")
    assert status == 200
    assert ANSWER_47 in _all_text(reply)
    assert reply["response_type"] == "ephemeral"
    assert reply["text"], "a plain-text fallback is always set"
    assert check_blocks(reply.get("blocks", [])) == []
    buttons = [
        element
        for block in reply.get("blocks", [])
        if block["type"] == "actions"
        for element in block["elements"]
    ]
    assert any(b["action_id"] == "share_answer" and b["value"] == "47" for b in buttons)


async def test_free_text_question_gets_an_answer_or_candidates(bot: RunningBot) -> None:
    status, reply = await _command(bot, "wat zijn gesloten gemeenschappen?")
    assert status == 200
    assert reply["response_type"] == "ephemeral"
    assert check_blocks(reply.get("blocks", [])) == []
    assert ANSWER_47.lower() in _all_text(reply).lower() or "show_answer" in json.dumps(reply)


async def test_agenda_deadlines_answers(bot: RunningBot) -> None:
    status, reply = await _command(bot, "deadlines", command="/agenda")
    assert status == 200
    assert reply["text"]
    assert check_blocks(reply.get("blocks", [])) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x" * 10_000,
        "<!channel> &lt;!channel&gt; <@U123> *vet* <https://evil.example|klik>",
        "🙂🙃" * 50,
    ],
    ids=["empty", "10000-chars", "pings-and-links", "emoji"],
)
async def test_hostile_command_text_gets_a_polite_reply_without_pings(
    bot: RunningBot, text: str
) -> None:
    status, reply = await _command(bot, text)
    assert status == 200
    rendered = _all_text(reply)
    assert rendered.strip()
    assert "<!channel>" not in rendered and "<@U123>" not in rendered
    assert "Traceback" not in rendered
    assert check_blocks(reply.get("blocks", [])) == []


async def test_command_outside_the_allowed_channels_is_refused_politely(
    slack_web_api: SlackWebApi, knowledge: Knowledge, tmp_path: Path
) -> None:
    async with running_bot(
        slack_web_api, knowledge, tmp_path, mode="http", allowed_channels="C0OTHER01"
    ) as bot:
        status, reply = await _command(bot, "47")
    assert status == 200
    assert ANSWER_47 not in _all_text(reply)
    assert "kanaal" in reply["text"]
    assert reply["response_type"] == "ephemeral"


async def test_the_channel_allowlist_answers_inside_and_stays_silent_outside(
    slack_web_api: SlackWebApi, knowledge: Knowledge, tmp_path: Path
) -> None:
    """ALLOWED_CHANNELS: commands and mentions in a listed channel are answered; a mention
    elsewhere gets no reply at all (a command elsewhere gets the polite refusal above)."""
    async with running_bot(
        slack_web_api,
        knowledge,
        tmp_path,
        mode="http",
        allowed_channels=f"C0OTHER01,{ids.CHANNEL_ID}",
    ) as bot:
        status, reply = await _command(bot, "47")
        assert status == 200 and ANSWER_47 in _all_text(reply)
        inside = fixtures.app_mention("vraag 47")
        outside = fixtures.app_mention("vraag 47", channel="C0ELSEWH1")
        for event in (outside, inside):
            status, _, _ = await signing.post(
                bot.events_url, signing.signed(fixtures.event_body(event))
            )
            assert status == 200
        await bot.settle()
    [posted] = slack_web_api.calls_to("chat.postMessage", "chat.postEphemeral")
    assert posted.args["channel"] == ids.CHANNEL_ID and ANSWER_47 in posted.all_text()


# --- request signing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make", [signing.forged, signing.stale], ids=["forged", "five-minutes-old"]
)
async def test_unsigned_requests_are_refused(bot: RunningBot, make: Any) -> None:
    status, body, _ = await signing.post(bot.events_url, make(fixtures.slash_command_body("47")))
    assert status == 401
    assert ANSWER_47 not in body


async def test_tampered_body_is_refused(bot: RunningBot) -> None:
    request = signing.tampered(fixtures.slash_command_body("47"), fixtures.slash_command_body("48"))
    status, _, _ = await signing.post(bot.events_url, request)
    assert status == 401


async def test_url_verification_challenge(bot: RunningBot) -> None:
    body = fixtures.event_body(fixtures.url_verification("uitdaging-123"))
    status, text, _ = await signing.post(bot.events_url, signing.signed(body))
    assert status == 200
    assert json.loads(text) == {"challenge": "uitdaging-123"}


# --- mentions ------------------------------------------------------------------------------------


async def test_mention_is_answered_once_in_its_thread_also_when_slack_retries(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    event = fixtures.app_mention("vraag 47")
    body = fixtures.event_body(event)
    status, _, _ = await signing.post(bot.events_url, signing.signed(body))
    assert status == 200
    await slack_web_api.wait_for("chat.postMessage")
    await bot.settle()
    for attempt in (1, 2, 3):  # Slack retries up to three times
        request = signing.signed(body, retry_num=attempt, retry_reason="http_timeout")
        status, _, _ = await signing.post(bot.events_url, request)
        assert status == 200
    await bot.settle()
    [posted] = slack_web_api.calls_to("chat.postMessage")
    assert posted.ok
    assert posted.args["thread_ts"] == event["event"]["ts"]
    assert posted.args["channel"] == ids.CHANNEL_ID
    assert ANSWER_47 in posted.all_text()


async def test_mention_inside_a_thread_is_answered_in_that_thread(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    event = fixtures.app_mention("vraag 47", in_thread=True)
    await signing.post(bot.events_url, signing.signed(fixtures.event_body(event)))
    [posted] = await slack_web_api.wait_for("chat.postMessage")
    assert posted.args["thread_ts"] == event["event"]["thread_ts"] != event["event"]["ts"]


async def test_simultaneous_deliveries_of_one_event_answer_once(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    body = fixtures.event_body(fixtures.app_mention("wanneer is de nationale dialoog?"))
    requests = [signing.signed(body, retry_num=n) if n else signing.signed(body) for n in range(3)]
    results = await asyncio.gather(*(signing.post(bot.events_url, r) for r in requests))
    assert [status for status, _, _ in results] == [200, 200, 200]
    await bot.settle()
    assert len(slack_web_api.calls_to("chat.postMessage")) == 1


async def test_two_mentions_are_two_answers(bot: RunningBot, slack_web_api: SlackWebApi) -> None:
    for question in ("vraag 47", "vraag 48"):
        body = fixtures.event_body(fixtures.app_mention(question))
        await signing.post(bot.events_url, signing.signed(body))
    await bot.settle()
    assert len(slack_web_api.calls_to("chat.postMessage")) == 2


async def test_the_bots_own_messages_are_ignored(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    own = fixtures.app_mention("vraag 47", user=ids.BOT_USER_ID)
    other_bot = fixtures.app_mention("vraag 47")
    other_bot["event"]["bot_id"] = "B0OTHERBOT"
    for event in (own, other_bot):
        status, _, _ = await signing.post(
            bot.events_url, signing.signed(fixtures.event_body(event))
        )
        assert status == 200
    await bot.settle()
    # A real mention afterwards is answered: the two above were dropped, not delayed.
    await signing.post(
        bot.events_url, signing.signed(fixtures.event_body(fixtures.app_mention("vraag 47")))
    )
    await slack_web_api.wait_for("chat.postMessage")
    await bot.settle()
    assert len(slack_web_api.calls_to("chat.postMessage")) == 1


# --- buttons and App Home ------------------------------------------------------------------------


async def test_share_button_posts_the_answer_for_everyone(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    payload = fixtures.block_actions("47", response_url=slack_web_api.response_url("share-1"))
    status, _, _ = await signing.post(
        bot.events_url, signing.signed(fixtures.interactive_body(payload))
    )
    assert status == 200
    [post] = await slack_web_api.wait_for_response_posts(1, key="share-1")
    assert post.status == 200
    assert post.body["response_type"] == "in_channel"
    assert post.body.get("replace_original") is not True
    assert ANSWER_47 in post.all_text()


async def _click(
    bot: RunningBot, slack_web_api: SlackWebApi, action_id: str, value: str, label: str
) -> Any:
    """A signed click on a button of an ephemeral message; the one post to its response_url."""
    payload = fixtures.block_actions(
        value, action_id=action_id, label=label, response_url=slack_web_api.response_url(value)
    )
    await signing.post(bot.events_url, signing.signed(fixtures.interactive_body(payload)))
    [post] = await slack_web_api.wait_for_response_posts(1, key=value)
    return post


async def test_show_answer_button_shows_it_to_the_clicker(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    post = await _click(bot, slack_web_api, "show_answer", "47", "Toon antwoord")
    assert post.status == 200
    assert post.body["response_type"] == "ephemeral"
    assert ANSWER_47 in post.all_text()


async def test_afgerond_button_marks_the_promise_and_tells_the_clicker(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    post = await _click(bot, slack_web_api, "mark_done", "nationale-dialoog", "Afgerond melden")
    assert post.status == 200 and post.body["response_type"] == "ephemeral"
    assert "Nationale dialoog met sleutelfiguren (motie-Ceder)” is afgerond" in post.all_text()


async def test_replies_and_api_calls_share_one_open_connection(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    """Three clicks, three posts to their response_urls: all from the bot's one HTTP
    session, so they come over one kept-alive connection (in production: no new TLS
    handshake with Slack per reply). The Web API client uses that session too."""
    for n in range(3):
        payload = fixtures.block_actions("47", response_url=slack_web_api.response_url(f"keep-{n}"))
        await signing.post(bot.events_url, signing.signed(fixtures.interactive_body(payload)))
        await slack_web_api.wait_for_response_posts(1, key=f"keep-{n}")
    posts = [p for p in slack_web_api.response_posts if p.key.startswith("keep-")]
    assert len(posts) == 3 and all(p.status == 200 for p in posts)
    assert posts[0].peer is not None
    assert len({p.peer for p in posts}) == 1, [p.peer for p in posts]
    assert bot.app.client.session is not None and not bot.app.client.session.closed


async def test_app_home_is_published(bot: RunningBot, slack_web_api: SlackWebApi) -> None:
    body = fixtures.event_body(fixtures.app_home_opened(ids.USER_ID))
    status, _, _ = await signing.post(bot.events_url, signing.signed(body))
    assert status == 200
    [call] = await slack_web_api.wait_for("views.publish")
    await bot.settle()
    assert call.ok, call.response
    assert call.args["user_id"] == ids.USER_ID
    assert call.args["view"]["type"] == "home"
    assert 1 <= len(call.blocks) <= 100


# --- malformed requests: 4xx or a polite reply, never a 500 --------------------------------------


def _signed_raw(body: str, content_type: str) -> signing.SignedRequest:
    return signing.signed(body, content_type=content_type)


MALFORMED: dict[str, tuple[str, str]] = {
    "bad-json": ("{not json", signing.JSON),
    "json-array": ("[1, 2, 3]", signing.JSON),
    "json-string": ('"event_callback"', signing.JSON),
    "empty-body": ("", signing.JSON),
    "event-without-event": ('{"type": "event_callback", "event_id": "Ev1"}', signing.JSON),
    "event-wrong-types": (
        json.dumps(
            {
                "type": "event_callback",
                "event_id": 5,
                "team_id": ids.TEAM_ID,
                "event": {"type": "app_mention", "text": 5, "user": [], "channel": {}, "ts": 1},
            }
        ),
        signing.JSON,
    ),
    "event-is-a-list": (
        json.dumps({"type": "event_callback", "event_id": "Ev2", "event": ["app_mention"]}),
        signing.JSON,
    ),
    "interactive-bad-json": ("payload=%7Bnot-json", signing.FORM),
    "interactive-no-actions": (
        fixtures.interactive_body({"type": "block_actions", "user": {"id": ids.USER_ID}}),
        signing.FORM,
    ),
    "interactive-wrong-types": (
        fixtures.interactive_body(
            {"type": "block_actions", "user": "U1", "actions": [{"action_id": 7}]}
        ),
        signing.FORM,
    ),
    "command-missing-fields": ("command=%2Fvraag", signing.FORM),
    "command-unknown": (fixtures.slash_command_body("47", command="/onbekend"), signing.FORM),
    "form-garbage": ("%%%&&&===", signing.FORM),
}


@pytest.mark.parametrize("name", list(MALFORMED))
async def test_malformed_bodies_never_get_a_500(
    bot: RunningBot, slack_web_api: SlackWebApi, name: str
) -> None:
    body, content_type = MALFORMED[name]
    status, text, _ = await signing.post(bot.events_url, _signed_raw(body, content_type))
    assert status < 500, (status, text)
    assert "Traceback" not in text
    await bot.settle()
    assert slack_web_api.calls_to("chat.postMessage") == []
    if status == 200 and text.startswith("{") and name.startswith("command"):
        assert json.loads(text)["text"]  # a polite sentence, not an empty ack


async def test_command_without_user_gets_a_polite_sentence(bot: RunningBot) -> None:
    status, text, _ = await signing.post(
        bot.events_url, signing.signed("command=%2Fvraag&text=47", content_type=signing.FORM)
    )
    assert status == 200
    reply = json.loads(text)
    assert reply["response_type"] == "ephemeral"
    assert "niet lezen" in reply["text"]


async def test_invalid_utf8_body_is_a_400(bot: RunningBot) -> None:
    request = signing.signed("x", content_type=signing.JSON)
    raw = b'{"type": "\xff\xfe"}'
    bad = signing.SignedRequest(body=raw, headers=request.headers)
    status, _, _ = await signing.post(bot.events_url, bad)
    assert status in (400, 401)


async def test_huge_payload_is_refused_with_413(bot: RunningBot) -> None:
    body = fixtures.slash_command_body("x" * (2 * 1024 * 1024))
    status, _, _ = await signing.post(bot.events_url, signing.signed(body))
    assert status == 413


async def test_unsigned_garbage_is_401_not_400(bot: RunningBot) -> None:
    status, _, _ = await signing.post(bot.events_url, signing.forged("{not json"))
    assert status == 401


# --- health --------------------------------------------------------------------------------------


async def test_healthz_reports_content_and_database(bot: RunningBot) -> None:
    import aiohttp

    async with (
        aiohttp.ClientSession(trust_env=False) as session,
        session.get(bot.url + "/healthz") as response,
    ):
        assert response.status == 200
        report = await response.json()
    assert report["status"] == "ok"
    assert report["database"] == "ok"
    assert report["content"]["questions"] >= 235
    assert report["content"]["commitments"] > 0


async def test_healthz_is_503_while_the_database_is_away(bot: RunningBot) -> None:
    import aiohttp

    await bot.store.close()
    database = Path(bot.settings.database_url.get_secret_value().removeprefix("sqlite:///"))
    moved = database.with_suffix(".away")
    database.rename(moved)
    database.mkdir()  # a directory where the file was: SQLite cannot open it
    try:
        async with (
            aiohttp.ClientSession(trust_env=False) as session,
            session.get(bot.url + "/healthz") as response,
        ):
            assert response.status == 503
            report = await response.json()
        assert report["status"] == "unhealthy" and report["database"] == "unreachable"
    finally:
        database.rmdir()
        moved.rename(database)
    async with (
        aiohttp.ClientSession(trust_env=False) as session,
        session.get(bot.url + "/healthz") as response,
    ):
        assert response.status == 200
