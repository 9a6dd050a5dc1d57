"""Hostile and random input: no string makes the parsers, the search, the time-expression
interpreter or the bot raise (hypothesis), and no signed-but-malformed Slack request makes the
HTTP server answer 5xx (see also `test_malformed_requests_*` below).

The bot catches its own exceptions and answers with an apology; the property for `Bot.handle`
is therefore stronger than "no exception": the apology (an internal error) never appears.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.slack import fixtures, signing
from tests.slack.botapp import RunningBot, running_bot
from tests.slack.plugin import PROXY_VARIABLES
from tests.slack.web_api import SlackWebApi

from agendabot.content import default_content_dir
from agendabot.content.knowledge import load_knowledge
from agendabot.core.bot.agenda_commands import parse_agenda, tokens
from agendabot.core.bot.commands import clean_text, parse_vraag
from agendabot.core.bot.dispatch import Bot, BotConfig
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.messages import apology
from agendabot.core.bot.requests import Action, Command, HomeOpened, Mention
from agendabot.core.reply.model import Reply
from agendabot.core.time.interpret import find_expressions, interpret
from agendabot.state import AsyncStore, Store
from agendabot.state.port import StoreStatePort

BOT_USER = "U07AGNDBOT"
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

# Pieces that mean something to Slack or to the parsers, mixed with arbitrary text.
FRAGMENTS = [
    "<@U07AGNDBOT>", "<@U123|jan>", "<!channel>", "<!here>", "<!subteam^S123>", "<#C123|algemeen>",
    "<https://example.org|klik>", "<https://x>", "<mailto:a@b.nl>", "&lt;", "&gt;", "&amp;",
    "<", ">", "|", "*vet*", "_schuin_", "`code`", "```", "~door~", "vraag", "Vraag", "#47", "nr.",
    "47", "0", "-1", "236", "999999999999999999999", "٤٧", "４７", "pijler", "pijler1", "alles",
    "weken", "week", "104", "105", "deadlines", "toezegging", "abonneer", "opzeggen",
    "abonnementen", "afgerond", "vervallen", "herlaad", "help", "?", "/vraag", "/agenda",
    "nationale-dialoog", "wanneer", "eerste kwartaal van 2026", "nog dit jaar", "voor de zomer",
    "Q3", "medio 2026", "eind 2025", "🎉", "👩🏽‍💻", "\u200b", "\u202e", "\x00", "\n", "\t", "  ",
    "e\u0301", "İ", "ß", "ﬁ", "\ufeff", "'; DROP TABLE audit; --", "%s %d {0}", "\\", "\"",
]  # fmt: skip

slack_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=25).map(
        " ".join
    ),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
)

FAST = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(default_content_dir())


# --- pure parsing ----------------------------------------------------------------------------


@FAST
@given(slack_text)
def test_command_parsing_never_raises(text: str) -> None:
    vraag = parse_vraag(text)
    assert type(vraag).__name__ in {"VraagNumber", "VraagSearch", "VraagHelp"}
    if type(vraag).__name__ == "VraagSearch":
        assert len(vraag.query) <= 500  # type: ignore[union-attr]
    agenda = parse_agenda(text)
    assert agenda is not None
    message = getattr(agenda, "message", None)
    assert message is None or (isinstance(message, str) and message)
    cleaned = clean_text(text)
    assert "<!" not in cleaned and "<@" not in cleaned
    assert isinstance(tokens(text), list)


@FAST
@given(slack_text, st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_time_expressions_never_raise(text: str, reference: date) -> None:
    period = interpret(text, reference)
    if period is not None and period.start is not None and period.due is not None:
        assert period.start <= period.due
    for strict in (True, False):
        for found in find_expressions(text, reference, strict=strict):
            assert found is not None


@SLOW
@given(slack_text)
def test_search_never_raises(knowledge: Knowledge, text: str) -> None:
    response = knowledge.search.search(text)
    assert len(response.results) <= 5
    for hit in response.results:
        assert hit.score == hit.score  # not NaN


@settings(max_examples=5, deadline=None)
@given(st.sampled_from(FRAGMENTS))
def test_search_of_very_long_text_never_raises(knowledge: Knowledge, fragment: str) -> None:
    knowledge.search.search((fragment + " gesloten gemeenschappen ") * 400)


# --- the whole bot -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bot_runner(
    knowledge: Knowledge, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Bot, asyncio.AbstractEventLoop]]:
    """A bot on a real SQLite state, and one event loop to run it in across examples."""
    path: Path = tmp_path_factory.mktemp("hostile") / "state.sqlite3"
    store = AsyncStore(Store.open(f"sqlite:///{path}"))
    bot = Bot(
        lambda: knowledge,
        StoreStatePort(store),
        BotConfig(admins=frozenset({"U01ADMIN01"})),
    )
    loop = asyncio.new_event_loop()
    try:
        yield bot, loop
    finally:
        loop.run_until_complete(store.close())
        loop.close()


def _check(reply: Reply) -> None:
    assert isinstance(reply, Reply)
    assert reply.text.strip() or reply.parts
    assert reply.text != apology().text, "the bot hit an internal error"


@SLOW
@given(
    command=st.sampled_from(["/vraag", "/agenda", "/VRAAG", "/onbekend"]),
    text=slack_text,
    user=st.sampled_from(["U02SZWUSER", "U01ADMIN01"]),
    channel=st.sampled_from(["C06ACTIEAG", "D05SZWUSER"]),
)
def test_bot_handles_any_command_text(
    bot_runner: tuple[Bot, asyncio.AbstractEventLoop],
    command: str,
    text: str,
    user: str,
    channel: str,
) -> None:
    bot, loop = bot_runner
    request = Command(command, text, user, channel)
    _check(loop.run_until_complete(bot.handle(request, now=NOW)))


@SLOW
@given(text=slack_text, in_thread=st.booleans())
def test_bot_handles_any_mention(
    bot_runner: tuple[Bot, asyncio.AbstractEventLoop], text: str, in_thread: bool
) -> None:
    bot, loop = bot_runner
    request = Mention(
        text=f"<@{BOT_USER}> {text}",
        user_id="U02SZWUSER",
        channel_id="C06ACTIEAG",
        ts="1763900000.000100",
        thread_ts="1763800000.000100" if in_thread else None,
    )
    reply = loop.run_until_complete(bot.handle(request, now=NOW))
    _check(reply)
    assert reply.in_thread and not reply.ephemeral


@SLOW
@given(
    action_id=st.one_of(
        st.sampled_from(["share_answer", "show_answer", "show_commitment", "show_section"]),
        st.text(max_size=30),
    ),
    value=slack_text,
    channel=st.one_of(st.none(), st.just("C06ACTIEAG")),
)
def test_bot_handles_any_button_value(
    bot_runner: tuple[Bot, asyncio.AbstractEventLoop],
    action_id: str,
    value: str,
    channel: str | None,
) -> None:
    bot, loop = bot_runner
    request = Action(action_id=action_id, value=value, user_id="U02SZWUSER", channel_id=channel)
    _check(loop.run_until_complete(bot.handle(request, now=NOW)))


@settings(max_examples=30, deadline=None)
@given(user=st.text(min_size=0, max_size=80))
def test_bot_home_for_any_user_id(
    bot_runner: tuple[Bot, asyncio.AbstractEventLoop], user: str
) -> None:
    bot, loop = bot_runner
    reply = loop.run_until_complete(bot.handle(HomeOpened(user), now=NOW))
    assert isinstance(reply, Reply)


# --- signed but malformed requests against the real HTTP server -------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
EVENT_TYPES = ["app_mention", "app_home_opened", "message", "reaction_added", ""]
slack_json = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {"type": st.sampled_from(["event_callback", "url_verification", "block_actions", "x"])},
        optional={
            "event": st.one_of(
                json_values,
                st.fixed_dictionaries(
                    {"type": st.sampled_from(EVENT_TYPES)},
                    optional={
                        "text": json_values | slack_text,
                        "user": json_values,
                        "channel": json_values,
                        "ts": json_values,
                        "thread_ts": json_values,
                        "bot_id": json_values,
                    },
                ),
            ),
            "event_id": json_values,
            "team_id": json_values,
            "api_app_id": json_values,
            "challenge": json_values,
            "authorizations": json_values,
        },
    ),
)
FORM_KEYS = [
    "command", "text", "user_id", "channel_id", "team_id", "response_url", "trigger_id",
    "payload", "token", "api_app_id", "user_name", "channel_name",
]  # fmt: skip
form_fields = st.dictionaries(
    st.one_of(st.sampled_from(FORM_KEYS), st.text(max_size=8)),
    st.one_of(
        slack_text,
        st.sampled_from(["/vraag", "/agenda", "/x", "https://example.org/r", ""]),
        slack_json.map(lambda value: json.dumps(value)),
    ),
    max_size=8,
)
bodies = st.one_of(
    slack_json.map(lambda value: (json.dumps(value), "application/json")),
    form_fields.map(lambda fields: (urlencode(fields), "application/x-www-form-urlencoded")),
    st.text(max_size=300).map(lambda text: (text, "application/json")),
    st.text(max_size=300).map(lambda text: (text, "application/x-www-form-urlencoded")),
    slack_json.map(
        lambda v: ("payload=" + quote(json.dumps(v)), "application/x-www-form-urlencoded")
    ),
)


class _Errors(logging.Handler):
    """Collects log records that carry a traceback: unhandled exceptions."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or "Traceback" in record.getMessage():
            self.records.append(record)


@pytest.fixture(scope="module")
def live_server(
    knowledge: Knowledge, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[asyncio.AbstractEventLoop, RunningBot, _Errors]]:
    """The real HTTP server (Bolt app, bot, SQLite state) on the Slack emulator, in one event
    loop for all examples."""
    tmp = tmp_path_factory.mktemp("live")
    with pytest.MonkeyPatch.context() as patch:
        for name in PROXY_VARIABLES:
            patch.delenv(name, raising=False)
        patch.setenv("NO_PROXY", "127.0.0.1,localhost")
        loop = asyncio.new_event_loop()
        errors = _Errors()
        logging.getLogger().addHandler(errors)
        api = SlackWebApi()
        loop.run_until_complete(api.start())
        context = running_bot(api, knowledge, tmp, mode="http")
        bot = loop.run_until_complete(context.__aenter__())
        try:
            yield loop, bot, errors
        finally:
            loop.run_until_complete(context.__aexit__(None, None, None))
            loop.run_until_complete(api.stop())
            loop.close()
            logging.getLogger().removeHandler(errors)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(body=bodies)
# Found by this test: bolt itself raised on these (now a 400).
@example(body=('{"type": "event_callback", "event": null}', "application/json"))
@example(body=('{"type": "block_actions", "actions": null}', "application/json"))
def test_signed_malformed_requests_never_get_a_5xx(
    live_server: tuple[asyncio.AbstractEventLoop, RunningBot, _Errors],
    body: tuple[str, str],
) -> None:
    loop, bot, errors = live_server
    text, content_type = body
    request = signing.signed(text, content_type=content_type)
    status, reply, _ = loop.run_until_complete(signing.post(bot.events_url, request))
    assert status in (200, 400, 413), (status, reply[:300])  # signed: never 401 (or 5xx)
    assert "Traceback" not in reply
    loop.run_until_complete(bot.settle())
    assert errors.records == [], [r.getMessage() for r in errors.records]


def test_the_server_is_still_healthy_after_the_hostile_requests(
    live_server: tuple[asyncio.AbstractEventLoop, RunningBot, _Errors],
) -> None:
    loop, bot, errors = live_server
    request = signing.signed(fixtures.slash_command_body("47"))
    status, reply, _ = loop.run_until_complete(signing.post(bot.events_url, request))
    assert status == 200 and "Gesloten gemeenschappen" in reply
    huge = signing.signed(fixtures.slash_command_body("x" * (1024 * 1024 + 10)))
    status, _, _ = loop.run_until_complete(signing.post(bot.events_url, huge))
    assert status == 413
    assert errors.records == []
