"""The Block Kit renderer (`agendabot.slack.blocks`) and the text renderer
(`agendabot.core.reply.render_text`): limits, escaping, splitting, cutting."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.slack.web_api import block_texts, check_message

from agendabot.core.reply.model import (
    Button,
    Buttons,
    Context,
    Divider,
    Header,
    Link,
    Paragraph,
    Part,
    Reply,
    Strong,
    simple,
)
from agendabot.core.reply.render_text import fallback_text, render_text
from agendabot.slack.blocks import render_home, render_message
from agendabot.slack.mrkdwn import escape_mrkdwn, mrkdwn, units

OUR_LINK = re.compile(r"<(?:https?://|mailto:)[^<>|\s]*\|[^<>]*>")
ENTITY = re.compile(r"&(?!amp;|lt;|gt;)")
QUOTE_MARK = re.compile(r"(?m)^> ")


def _mrkdwn_texts(blocks: list[dict[str, Any]]) -> list[str]:
    texts = []
    for block in blocks:
        text = block.get("text")
        if isinstance(text, dict) and text.get("type") == "mrkdwn":
            texts.append(text["text"])
        for element in block.get("elements", ()):
            if element.get("type") == "mrkdwn":
                texts.append(element["text"])
    return texts


def assert_within_limits(reply: Reply, *, max_blocks: int = 50) -> dict[str, Any]:
    """Render `reply` and check every Block Kit limit and the escaping; return the dict."""
    message = render_message(reply, max_blocks=max_blocks)
    body = message.to_dict()  # slack_sdk validates its own limits here
    blocks: list[dict[str, Any]] = body.get("blocks", [])
    assert body["text"].strip(), "a message always has a text fallback"
    assert units(body["text"]) <= (3000 if blocks else 40_000)
    assert len(blocks) <= max_blocks
    total = 0
    for block in blocks:
        if block["type"] == "section":
            text = block["text"]["text"]
            assert block["text"]["type"] == "mrkdwn" and block["text"]["verbatim"] is True
            assert 1 <= units(text) <= 3000
        elif block["type"] == "header":
            assert block["text"]["type"] == "plain_text"
            assert 1 <= units(block["text"]["text"]) <= 150
        elif block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
        elif block["type"] == "actions":
            assert 1 <= len(block["elements"]) <= 25
            action_ids = [element["action_id"] for element in block["elements"]]
            assert len(set(action_ids)) == len(action_ids)
            for element in block["elements"]:
                assert 1 <= units(element["text"]["text"]) <= 75
                assert len(element.get("value", "")) <= 2000
    total = sum(units(text) for text in block_texts(blocks))
    assert total <= 12_000
    assert check_message(body) is None  # what the Slack emulator accepts
    for text in [*_mrkdwn_texts(blocks), body["text"]]:
        rest = QUOTE_MARK.sub("", OUR_LINK.sub("", text))
        assert "<" not in rest and ">" not in rest, text
        assert not ENTITY.search(rest), text
    return body


# --- escaping ------------------------------------------------------------------------------------


def test_mentions_and_control_characters_are_escaped() -> None:
    body = assert_within_limits(
        Reply(
            parts=(Paragraph("Hallo <!channel> en <@U123>, <#C1|x> & <https://evil.example|klik>"),)
        )
    )
    text = body["blocks"][0]["text"]["text"]
    assert text == (
        "Hallo &lt;!channel&gt; en &lt;@U123&gt;, &lt;#C1|x&gt; &amp; "
        "&lt;https://evil.example|klik&gt;"
    )
    assert "<" not in body["text"]


def test_text_only_reply_is_escaped_and_has_no_blocks() -> None:
    message = render_message(simple("gebruik /vraag <nummer> & <!here>", ephemeral=True))
    assert message.blocks  # `simple` has a paragraph part
    bare = render_message(Reply(text="<!here> & dat"))
    assert bare.blocks == ()
    assert bare.text == "&lt;!here&gt; &amp; dat"
    assert render_message(Reply()).text == "…"


def test_only_the_links_the_reply_asks_for_become_links() -> None:
    body = assert_within_limits(
        Reply(
            parts=(
                Paragraph(
                    (
                        "Zie ",
                        Link(
                            "Kamerstuk <451> | bijlage",
                            "https://zoek.officielebekendmakingen.nl/kst-32824-451?a=1&b=2",
                        ),
                        ", ",
                        Link("gevaarlijk", "javascript:alert(1)"),
                        " en ",
                        Link("spatie", "https://example.org/a b|c>d"),
                        " en ",
                        Strong("vet & <dik>"),
                    )
                ),
            )
        )
    )
    text = body["blocks"][0]["text"]["text"]
    assert (
        "<https://zoek.officielebekendmakingen.nl/kst-32824-451?a=1&b=2|"
        "Kamerstuk &lt;451&gt; | bijlage>"
    ) in text
    assert "javascript:" not in text and "gevaarlijk" in text
    assert "<https://example.org/a%20b%7Cc%3Ed|spatie>" in text
    assert "*vet &amp; &lt;dik&gt;*" in text


def test_mrkdwn_helper_and_escape() -> None:
    assert escape_mrkdwn("a<b>&c") == "a&lt;b&gt;&amp;c"
    assert mrkdwn(("Vraag ", Strong("47"), ": ", Link("bron", "https://x.nl"))) == (
        "Vraag *47*: <https://x.nl|bron>"
    )


def test_emoji_and_other_unicode_survive_and_count_as_utf16() -> None:
    text = "Integratie 🇳🇱 👩‍👩‍👧 café ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 " * 10
    body = assert_within_limits(Reply(parts=(Header("Één 😀 " * 40), Paragraph(text))))
    assert body["blocks"][1]["text"]["text"] == text.strip()
    emoji = "😀" * 2000  # 2000 code points, 4000 UTF-16 units, no spaces
    body = assert_within_limits(Reply(parts=(Paragraph(emoji),)))
    sections = [b["text"]["text"] for b in body["blocks"]]
    assert len(sections) == 2 and "".join(sections) == emoji


# --- splitting and cutting -----------------------------------------------------------------------


def _sentences(count: int) -> str:
    words = ["integratie", "samenleving", "gemeenten", "inburgering", "<!channel>", "&", "😀"]
    out = []
    for n in range(count):
        sentence = " ".join(words[(n + k) % len(words)] for k in range(8 + n % 7))
        out.append(sentence.capitalize() + ".")
    return " ".join(out)


def test_a_10000_character_paragraph_is_split_at_sentence_ends() -> None:
    text = _sentences(400)[:10_000]
    body = assert_within_limits(Reply(parts=(Paragraph(text),)))
    sections = [b["text"]["text"] for b in body["blocks"]]
    assert len(sections) >= 4
    for section in sections[:-1]:
        assert section.endswith("."), section[-40:]
        assert units(section) >= 1500
    joined = "".join("".join(sections).split())
    assert joined == "".join(escape_mrkdwn(text).split())


def test_paragraph_breaks_are_preferred() -> None:
    first = "Eerste alinea. " * 150  # 2250 characters
    second = "Tweede alinea. " * 150
    body = assert_within_limits(Reply(parts=(Paragraph(first + "\n\n" + second),)))
    sections = [b["text"]["text"] for b in body["blocks"]]
    assert sections == [first.strip(), second.strip()]


def test_quotes_are_prefixed_on_every_line_and_fit() -> None:
    text = ("Regel met citaat.\n" * 400).strip()
    body = assert_within_limits(Reply(parts=(Paragraph(text, quote=True),)))
    for block in body["blocks"]:
        lines = block["text"]["text"].split("\n")
        assert all(line.startswith("> ") for line in lines)


def test_long_messages_are_cut_with_a_note_and_keep_small_print_and_buttons() -> None:
    reply = Reply(
        parts=(
            Header("Vraag 47"),
            *(Paragraph(_sentences(60)) for _ in range(8)),
            Context(
                ("Bron: ", Link("Kamerstuk 32 824, nr. 451", "https://example.org/451")),
            ),
            Buttons((Button("Deel in kanaal", "share_answer", "47", "primary"),)),
        ),
        more_url="https://example.org/451",
    )
    body = assert_within_limits(reply)
    kinds = [b["type"] for b in body["blocks"]]
    assert kinds[0] == "header" and kinds[-1] == "actions"
    texts = _mrkdwn_texts(body["blocks"])
    assert "… (ingekort) — <https://example.org/451|lees verder>" in texts
    assert any("Kamerstuk 32 824, nr. 451" in t for t in texts)
    assert render_message(reply).truncated


def test_more_than_50_blocks_are_cut() -> None:
    reply = Reply(parts=tuple(Paragraph(f"Punt {n}.") for n in range(80)))
    body = assert_within_limits(reply)
    assert len(body["blocks"]) == 50
    assert body["blocks"][-1]["elements"][0]["text"] == "… (ingekort)"
    assert body["blocks"][48]["text"]["text"] == "Punt 48."


def test_header_button_and_context_limits() -> None:
    buttons = tuple(Button("Toon het volledige antwoord " * 5, "show", str(n)) for n in range(30))
    reply = Reply(
        parts=(
            Header("Een heel lange titel " * 20),
            Context(tuple(f"regel {n}" for n in range(23))),
            Buttons(buttons),
            Buttons((Button("a", "x"), Button("b", "x"), Button("c", "y"))),
        )
    )
    body = assert_within_limits(reply)
    header = body["blocks"][0]["text"]["text"]
    assert header.endswith("…") and units(header) <= 150
    contexts = [b for b in body["blocks"] if b["type"] == "context"]
    assert [len(b["elements"]) for b in contexts] == [10, 10, 3]
    actions = [b for b in body["blocks"] if b["type"] == "actions"]
    # Thirty buttons with one action id: one per block (Slack refuses repeats in a block).
    assert len(actions) == 30 + 2
    assert units(actions[0]["elements"][0]["text"]["text"]) <= 75


def test_a_button_with_a_confirmation_asks_before_it_counts() -> None:
    question = "“" + "Een lange toezegging " * 30 + "” als afgerond melden?"
    reply = Reply(
        parts=(Buttons((Button("Afgerond melden", "mark_done", "x", confirm=question),)),)
    )
    body = assert_within_limits(reply)
    [element] = body["blocks"][0]["elements"]
    confirm = element["confirm"]
    assert confirm["title"]["text"] == "Zeker weten?"
    assert (confirm["confirm"]["text"], confirm["deny"]["text"]) == ("Ja", "Nee")
    assert confirm["text"]["type"] == "plain_text" and units(confirm["text"]["text"]) <= 300
    share = Reply(parts=(Buttons((Button("Deel", "share_answer", "47"),)),))
    assert "confirm" not in assert_within_limits(share)["blocks"][0]["elements"][0]


def test_bad_button_values_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="2000"):
        render_message(Reply(parts=(Buttons((Button("x", "a", "v" * 2001),)),)))
    with pytest.raises(ValueError, match="action_id"):
        render_message(Reply(parts=(Buttons((Button("x", ""),)),)))


def test_fallback_text_is_plain_escaped_and_short() -> None:
    reply = Reply(parts=(Header("Vraag 47"), Paragraph("<!channel> " * 1000)))
    message = render_message(reply)
    assert units(message.text) <= 3000
    assert message.text.startswith("Vraag 47")
    assert "<" not in message.text
    assert not re.search(r"&[a-z]*…$", message.text)


def test_home_tab_allows_100_blocks() -> None:
    view = render_home(Reply(parts=tuple(Paragraph(f"regel {n}") for n in range(150)))).to_dict()
    assert view["type"] == "home" and len(view["blocks"]) == 100
    assert check_message({"text": "x", "blocks": view["blocks"]}, max_blocks=100) is None


# --- properties ----------------------------------------------------------------------------------

_NASTY = st.sampled_from(
    [
        "<!channel>",
        "<@U123>",
        "<#C42|x>",
        "&",
        "&amp;",
        "<",
        ">",
        "|",
        "*",
        "\n",
        "\n\n",
        ". ",
        "😀",
        "👩‍👩‍👧",
        "e\u0301",
        " ",
        "https://example.org",
    ]
)
_TEXT = st.lists(st.one_of(st.text(max_size=40), _NASTY), max_size=30).map("".join)
_LONG = st.builds(lambda t, n: t * n, _TEXT, st.integers(min_value=1, max_value=150))
_URL = st.one_of(
    st.sampled_from(["https://example.org/a?b=1&c=2", "mailto:a@b.nl", "javascript:x", ""]),
    st.text(max_size=30).map(lambda t: "https://example.org/" + t),
)
_SPAN = st.one_of(_TEXT, st.builds(Link, _TEXT, _URL), st.builds(Strong, _TEXT))
_RICH = st.one_of(_LONG, st.lists(_SPAN, max_size=8))
_BUTTON = st.builds(
    Button,
    _TEXT,
    st.sampled_from(["share_answer", "show_answer", "a" * 255]),
    st.text(max_size=100),
    st.sampled_from([None, "primary", "danger"]),
)
_PART: st.SearchStrategy[Part] = st.one_of(
    st.builds(Header, _TEXT),
    st.builds(Paragraph, _RICH, st.booleans()),
    st.builds(Context, st.lists(_RICH, max_size=14).map(tuple)),
    st.just(Divider()),
    st.builds(Buttons, st.lists(_BUTTON, min_size=1, max_size=30).map(tuple)),
)
_REPLY = st.builds(
    Reply,
    text=st.one_of(_TEXT, _LONG),
    parts=st.lists(_PART, max_size=70).map(tuple),
    more_url=st.one_of(st.none(), _URL),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_REPLY)
def test_any_reply_renders_within_slacks_limits(reply: Reply) -> None:
    assert_within_limits(reply)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_REPLY)
def test_any_reply_fits_the_home_tab(reply: Reply) -> None:
    view = render_home(reply).to_dict()
    assert 1 <= len(view["blocks"]) <= 100
    assert check_message({"text": "x", "blocks": view["blocks"]}, max_blocks=100) is None


@settings(max_examples=100, deadline=None)
@given(_LONG.filter(lambda t: units(escape_mrkdwn(t)) <= 11_000))
def test_a_paragraph_under_the_budget_is_kept_whole(text: str) -> None:
    body = assert_within_limits(Reply(parts=(Paragraph(text),)))
    sections = [b["text"]["text"] for b in body.get("blocks", [])]
    assert "".join("".join(sections).split()) == "".join(escape_mrkdwn(text).split())


# --- plain text -----------------------------------------------------------------------------------


def test_render_text_for_the_console() -> None:
    reply = Reply(
        parts=(
            Header("Vraag 47"),
            Paragraph(("Het antwoord staat in ", Link("de lijst", "https://x.nl"), ".")),
            Paragraph("Gesloten gemeenschappen kunnen …\nTweede regel", quote=True),
            Divider(),
            Context(("Bron: Kamerstuk 32 824, nr. 451",)),
            Buttons((Button("Deel in kanaal", "share_answer", "47"),)),
        )
    )
    assert render_text(reply) == (
        "Vraag 47\n========\n\n"
        "Het antwoord staat in de lijst (https://x.nl).\n\n"
        "│ Gesloten gemeenschappen kunnen …\n│ Tweede regel\n\n"
        + "─"
        * 40
        + "\n\nBron: Kamerstuk 32 824, nr. 451\n\n"
        "[Deel in kanaal] → share_answer 47"
    )
    wrapped = render_text(Reply(parts=(Paragraph("woord " * 40, quote=True),)), width=30)
    assert all(len(line) <= 30 and line.startswith("│ ") for line in wrapped.splitlines())
    assert "Deel in kanaal" not in fallback_text(reply)
    assert fallback_text(Reply(text="eigen tekst", parts=reply.parts)) == "eigen tekst"
