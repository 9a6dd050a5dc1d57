"""New Kamervragen: registered by ingest, due three weeks after sending, postponed by a
mededeling, closed by the answers; listed by `deadlines`, the digest, the calendar, the
App Home and `/agenda kamervragen`. Real fixture texts, a copy of the real content."""

from __future__ import annotations

import json
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from agendabot.bot import create_bot
from agendabot.cli import main
from agendabot.content import ContentError, load_content
from agendabot.content.knowledge import load_knowledge
from agendabot.core.bot.dispatch import BotConfig
from agendabot.core.bot.requests import Command, HomeOpened
from agendabot.core.kamervragen.lifecycle import register
from agendabot.core.kamervragen.model import KamervragenSet
from agendabot.core.kamervragen.parse import SetProblem, read_notice, read_questions, read_set
from agendabot.core.reply.render_text import render_text
from agendabot.state import AsyncStore
from agendabot.web.calendar_ics import calendar_for_content

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "kamervragen"
OPEN = FIXTURES / "open-kv-20261120-jansen.txt"
NOTICE = FIXTURES / "mededeling-kv-20261120-jansen.txt"
ANSWER = FIXTURES / "antwoord-kv-20261120-jansen.txt"
SET_ID = "kv-20261120-jansen"


@pytest.fixture
def content_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real content as CONTENT_DIR, a fresh state database, no `.env`."""
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    monkeypatch.setenv("CONTENT_DIR", str(root))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'state.sqlite3'}")
    monkeypatch.chdir(tmp_path)
    for name in ("SLACK_BOT_TOKEN", "SLACK_API_URL", "DIGEST_WEEKS"):
        monkeypatch.delenv(name, raising=False)
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def kamervragen_records(capsys: pytest.CaptureFixture[str], *extra: str) -> list[Any]:
    code, out, err = run(capsys, "deadlines", *extra, "--json")
    assert code == 0, err
    return [r for r in json.loads(out) if r["kind"] == "kamervragen"]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- reading


def test_the_example_header_is_read_into_a_set() -> None:
    found = read_set(OPEN.read_text(encoding="utf-8"))
    assert found.id == SET_ID  # like the ids of answered Kamervragen: kv-<ingezonden>-<lid>
    assert found.members == ("Jansen",)
    assert found.addressed == "de Staatssecretaris van Sociale Zaken en Werkgelegenheid"
    assert found.subject == "de taaleis in de Participatiewet"
    assert found.sent == date(2026, 11, 20)
    assert [q.number for q in found.questions] == [1, 2, 3, 4]
    assert found.questions[0].text.endswith("taaleis in de bijstand»?")  # footnote marker gone
    assert "Binnenlands Bestuur" not in found.questions[-1].text  # the footnote is no question


def test_a_tweede_kamer_number_is_the_id_and_several_members_are_read() -> None:
    found = read_set((FIXTURES / "open-2026Z21234.txt").read_text(encoding="utf-8"))
    assert found.id == "2026Z21234"
    assert found.members == ("Becker", "Michon-Derkzen")
    assert found.addressed == "de Minister van Sociale Zaken en Werkgelegenheid"


def test_a_notice_names_its_set_and_maybe_a_date() -> None:
    plain = read_notice(NOTICE.read_text(encoding="utf-8"))
    assert (plain.set_id, plain.received, plain.named_date) == (SET_ID, date(2026, 12, 9), None)
    dated = read_notice((FIXTURES / "mededeling-2026Z21234-datum.txt").read_text(encoding="utf-8"))
    assert (dated.set_id, dated.named_date) == ("2026Z21234", date(2027, 1, 15))


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Vraag 1\nWat is X?\nVraag 2: Hoe gaat Y verder?", [1, 2]),
        ("1. Wat is de taaleis precies?\n2) Hoeveel mensen vallen eronder?", [1, 2]),
        ("Kunnen jullie kijken? Wat doet het kabinet aan de taaleis?", [1, 2]),
        ("Dank voor het overleg van vandaag.", []),
    ],
)
def test_questions_are_found_in_loose_text(text: str, numbers: list[int]) -> None:
    assert [q.number for q in read_questions(text)] == numbers


def test_a_set_without_a_date_or_questions_is_refused_in_one_sentence() -> None:
    header = "Vragen van het lid Jansen (GL) aan de Minister van SZW over iets"
    with pytest.raises(SetProblem, match="geen geldige datum van indienen"):
        read_set(f"{header}.\n\nVraag 1\nWat is er aan de hand?\n")
    with pytest.raises(SetProblem, match="geen vragen"):
        read_set(f"{header} (ingezonden 3 maart 2026).\n\nDank u.\n")
    with pytest.raises(SetProblem, match="geldige datum"):
        read_set(f"{header} (ingezonden 31 februari 2026).\n\nVraag 1\nWat nu?\n")


# --------------------------------------------------------------------------- the life of a set


def test_register_postpone_answer(content_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "ingest", str(OPEN))
    assert (code, err) == (0, "")
    assert "antwoord uiterlijk 11 december 2026" in out
    [record] = kamervragen_records(capsys, "--all")
    assert (record["id"], record["due"], record["status"]) == (SET_ID, "2026-12-11", "open")
    assert record["start"] == "2026-11-20" and len(record["questions"]) == 4
    assert (content_dir / "kamervragen" / f"{SET_ID}.yaml").is_file()

    code, out, _ = run(capsys, "ingest", str(NOTICE))
    assert code == 0
    assert "van 11 december 2026 met drie weken naar 1 januari 2027" in out
    [record] = kamervragen_records(capsys, "--all")
    assert record["due"] == "2027-01-01"
    assert record["postponements"] == [
        {"received": "2026-12-09", "named_date": None, "due": "2027-01-01"}
    ]

    code, out, _ = run(capsys, "ingest", str(ANSWER))
    assert code == 0
    assert f"Kamervragen {SET_ID} zijn beantwoord" in out
    [record] = kamervragen_records(capsys, "--all")
    assert record["status"] == "beantwoord"
    assert record["answer"]["document"] == SET_ID and record["answer"]["date"] == "2026-12-28"
    assert kamervragen_records(capsys, "--from", "2026-12-01") == []  # closed: not listed
    assert run(capsys, "content", "check")[0] == 0


def test_a_notice_with_a_date_moves_the_deadline_there(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "ingest", str(FIXTURES / "open-2026Z21234.txt"))[0] == 0
    [record] = kamervragen_records(capsys, "--all")
    assert record["due"] == "2026-12-23"
    code, out, _ = run(capsys, "ingest", str(FIXTURES / "mededeling-2026Z21234-datum.txt"))
    assert code == 0 and "naar 15 januari 2027, de datum die de mededeling noemt" in out
    [record] = kamervragen_records(capsys, "--all")
    assert record["due"] == "2027-01-15"


def test_answers_with_another_id_close_the_set_by_its_questions(
    content_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "ingest", str(OPEN))[0] == 0
    text = ANSWER.read_text(encoding="utf-8").replace("(ingezonden 20 november 2026)", "")
    other = write(tmp_path, "2026D50001.txt", text)
    url = "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2026D50001"
    code, out, err = run(capsys, "ingest", str(other), "--url", url, "--datum", "2026-12-28")
    assert code == 0, err
    assert f"Kamervragen {SET_ID} zijn beantwoord in Kamervragen 2026D50001" in out
    [record] = kamervragen_records(capsys, "--all")
    assert record["answer"]["url"] == url


def test_the_same_set_twice_is_registered_once(
    content_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "ingest", str(OPEN))[0] == 0
    before = (content_dir / "kamervragen" / f"{SET_ID}.yaml").read_bytes()
    code, out, err = run(capsys, "ingest", str(OPEN))
    assert code == 2 and out == ""
    assert err.count(".") <= 3 and "staan al geregistreerd" in err
    # the same questions under another header (a Kamernummer) are the same set too
    copy = write(tmp_path, "kopie.txt", "2026Z20001\n" + OPEN.read_text(encoding="utf-8"))
    code, _, err = run(capsys, "ingest", str(copy))
    assert code == 2 and "staan al geregistreerd" in err
    assert sorted(p.name for p in (content_dir / "kamervragen").iterdir()) == [f"{SET_ID}.yaml"]
    assert (content_dir / "kamervragen" / f"{SET_ID}.yaml").read_bytes() == before
    code, _, err = run(capsys, "ingest", str(NOTICE))
    code, _, err = run(capsys, "ingest", str(NOTICE))
    assert code == 2 and "al verwerkt" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Vragen van het lid Jansen (GL) aan de Minister van SZW over de taal "
            "(ingezonden 3 maart 2026).\n\nGraag een reactie.\n",
            "herken er geen vragen in",
        ),
        (
            "Vragen van het lid Jansen (GL) aan de Minister van SZW over de taal.\n\n"
            "Vraag 1\nWat is er aan de hand?\n",
            "geen geldige datum van indienen",
        ),
        (
            "Mededeling van de Minister (ontvangen 1 april 2026)\n\nDe vragen van het lid Smit "
            "(CDA) aan de Minister over iets (ingezonden 10 maart 2026) kunnen niet binnen de "
            "gebruikelijke termijn worden beantwoord.\n",
            "die ik niet ken",
        ),
    ],
)
def test_bad_input_gets_one_sentence_and_writes_nothing(
    content_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    message: str,
) -> None:
    code, out, err = run(capsys, "ingest", str(write(tmp_path, "bron.txt", text)))
    assert code == 2 and out == "" and message in err
    assert len(err.strip().splitlines()) == 1
    assert not (content_dir / "kamervragen").exists()


def test_a_wrong_deadline_in_a_file_is_refused_naming_file_entry_and_field(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "ingest", str(OPEN))[0] == 0
    path = content_dir / "kamervragen" / f"{SET_ID}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("due: '2026-12-11'", "due: '2026-12-18'"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    [problem] = caught.value.problems
    assert problem.file == f"content/kamervragen/{SET_ID}.yaml"
    assert "2026-12-11" in problem.message and "drie weken" in problem.message
    path.write_text(path.read_text(encoding="utf-8").replace("sent:", "verzonden:"), "utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    fields = {(p.entry, p.field) for p in caught.value.problems}
    assert ("document", "sent") in fields and ("document", "verzonden") in fields


# --------------------------------------------------------------------------- where they show


def test_digest_dry_run_and_calendar_show_the_open_set(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "ingest", str(OPEN))[0] == 0
    now = ["--now", "2026-12-07T09:00:00+01:00"]
    code, out, err = run(capsys, "digest", "--dry-run", *now)
    assert (code, err) == (0, "")
    line = next(line for line in out.splitlines() if SET_ID in line)
    assert "Kamervragen Jansen: de taaleis in de Participatiewet" in line
    assert "11 december" in line and "nog 4 dagen" in line
    code, out, _ = run(capsys, "digest", "--dry-run", *now, "--json")
    [record] = json.loads(out)["kamervragen"]
    assert (record["id"], record["due"], record["days_left"]) == (SET_ID, "2026-12-11", 4)
    ics = calendar_for_content(
        load_content(content_dir), {}, pillar=None, now=datetime(2026, 12, 7, tzinfo=UTC)
    ).decode()
    assert f"UID:kamervragen-{SET_ID}@agendabot.szw" in ics
    assert "DTSTART;VALUE=DATE:20261211" in ics


def test_a_set_with_a_pillar_shows_only_to_that_pillar(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "ingest", str(OPEN), "--pijler", "2")
    assert code == 0 and "Pijler 2: alleen wie die pijler volgt" in out
    [record] = kamervragen_records(capsys, "--all")
    assert record["pillar"] == 2
    assert run(capsys, "ingest", str(FIXTURES / "open-2026Z21234.txt"))[0] == 0  # no pillar
    now = ["--now", "2026-12-07T09:00:00+01:00"]
    shown = {}
    for pillar in ("1", "2", "all"):
        code, out, _ = run(
            capsys, "digest", "--dry-run", *now, "--weeks", "4", "--pillar", pillar, "--json"
        )
        assert code == 0
        shown[pillar] = {r["id"] for r in json.loads(out)["kamervragen"]}
    assert shown["1"] == {"2026Z21234"}, "pillar 1 does not see a pillar-2 set"
    assert shown["2"] == shown["all"] == {SET_ID, "2026Z21234"}
    letter = ROOT / "tests" / "fixtures" / "documents" / "kst-31749-8.txt"
    code, _, err = run(capsys, "ingest", str(letter), "--pijler", "1", "--droog")
    assert code != 0 and "--pijler geldt alleen voor nieuwe Kamervragen" in err


@pytest.fixture
async def store(sqlite_url: str) -> AsyncIterator[AsyncStore]:
    opened = await AsyncStore.open(sqlite_url)
    try:
        yield opened
    finally:
        await opened.close()


async def test_agenda_kamervragen_and_the_app_home(
    content_dir: Path, store: AsyncStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "ingest", str(OPEN))[0] == 0
    assert run(capsys, "ingest", str(FIXTURES / "open-2026Z21234.txt"))[0] == 0
    knowledge = load_knowledge(content_dir)
    assert all(isinstance(s, KamervragenSet) for s in knowledge.content.kamervragen)
    bot = create_bot(lambda: knowledge, store, BotConfig(deadline_weeks=8))
    now = datetime(2026, 12, 14, 9, 0, tzinfo=UTC)
    reply = await bot.handle(Command("/agenda", "kamervragen", "U1", "C1"), now=now)
    text = render_text(reply)
    assert reply.ephemeral and "Open Kamervragen (2)" in text
    assert "11 december · 3 dagen over de datum" in text
    assert "23 december · nog 9 dagen" in text
    assert text.index(SET_ID) < text.index("2026Z21234")  # by deadline
    home = render_text(await bot.handle(HomeOpened("U0ALICE01"), now=now))
    assert "Open Kamervragen (2)" in home and SET_ID in home
    help_text = render_text(await bot.handle(Command("/agenda", "help", "U1", "C1"), now=now))
    assert "/agenda kamervragen" in help_text


async def test_agenda_deadlines_puts_the_open_kamervragen_first_by_pillar(
    content_dir: Path, store: AsyncStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "ingest", str(OPEN), "--pijler", "2")[0] == 0  # due 11 December
    assert run(capsys, "ingest", str(FIXTURES / "open-2026Z21234.txt"))[0] == 0  # no pillar
    knowledge = load_knowledge(content_dir)
    bot = create_bot(lambda: knowledge, store, BotConfig(deadline_weeks=8))
    now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)

    async def deadlines(text: str) -> str:
        return render_text(await bot.handle(Command("/agenda", text, "U1", "C1"), now=now))

    everything = await deadlines("deadlines weken 4")
    assert "Kamervragen (2)" in everything
    assert everything.index(SET_ID) < everything.index("Binnenkort"), "the tightest first"
    assert "11 december · nog 4 dagen" in everything
    pillar_1 = await deadlines("deadlines pijler 1 weken 4")
    assert "Kamervragen (1)" in pillar_1 and "2026Z21234" in pillar_1 and SET_ID not in pillar_1
    assert SET_ID in await deadlines("deadlines pijler 2 weken 4")
    code, out, _ = run(capsys, "deadlines", "--pillar", "1", "--weeks", "4", "--json")
    cli = {r["id"] for r in json.loads(out) if r["kind"] == "kamervragen"}
    assert code == 0 and cli == {"2026Z21234"}, "the command line selects the same sets"


async def test_agenda_kamervragen_without_any(store: AsyncStore) -> None:
    knowledge = load_knowledge()
    bot = create_bot(lambda: knowledge, store, BotConfig())
    reply = await bot.handle(Command("/agenda", "kamervragen", "U1", "C1"), now=datetime.now(UTC))
    assert render_text(reply) == "Er staan geen open Kamervragen."


def test_a_real_set_from_tweedekamer_nl_is_read() -> None:
    """The header and questions of a real set (tweedekamer.nl, kamervragen/detail
    2025D04328, without the answers that page now carries below each question)."""
    text = (FIXTURES / "tk-2025D04328-vragen-erkens.txt").read_text(encoding="utf-8")
    parsed = read_set(text)
    assert parsed.members == ("Erkens",)
    assert parsed.addressed == "de Minister van Binnenlandse Zaken en Koninkrijksrelaties"
    assert parsed.sent == date(2024, 12, 20)
    assert parsed.subject is not None and parsed.subject.startswith("overbodige functies")
    assert [q.number for q in parsed.questions] == [1, 2]
    assert parsed.questions[1].text.startswith("Kunt u aangeven hoeveel jaar groei")
    assert parsed.questions[1].text.endswith("wordt gerealiseerd?"), "lines joined"
    assert parsed.id == "kv-20241220-erkens"
    assert register(parsed, {}).due == date(2025, 1, 10)  # ingezonden + 3 weeks


def test_a_real_set_from_officielebekendmakingen_keeps_its_kamernummer() -> None:
    """kv-tk-2016Z00081 ("Kamervragen zonder Antwoord"): the page's metadata table is
    flattened to "…Staten-Generaal2015-20162016Z00081"; that number is the set's id."""
    text = (FIXTURES / "kv-tk-2016Z00081.txt").read_text(encoding="utf-8")
    parsed = read_set(text)
    assert parsed.id == "2016Z00081"
    assert parsed.members == ("Kuzu", "Öztürk")
    assert parsed.addressed.startswith("de Minister van Sociale Zaken en Werkgelegenheid en")
    assert parsed.sent == date(2016, 1, 6)
    assert [q.number for q in parsed.questions] == [1, 2, 3, 4, 5, 6, 7]
    assert parsed.questions[0].text.endswith("te ontstaan»?"), "the footnote mark is dropped"
    assert register(parsed, {}).due == date(2016, 1, 27)
    # a session and an own number glued together is not a Kamernummer
    assert read_set(text.replace("2015-20162016Z00081", "2015-20161365")).id == "kv-20160106-kuzu"
