"""The general parser on real documents of other layouts (tests/fixtures/documents/).

Each fixture is a verbatim excerpt of a public document (officielebekendmakingen.nl or
tweedekamer.nl, 1999–2024); `manifest.json` holds what a reader sees in it, written from the
text, not from the parser's output. Every one goes through the real CLI, as a user would:
`agendabot ingest BRON --url URL --droog --json`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agendabot.cli import main
from agendabot.content import load_content
from agendabot.core.documents.header import read_header

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
MANIFEST: list[dict[str, Any]] = json.loads((FIXTURES / "manifest.json").read_text("utf-8"))


def _ingest(capsys: pytest.CaptureFixture[str], entry: dict[str, Any], root: Path) -> Any:
    argv = ["ingest", str(FIXTURES / entry["file"]), "--content", str(root), "--droog", "--json"]
    code = main([*argv, "--url", entry["source_url"]])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def test_the_fixtures_cover_enough_layouts() -> None:
    assert len(MANIFEST) >= 12
    assert len({entry["layout"] for entry in MANIFEST}) >= 6
    assert {entry["expected"]["kind"] for entry in MANIFEST} == {
        "vragen-en-antwoorden",
        "kamervragen",
        "brief",
    }


@pytest.mark.parametrize("entry", MANIFEST, ids=[entry["file"] for entry in MANIFEST])
def test_each_real_document_parses(
    entry: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    expected = entry["expected"]
    parsed = _ingest(capsys, entry, tmp_path)
    for key in ("id", "kind", "dossier", "number", "date"):
        assert parsed[key] == expected[key], key
    numbers = [q["number"] for q in parsed["questions"]]
    assert numbers[: len(expected["first_questions"])] == expected["first_questions"]
    if expected["question_1_starts"]:
        first = parsed["questions"][0]
        assert first["question"].startswith(expected["question_1_starts"])
        assert first["answer"].startswith(expected["answer_1_starts"])
        assert expected["answer_1_starts"] not in first["question"]
    if expected["headings"] is not None:
        titles = [s["title"] for s in parsed["sections"]]
        assert titles[: len(expected["headings"])] == expected["headings"]
    assert list(tmp_path.iterdir()) == []  # --droog writes nothing


def test_a_cross_reference_is_not_the_documents_own_number() -> None:
    text = (FIXTURES / "tk-2022D31072.txt").read_text("utf-8")
    assert "nr. 3173" in text
    header = read_header(text.splitlines())
    assert header.kind == "kamervragen" and header.id is not None
    assert "3173" not in header.id and header.number is None


def test_the_aanhangsel_id_comes_from_the_text_without_a_url() -> None:
    text = (FIXTURES / "ah-tk-20142015-1365.txt").read_text("utf-8")
    header = read_header(text.splitlines())
    assert (header.kind, header.id) == ("kamervragen", "ah-tk-20142015-1365")
    assert header.date is not None and header.date.isoformat() == "2015-02-25"


def test_numbered_lists_inside_a_letter_are_not_headings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    entry = next(e for e in MANIFEST if e["file"] == "tk-2018D55739.txt")
    sections = _ingest(capsys, entry, tmp_path)["sections"]
    assert [s["title"] for s in sections] == ["Inleiding", "Uitkomsten tussentijdse evaluatie"]
    assert "€ 85 mln. wordt jaarlijks" in sections[0]["text"]


def test_a_second_list_is_ingested_and_addressed_beside_nr_451(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The acceptance path: ingest another dossier's list, then `vraag 47` still reads nr. 451
    and `vraag 31749-8:1` reads the new one, naming it."""
    root = tmp_path / "content"
    source_root = load_content().root
    for path in source_root.rglob("*.yaml"):
        target = root / path.relative_to(source_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    source = FIXTURES / "kst-31749-8.txt"
    assert main(["ingest", str(source), "--content", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Kamerstuk 31 749, nr. 8" in out
    assert (root / "documents" / "kamerstuk-31749-8.yaml").is_file()

    assert main(["vraag", "47", "--json", "--content", str(root)]) == 0
    default = json.loads(capsys.readouterr().out)
    assert default["document"] == "32824-451"
    assert main(["vraag", "31749-8:1", "--json", "--content", str(root)]) == 0
    other = json.loads(capsys.readouterr().out)
    assert other["document"] == "31749-8"
    assert other["citation"].startswith("Kamerstuk 31 749, nr. 8")
    assert other["answer"].startswith("De verwachting is dat een nieuw")


def test_new_questions_without_answers_are_registered_as_open_not_as_a_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = (FIXTURES / "tk-2024D18824.txt").read_text("utf-8").splitlines()
    questions_only = [
        line
        for line in lines
        if not line.startswith(("Antwoord", "Ja.", "Wij ", "Politie", "hun werk", "van Justitie"))
    ]
    source = tmp_path / "nieuw.txt"
    source.write_text("\n".join(questions_only), encoding="utf-8")
    assert main(["ingest", str(source), "--content", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Nieuwe Kamervragen kv-20240219-becker" in out  # issue 15: registered as open
    assert "antwoord uiterlijk 11 maart 2024" in out
    assert (tmp_path / "kamervragen" / "kv-20240219-becker.yaml").is_file()
    assert not (tmp_path / "documents").exists()


def test_an_unrecognised_text_gets_one_sentence_naming_what_was_expected(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "boodschappen.txt"
    source.write_text("melk\nbrood\nkaas\n", encoding="utf-8")
    assert main(["ingest", str(source), "--content", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "dossier- en documentnummer" in err and "\n" not in err


def test_eval_takes_gold_in_other_documents_as_addresses(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "content"
    source_root = load_content().root
    for path in source_root.rglob("*.yaml"):
        target = root / path.relative_to(source_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    assert main(["ingest", str(FIXTURES / "kst-31749-8.txt"), "--content", str(root)]) == 0
    capsys.readouterr()
    queries = tmp_path / "queries.jsonl"
    rows = [
        {"id": "o1", "query": "effect bezuinigingen UWV Werkbedrijf op aanpak jeugdwerkloosheid",
         "gold": ["31749-8:1"]},
        {"id": "d1", "query": "wat zijn gesloten gemeenschappen", "gold": [47]},
    ]  # fmt: skip
    queries.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    monkeypatch.setenv("CONTENT_DIR", str(root))
    assert main(["eval", str(queries), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    by_id = {q["id"]: q for q in report["queries"]}
    assert by_id["o1"]["results"][0] == ["31749-8:1"]
    assert 47 in by_id["d1"]["results"][0]
    assert report["summary"]["top1"] == 1.0

    queries.write_text(json.dumps({"id": "x", "query": "q", "gold": ["nergens"]}) + "\n")
    assert main(["eval", str(queries)]) == 2
    assert "31749-8:1" in capsys.readouterr().err


def test_one_answer_for_several_questions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The questions of a real set, answered together under "Antwoord op vraag 1 en 2:"."""
    lines = (FIXTURES / "tk-2024D18824.txt").read_text("utf-8").splitlines()
    head = lines[: lines.index("Vraag 1")]
    first = lines[lines.index("Vraag 1") : lines.index("Antwoord 1")]
    second = lines[lines.index("Vraag 2") : lines.index("Antwoord 2")]
    answer = lines[lines.index("Antwoord 2") + 1 :]
    source = tmp_path / "samen.txt"
    text = [*head, *first, *second, "Antwoord op vraag 1 en 2:", *answer]
    source.write_text("\n".join(text) + "\n", encoding="utf-8")
    assert main(["ingest", str(source), "--content", str(tmp_path), "--droog", "--json"]) == 0
    questions = json.loads(capsys.readouterr().out)["questions"]
    assert [(q["number"], q["group"]) for q in questions] == [(1, [1, 2]), (2, [1, 2])]
    assert questions[1]["answer"].startswith("Wij veroordelen elke vorm van geweld")
    assert questions[0]["question"].startswith("Bent u bekend met het bericht")
