"""Authorisation: who may mark commitments and reload content; refusals and changes audited."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from tests.slack import ids
from tests.slack.web_api import SlackWebApi

from agendabot.content import default_content_dir
from agendabot.content.knowledge import load_knowledge
from agendabot.content.reload import KnowledgeHolder
from agendabot.core.bot.dispatch import Bot, BotConfig
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.requests import Command
from agendabot.settings import load_settings
from agendabot.slack.access import AccessError, AccessPolicy, Admins, load_access_policy
from agendabot.state import AsyncStore, Store
from agendabot.state.port import StoreStatePort

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
ADMIN = "U01ADMIN01"
GROUP = "S07BEHEER1"
GROUP_MEMBER = "U04GROUPIE"
COMMITMENT = "mannenproject-schadelijke-praktijken"


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(default_content_dir())


@pytest.fixture
async def astore(sqlite_url: str) -> AsyncIterator[AsyncStore]:
    store = AsyncStore(Store.open(sqlite_url))
    yield store
    await store.close()


def write_access(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "access.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def agenda(text: str, user: str) -> Command:
    return Command("/agenda", text, user, ids.CHANNEL_ID)


# --- configuration -----------------------------------------------------------------------------


def test_policy_combines_admin_users_and_the_access_file(tmp_path: Path) -> None:
    settings = load_settings(env_file=None, admin_users=ADMIN, config_dir=tmp_path)
    write_access(tmp_path, f"admins:\n  users: [U02SECOND]\n  usergroup: {GROUP}\n")
    policy = load_access_policy(settings)
    assert policy.users == {ADMIN, "U02SECOND"}
    assert policy.usergroup == GROUP and policy.configured


def test_no_file_means_only_admin_users(tmp_path: Path) -> None:
    settings = load_settings(env_file=None, config_dir=tmp_path)
    policy = load_access_policy(settings)
    assert policy == AccessPolicy() and not policy.configured


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("admins:\n  users: [iemand]\n", "veld 'admins.users'"),
        ("admins:\n  usergroup: beheer\n", "veld 'admins.usergroup'"),
        ("admins:\n  user: [U01ADMIN01]\n", "veld 'admins.user'"),
        ("- U01ADMIN01\n", "moet een blok met velden zijn"),
        ("admins: [\n", "geen leesbaar YAML-bestand"),
        ("refresh_minutes: 2025-13-01\n", "geen leesbaar YAML-bestand"),  # was a ValueError
    ],
)
def test_invalid_access_file_is_one_dutch_sentence(
    tmp_path: Path, text: str, expected: str
) -> None:
    settings = load_settings(env_file=None, config_dir=tmp_path)
    write_access(tmp_path, text)
    with pytest.raises(AccessError) as raised:
        load_access_policy(settings)
    assert expected in str(raised.value) and "access.yaml" in str(raised.value)


# --- the user group ----------------------------------------------------------------------------


async def test_user_group_members_are_read_from_slack(
    slack_web_api: SlackWebApi, slack_client: AsyncWebClient
) -> None:
    slack_web_api.usergroups[GROUP] = [GROUP_MEMBER]
    admins = Admins(AccessPolicy(users=frozenset({ADMIN}), usergroup=GROUP))
    assert admins and GROUP_MEMBER not in admins  # configured, not yet read
    assert await admins.refresh(slack_client)
    assert GROUP_MEMBER in admins and ADMIN in admins and ids.USER_ID not in admins
    [call] = slack_web_api.calls_to("usergroups.users.list")
    assert call.args["usergroup"] == GROUP
    # Slack unavailable: the last known members stay
    slack_web_api.fail_next("usergroups.users.list", times=10, status=500)
    quick = AsyncWebClient(token=ids.BOT_TOKEN, base_url=slack_web_api.api_url)
    assert not await admins.refresh(quick)
    assert GROUP_MEMBER in admins
    # group removed in Slack
    slack_web_api.usergroups.clear()
    assert not await admins.refresh(slack_client)
    assert GROUP_MEMBER in admins


async def test_an_unread_group_never_means_everyone(
    knowledge: Knowledge, astore: AsyncStore
) -> None:
    admins = Admins(AccessPolicy(usergroup=GROUP))  # Slack never answered
    bot = Bot(lambda: knowledge, StoreStatePort(astore), BotConfig(admins=admins))
    reply = await bot.handle(agenda(f"afgerond {COMMITMENT}", ids.USER_ID), now=NOW)
    assert reply.text.startswith("Sorry, alleen de beheerders")
    assert await astore.statuses.current_status(COMMITMENT) is None


# --- marking and reloading through the bot ---------------------------------------------------


async def test_others_get_a_polite_refusal_and_it_is_audited(
    knowledge: Knowledge, astore: AsyncStore
) -> None:
    admins = Admins(AccessPolicy(users=frozenset({ADMIN})))
    bot = Bot(lambda: knowledge, StoreStatePort(astore), BotConfig(admins=admins))
    reply = await bot.handle(agenda(f"vervallen {COMMITMENT} geen geld", ids.USER_ID), now=NOW)
    assert reply.ephemeral
    assert "Sorry, alleen de beheerders" in reply.text and "vervallen" in reply.text
    assert await astore.statuses.current_status(COMMITMENT) is None
    [entry] = await astore.audit.recent()
    assert (entry.actor, entry.action) == (ids.USER_ID, "status.refused")
    assert entry.details == {"commitment_id": COMMITMENT, "status": "vervallen"}
    assert entry.at == NOW


async def test_an_admin_marks_and_who_when_what_is_audited(
    knowledge: Knowledge,
    astore: AsyncStore,
    slack_web_api: SlackWebApi,
    slack_client: AsyncWebClient,
) -> None:
    slack_web_api.usergroups[GROUP] = [GROUP_MEMBER]
    admins = Admins(AccessPolicy(users=frozenset({ADMIN}), usergroup=GROUP))
    await admins.refresh(slack_client)
    bot = Bot(lambda: knowledge, StoreStatePort(astore), BotConfig(admins=admins))
    link = "https://www.tweedekamer.nl/kamerstukken/brieven"
    reply = await bot.handle(agenda(f"afgerond {COMMITMENT} <{link}>", GROUP_MEMBER), now=NOW)
    assert reply.text.startswith("Genoteerd")
    status = await astore.statuses.current_status(COMMITMENT)
    assert status is not None and status.status == "afgerond" and status.by == GROUP_MEMBER
    [entry] = await astore.audit.recent()
    assert (entry.actor, entry.action, entry.at) == (GROUP_MEMBER, "status.afgerond", NOW)
    assert entry.details["commitment_id"] == COMMITMENT
    assert entry.details["link"] == link


async def test_reload_command_is_for_admins_and_audited(
    knowledge: Knowledge, astore: AsyncStore, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(default_content_dir(), content, ignore=shutil.ignore_patterns("sources"))
    holder = KnowledgeHolder(knowledge, content)
    admins = Admins(AccessPolicy(users=frozenset({ADMIN})))
    bot = Bot(
        holder, StoreStatePort(astore), BotConfig(admins=admins), reload_content=holder.reload
    )

    refused = await bot.handle(agenda("herlaad", ids.USER_ID), now=NOW)
    assert "alleen de beheerders" in refused.text and holder.generation == 1

    done = await bot.handle(agenda("herlaad", ADMIN), now=NOW)
    assert done.text.startswith("Content opnieuw geladen: 235 vragen")
    assert holder.generation == 2

    commitments = content / "commitments.yaml"
    commitments.write_text(
        commitments.read_text(encoding="utf-8").replace("    pillar: 1\n", "    pillar: 9\n", 1),
        encoding="utf-8",
    )
    invalid = await bot.handle(agenda("herladen", ADMIN), now=NOW)
    assert invalid.text.startswith("De nieuwe content is niet geladen")
    assert "commitments.yaml" in invalid.text and "veld 'pillar'" in invalid.text
    assert holder.generation == 2

    entries = list(reversed(await astore.audit.recent()))
    assert [(e.actor, e.action) for e in entries] == [
        (ids.USER_ID, "content.reload_refused"),
        (ADMIN, "content.reload"),
        (ADMIN, "content.reload_invalid"),
    ]
    assert entries[2].details["ok"] is False
    assert "veld 'pillar'" in entries[2].details["message"]


async def test_without_a_reloader_the_command_explains(
    knowledge: Knowledge, astore: AsyncStore
) -> None:
    bot = Bot(lambda: knowledge, StoreStatePort(astore), BotConfig(admins=frozenset({ADMIN})))
    reply = await bot.handle(agenda("herlaad", ADMIN), now=NOW)
    assert "bij het starten" in reply.text
