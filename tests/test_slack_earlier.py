"""The message shortcut "Eerdere antwoorden zoeken" and a file of questions in the bot's DM,
at the network boundary: signed requests shaped like Slack's (`message_action`, a
`message.im` event with a file), the real Bolt app and slack_sdk client, the Web API
emulator as Slack (messages, `files_upload_v2`, the file download)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from tests.slack import fixtures, ids, signing
from tests.slack.botapp import RunningBot
from tests.slack.web_api import SlackWebApi, check_message

from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.earlier.answers import report_for_text
from agendabot.drafts.word import DRAFT_MARK
from agendabot.slack.earlier import DOCX_NAME, UNREADABLE_FILE

ROOT = Path(__file__).resolve().parents[1]
OPEN = (ROOT / "tests" / "fixtures" / "kamervragen" / "open-kv-20261120-jansen.txt").read_text(
    encoding="utf-8"
)


@pytest.fixture
def bot(http_bot: RunningBot) -> RunningBot:
    return http_bot


async def _shortcut(bot: RunningBot, text: str, **kwargs: str) -> tuple[int, dict[str, str]]:
    payload = fixtures.message_shortcut(text, **kwargs)
    body = fixtures.interactive_body(payload)
    status, _, _ = await signing.post(bot.events_url, signing.signed(body))
    await bot.settle()
    return status, {"ts": payload["message"]["ts"]}


async def test_the_shortcut_answers_in_the_thread_with_earlier_answers_and_a_draft(
    bot: RunningBot, slack_web_api: SlackWebApi, knowledge: Knowledge
) -> None:
    text = fixtures.slack_escape(OPEN)
    status, sent = await _shortcut(bot, text)
    assert status == 200
    posts = slack_web_api.calls_to("chat.postMessage")
    assert len(posts) >= 2 and all(call.ok for call in posts)
    for call in posts:
        assert call.args["channel"] == ids.CHANNEL_ID
        assert call.args["thread_ts"] == sent["ts"]  # in the thread of that message
        assert check_message(call.args) is None
    shown = "\n".join(call.all_text() for call in posts)
    assert "Eerdere antwoorden voor 4 vragen" in shown
    report = report_for_text(
        OPEN, knowledge.search, knowledge.content.library, embed=knowledge.embed
    )
    for item in report.results:
        assert f"Vraag {item.number}" in shown
        for answer in item.earlier:
            assert answer.citation in shown and answer.url in shown
            assert " ".join(answer.quote.split("\n\n")[0].split()[:12]) in " ".join(shown.split())
        if not item.earlier:
            assert "geen eerder antwoord gevonden" in shown
    [upload] = [u for u in slack_web_api.uploads.values() if u.completed]
    assert (upload.filename, upload.channel_id, upload.thread_ts) == (
        DOCX_NAME,
        ids.CHANNEL_ID,
        sent["ts"],
    )
    draft = docx.Document(io.BytesIO(upload.data))
    texts = [p.text for p in draft.paragraphs]
    assert DRAFT_MARK in texts and "Vraag 4" in texts
    print("\n\n".join(call.all_text() for call in posts))  # the rendering, for the notes


async def test_the_shortcut_on_a_message_without_questions_says_so_to_the_user_only(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    status, _ = await _shortcut(bot, "Goedemorgen allemaal, fijne week!")
    assert status == 200
    assert slack_web_api.calls_to("chat.postMessage") == []
    [call] = slack_web_api.calls_to("chat.postEphemeral")
    assert call.args["user"] == ids.USER_ID
    assert "herken er geen vragen in" in call.all_text()
    assert not slack_web_api.uploads


async def test_an_unsigned_shortcut_is_refused(bot: RunningBot, slack_web_api: SlackWebApi) -> None:
    body = fixtures.interactive_body(fixtures.message_shortcut(OPEN))
    status, _, _ = await signing.post(bot.events_url, signing.forged(body))
    await bot.settle()
    assert status == 401 and slack_web_api.calls == []


async def test_a_file_of_questions_in_the_dm_is_answered_once_in_its_thread(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    source = docx.Document()
    for line in OPEN.splitlines():
        source.add_paragraph(line)
    buffer = io.BytesIO()
    source.save(buffer)
    shared = slack_web_api.host_file("nieuwe-vragen.docx", buffer.getvalue(), "application/msword")
    event = fixtures.dm_file_share(shared)
    body = fixtures.event_body(event)
    for retry in (None, 1):  # Slack retries: answered once
        request = signing.signed(body, retry_num=retry)
        assert (await signing.post(bot.events_url, request))[0] == 200
        await bot.settle()
    posts = slack_web_api.calls_to("chat.postMessage")
    assert posts and {c.args["channel"] for c in posts} == {ids.DM_CHANNEL_ID}
    assert {c.args["thread_ts"] for c in posts} == {event["event"]["ts"]}
    assert "Eerdere antwoorden voor 4 vragen" in posts[0].all_text()
    assert len([u for u in slack_web_api.uploads.values() if u.completed]) == 1


async def test_a_pdf_of_questions_in_the_dm_is_read(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    pdf = FPDF()  # the set as the Tweede Kamer publishes it: a PDF with a text layer
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in OPEN.splitlines():
        if line.strip():
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    shared = slack_web_api.host_file("2026Z21000.pdf", bytes(pdf.output()), "application/pdf")
    event = fixtures.dm_file_share(shared)
    assert (await signing.post(bot.events_url, signing.signed(fixtures.event_body(event))))[
        0
    ] == 200
    await bot.settle()
    posts = slack_web_api.calls_to("chat.postMessage")
    assert posts and {c.args["thread_ts"] for c in posts} == {event["event"]["ts"]}
    assert "Eerdere antwoorden voor 4 vragen" in posts[0].all_text()


async def test_a_pdf_without_text_gets_one_sentence(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    pdf = FPDF()
    pdf.add_page()  # a page without a text layer, as a scan would be
    shared = slack_web_api.host_file("scan.pdf", bytes(pdf.output()), "application/pdf")
    body = fixtures.event_body(fixtures.dm_file_share(shared))
    assert (await signing.post(bot.events_url, signing.signed(body)))[0] == 200
    await bot.settle()
    [call] = slack_web_api.calls_to("chat.postMessage")
    assert call.args["text"] == UNREADABLE_FILE and not slack_web_api.uploads


async def test_a_file_the_bot_cannot_read_gets_one_sentence(
    bot: RunningBot, slack_web_api: SlackWebApi
) -> None:
    shared = slack_web_api.host_file("scan.png", b"\x89PNG\r\n", "image/png")
    body = fixtures.event_body(fixtures.dm_file_share(shared))
    assert (await signing.post(bot.events_url, signing.signed(body)))[0] == 200
    await bot.settle()
    [call] = slack_web_api.calls_to("chat.postMessage")
    assert call.args["text"] == UNREADABLE_FILE and not slack_web_api.uploads
