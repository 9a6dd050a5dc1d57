"""Parsing `/vraag`, `/agenda` and Slack markup (pure functions), incl. property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agendabot.core.bot.agenda_commands import (
    AgendaCommitment,
    AgendaDeadlines,
    AgendaHelp,
    AgendaMark,
    AgendaSubscribe,
    AgendaSubscriptions,
    AgendaUnsubscribe,
    agenda_in_mention,
    parse_agenda,
)
from agendabot.core.bot.commands import (
    MAX_QUERY_CHARS,
    ParseError,
    VraagAddress,
    VraagDocument,
    VraagHelp,
    VraagNumber,
    VraagSearch,
    clean_text,
    parse_vraag,
    shorten_query,
)

# --------------------------------------------------------------------------- markup


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<@U123> wanneer is de dialoog?", "wanneer is de dialoog?"),
        ("<@U123|piet> hoi", "hoi"),
        ("<!channel> <!here> <!subteam^S1|@team> vraag", "vraag"),
        ("zie <https://example.org/a|de brief>", "zie de brief"),
        ("zie <https://example.org/a>", "zie https://example.org/a"),
        ("in <#C0123|algemeen> gevraagd", "in #algemeen gevraagd"),
        ("taal &amp; werk &lt;B1&gt;", "taal & werk <B1>"),
        ("&lt;!channel&gt; &lt;@U123&gt; vraag", "vraag"),
        ("<! en <@", "! en @"),
        ("  veel\t\n  ruimte\u200b hier ", "veel ruimte hier"),
        ("*vet* _schuin_ 🎉", "*vet* _schuin_ 🎉"),
    ],
)
def test_clean_text_strips_slack_markup(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_shorten_query_cuts_at_a_word() -> None:
    text = "woord " * 200
    short = shorten_query(text, 500)
    assert len(short) <= 500
    assert short.endswith("woord")
    assert shorten_query("kort", 500) == "kort"


# --------------------------------------------------------------------------- /vraag


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("47", VraagNumber(47)),
        (" #47 ", VraagNumber(47)),
        ("vraag 47", VraagNumber(47)),
        ("Vraag nr. 47?", VraagNumber(47)),
        ("kamervraag 47", VraagNumber(47)),
        ("0", VraagNumber(0)),
        ("236", VraagNumber(236)),
        ("-3", VraagNumber(-3)),
        ("vraag - 12", VraagNumber(-12)),
        ("", VraagHelp()),
        ("help", VraagHelp()),
        ("<@U123> <!channel>", VraagHelp()),
        ("gesloten gemeenschappen", VraagSearch("gesloten gemeenschappen")),
        # a document as a whole; "brief 1.7" is a section and "brief over …" a search
        ("brief", VraagDocument("brief")),
        ("Inhoud van de voortgangsbrief?", VraagDocument("brief")),
        ("vragenlijst 451", VraagDocument("lijst", "451")),
        ("kamerstuk 32 824, nr. 456", VraagDocument(None, "456")),
        ("kamerstuk", VraagSearch("kamerstuk")),
        ("brief 1.7", VraagSearch("brief 1.7")),
        ("brief over de taaleis", VraagSearch("brief over de taaleis")),
        # Slack's emoji names are no words of the question ("thinking", "face")
        ("de taaleis? :thinking_face:", VraagSearch("de taaleis?")),
        ("47 :pray::skin-tone-2:", VraagNumber(47)),
        ("om 10:30: uur", VraagSearch("om 10:30: uur")),
        ("451:47.", VraagAddress("451", "47")),
        ("456:2.3", VraagAddress("456", "2.3", section=True)),
        ("brief 456:2.3", VraagAddress("456", "2.3", section=True)),
        (
            "<@U1> wat staat er in <https://x.nl|de brief>?",
            VraagSearch("wat staat er in de brief?"),
        ),
    ],
)
def test_parse_vraag(text: str, expected: object) -> None:
    assert parse_vraag(text) == expected


def test_parse_vraag_huge_number_stays_small() -> None:
    parsed = parse_vraag("9" * 50)
    assert isinstance(parsed, VraagNumber)
    assert parsed.number <= 10**6


def test_parse_vraag_non_ascii_digits_are_a_search() -> None:
    assert parse_vraag("٤٧") == VraagSearch("٤٧")


def test_parse_vraag_truncates_long_text() -> None:
    parsed = parse_vraag("integratie " * 1000)
    assert isinstance(parsed, VraagSearch)
    assert parsed.truncated
    assert len(parsed.query) <= MAX_QUERY_CHARS


@given(st.text(max_size=2000))
def test_parse_vraag_never_fails(text: str) -> None:
    parsed = parse_vraag(text)
    if isinstance(parsed, VraagSearch):
        assert parsed.query
        assert len(parsed.query) <= MAX_QUERY_CHARS
        assert "<!" not in parsed.query or "<!" in text.replace("&lt;", "<")


@given(st.text(alphabet=st.sampled_from("<>@!#|&;UC01 abc"), max_size=200))
def test_clean_text_leaves_no_ping(text: str) -> None:
    cleaned = clean_text(text)
    # what is left of a mention could only come from entities the user typed
    for control in ("<!channel>", "<!here>", "<@U0>", "<@U1>"):
        if control in cleaned:
            assert "&lt;" in text


# --------------------------------------------------------------------------- /agenda


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", AgendaHelp()),
        ("help", AgendaHelp()),
        ("HELP", AgendaHelp()),
        ("deadlines", AgendaDeadlines()),
        ("deadlines pijler 2", AgendaDeadlines(pillar=2)),
        ("deadlines pijler1 weken 4", AgendaDeadlines(pillar=1, weeks=4)),
        ("deadlines 3 weken", AgendaDeadlines(weeks=3)),
        ("deadlines weken 0", AgendaDeadlines(weeks=0)),
        ("toezegging Nationale-Dialoog", AgendaCommitment("nationale-dialoog")),
        ("toezegging nationale dialoog", AgendaCommitment("nationale-dialoog")),
        ("abonneer pijler 1", AgendaSubscribe("1")),
        ("abonneer alles", AgendaSubscribe("all")),
        # words around the pillar, and English
        ("abonneer mij op pijler 2", AgendaSubscribe("2")),
        ("abonneer dit kanaal op beide pijlers", AgendaSubscribe("all")),
        ("subscribe me to pillar 2", AgendaSubscribe("2")),
        ("unsubscribe this channel from pillar 1", AgendaUnsubscribe("1")),
        ("opzeggen pijler 2", AgendaUnsubscribe("2")),
        ("abonnementen", AgendaSubscriptions()),
        ("afgerond obi-meldpunt", AgendaMark("obi-meldpunt", "afgerond")),
        # the Kamer's own word for a fulfilled promise
        ("voldaan obi-meldpunt", AgendaMark("obi-meldpunt", "afgerond")),
        (
            "afgerond obi-meldpunt <https://example.org/x|example.org/x>",
            AgendaMark("obi-meldpunt", "afgerond", link="https://example.org/x"),
        ),
        (
            "afgerond obi-meldpunt https://example.org/x zie verslag",
            AgendaMark(
                "obi-meldpunt", "afgerond", link="https://example.org/x", note="zie verslag"
            ),
        ),
        (
            "vervallen obi-meldpunt geen budget meer",
            AgendaMark("obi-meldpunt", "vervallen", note="geen budget meer"),
        ),
        (
            "heropen obi-meldpunt per ongeluk",
            AgendaMark("obi-meldpunt", "open", note="per ongeluk"),
        ),
        ("heropend obi-meldpunt", AgendaMark("obi-meldpunt", "open")),
        ("frobnicate", AgendaHelp(unknown="frobnicate")),
        ("<!channel>", AgendaHelp(unknown="?")),
    ],
)
def test_parse_agenda(text: str, expected: object) -> None:
    assert parse_agenda(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("deadlines pijler 3", "Kies pijler 1 of 2"),
        ("deadlines weken veel", "aantal weken"),
        ("deadlines weken 9999", "aantal weken"),
        ("deadlines morgen", "probeer"),
        ("toezegging", "Welke toezegging?"),
        ("afgerond", "Welke toezegging?"),
        ("heropen", "/agenda heropen nationale-dialoog"),
        ("abonneer", "Kies pijler 1, 2 of alles"),
        ("abonneer pijler 7", "Kies pijler 1, 2 of alles"),
    ],
)
def test_parse_agenda_errors_say_how(text: str, fragment: str) -> None:
    parsed = parse_agenda(text)
    assert isinstance(parsed, ParseError)
    assert fragment in parsed.message


@given(st.text(max_size=500))
def test_parse_agenda_never_fails(text: str) -> None:
    parsed = parse_agenda(text)
    if isinstance(parsed, ParseError):
        assert parsed.message.strip()
    if isinstance(parsed, AgendaHelp) and parsed.unknown is not None:
        assert len(parsed.unknown) <= 40


@pytest.mark.parametrize(
    ("text", "is_agenda"),
    [
        ("deadlines", True),
        ("deadlines pijler 1 weken 4", True),
        ("abonneer pijler 2", True),
        ("kamervragen", True),
        ("toezegging nationale-dialoog", True),
        ("afgerond nationale-dialoog https://example.org/brief", True),
        # questions that start with such a word stay questions
        ("kamervragen over de taaleis?", False),
        ("deadline van de nationale dialoog?", False),
        ("toezeggingen over de taaleis", False),
        ("stop pijler 1", False),
        ("wanneer is de nationale dialoog?", False),
        ("", False),
    ],
)
def test_a_mention_may_be_an_agenda_command_without_the_word(text: str, is_agenda: bool) -> None:
    assert agenda_in_mention(text) is is_agenda
