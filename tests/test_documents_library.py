"""Many documents: the default list, addresses ("451:47", "31749-8:1") in the CLI and the bot.

The second list here is built from the models (the addressing is the subject, not parsing);
parsing real documents of other layouts is tested in `test_general_parser.py`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agendabot.bot import create_bot
from agendabot.cli import main
from agendabot.content import Content, ContentError, load_content
from agendabot.content.ingest import IngestResult, write_result
from agendabot.content.knowledge import build_knowledge
from agendabot.core.bot.dispatch import Bot, BotConfig
from agendabot.core.bot.requests import Command
from agendabot.core.documents.library import Library, UnknownDocument, parse_address
from agendabot.core.documents.models import DocumentKind, DocumentMeta, QADocument, Question
from agendabot.core.reply.model import Button, Buttons
from agendabot.core.reply.render_text import render_text
from agendabot.state import AsyncStore

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
OTHER = QADocument(
    meta=DocumentMeta(
        id="31749-8",
        kind=DocumentKind.QA_LIST,
        dossier="31 749",
        number=8,
        date=dt.date(2011, 5, 2),
        title="Lijst van vragen en antwoorden over de aanpak harde kern jeugdwerklozen",
        url="https://zoek.officielebekendmakingen.nl/kst-31749-8.html",
    ),
    questions=(
        Question(number=1, question="Hoeveel jongeren telt de harde kern?", answer="Eenduizend."),
        *(
            Question(number=n, question=f"Wat is stap {n} van het plan?", answer=f"Stap {n}.")
            for n in range(2, 47)
        ),
        Question(number=47, question="Wat kost de aanpak?", answer="Twee miljoen euro."),
    ),
)


@pytest.fixture(scope="module")
def content() -> Content:
    base = load_content()
    return replace(base, documents={**base.documents, OTHER.meta.id: OTHER})


def test_addresses_parse() -> None:
    assert parse_address("451:47") == parse_address(" 451 : 47 ")
    assert parse_address("31749-8:1").document == "31749-8"
    assert parse_address("47").document is None
    assert parse_address("ah-tk-20142015-1365:2").local == "2"


def test_the_default_list_is_the_newest_of_the_main_dossier(content: Content) -> None:
    library = content.library
    assert library.default_qa.meta.id == "32824-451"  # OTHER is older but of another dossier
    newer = OTHER.model_copy(
        update={"meta": OTHER.meta.model_copy(update={"date": dt.date(2026, 6, 1)})}
    )
    moved = Library.of([library.qa("451"), newer, *library.letters])
    assert moved.default_qa.meta.id == "32824-451"
    configured = Library.of(moved.qa_lists, default_qa_id="31749-8")
    assert configured.default_qa.meta.id == "31749-8"


@pytest.mark.parametrize(
    "reference", ["451", "32824-451", "kst-32824-451", "32 824-451", "32824-451 "]
)
def test_a_list_is_found_by_number_id_or_prefixed_id(content: Content, reference: str) -> None:
    assert content.library.qa(reference).meta.id == "32824-451"


def test_an_unknown_document_is_one_sentence_listing_what_is_there(content: Content) -> None:
    with pytest.raises(UnknownDocument) as refused:
        content.library.qa("999")
    message = str(refused.value)
    assert message == "Document '999' ken ik niet; bekend zijn: 31749-8 en 451."


def test_addresses_name_other_documents(content: Content) -> None:
    library = content.library
    assert library.address(library.qa("451"), 47) == "47"
    assert library.address(OTHER, 1) == "31749-8:1"
    assert [d.meta.id for d in library.lists_with_question(47)] == ["31749-8", "32824-451"]


# --- the CLI --------------------------------------------------------------------------------


@pytest.fixture
def content_dir(tmp_path: Path, content: Content) -> Path:
    """A copy of the content with the second list written as ingest would write it."""
    root = tmp_path / "content"
    for path in content.root.rglob("*"):
        if path.is_file() and "sources" not in path.parts:
            target = root / path.relative_to(content.root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    output = root / "documents" / "kamerstuk-31749-8.yaml"
    write_result(IngestResult(OTHER, Path("31749-8.txt"), output))
    return root


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_cli_vraag_reads_the_default_list_and_any_other_by_address(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    default = _json(capsys, "vraag", "47", "--json", "--content", str(content_dir))
    assert default["document"] == "32824-451"
    assert str(default["citation"]).startswith("Kamerstuk 32 824, nr. 451")
    other = _json(capsys, "vraag", "31749-8:1", "--json", "--content", str(content_dir))
    assert other["document"] == "31749-8" and other["answer"] == "Eenduizend."
    assert str(other["citation"]).startswith("Kamerstuk 31 749, nr. 8")
    same = _json(capsys, "vraag", "451:47", "--json", "--content", str(content_dir))
    assert same == default

    assert main(["vraag", "12345-6:1", "--content", str(content_dir)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Document '12345-6' ken ik niet") and "\n" not in err
    section = _json(capsys, "brief", "456:1.7", "--json", "--content", str(content_dir))
    assert section["document"] == "32824-456" and section["number"] == "1.7"


# --- the bot --------------------------------------------------------------------------------


@pytest.fixture
async def bot(content: Content, sqlite_url: str) -> AsyncIterator[Bot]:
    knowledge = build_knowledge(content)
    store = await AsyncStore.open(sqlite_url)
    try:
        yield create_bot(lambda: knowledge, store, BotConfig())
    finally:
        await store.close()


async def _ask(bot: Bot, text: str) -> str:
    reply = await bot.handle(Command("/vraag", text, "U0ALICE01", "C0TEAM001"), now=NOW)
    assert reply is not None
    return render_text(reply)


async def test_vraag_in_slack_reaches_any_list_and_names_it(bot: Bot) -> None:
    default = await _ask(bot, "47")
    assert "Kamerstuk 32 824, nr. 451" in default
    assert "Vraag 47 staat ook in een andere lijst: `/vraag 31749-8:47`." in default
    other = await _ask(bot, "31749-8:1")
    assert "Eenduizend." in other and "Kamerstuk 31 749, nr. 8" in other
    assert "staat ook in" not in await _ask(bot, "451:47")
    assert (await _ask(bot, "31749-8:48")).startswith(
        "Vraag 48 bestaat niet in Kamerstuk 31 749, nr. 8"
    )
    assert (await _ask(bot, "777:1")).startswith("Document '777' ken ik niet")
    assert "Kamerstuk 32 824, nr. 456, paragraaf 1.7" in await _ask(bot, "brief 456:1.7")
    assert await _ask(bot, "brief 456:1.9") == (
        "Paragraaf 1.9 staat niet in Kamerstuk 32 824, nr. 456. De brief heeft paragrafen"
        " 1.1 tot en met 1.8, 2.1 tot en met 2.6, 3 en 4."
    )


async def test_a_section_without_brief_and_the_wrong_kind_of_document(bot: Bot) -> None:
    # "456:2.3" is a section as much as "brief 456:2.3" (it was searched as text)
    assert "Kamerstuk 32 824, nr. 456, paragraaf 2.3" in await _ask(bot, "456:2.3")
    assert await _ask(bot, "451:1.7") == (
        "451 is een vragenlijst, geen brief. Paragrafen staan in brief 456."
    )
    assert await _ask(bot, "456:47") == (
        "456 is een brief, geen vragenlijst. Vragen staan in vragenlijsten 31749-8 en 451."
    )


async def test_a_document_asked_for_as_a_whole(bot: Bot) -> None:
    # "/vraag brief" got answer 228 (on "de Kamerbrief"), "/vraag 456" "bestaat niet"
    for asked in ("brief", "de voortgangsbrief?", "456", "kamerstuk 32 824, nr. 456"):
        letter = await _ask(bot, asked)
        assert letter.startswith("Kamerstuk 32 824, nr. 456"), asked
        assert "§1.7 Verbeteren regelgeving versterkte gebedsoproep" in letter
        assert "Een paragraaf: /vraag 1.1" in letter
    listed = await _ask(bot, "vragenlijst 31749-8")
    assert listed.startswith("Kamerstuk 31 749, nr. 8") and "Een vraag: /vraag 31749-8:" in listed
    assert "Vragen 1 tot en met 235." in await _ask(bot, "vragenlijst")
    assert await _ask(bot, "brief 777") == (
        "Document '777' ken ik niet; bekend zijn: 31749-8, 451 en 456."
    )
    assert (await _ask(bot, "999")).startswith("Vraag 999 bestaat niet")


async def test_the_share_button_carries_the_address(bot: Bot) -> None:
    reply = await bot.handle(Command("/vraag", "31749-8:1", "U0ALICE01", "C0TEAM001"), now=NOW)
    assert reply is not None
    values = [b.value for p in reply.parts if isinstance(p, Buttons) for b in p.buttons]
    assert values == ["31749-8:1"]
    assert all(
        isinstance(b, Button) for p in reply.parts if isinstance(p, Buttons) for b in p.buttons
    )


async def test_search_covers_every_document_and_names_it(bot: Bot) -> None:
    found = await _ask(bot, "hoeveel jongeren telt de harde kern van jeugdwerklozen")
    assert "Eenduizend." in found and "Kamerstuk 31 749, nr. 8" in found


def test_the_default_list_is_set_in_config(
    content_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEFAULT_QA_LIST", "31749-8")
    answer = _json(capsys, "vraag", "47", "--json", "--content", str(content_dir))
    assert answer["document"] == "31749-8" and answer["answer"] == "Twee miljoen euro."
    monkeypatch.setenv("DEFAULT_QA_LIST", "99999-1")
    assert main(["vraag", "47", "--content", str(content_dir)]) == 2
    capsys.readouterr()
    with pytest.raises(ContentError, match="DEFAULT_QA_LIST: 99999-1: die lijst is er niet"):
        load_content(content_dir, default_qa="99999-1")


def test_the_cli_says_which_kind_a_document_is(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", "451:1.7", "--content", str(content_dir)]) == 2
    assert "451 is een vragenlijst, geen brief." in capsys.readouterr().err
    assert main(["vraag", "456:3", "--content", str(content_dir)]) == 2
    assert "456 is een brief, geen vragenlijst." in capsys.readouterr().err
