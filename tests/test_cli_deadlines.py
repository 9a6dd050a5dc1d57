"""`agendabot deadlines`, `agendabot toezegging` and `agendabot voorstellen` on the real content."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from agendabot.cli import build_parser, main
from agendabot.content import Content, default_content_dir, load_content

JSON_KEYS = {"id", "title", "pillar", "due", "start", "when_text", "quote", "source", "status"}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


class TestAcceptance:
    """`agendabot deadlines --pillar 1 --from 2026-01-01 --weeks 13`."""

    ARGS = ("deadlines", "--pillar", "1", "--from", "2026-01-01", "--weeks", "13")

    def test_lists_the_dialogue_and_the_prayer_call_proposals_due_31_march(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(capsys, *self.ARGS)
        assert code == 0 and err == ""
        lines = out.splitlines()
        for commitment_id in ("nationale-dialoog", "gebedsoproep-verbetervoorstellen"):
            line = next(line for line in lines if line.endswith(commitment_id))
            assert line.startswith("2026-03-31")
        assert "1 januari 2026 t/m 2 april 2026, pijler 1" in lines[0]

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        items = run_json(capsys, *self.ARGS)
        by_id = {item["id"]: item for item in items}
        assert by_id["nationale-dialoog"]["due"] == "2026-03-31"
        assert by_id["nationale-dialoog"]["when_text"] == "het eerste kwartaal van 2026"
        assert by_id["gebedsoproep-verbetervoorstellen"]["due"] == "2026-03-31"
        assert by_id["gebedsoproep-verbetervoorstellen"]["when_text"] == "begin 2026"
        for item in items:
            assert item.keys() >= JSON_KEYS
            assert item["pillar"] == 1
            assert item["status"] == "open"
            assert "2026-01-01" <= item["due"] <= "2026-04-02"
        dues = [item["due"] for item in items]
        assert dues == sorted(dues)
        assert by_id["nationale-dialoog"]["source"] == "Kamerstuk 32 824, nr. 456, §1.6 en §4"


def test_all_lists_every_commitment(capsys: pytest.CaptureFixture[str], content: Content) -> None:
    items = run_json(capsys, "deadlines", "--all")
    assert sorted(item["id"] for item in items) == sorted(c.id for c in content.commitments)
    assert {item["status"] for item in items} == {"open", "afgerond"}


def test_pillar_two(capsys: pytest.CaptureFixture[str]) -> None:
    items = run_json(capsys, "deadlines", "--all", "--pillar", "2")
    assert items and all(item["pillar"] == 2 for item in items)
    assert "sowis-tweede-tijdvak" in {item["id"] for item in items}


def test_overdue_only(capsys: pytest.CaptureFixture[str]) -> None:
    items = run_json(capsys, "deadlines", "--overdue", "--from", "2025-10-01")
    assert items
    assert all(item["due"] < "2025-10-01" and item["status"] == "open" for item in items)
    assert "sowis-tweede-tijdvak" in {item["id"] for item in items}
    assert "knm-eindtermen-holocaust" not in {item["id"] for item in items}  # afgerond


def test_default_is_eight_weeks_from_today_plus_overdue(
    capsys: pytest.CaptureFixture[str], content: Content
) -> None:
    today = date(2025, 9, 1)
    args = build_parser().parse_args(["deadlines", "--json"])
    assert args.func(args, today=today) == 0
    items = json.loads(capsys.readouterr().out)
    ids = {item["id"] for item in items}
    expected = {
        c.id
        for c in content.commitments
        if c.status == "open" and c.due <= today + timedelta(weeks=8)
    }
    assert ids == expected
    assert "sowis-tweede-tijdvak" in ids  # due 30 September: in the window
    assert "gebedsoproep-gesprekken" in ids  # due 30 June: overdue
    assert {item["overdue"] for item in items if item["id"] == "gebedsoproep-gesprekken"} == {True}


def test_text_marks_overdue_ones(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["deadlines"])
    assert args.func(args, today=date(2025, 9, 1)) == 0
    out = capsys.readouterr().out
    assert "2025-06-30  gebedsoproep-gesprekken  [OVER DE DATUM]" in out
    assert "“tot en met 30 september 2025”: 4 juli 2025 t/m 30 september 2025" in out


def test_empty_window(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadlines", "--from", "2031-01-01", "--weeks", "4")
    assert code == 0 and out.strip().endswith(": geen.")


class TestToezegging:
    def test_text_shows_both_locations(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "toezegging", "nationale-dialoog")
        assert code == 0
        assert out.startswith("nationale-dialoog: Nationale dialoog met sleutelfiguren")
        assert "1 januari 2026 t/m 31 maart 2026 (deadline 31 maart 2026)" in out
        assert "— Kamerstuk 32 824, nr. 456, §1.6" in out
        assert "“Deze dialoog vindt plaats in het eerste kwartaal van 2026.”" in out
        assert "— Kamerstuk 32 824, nr. 456, §4" in out
        assert "vragen 88, 89 en 134" in out

    def test_override_reason_is_shown(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "toezegging", "gebedsoproep-nulmeting")
        assert code == 0 and "Bewust afwijkende datum: De zin noemt geen termijn." in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        item = run_json(capsys, "toezegging", "obi-meldpunt")
        assert item.keys() >= JSON_KEYS
        assert item["when_text"] == "nog dit jaar" and item["due"] == "2025-12-31"
        assert [s["citation"] for s in item["sources"]] == [
            "Kamerstuk 32 824, nr. 456, §1.4",
            "Kamerstuk 32 824, nr. 451, vraag 137",
        ]
        assert "na afronding van de pilot-fase" in item["sources"][1]["quote"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["toezegging", "dialoog"],
            "Toezegging 'dialoog' ken ik niet. Bedoelt u nationale-dialoog?",
        ),
        (["toezegging", "xyz"], "Alle ids staan in `agendabot deadlines --all`."),
        (["deadlines", "--pillar", "3"], "Pijler '3' bestaat niet; kies 1"),
        (["deadlines", "--pillar", "een"], "Pijler 'een' bestaat niet"),
        (["deadlines", "--from", "2026-13-01"], "Datum '2026-13-01' begrijp ik niet"),
        (["deadlines", "--from", "morgen"], "schrijf JJJJ-MM-DD"),
        (["deadlines", "--weeks", "-1"], "geef een heel getal van 0 tot 520"),
        (["deadlines", "--weeks", "acht"], "Aantal weken 'acht' begrijp ik niet"),
        (["voorstellen", "32824-999"], "Document '32824-999' ken ik niet"),
    ],
)
def test_bad_input_gets_one_dutch_sentence_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


class TestVoorstellen:
    def test_new_candidates_only_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        items = run_json(capsys, "voorstellen", "kamerstuk-32824-456")
        assert items and all(item["known"] is None for item in items)
        assert all(item["document"] == "32824-456" for item in items)

    def test_all_includes_known_ones(self, capsys: pytest.CaptureFixture[str]) -> None:
        items = run_json(capsys, "voorstellen", "32824-456", "--alle")
        known = {item["known"] for item in items}
        assert {"nationale-dialoog", "gebedsoproep-verbetervoorstellen"} <= known

    def test_yaml_is_a_record_to_complete(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "voorstellen", "32824-451", "--yaml")
        assert code == 0
        assert out.count("  - id: TODO") >= 10
        assert '      - {document: "32824-451", questions: [' in out


def test_ingest_lists_candidate_commitments(capsys: pytest.CaptureFixture[str]) -> None:
    source = default_content_dir() / "sources" / "kamerstuk-32824-456-voortgangsbrief.txt"
    written = Path(default_content_dir()) / "documents" / "kamerstuk-32824-456.yaml"
    before = written.read_bytes()
    code, out, err = run(capsys, "ingest", str(source), "--droog")
    assert code == 0, err
    assert written.read_bytes() == before
    assert "Kandidaat-toezeggingen:" in out
    assert "al in content/commitments.yaml" in out
    assert "agendabot voorstellen 32824-456 --yaml" in out


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("deadlines", "toezegging", "voorstellen"):
        assert command in out
