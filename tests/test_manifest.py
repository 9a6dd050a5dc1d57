"""`config/manifest.yml` asks Slack for exactly what the app uses, and the app handles
exactly what the manifest subscribes to (checked by dispatching through the real app)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from slack_bolt.request.async_request import AsyncBoltRequest
from tests.slack import fixtures, ids
from tests.slack.web_api import SlackWebApi

from agendabot.bot import create_bot
from agendabot.content.knowledge import load_knowledge
from agendabot.core.bot.knowledge import Knowledge
from agendabot.settings import load_settings
from agendabot.slack.app import ACTIONS, COMMANDS, EVENTS, SHORTCUTS, build_app, make_web_client
from agendabot.slack.inflight import InFlight
from agendabot.state import AsyncStore

MANIFEST = Path(__file__).resolve().parents[1] / "config" / "manifest.yml"

# Which scope each capability needs (https://docs.slack.dev/reference/scopes).
SCOPE_FOR_EVENT = {
    "app_mention": "app_mentions:read",
    "app_home_opened": None,
    "message.im": "im:history",
}
SCOPES_FOR_POSTING = {"chat:write"}  # chat.postMessage/postEphemeral; views.publish needs none
SCOPES_FOR_ACCESS = {"usergroups:read"}  # agendabot.slack.access: members of the admin user group
# agendabot.slack.earlier: a file shared in the DM is downloaded, the Word draft uploaded
SCOPES_FOR_FILES = {"files:read", "files:write"}


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_manifest_parses_with_the_required_sections(manifest: dict[str, Any]) -> None:
    assert manifest["_metadata"]["major_version"] == 1
    info = manifest["display_information"]
    assert info["name"] == "agendabot"
    assert 174 <= len(info["long_description"]) <= 4000  # Slack refuses shorter or longer
    assert manifest["features"]["bot_user"]["display_name"]
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    # Socket Mode: no request URLs (the HTTP note in the file says where they go).
    assert "request_url" not in manifest["settings"]["event_subscriptions"]
    assert "request_url" not in manifest["settings"]["interactivity"]


def test_commands_match_the_app(manifest: dict[str, Any]) -> None:
    commands = manifest["features"]["slash_commands"]
    assert sorted(c["command"] for c in commands) == sorted(COMMANDS)
    for command in commands:
        assert command["description"] and command["should_escape"] is False


def test_events_match_the_app_and_avoid_double_delivery(manifest: dict[str, Any]) -> None:
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert sorted(events) == sorted(EVENTS)
    # message.channels/groups would deliver a mention twice; message.im is the DM only
    twice = [e for e in events if e.startswith("message") and e != "message.im"]
    assert not twice, "a mention would arrive twice"
    assert "user_events" not in manifest["settings"]["event_subscriptions"]


def test_scopes_are_exactly_what_is_used(manifest: dict[str, Any]) -> None:
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    needed = {"commands"} | SCOPES_FOR_POSTING | SCOPES_FOR_ACCESS | SCOPES_FOR_FILES
    needed |= {scope for event in EVENTS if (scope := SCOPE_FOR_EVENT[event])}
    assert scopes == needed
    assert "user" not in manifest["oauth_config"]["scopes"]


def test_app_home_tab_is_enabled(manifest: dict[str, Any]) -> None:
    home = manifest["features"]["app_home"]
    assert home["home_tab_enabled"] is True
    # Digests for a person go to the Messages tab; people share files of questions there.
    assert home["messages_tab_enabled"] is True
    assert home["messages_tab_read_only_enabled"] is False


def test_shortcuts_match_the_app(manifest: dict[str, Any]) -> None:
    shortcuts = manifest["features"]["shortcuts"]
    assert sorted(s["callback_id"] for s in shortcuts) == sorted(SHORTCUTS)
    for shortcut in shortcuts:
        assert shortcut["type"] == "message"
        assert len(shortcut["name"]) <= 25 and len(shortcut["description"]) <= 80


async def _dispatch(app: Any, body: dict[str, Any]) -> int:
    request = AsyncBoltRequest(body=body, mode="socket_mode")
    response = await app.async_dispatch(request)
    return int(response.status)


async def test_the_app_handles_everything_the_manifest_subscribes_to(
    manifest: dict[str, Any], slack_web_api: SlackWebApi, tmp_path: Path
) -> None:
    """Each command, event and button of the manifest reaches a listener (200); something
    the manifest does not have is not handled (404), so this test can tell."""
    settings = load_settings(
        env_file=None,
        slack_bot_token=ids.BOT_TOKEN,
        slack_api_url=slack_web_api.api_url,
        database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    store = await AsyncStore.open(settings.database_url.get_secret_value())
    try:
        knowledge: Knowledge = load_knowledge()
        inflight = InFlight()
        app = build_app(
            settings=settings,
            bot=create_bot(lambda: knowledge, store),
            store=store,
            client=make_web_client(settings),
            inflight=inflight,
        )
        for command in manifest["features"]["slash_commands"]:
            body = fixtures.slash_command("help", command=command["command"])
            assert await _dispatch(app, dict(body)) == 200, command["command"]
        for event in manifest["settings"]["event_subscriptions"]["bot_events"]:
            envelope = fixtures.app_mention("help")
            kind, _, channel_type = event.partition(".")  # "message.im": type message, im
            envelope["event"] = {**envelope["event"], "type": kind, "tab": "messages"}
            if channel_type:
                envelope["event"]["channel_type"] = channel_type
            assert await _dispatch(app, envelope) == 200, event
        for shortcut in manifest["features"]["shortcuts"]:
            payload = fixtures.message_shortcut(
                "Zonder vragen.", callback_id=shortcut["callback_id"]
            )
            assert await _dispatch(app, payload) == 200, shortcut["callback_id"]
        for action_id in ACTIONS:
            click = fixtures.block_actions(
                "1", action_id=action_id, response_url=slack_web_api.response_url(action_id)
            )
            assert await _dispatch(app, click) == 200, action_id

        unknown = fixtures.slash_command("help", command="/onbekend")
        assert await _dispatch(app, dict(unknown)) == 404
        reaction = fixtures.app_mention("help")
        reaction["event"]["type"] = "reaction_added"
        assert await _dispatch(app, reaction) == 404
        assert await inflight.drain(10) == 0
    finally:
        await store.close()
