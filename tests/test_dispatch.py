"""The bot core end to end: real content, real search, real state on SQLite.

Requests go through `Bot.handle` exactly as the Slack adapter and the console send them.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from agendabot.bot import create_bot
from agendabot.content.search_index import load_glossary
from agendabot.core.agenda.commitments import select_deadlines
from agendabot.core.bot.dispatch import Bot, BotConfig
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.bot.messages import SHARE
from agendabot.core.bot.requests import Action, Command, HomeOpened, Mention
from agendabot.core.documents.library import Library
from agendabot.core.documents.models import QADocument
from agendabot.core.reply.model import Button, Buttons, Header, Reply
from agendabot.core.reply.render_text import render_text
from agendabot.core.search import SearchEngine
from agendabot.slack.blocks import render_message
from agendabot.state import AsyncStore

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
TODAY = date(2026, 1, 15)
USER = "U0ALICE01"
ADMIN = "U0ADMIN01"
CHANNEL = "C0TEAM001"
DM = "D0ALICE01"
RANGE = "De lijst heeft vragen 1 tot en met 235."


@pytest.fixture
async def store(sqlite_url: str) -> AsyncIterator[AsyncStore]:
    opened = await AsyncStore.open(sqlite_url)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def bot(knowledge: Knowledge, store: AsyncStore) -> Bot:
    return create_bot(lambda: knowledge, store, BotConfig(deadline_weeks=8))


def vraag(text: str, channel: str = CHANNEL, user: str = USER) -> Command:
    return Command("/vraag", text, user, channel)


def agenda(text: str, channel: str = CHANNEL, user: str = USER) -> Command:
    return Command("/agenda", text, user, channel)


def text_of(reply: Reply) -> str:
    return render_text(reply)


def buttons(reply: Reply) -> list[Button]:
    return [b for part in reply.parts if isinstance(part, Buttons) for b in part.buttons]


def header(reply: Reply) -> str | None:
    return next((p.text for p in reply.parts if isinstance(p, Header)), None)


# --------------------------------------------------------------------------- /vraag


async def test_vraag_47_shows_the_shared_answer_privately_with_a_share_button(bot: Bot) -> None:
    reply = await bot.handle(vraag("47"), now=NOW)
    text = text_of(reply)
    assert header(reply) == "Vraag 47"
    assert reply.ephemeral and not reply.in_thread
    assert "gaat dit over vrouwen en meisjes met een migratieachtergrond?" in text
    assert "Gesloten gemeenschappen kunnen gemeenschappen zijn" in text
    assert "samen met vraag 79, 80, 83, 84, 109, 110, 111, 114 en 124" in text
    # the source with its date: a 2025 answer read in late 2026 says how old it is
    url = "https://zoek.officielebekendmakingen.nl/kst-32824-451.html"
    assert f"Kamerstuk 32 824, nr. 451, vraag 47 ({url}) · 8 april 2025" in text
    assert "https://zoek.officielebekendmakingen.nl/kst-32824-451.html" in text
    share = buttons(reply)
    assert [(b.label, b.action_id, b.value) for b in share] == [
        ("Deel in kanaal", "share_answer", "47")
    ]


async def test_an_answer_that_points_to_another_has_a_button_for_it(bot: Bot) -> None:
    # 184's answer starts "Zie antwoord 61."; 61 was a /vraag away
    reply = await bot.handle(vraag("184"), now=NOW)
    assert "Zie ook vraag 61." in text_of(reply)
    assert [(b.label, b.action_id, b.value) for b in buttons(reply)] == [
        ("Deel in kanaal", "share_answer", "184"),
        ("Toon vraag 61", "show_answer", "61"),
    ]
    shown = await bot.handle(Action("show_answer", "61", USER, CHANNEL), now=NOW)
    assert text_of(shown).startswith("Vraag 61")


async def test_vraag_footnotes_are_shown(bot: Bot, knowledge: Knowledge) -> None:
    qa = knowledge.content.qa
    number = next(q.number for q in qa if q.footnotes and q.has_own_answer)
    note = qa.question(number).footnotes[0]
    reply = await bot.handle(vraag(str(number)), now=NOW)
    assert f"[{note.number}] {note.text.split()[0]}" in text_of(reply)


@pytest.mark.parametrize("text", ["0", "236", "999", "vraag 1000", "#99999999999999999"])
async def test_vraag_out_of_range(bot: Bot, text: str) -> None:
    reply = await bot.handle(vraag(text), now=NOW)
    assert RANGE in reply.text
    assert reply.ephemeral


async def test_vraag_several_numbers_shows_the_first_and_offers_the_others(bot: Bot) -> None:
    reply = await bot.handle(vraag("47, 48"), now=NOW)
    assert header(reply) == "Vraag 47"
    assert "Je vroeg ook naar" in text_of(reply)
    assert ("show_answer", "48") in [(b.action_id, b.value) for b in buttons(reply)]

    many = await bot.handle(vraag("vragen 1 t/m 8"), now=NOW)
    assert header(many) == "Vraag 1"
    shown = [b.value for b in buttons(many) if b.action_id == "show_answer"]
    assert shown == ["2", "3", "4", "5", "6"]
    assert "En nog 2" in text_of(many) and "/vraag 7" in text_of(many)


async def test_vraag_several_numbers_names_the_ones_that_do_not_exist(bot: Bot) -> None:
    some = await bot.handle(vraag("47 en 999"), now=NOW)
    assert header(some) == "Vraag 47"
    assert "Vraag 999 ken ik niet." in text_of(some) and RANGE in text_of(some)
    none = await bot.handle(vraag("998 999"), now=NOW)
    assert none.text == f"Vragen 998 en 999 ken ik niet. {RANGE}"


@pytest.mark.parametrize("text", ["1.9", "brief 9.9", "§ 1.9"])
async def test_vraag_unknown_paragraph_says_which_there_are(bot: Bot, text: str) -> None:
    reply = await bot.handle(vraag(text), now=NOW)
    assert reply.text.startswith(f"Paragraaf {text.split()[-1]} ")
    assert "De brief heeft paragrafen 1.1 tot en met 1.8, 2.1 tot en met 2.6, 3 en 4." in reply.text


@pytest.mark.parametrize("text", ["", "   ", "help", "<@U0OTHER01>"])
async def test_vraag_without_a_question_gives_help(bot: Bot, text: str) -> None:
    reply = await bot.handle(vraag(text), now=NOW)
    assert "/vraag 47" in text_of(reply)
    assert reply.ephemeral


async def test_vraag_free_text_answers_with_the_best_result(bot: Bot, knowledge: Knowledge) -> None:
    query = "welke gemeenschappen zijn gesloten gemeenschappen"
    best = knowledge.search.search(query).results[0]
    assert best.kind == "vraag"
    reply = await bot.handle(vraag(query), now=NOW)
    assert header(reply) == f"Vraag {best.key}"
    assert ("share_answer", best.key) in [(b.action_id, b.value) for b in buttons(reply)]


async def test_vraag_declined_offers_three_candidates(
    knowledge: Knowledge, store: AsyncStore
) -> None:
    # The same index with a confidence threshold nothing reaches: every search declines.
    glossary = load_glossary(knowledge.content.root)  # type: ignore[attr-defined]
    doubtful = replace(knowledge, search=SearchEngine(knowledge.search.index, glossary, 1.01))
    bot = create_bot(lambda: doubtful, store)
    query = "inburgering taalniveau B1"
    response = doubtful.search.search(query)
    assert response.declined and len(response.results) >= 3
    reply = await bot.handle(vraag(query), now=NOW)
    assert "Ik weet het niet zeker. Bedoel je een van deze?" in text_of(reply)
    expected = {"vraag": "show_answer", "toezegging": "show_commitment", "sectie": "show_section"}
    assert [(b.action_id, b.value) for b in buttons(reply)] == [
        (expected[hit.kind], hit.key) for hit in response.results[:3]
    ]
    for hit in response.results[:3]:
        assert hit.snippet[:40] in text_of(reply)


async def test_vraag_nothing_found(bot: Bot) -> None:
    reply = await bot.handle(vraag("zorgverzekering hond"), now=NOW)
    assert "niets" in reply.text and "/vraag 47" in reply.text


async def test_vraag_section_lookup(bot: Bot) -> None:
    reply = await bot.handle(vraag("1.7"), now=NOW)
    assert header(reply) is not None and header(reply).startswith("§1.7 ")  # type: ignore[union-attr]
    url = "https://zoek.officielebekendmakingen.nl/kst-32824-456.html"
    assert f"nr. 456, paragraaf 1.7 ({url}) · 4 juli 2025" in text_of(reply)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 10_000,
        "gesloten gemeenschappen " * 500,
        "🎉🙈💥 ✨ שלום مرحبا 你好 \u202e\u0000",
        "<!channel> <!here> <@U0OTHER01> gesloten gemeenschappen",
        "*vet* _schuin_ `code` <https://evil.example/x|klik hier> <mailto:a@b.nl>",
        "&lt;!channel&gt; &lt;@U0OTHER01&gt; &amp;",
        "vraag 47 en 48",
        "\n\n\t",
    ],
)
async def test_bad_input_gets_a_short_reply_and_never_pings(bot: Bot, text: str) -> None:
    for request in (
        vraag(text),
        agenda(text),
        Mention(f"<@U0BOT0001> {text}", USER, CHANNEL, "1700000000.000100"),
    ):
        reply = await bot.handle(request, now=NOW)
        assert reply.parts or reply.text
        assert "iets mis" not in reply.text  # no internal error
        body = json.dumps(render_message(reply).to_dict(), ensure_ascii=False)
        assert "<!channel>" not in body and "<!here>" not in body
        assert "<@U0OTHER01>" not in body
        assert "evil.example" not in body or "<https://evil" not in body


async def test_long_question_is_truncated_and_says_so(bot: Bot) -> None:
    reply = await bot.handle(vraag("gesloten gemeenschappen " * 500), now=NOW)
    assert "eerste" in text_of(reply) and "tekens" in text_of(reply)


# --------------------------------------------------------------------------- mentions


async def test_mention_vraag_47_is_public_in_the_thread(bot: Bot) -> None:
    reply = await bot.handle(
        Mention("<@U0BOT0001> vraag 47", USER, CHANNEL, "1700000000.000100", None), now=NOW
    )
    assert header(reply) == "Vraag 47"
    assert not reply.ephemeral and reply.in_thread
    assert "Gesloten gemeenschappen kunnen" in text_of(reply)
    # everyone in the thread sees it already: no "Deel in kanaal" button
    actions = [b.action_id for p in reply.parts if isinstance(p, Buttons) for b in p.buttons]
    assert SHARE not in actions


async def test_mention_timing_question_answers_with_the_commitment(bot: Bot) -> None:
    reply = await bot.handle(
        Mention("<@U0BOT0001> wanneer is de nationale dialoog?", USER, CHANNEL, "1.2", "1.1"),
        now=NOW,
    )
    assert not reply.ephemeral and reply.in_thread
    assert header(reply) == "Nationale dialoog met sleutelfiguren (motie-Ceder)"
    text = text_of(reply)
    assert "Deadline: 31 maart 2026" in text
    assert "het eerste kwartaal van 2026" in text


async def test_mention_help_and_agenda(bot: Bot) -> None:
    help_reply = await bot.handle(Mention("<@U0BOT0001>", USER, CHANNEL, "1.3"), now=NOW)
    assert "vraag 47" in help_reply.text and help_reply.in_thread
    reply = await bot.handle(
        Mention("<@U0BOT0001> agenda toezegging obi-meldpunt", USER, CHANNEL, "1.4"), now=NOW
    )
    assert "obi-meldpunt" in text_of(reply) and not reply.ephemeral


# --------------------------------------------------------------------------- buttons


async def test_share_answer_posts_for_everyone_without_a_share_button(bot: Bot) -> None:
    reply = await bot.handle(Action("share_answer", "47", USER, CHANNEL), now=NOW)
    assert not reply.ephemeral
    assert header(reply) == "Vraag 47"
    assert buttons(reply) == []


async def test_share_commitment_and_section(bot: Bot) -> None:
    shared = await bot.handle(
        Action("share_answer", "toezegging:nationale-dialoog", USER, CHANNEL), now=NOW
    )
    assert not shared.ephemeral and "31 maart 2026" in text_of(shared)
    section = await bot.handle(Action("share_answer", "sectie:1.7", USER, CHANNEL), now=NOW)
    assert not section.ephemeral and (header(section) or "").startswith("§1.7")


async def test_share_of_nonsense_is_private(bot: Bot) -> None:
    reply = await bot.handle(Action("share_answer", "999", USER, CHANNEL), now=NOW)
    assert reply.ephemeral and RANGE in reply.text
    home = await bot.handle(Action("share_answer", "47", USER, None), now=NOW)
    assert home.ephemeral and "kanaal" in home.text


async def test_show_buttons(bot: Bot) -> None:
    answer = await bot.handle(Action("show_answer", "185", USER, CHANNEL), now=NOW)
    assert header(answer) == "Vraag 185" and answer.ephemeral
    commitment = await bot.handle(Action("show_commitment", "obi-meldpunt", USER, None), now=NOW)
    assert "obi-meldpunt" in text_of(commitment) and commitment.ephemeral
    section = await bot.handle(Action("show_section", "2.2", USER, CHANNEL), now=NOW)
    assert (header(section) or "").startswith("§2.2")
    unknown = await bot.handle(Action("frobnicate", "1", USER, CHANNEL), now=NOW)
    assert "knop" in unknown.text


# --------------------------------------------------------------------------- /agenda


async def test_agenda_deadlines_lists_what_the_selection_selects(
    bot: Bot, knowledge: Knowledge
) -> None:
    reply = await bot.handle(agenda("deadlines pijler 1 weken 12"), now=NOW)
    items = select_deadlines(knowledge.content.commitments, {}, today=TODAY, pillar=1, weeks=12)
    upcoming = [i for i in items if not i.overdue]
    overdue = [i for i in items if i.overdue]
    assert upcoming and overdue
    text = text_of(reply)
    assert f"Binnenkort ({len(upcoming)})" in text
    assert f"Over de datum ({len(overdue)}" in text
    for item in upcoming:
        assert item.commitment.id in text
    for item in overdue[-10:]:
        assert item.commitment.id in text
    assert "pijler 2 ·" not in text
    assert reply.ephemeral


async def test_agenda_deadlines_bad_pillar(bot: Bot) -> None:
    reply = await bot.handle(agenda("deadlines pijler 3"), now=NOW)
    assert "Kies pijler 1 of 2" in reply.text


async def test_agenda_toezegging(bot: Bot) -> None:
    reply = await bot.handle(agenda("toezegging nationale-dialoog"), now=NOW)
    assert "Deadline: 31 maart 2026" in text_of(reply)
    assert "status: open" in text_of(reply)
    unknown = await bot.handle(agenda("toezegging dialoog"), now=NOW)
    assert "ken ik niet" in unknown.text and "nationale-dialoog" in unknown.text


async def test_agenda_help_and_unknown_subcommand(bot: Bot) -> None:
    reply = await bot.handle(agenda("frobnicate"), now=NOW)
    assert "'frobnicate' ken ik niet" in reply.text
    assert "/agenda deadlines" in text_of(reply)
    assert "/agenda afgerond ID [link]" in text_of(await bot.handle(agenda("help"), now=NOW))


async def test_subscriptions_in_a_channel_and_in_a_dm(bot: Bot, store: AsyncStore) -> None:
    reply = await bot.handle(agenda("abonneer pijler 1"), now=NOW)
    assert "Dit kanaal volgt nu pijler 1" in reply.text
    again = await bot.handle(agenda("abonneer pijler 1"), now=NOW)
    assert "al" in again.text
    dm = await bot.handle(agenda("abonneer alles", channel=DM), now=NOW)
    assert "Je volgt nu alle pijlers" in dm.text
    assert [s.pillar for s in await store.subscriptions.for_target(CHANNEL)] == ["1"]
    assert [s.pillar for s in await store.subscriptions.for_target(USER)] == ["all"]
    listed = await bot.handle(agenda("abonnementen"), now=NOW)
    assert "Dit kanaal volgt pijler 1" in listed.text
    gone = await bot.handle(agenda("opzeggen pijler 1"), now=NOW)
    assert "niet meer" in gone.text
    assert await store.subscriptions.for_target(CHANNEL) == []
    none = await bot.handle(agenda("opzeggen pijler 2"), now=NOW)
    assert "niet" in none.text
    audit = await store.audit.recent(action="subscription.add")
    assert {e.actor for e in audit} == {USER}


async def test_subscribing_in_words_in_a_mention(bot: Bot, store: AsyncStore) -> None:
    # "subscribe me to pillar 2" got answer 210 as if it were a question
    thread = "1700000000.000100"
    added = await bot.handle(
        Mention("<@U0BOT0001> subscribe me to pillar 2", USER, CHANNEL, thread), now=NOW
    )
    assert "Dit kanaal volgt nu pijler 2" in text_of(added) and added.in_thread
    # "wat volg ik?" was searched too
    listed = await bot.handle(
        Mention("<@U0BOT0001> wat volgt dit kanaal?", USER, CHANNEL, thread), now=NOW
    )
    assert "Dit kanaal volgt pijler 2" in text_of(listed)
    assert [s.pillar for s in await store.subscriptions.for_target(CHANNEL)] == ["2"]


async def test_afgerond_is_kept_and_overrides_the_content(
    knowledge: Knowledge, store: AsyncStore
) -> None:
    bot = create_bot(lambda: knowledge, store, BotConfig(admins=frozenset({ADMIN})))
    refused = await bot.handle(agenda("afgerond nationale-dialoog"), now=NOW)
    assert "alleen de beheerders" in refused.text
    assert await store.statuses.current_status("nationale-dialoog") is None
    assert [e.action for e in await store.audit.recent(action="status.refused")] == [
        "status.refused"
    ]

    done = await bot.handle(
        agenda("afgerond nationale-dialoog <https://example.org/verslag|verslag>", user=ADMIN),
        now=NOW,
    )
    assert "is afgerond" in done.text and "https://example.org/verslag" in done.text
    change = await store.statuses.current_status("nationale-dialoog")
    assert change is not None
    assert (change.status, change.by, change.at, change.link) == (
        "afgerond",
        ADMIN,
        NOW,
        "https://example.org/verslag",
    )
    shown = text_of(await bot.handle(agenda("toezegging nationale-dialoog"), now=NOW))
    assert "status: afgerond (gemeld op 15 januari 2026)" in shown
    listed = text_of(await bot.handle(agenda("deadlines weken 12"), now=NOW))
    assert "nationale-dialoog" not in listed


async def test_the_afgerond_button_marks_an_open_promise_for_admins_only(
    knowledge: Knowledge, store: AsyncStore
) -> None:
    # marking a promise fulfilled took typing `/agenda afgerond ID`; now it is one click
    bot = create_bot(lambda: knowledge, store, BotConfig(admins=frozenset({ADMIN})))
    shown = await bot.handle(agenda("toezegging nationale-dialoog"), now=NOW)
    [mark] = [b for b in buttons(shown) if b.action_id == "mark_done"]
    assert (mark.label, mark.value) == ("Afgerond melden", "nationale-dialoog")
    assert mark.confirm is not None and "als afgerond melden?" in mark.confirm
    refused = await bot.handle(Action("mark_done", mark.value, USER, CHANNEL), now=NOW)
    assert "alleen de beheerders" in refused.text
    assert await store.statuses.current_status("nationale-dialoog") is None
    done = await bot.handle(Action("mark_done", mark.value, ADMIN, None), now=NOW)  # App Home
    assert "is afgerond" in done.text
    change = await store.statuses.current_status("nationale-dialoog")
    assert change is not None and (change.status, change.by) == ("afgerond", ADMIN)
    # a fulfilled promise has no such button, and a message for everyone neither
    again = await bot.handle(agenda("toezegging nationale-dialoog"), now=NOW)
    assert "mark_done" not in [b.action_id for b in buttons(again)]
    open_one = await bot.handle(
        Mention("<@U0BOT0001> toezegging obi-meldpunt", USER, CHANNEL, "1700000000.000100"),
        now=NOW,
    )
    assert "Id: obi-meldpunt" in text_of(open_one) and open_one.in_thread
    assert "mark_done" not in [b.action_id for b in buttons(open_one)]


async def test_heropen_undoes_a_mark_made_by_mistake(
    knowledge: Knowledge, store: AsyncStore
) -> None:
    bot = create_bot(lambda: knowledge, store, BotConfig(admins=frozenset({ADMIN})))
    await bot.handle(agenda("afgerond nationale-dialoog", user=ADMIN), now=NOW)
    refused = await bot.handle(agenda("heropen nationale-dialoog"), now=NOW)
    assert "alleen de beheerders van de agenda kunnen een toezegging heropenen" in refused.text

    later = NOW + timedelta(hours=1)
    reopened = await bot.handle(
        agenda("heropen nationale-dialoog verkeerde id", user=ADMIN), now=later
    )
    assert "staat weer open, deadline 31 maart 2026" in reopened.text
    change = await store.statuses.current_status("nationale-dialoog")
    assert change is not None
    assert (change.status, change.by, change.note) == ("open", ADMIN, "verkeerde id")
    shown = text_of(await bot.handle(agenda("toezegging nationale-dialoog"), now=later))
    assert "status: open" in shown
    listed = text_of(await bot.handle(agenda("deadlines weken 12"), now=later))
    assert "nationale-dialoog" in listed

    again = await bot.handle(agenda("heropen nationale-dialoog", user=ADMIN), now=later)
    assert "staat al open; er is niets veranderd" in again.text
    assert await store.statuses.current_status("nationale-dialoog") == change


async def test_vervallen_with_reason(bot: Bot, store: AsyncStore) -> None:
    reply = await bot.handle(agenda("vervallen obi-meldpunt motie ingetrokken"), now=NOW)
    assert "is vervallen" in reply.text
    change = await store.statuses.current_status("obi-meldpunt")
    assert change is not None and (change.status, change.note) == ("vervallen", "motie ingetrokken")


async def test_state_refusal_is_a_friendly_message(bot: Bot) -> None:
    long_link = "https://example.org/" + "a" * 3000
    reply = await bot.handle(agenda(f"afgerond obi-meldpunt {long_link}"), now=NOW)
    assert reply.text == "Een link begint met http:// of https:// en bevat geen spaties."


# --------------------------------------------------------------------------- App Home


async def test_home_shows_subscriptions_and_deadlines_of_their_pillars(
    bot: Bot, knowledge: Knowledge
) -> None:
    empty = await bot.home(USER, now=NOW)
    assert "Je volgt nog niets" in text_of(empty)
    await bot.handle(agenda("abonneer pijler 2", channel=DM), now=NOW)
    home = await bot.handle(HomeOpened(USER), now=NOW)
    text = text_of(home)
    assert "Je volgt pijler 2" in text
    assert "/vraag 47" in text
    items = select_deadlines(knowledge.content.commitments, {}, today=TODAY, pillar=2, weeks=8)
    assert items
    shown = [i for i in items if i.commitment.id in text]
    assert shown
    assert all(i.commitment.pillar == 2 for i in shown)
    assert "pijler 1 ·" not in text


# --------------------------------------------------------------------------- robustness


async def test_internal_error_becomes_an_apology(store: AsyncStore) -> None:
    def broken() -> Knowledge:
        raise RuntimeError("index gone")

    bot = create_bot(broken, store)
    reply = await bot.handle(vraag("47"), now=NOW)
    assert reply.text.startswith("Sorry")
    assert "index gone" not in reply.text


async def test_knowledge_is_read_per_request(knowledge: Knowledge, store: AsyncStore) -> None:
    current = [knowledge]
    bot = create_bot(lambda: current[0], store)
    qa = knowledge.content.qa
    trimmed = replace(knowledge, content=_Trimmed(knowledge, keep=100))
    assert header(await bot.handle(vraag("150"), now=NOW)) == "Vraag 150"
    current[0] = trimmed
    assert "vragen 1 tot en met 100" in (await bot.handle(vraag("150"), now=NOW)).text
    assert max(qa.numbers) == 235


class _Trimmed:
    """The same content with only the first `keep` questions (a reload that changed it)."""

    def __init__(self, knowledge: Knowledge, keep: int) -> None:
        qa = knowledge.content.qa
        self.qa = QADocument(meta=qa.meta, questions=qa.questions[:keep])
        self.letter = knowledge.content.letter
        self.commitments = knowledge.content.commitments
        self.library = Library.of([self.qa, self.letter])


async def test_thanks_and_greetings_get_a_short_reply_not_an_answer(bot: Bot) -> None:
    # "thank you" was searched, and got answer 151 with confidence 0.96
    thanks = await bot.handle(
        Mention("<@U0BOT0001> thank you!", USER, CHANNEL, "1700000000.000100"), now=NOW
    )
    assert text_of(thanks) == "Graag gedaan!" and thanks.in_thread and not thanks.ephemeral
    assert text_of(await bot.handle(vraag("bedankt"), now=NOW)) == "Graag gedaan!"
    hello = await bot.handle(vraag("goedemorgen agendabot"), now=NOW)
    assert text_of(hello).startswith("Hoi! Stel een vraag") and "/vraag 47" in text_of(hello)
    # a question with thanks in it is still a question
    asked = await bot.handle(vraag("bedankt, en wanneer is de nationale dialoog?"), now=NOW)
    assert "Nationale dialoog met sleutelfiguren" in text_of(asked)


async def test_an_acknowledgement_gets_a_thumbs_up_not_a_search(bot: Bot) -> None:
    # "@agendabot top" got "Daar vond ik niets over …" in the thread, for everyone
    for text in ("<@U0BOT0001> ok", "<@U0BOT0001> top, helder", "<@U0BOT0001> :+1:"):
        reply = await bot.handle(Mention(text, USER, CHANNEL, "1700000000.000100"), now=NOW)
        assert text_of(reply) == ":+1:" and reply.in_thread, text


async def test_a_negative_question_number_is_not_searched(bot: Bot) -> None:
    # "/vraag -3" was searched as text and got question 1, a commitment and §1.6
    reply = await bot.handle(vraag("-3"), now=NOW)
    assert text_of(reply) == "Dat is geen vraagnummer. De lijst heeft vragen 1 tot en met 235."
    assert reply.ephemeral


async def test_a_mention_of_deadlines_is_the_agenda_command(bot: Bot) -> None:
    # "@agendabot deadlines" was searched as text and found nothing
    reply = await bot.handle(
        Mention("<@U0BOT0001> deadlines pijler 2", USER, CHANNEL, "1700000000.000100"), now=NOW
    )
    assert text_of(reply).startswith("Deadlines t/m") and "pijler 2" in text_of(reply)
    assert reply.in_thread and not reply.ephemeral


async def test_a_deadline_question_in_words_gets_the_deadlines(bot: Bot) -> None:
    # it was searched, and got three unrelated answers as "Bedoel je een van deze?"
    asked = await bot.handle(
        Mention("<@U0BOT0001> wat moet er deze maand af?", USER, CHANNEL, "1700000000.000100"),
        now=NOW,
    )
    assert text_of(asked).startswith("Deadlines t/m") and asked.in_thread
    typed = await bot.handle(vraag("welke toezeggingen zijn over de datum?"), now=NOW)
    assert text_of(typed).startswith("Deadlines t/m") and typed.ephemeral


async def test_open_kamervragen_asked_in_words_get_the_list(bot: Bot) -> None:
    # "open kamervragen?" was searched, and got three answers of nr. 451
    asked = await bot.handle(
        Mention("<@U0BOT0001> open kamervragen?", USER, CHANNEL, "1700000000.000100"), now=NOW
    )
    listed = text_of(asked)
    assert listed.startswith(("Open Kamervragen", "Er staan geen open Kamervragen")), listed
    assert asked.in_thread
    about = await bot.handle(vraag("kamervragen over de taaleis?"), now=NOW)
    assert "Kamervragen" not in text_of(about).split("\n")[0]
