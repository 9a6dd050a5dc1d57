"""`agendabot vraag`, `brief`, `ingest` and `content check` through the real CLI entry point."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agendabot.cli import main

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_vraag_79_shows_the_shared_answer(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "vraag", "79")
    assert (code, err) == (0, "")
    assert out.startswith("Vraag 79\n\nOp welke «monoculturele, hechte of gesloten gemeenschappen»")
    assert "Gesloten gemeenschappen kunnen gemeenschappen zijn" in out
    assert "samen met vraag 47, 80, 83, 84, 109, 110, 111, 114 en 124" in out
    assert "Bron: Kamerstuk 32 824, nr. 451, vraag 79 (8 april 2025)" in out
    assert "https://zoek.officielebekendmakingen.nl/kst-32824-451.html" in out


def test_vraag_reference_says_where_the_answer_comes_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "vraag", "221")
    assert code == 0
    assert "Zie antwoord op vraag 70." in out
    assert "verwijst naar vraag 70" in out
    code, out, _ = run(capsys, "vraag", "21")
    assert "het antwoord staat bij vraag 22" in out
    assert "Ik doel hier met name op de individuele vrijheid" in out


def test_vraag_shows_footnotes(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "vraag", "1")
    assert "Voetnoten\n[1] CBS, Kernindicatoren integratie: https://dashboards.cbs.nl" in out
    assert "[4] CBS" in out


def test_vraag_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "vraag", "47", "--json")
    assert code == 0
    data = json.loads(out)
    assert {
        "number",
        "question",
        "answer",
        "group",
        "refers_to",
        "footnotes",
        "citation",
        "url",
    } <= set(data)
    assert data["number"] == 47
    assert data["group"] == [47, 79, 80, 83, 84, 109, 110, 111, 114, 124]
    assert data["refers_to"] == []
    assert data["citation"] == "Kamerstuk 32 824, nr. 451, vraag 47"
    assert data["url"] == "https://zoek.officielebekendmakingen.nl/kst-32824-451.html"
    assert data["answer"].startswith("Gesloten gemeenschappen kunnen gemeenschappen zijn")

    _, out, _ = run(capsys, "vraag", "106", "--json")
    data = json.loads(out)
    assert data["refers_to"] == [72, 96]
    assert data["group"] == [106]
    assert "(Antwoord op vraag 72:)" in data["answer"]
    assert "(Antwoord op vraag 96:)" in data["answer"]

    _, out, _ = run(capsys, "vraag", "87", "--json")
    assert json.loads(out)["footnotes"] == [
        {
            "number": 24,
            "text": "Kamerstuk 36 651, nr. 34.",
            "url": "https://zoek.officielebekendmakingen.nl/kst-36651-34.html",
        }
    ]


def test_vraag_all_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "vraag", "--all", "--json")
    assert code == 0
    data = json.loads(out)
    assert [item["number"] for item in data] == list(range(1, 236))
    assert all(item["answer"].strip() for item in data)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("vraag", "0"), "Vraag 0 bestaat niet; de lijst heeft vragen 1 tot en met 235."),
        (("vraag", "236"), "Vraag 236 bestaat niet; de lijst heeft vragen 1 tot en met 235."),
        (("vraag", "abc"), "'abc' is geen vraagnummer; de lijst heeft vragen 1 tot en met 235."),
        (("vraag", "-3"), "'-3' is geen vraagnummer; de lijst heeft vragen 1 tot en met 235."),
        (("vraag", "²"), "'²' is geen vraagnummer; de lijst heeft vragen 1 tot en met 235."),
        (("brief", "9.9"), "Paragraaf '9.9' staat niet in de brief; kies uit 1.1, 1.2,"),
    ],
)
def test_bad_input_is_one_dutch_sentence(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], expected: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith(expected)
    assert err.count("\n") == 1 and err.rstrip().endswith(".")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("vraag", "1", "2"), "Dat begrijp ik niet: onbekend argument: 2."),
        (("toezegging",), "Dat begrijp ik niet: ID ontbreekt."),
        (("deadlines", "--from"), "Dat begrijp ik niet: --from verwacht een waarde."),
        (
            ("ingest", "bron.txt", "--soort", "notulen"),
            "Dat begrijp ik niet: 'notulen' is geen geldige keuze voor --soort; kies uit "
            "'vragen-en-antwoorden', 'kamervragen', 'brief'.",
        ),
    ],
)
def test_argument_errors_are_dutch(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], expected: str
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == expected
    assert "Traceback" not in err


def test_brief_section(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "brief", "1.7", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["number"], data["title"], data["pillar"]) == (
        "1.7",
        "Verbeteren regelgeving versterkte gebedsoproep",
        1,
    )
    assert "betere regels wil voor versterkte oproepen tot gebed" in data["text"]
    code, out, _ = run(capsys, "brief", "3")
    assert "Tabel: nieuw toegekende middelen bij VJN (x 1 mln.)" in out
    assert "Taaleis (2.4)*" in out
    code, out, _ = run(capsys, "brief")
    assert "Pijler 2: Nieuwkomers aan het werk" in out and "  2.6 Gelijke kansen" in out


def test_content_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "content", "check")
    assert code == 0
    assert out.startswith("Content in orde: ") and "235 vragen" in out

    broken = tmp_path / "content"
    shutil.copytree(CONTENT / "documents", broken / "documents")
    path = broken / "documents" / "kamerstuk-32824-451.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  group: [21, 22]", "  group: [21, 22, 999]", 1),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "content", "check", "--content", str(broken))
    assert code == 1
    assert (
        "content/documents/kamerstuk-32824-451.yaml: vraag 21, veld 'group': "
        "noemt vraag 999, die niet bestaat"
    ) in err
    assert "vraag 22, veld 'group'" in err  # the other member now disagrees

    code, _, err = run(capsys, "vraag", "1", "--content", str(broken))
    assert code == 2 and "agendabot content check" in err


def test_ingest_reproduces_the_committed_content(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The YAML under content/documents/ is exactly what `agendabot ingest` writes."""
    out_dir = tmp_path / "content"
    (out_dir / "documents").mkdir(parents=True)
    for name in ("kamerstuk-32824-451.yaml", "kamerstuk-32824-456.yaml"):
        # Title and date the Q&A source does not print come from the earlier file.
        shutil.copy(CONTENT / "documents" / name, out_dir / "documents" / name)
    for source in sorted((CONTENT / "sources").glob("kamerstuk-32824-45*.txt")):
        code, out, err = run(
            capsys,
            "ingest",
            str(source),
            "--content",
            str(CONTENT),
            "--uit",
            str(out_dir / "documents" / _target(source)),
        )
        assert code == 0, err
        assert "Kamerstuk 32 824" in out
    for name in ("kamerstuk-32824-451.yaml", "kamerstuk-32824-456.yaml"):
        assert (out_dir / "documents" / name).read_text(encoding="utf-8") == (
            CONTENT / "documents" / name
        ).read_text(encoding="utf-8")


def _target(source: Path) -> str:
    return "kamerstuk-32824-451.yaml" if "451" in source.name else "kamerstuk-32824-456.yaml"


def test_ingest_summary_and_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = CONTENT / "sources" / "kamerstuk-32824-451-vragen-en-antwoorden.txt"
    code, out, _ = run(
        capsys,
        "ingest",
        str(source),
        "--content",
        str(tmp_path),
        "--titel",
        "Proef",
        "--datum",
        "2025-04-08",
        "--droog",
    )
    assert code == 0
    assert "235 vragen, 8 groepen met een gezamenlijk antwoord" in out
    assert not (tmp_path / "documents").exists()
    code, _, err = run(capsys, "ingest", str(source), "--content", str(tmp_path))
    assert code == 2 and "--titel" in err
    code, _, err = run(capsys, "ingest", str(tmp_path / "nergens.txt"))
    assert code == 2 and "bestaat niet" in err
    code, _, err = run(capsys, "ingest", str(source), "--datum", "8-4-2025", "--droog")
    assert code == 2 and "JJJJ-MM-DD" in err


def test_ingest_dry_json_prints_the_document_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    source = root / "sources" / "kamerstuk-32824-451-vragen-en-antwoorden.txt"
    code, out, err = run(capsys, "ingest", str(source), "--content", str(root), "--droog", "--json")
    assert code == 0, err
    parsed = json.loads(out)
    assert {k: parsed[k] for k in ("id", "kind", "dossier", "number", "date")} == {
        "id": "32824-451",
        "kind": "vragen-en-antwoorden",
        "dossier": "32 824",
        "number": 451,
        "date": "2025-04-08",
    }
    assert [q["number"] for q in parsed["questions"]] == list(range(1, 236))
    assert parsed["questions"][46]["answer"].startswith("Gesloten gemeenschappen kunnen")
    assert parsed["questions"][46]["group"] == [47, 79, 80, 83, 84, 109, 110, 111, 114, 124]
    assert parsed["sections"] == [] and parsed["proposals"]
    assert {"source", "when_text", "due"} <= set(parsed["proposals"][0])
    letter = root / "sources" / "kamerstuk-32824-456-voortgangsbrief.txt"
    code, out, _ = run(capsys, "ingest", str(letter), "--content", str(root), "--droog", "--json")
    sections = json.loads(out)["sections"]
    assert {
        "number": "1.7",
        "title": "Verbeteren regelgeving versterkte gebedsoproep",
    }.items() <= next(s for s in sections if s["number"] == "1.7").items()
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_ingest_never_overwrites_a_hand_edited_file_without_vervang(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    source = root / "sources" / "kamerstuk-32824-451-vragen-en-antwoorden.txt"
    target = root / "documents" / "kamerstuk-32824-451.yaml"
    code, out, _ = run(capsys, "ingest", str(source), "--content", str(root))
    assert code == 0 and "ongewijzigd" in out
    edited = target.read_text(encoding="utf-8").replace(
        "Gesloten gemeenschappen kunnen", "Gesloten gemeenschappen kúnnen"
    )
    target.write_text(edited, encoding="utf-8")

    code, _, err = run(capsys, "ingest", str(source), "--content", str(root))
    assert code == 2 and "--vervang" in err and err.count("\n") == 1
    assert target.read_text(encoding="utf-8") == edited

    code, _, err = run(capsys, "ingest", str(source), "--content", str(root), "--vervang")
    assert code == 0, err
    assert target.read_bytes() == (CONTENT / "documents" / "kamerstuk-32824-451.yaml").read_bytes()
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []


def test_brief_section_text_names_the_letter_and_its_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "brief", "1.6")
    assert code == 0
    assert "Bron: Kamerstuk 32 824, nr. 456, paragraaf 1.6 (4 juli 2025)" in out
