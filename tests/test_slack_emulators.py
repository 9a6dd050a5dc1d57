"""The Slack emulators against the real clients: slack_sdk's AsyncWebClient, its Socket Mode
client, AsyncWebhookClient (response_url) and a bare Bolt app.

These prove the test doubles behave like Slack where it matters, so the Slack-app tests that
build on them test the bot, not the emulator.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp
import pytest
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.models.blocks import SectionBlock
from slack_sdk.signature import SignatureVerifier
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient
from tests.slack import fixtures, ids, signing
from tests.slack.socket_mode import SocketModeEmulator
from tests.slack.web_api import SlackWebApi

from agendabot.core.reply.model import Button, Buttons, Context, Header, Link, Paragraph, Reply
from agendabot.slack.blocks import render_home, render_message


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


# --- Web API -------------------------------------------------------------------------------------


async def test_auth_test_answers_the_bot_identity(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    response = await slack_client.auth_test()
    assert response["user_id"] == ids.BOT_USER_ID
    assert response["bot_id"] == ids.BOT_ID
    assert response["team_id"] == ids.TEAM_ID
    [call] = slack_web_api.calls_to("auth.test")
    assert call.headers["Authorization"] == f"Bearer {ids.BOT_TOKEN}"
    assert call.token == ids.BOT_TOKEN


async def test_wrong_or_missing_token_is_refused(slack_web_api: SlackWebApi) -> None:
    wrong = AsyncWebClient(token="xoxb-someone-else", base_url=slack_web_api.api_url)
    with pytest.raises(SlackApiError) as raised:
        await wrong.auth_test()
    assert raised.value.response["error"] == "invalid_auth"
    anonymous = AsyncWebClient(base_url=slack_web_api.api_url)
    with pytest.raises(SlackApiError) as raised:
        await anonymous.chat_postMessage(channel=ids.CHANNEL_ID, text="hoi")
    assert raised.value.response["error"] == "not_authed"


async def test_post_message_is_recorded_with_decoded_blocks(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    response = await slack_client.chat_postMessage(
        channel=ids.CHANNEL_ID,
        text="Antwoord op vraag 47",
        blocks=[SectionBlock(text="*Vraag 47*")],
        thread_ts="1763900000.123456",
    )
    assert response["ok"] and response["channel"] == ids.CHANNEL_ID
    assert response["message"]["thread_ts"] == "1763900000.123456"
    [call] = slack_web_api.messages()
    assert call.args["blocks"][0]["text"]["text"] == "*Vraag 47*"
    assert call.args["thread_ts"] == "1763900000.123456"
    assert call.headers["Content-Type"].startswith("application/json")
    assert "Vraag 47" in call.all_text()


async def test_form_encoded_calls_are_parsed_like_json_ones(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    blocks = [_section("via formulier")]
    await slack_client.api_call(
        "chat.postMessage",
        params={"channel": ids.CHANNEL_ID, "text": "formulier", "blocks": json.dumps(blocks)},
    )
    [call] = slack_web_api.calls_to("chat.postMessage")
    assert call.headers["Content-Type"].startswith("application/x-www-form-urlencoded")
    assert call.args["blocks"] == blocks
    assert call.ok


async def test_ephemeral_update_conversations_info(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    posted = await slack_client.chat_postEphemeral(
        channel=ids.CHANNEL_ID, user=ids.USER_ID, text="alleen voor jou"
    )
    assert posted["message_ts"]
    updated = await slack_client.chat_update(
        channel=ids.CHANNEL_ID, ts="1763900000.000001", text="bijgewerkt"
    )
    assert updated["text"] == "bijgewerkt"
    info = await slack_client.conversations_info(channel=ids.CHANNEL_ID)
    assert info["channel"]["name"] == ids.CHANNEL_NAME
    with pytest.raises(SlackApiError) as raised:
        await slack_client.conversations_info(channel="C0NOSUCH")
    assert raised.value.response["error"] == "channel_not_found"
    assert [c.method for c in slack_web_api.messages()] == ["chat.postEphemeral", "chat.update"]


async def test_429_then_success_with_the_rate_limit_retry_handler(
    slack_web_api: SlackWebApi,
) -> None:
    client = AsyncWebClient(
        token=ids.BOT_TOKEN,
        base_url=slack_web_api.api_url,
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=2)],
    )
    slack_web_api.fail_next("chat.postMessage", times=1, status=429, retry_after=1)
    started = time.monotonic()
    response = await client.chat_postMessage(channel=ids.CHANNEL_ID, text="na het wachten")
    elapsed = time.monotonic() - started
    assert response["ok"]
    assert [c.status for c in slack_web_api.calls_to("chat.postMessage")] == [429, 200]
    assert elapsed >= 1.0, "Retry-After was not honoured"


async def test_429_without_a_handler_surfaces_retry_after(slack_web_api: SlackWebApi) -> None:
    client = AsyncWebClient(token=ids.BOT_TOKEN, base_url=slack_web_api.api_url)
    slack_web_api.fail_next("chat.postMessage", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as raised:
        await client.chat_postMessage(channel=ids.CHANNEL_ID, text="te snel")
    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "7"
    assert raised.value.response["error"] == "ratelimited"
    # The fault was used up: the next call goes through.
    assert (await client.chat_postMessage(channel=ids.CHANNEL_ID, text="nu wel"))["ok"]


async def test_server_error_is_answered_with_its_status(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    slack_web_api.fail_next("chat.postMessage", status=503)
    with pytest.raises(SlackApiError) as raised:
        await slack_client.chat_postMessage(channel=ids.CHANNEL_ID, text="storing")
    assert raised.value.response.status_code == 503
    assert [c.status for c in slack_web_api.calls_to("chat.postMessage")] == [503]


async def test_dropped_connection_is_retried_by_slack_sdk(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    slack_web_api.drop_next("chat.postMessage")
    response = await slack_client.chat_postMessage(channel=ids.CHANNEL_ID, text="opnieuw")
    assert response["ok"]
    calls = slack_web_api.calls_to("chat.postMessage")
    assert [(c.status, c.response is None) for c in calls] == [(0, True), (200, False)]


async def test_dropped_connections_beyond_the_retries_raise(slack_web_api: SlackWebApi) -> None:
    client = AsyncWebClient(token=ids.BOT_TOKEN, base_url=slack_web_api.api_url)  # 1 retry
    slack_web_api.drop_next("chat.postMessage", times=2)
    with pytest.raises(aiohttp.ClientError):
        await client.chat_postMessage(channel=ids.CHANNEL_ID, text="weg")
    assert len(slack_web_api.calls_to("chat.postMessage")) == 2


async def test_slow_answer_and_wait_for(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    slack_web_api.slow_next("chat.postMessage", 0.3)
    task = asyncio.create_task(slack_client.chat_postMessage(channel=ids.CHANNEL_ID, text="x"))
    [call] = await slack_web_api.wait_for("chat.postMessage", timeout=2)
    assert call.response is None  # recorded before it is answered
    await task
    assert call.ok


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ({"text": "x", "blocks": [_section("x")] * 51}, "invalid_blocks"),
        ({"text": "x", "blocks": [_section("x" * 3001)]}, "invalid_blocks"),
        ({"text": "x", "blocks": [_section("")]}, "invalid_blocks"),
        (
            {
                "text": "x",
                "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "k" * 151}}],
            },
            "invalid_blocks",
        ),
        (
            {
                "text": "x",
                "blocks": [
                    {
                        "type": "actions",
                        "elements": [
                            {
                                "type": "button",
                                "action_id": "a",
                                "text": {"type": "plain_text", "text": "b" * 76},
                            }
                        ],
                    }
                ],
            },
            "invalid_blocks",
        ),
        (
            {
                "text": "x",
                "blocks": [
                    {
                        "type": "actions",
                        "elements": [
                            {
                                "type": "button",
                                "action_id": "same",
                                "text": {"type": "plain_text", "text": "een"},
                            },
                            {
                                "type": "button",
                                "action_id": "same",
                                "text": {"type": "plain_text", "text": "twee"},
                            },
                        ],
                    }
                ],
            },
            "invalid_blocks",
        ),
        ({"text": "x", "blocks": [_section("y" * 2900)] * 5}, "msg_blocks_too_long"),
        ({"text": "z" * 40_001}, "msg_too_long"),
        ({"text": "  "}, "no_text"),
    ],
    ids=[
        "51-blocks",
        "section-3001",
        "empty-section",
        "header-151",
        "button-76",
        "duplicate-action-id",
        "14500-chars",
        "text-40001",
        "no-text",
    ],
)
async def test_messages_over_block_kit_limits_are_refused(
    slack_client: AsyncWebClient,
    slack_web_api: SlackWebApi,
    message: dict[str, Any],
    error: str,
) -> None:
    with pytest.raises(SlackApiError) as raised:
        await slack_client.api_call("chat.postMessage", json={"channel": ids.CHANNEL_ID, **message})
    assert raised.value.response["error"] == error
    assert slack_web_api.messages() == []


async def test_limits_are_inclusive(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "k" * 150}},
        _section("x" * 3000),
        *[_section("y") for _ in range(48)],
    ]
    response = await slack_client.api_call(
        "chat.postMessage", json={"channel": ids.CHANNEL_ID, "text": "x", "blocks": blocks}
    )
    assert response["ok"]


async def test_blocks_without_text_fallback_are_posted_with_a_warning(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.warns(UserWarning, match="top-level `text`"):  # slack_sdk warns too
        await slack_client.chat_postMessage(channel=ids.CHANNEL_ID, blocks=[_section("geen")])
    assert slack_web_api.warnings == [
        "chat.postMessage: blocks without a top-level `text` fallback"
    ]
    assert "without a top-level `text` fallback" in caplog.text


async def test_rendered_replies_pass_the_emulator_checks(
    slack_client: AsyncWebClient, slack_web_api: SlackWebApi
) -> None:
    huge = "Gesloten gemeenschappen kunnen <!channel> & <@U123> 😀 raken. " * 800
    reply = Reply(
        parts=(
            Header("Vraag 47 " * 40),
            *(Paragraph(huge) for _ in range(3)),
            Context(
                ("Bron: ", Link("Kamerstuk 32 824, nr. 451", "https://example.org/451")),
            ),
            Buttons(tuple(Button(f"Toon {n}", "show", str(n)) for n in range(30))),
        ),
        more_url="https://example.org/451",
    )
    message = render_message(reply)
    response = await slack_client.chat_postMessage(channel=ids.CHANNEL_ID, **message.to_dict())
    assert response["ok"], response
    [call] = slack_web_api.messages()
    assert "<!channel>" not in call.all_text()
    assert "&lt;!channel&gt;" in call.all_text()
    assert "(ingekort)" in call.all_text()
    assert slack_web_api.warnings == []

    home = render_home(Reply(parts=tuple(Paragraph(f"regel {n}") for n in range(150))))
    published = await slack_client.views_publish(user_id=ids.USER_ID, view=home)
    assert published["ok"]
    assert len(slack_web_api.calls_to("views.publish")[0].blocks) == 100


async def test_views_publish_refuses_more_than_100_blocks(
    slack_client: AsyncWebClient,
) -> None:
    view = {"type": "home", "blocks": [_section(str(n)) for n in range(101)]}
    with pytest.raises(SlackApiError) as raised:
        await slack_client.views_publish(user_id=ids.USER_ID, view=view)
    assert raised.value.response["error"] == "invalid_arguments"


async def test_response_url_records_posts_and_allows_five(slack_web_api: SlackWebApi) -> None:
    webhook = AsyncWebhookClient(url=slack_web_api.response_url("cmd-1"))
    for n in range(5):
        response = await webhook.send(text=f"antwoord {n}", response_type="in_channel")
        assert (response.status_code, response.body) == (200, "ok")
    sixth = await webhook.send(text="te veel")
    assert (sixth.status_code, sixth.body) == (404, "used_url")
    refused = await AsyncWebhookClient(url=slack_web_api.response_url("cmd-2")).send(
        text="x", blocks=[_section("x" * 3001)]
    )
    assert (refused.status_code, refused.body) == (400, "invalid_blocks")
    posts = await slack_web_api.wait_for_response_posts(7)
    assert posts[0].body == {"text": "antwoord 0", "response_type": "in_channel"}
    assert [p.key for p in posts] == ["cmd-1"] * 6 + ["cmd-2"]


async def test_response_url_faults(slack_web_api: SlackWebApi) -> None:
    slack_web_api.fail_next("response_url", status=500)
    webhook = AsyncWebhookClient(url=slack_web_api.response_url("r"))
    assert (await webhook.send(text="a")).status_code == 500
    assert (await webhook.send(text="b")).status_code == 200


# --- Socket Mode ---------------------------------------------------------------------------------


class _Recorder:
    """A Socket Mode request listener that acknowledges like Bolt does."""

    def __init__(self, ack_payload: dict[str, Any] | None = None) -> None:
        self.requests: list[SocketModeRequest] = []
        self.ack_payload = ack_payload

    async def __call__(self, client: SocketModeClient, request: SocketModeRequest) -> None:
        self.requests.append(request)
        payload = self.ack_payload if request.accepts_response_payload else None
        await client.send_socket_mode_response(
            SocketModeResponse(envelope_id=request.envelope_id, payload=payload)
        )


async def _socket_client(api: SlackWebApi, recorder: _Recorder) -> SocketModeClient:
    client = SocketModeClient(
        app_token=ids.APP_TOKEN,
        web_client=AsyncWebClient(base_url=api.api_url),
        ping_interval=0.5,
    )
    client.socket_mode_request_listeners.append(recorder)  # type: ignore[arg-type]
    await client.connect()
    return client


async def test_socket_mode_client_connects_and_acks_a_slash_command(
    slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    recorder = _Recorder(ack_payload={"text": "Vraag 47 …"})
    client = await _socket_client(slack_web_api, recorder)
    try:
        await socket_mode.wait_connected()
        [opened] = slack_web_api.calls_to("apps.connections.open")
        assert opened.token == ids.APP_TOKEN and opened.ok

        payload = fixtures.slash_command("47", response_url=slack_web_api.response_url("c1"))
        envelope = await socket_mode.send_slash_command(payload)
        ack = await socket_mode.wait_ack(envelope.envelope_id)
        assert ack.payload == {"text": "Vraag 47 …"}
        assert ack.latency is not None and 0 <= ack.latency < 2
        [request] = recorder.requests
        assert request.type == "slash_commands"
        assert request.payload["command"] == "/vraag" and request.payload["text"] == "47"
        assert request.accepts_response_payload is True
    finally:
        await client.close()


async def test_socket_mode_reconnect_and_replay(
    slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    recorder = _Recorder()
    client = await _socket_client(slack_web_api, recorder)
    try:
        await socket_mode.wait_connected()
        event = fixtures.app_mention("vraag 47")
        first = await socket_mode.send_event(event)
        await socket_mode.wait_ack(first.envelope_id)

        await socket_mode.drop()
        await socket_mode.wait_connected(count=2, timeout=10)
        assert len(slack_web_api.calls_to("apps.connections.open")) == 2

        again = await socket_mode.replay(first)
        ack = await socket_mode.wait_ack(again.envelope_id, count=2)
        assert ack.payload is None
        assert [r.retry_attempt for r in recorder.requests] == [0, 1]
        assert [r.payload["event_id"] for r in recorder.requests] == [event["event_id"]] * 2
        assert recorder.requests[1].retry_reason == "timeout"

        await socket_mode.request_refresh()
        await socket_mode.wait_connected(count=3, timeout=10)
        assert socket_mode.refused_tickets == []
    finally:
        await client.close()


async def test_bolt_socket_mode_handler_against_both_emulators(
    slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    """A bare Bolt app: auth.test on first use, ack with a payload, say() in the thread."""
    app = AsyncApp(client=AsyncWebClient(token=ids.BOT_TOKEN, base_url=slack_web_api.api_url))

    @app.command("/vraag")
    async def vraag(ack: Any, command: dict[str, Any]) -> None:
        await ack(text=f"Je vroeg {command['text']}")

    @app.event("app_mention")
    async def mention(event: dict[str, Any], say: Any) -> None:
        await say(text="antwoord", thread_ts=event.get("thread_ts") or event["ts"])

    handler = AsyncSocketModeHandler(app, ids.APP_TOKEN, ping_interval=0.5)
    await handler.connect_async()
    try:
        await socket_mode.wait_connected()
        envelope = await socket_mode.send_slash_command(fixtures.slash_command("47"))
        ack = await socket_mode.wait_ack(envelope.envelope_id)
        assert ack.payload == {"text": "Je vroeg 47"}

        event = fixtures.app_mention("wanneer is de nationale dialoog?")
        await socket_mode.send_event(event)
        [posted] = await slack_web_api.wait_for("chat.postMessage")
        assert posted.args["thread_ts"] == event["event"]["ts"]
        assert posted.args["channel"] == ids.CHANNEL_ID
        assert len(slack_web_api.calls_to("auth.test")) == 1
    finally:
        await handler.close_async()


# --- signing --------------------------------------------------------------------------------------


def test_signing_helpers_agree_with_slack_sdk() -> None:
    verifier = SignatureVerifier(ids.SIGNING_SECRET)
    body = fixtures.slash_command_body("47")

    def valid(request: signing.SignedRequest) -> bool:
        return verifier.is_valid_request(request.body, request.headers)

    assert valid(signing.signed(body))
    assert not valid(signing.forged(body))
    assert not valid(signing.stale(body))
    assert not valid(signing.tampered(body, body.replace("47", "48")))
    assert signing.signed(body).headers["Content-Type"] == signing.FORM
    assert signing.signed("{}").headers["Content-Type"] == signing.JSON
    retried = signing.signed("{}", retry_num=1)
    assert retried.headers["X-Slack-Retry-Num"] == "1"


async def test_signed_requests_against_a_bare_bolt_http_app(slack_web_api: SlackWebApi) -> None:
    app = AsyncApp(
        signing_secret=ids.SIGNING_SECRET,
        client=AsyncWebClient(token=ids.BOT_TOKEN, base_url=slack_web_api.api_url),
    )

    @app.command("/vraag")
    async def vraag(ack: Any) -> None:
        await ack(text="ok")

    from aiohttp import web

    runner = web.AppRunner(app.web_app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/slack/events"
    try:
        body = fixtures.slash_command_body("47")
        status, text, _ = await signing.post(url, signing.signed(body))
        assert (status, text) == (200, "ok")  # bolt answers a text-only ack as plain text
        assert (await signing.post(url, signing.forged(body)))[0] == 401
        assert (await signing.post(url, signing.stale(body)))[0] == 401
        challenge = fixtures.url_verification("abc123")
        status, text, _ = await signing.post(url, signing.signed(fixtures.event_body(challenge)))
        assert (status, json.loads(text)) == (200, {"challenge": "abc123"})
    finally:
        await runner.cleanup()


# --- payload fixtures -----------------------------------------------------------------------------


def test_slash_command_fixture_has_slacks_fields() -> None:
    payload = fixtures.slash_command("vraag over inburgering", response_url="http://x/response/1")
    assert set(payload) >= {
        "token",
        "team_id",
        "team_domain",
        "channel_id",
        "channel_name",
        "user_id",
        "user_name",
        "command",
        "text",
        "api_app_id",
        "is_enterprise_install",
        "response_url",
        "trigger_id",
    }
    assert payload["text"] == "vraag over inburgering"
    assert payload["response_url"] == "http://x/response/1"
    body = fixtures.form_body(payload)
    assert "command=%2Fvraag" in body and "text=vraag+over+inburgering" in body
    assert fixtures.slash_command()["trigger_id"] != fixtures.slash_command()["trigger_id"]


def test_app_mention_fixtures() -> None:
    plain = fixtures.app_mention("wat is <b> & zo?".replace("<", "&lt;").replace(">", "&gt;"))
    event = plain["event"]
    assert plain["type"] == "event_callback" and event["type"] == "app_mention"
    assert event["text"].startswith(f"<@{ids.BOT_USER_ID}> ")
    assert "thread_ts" not in event
    elements = event["blocks"][0]["elements"][0]["elements"]
    assert elements[0] == {"type": "user", "user_id": ids.BOT_USER_ID}
    assert elements[1] == {"type": "text", "text": " wat is <b> & zo?"}
    assert plain["authorizations"][0]["user_id"] == ids.BOT_USER_ID
    assert plain["event_id"] != fixtures.app_mention()["event_id"]

    threaded = fixtures.app_mention("vraag 47", in_thread=True, event_id="Ev1")
    assert threaded["event"]["thread_ts"] != threaded["event"]["ts"]
    assert threaded["event_id"] == "Ev1"
    broadcast = fixtures.app_mention("<!channel> hoi")["event"]["blocks"][0]["elements"][0]
    assert {"type": "broadcast", "range": "channel"} in broadcast["elements"]


def test_block_actions_and_other_fixtures() -> None:
    payload = fixtures.block_actions("12", action_id="show_answer", response_url="http://r/1")
    assert payload["type"] == "block_actions"
    assert payload["actions"][0]["value"] == "12"
    assert payload["actions"][0]["action_id"] == "show_answer"
    assert payload["response_url"] == "http://r/1"
    assert payload["container"]["channel_id"] == ids.CHANNEL_ID
    body = fixtures.interactive_body(payload)
    from urllib.parse import parse_qs

    assert json.loads(parse_qs(body)["payload"][0]) == payload
    assert fixtures.url_verification()["type"] == "url_verification"
    home = fixtures.app_home_opened(ids.OTHER_USER_ID)
    assert home["event"]["type"] == "app_home_opened"
    assert home["event"]["user"] == ids.OTHER_USER_ID
    assert home["event"]["tab"] == "home"


async def test_socket_mode_client_recovers_from_a_cut_connection(
    slack_web_api: SlackWebApi, socket_mode: SocketModeEmulator
) -> None:
    recorder = _Recorder()
    client = await _socket_client(slack_web_api, recorder)
    try:
        await socket_mode.wait_connected()
        await socket_mode.drop(abrupt=True)  # no close frame: the client must notice itself
        await socket_mode.wait_connected(count=2, timeout=15)
        envelope = await socket_mode.send_event(fixtures.app_mention("vraag 47"))
        await socket_mode.wait_ack(envelope.envelope_id)
        assert len(recorder.requests) == 1
    finally:
        await client.close()
