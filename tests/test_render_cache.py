"""The memoised rendering behind slash-command acknowledgements (`blocks.message_dict`)."""

from __future__ import annotations

from agendabot.core.reply.model import Context, Header, Link, Paragraph, Reply
from agendabot.slack import blocks
from agendabot.slack.blocks import message_dict, render_message


def reply(number: int) -> Reply:
    return Reply(
        text=f"Vraag {number}",
        parts=(
            Header(f"Vraag {number}"),
            Paragraph(["Gesloten gemeenschappen kunnen ", Link("meer", "https://example.org")]),
            Context((["Bron: ", Link(f"nr. 451, vraag {number}", "https://example.org/451")],)),
        ),
        ephemeral=True,
    )


def test_same_output_as_rendering_each_time() -> None:
    for number in (1, 2, 1, 2):
        assert message_dict(reply(number)) == render_message(reply(number)).to_dict()


def test_every_call_gets_its_own_dict() -> None:
    first = message_dict(reply(3))
    first["blocks"][0]["text"]["text"] = "veranderd"
    first["text"] = "ook veranderd"
    second = message_dict(reply(3))
    assert second == render_message(reply(3)).to_dict()
    assert second["blocks"] is not first["blocks"]


def test_equal_replies_share_one_entry_and_the_cache_is_bounded() -> None:
    blocks._message_cache.clear()
    message_dict(reply(4))
    message_dict(reply(4))
    assert len(blocks._message_cache) == 1
    for number in range(blocks.MESSAGE_CACHE_SIZE + 50):
        message_dict(reply(number))
    assert len(blocks._message_cache) == blocks.MESSAGE_CACHE_SIZE
