"""Ingest reads a document as PDF, as an HTML page, or as plain text, with the same result.

The PDF is drawn in the test (fpdf2) from a real excerpt, and the HTML page wraps the same
excerpt in the structure of an officielebekendmakingen.nl page (metadata, menu, cookie banner,
scripts, the document in `#broodtekst`); the parse must equal the plain text's.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF

from agendabot.cli import main
from agendabot.formats import FormatError, text_from_bytes

FIXTURE = Path(__file__).parent / "fixtures" / "documents" / "kst-31749-8.txt"
LINES = [line for line in FIXTURE.read_text("utf-8").splitlines() if line.strip()]


def _parsed(capsys: pytest.CaptureFixture[str], source: Path, root: Path) -> Any:
    assert main(["ingest", str(source), "--content", str(root), "--droog", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _essentials(parsed: Any) -> Any:
    keep = ("id", "kind", "dossier", "number", "date")
    questions = [(q["number"], q["question"], q["answer"]) for q in parsed["questions"]]
    return {k: parsed[k] for k in keep}, questions


@pytest.fixture
def from_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Any:
    return _essentials(_parsed(capsys, FIXTURE, tmp_path))


def test_a_pdf_reads_like_its_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, from_text: Any
) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in LINES:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    source = tmp_path / "kst-31749-8.pdf"
    source.write_bytes(bytes(pdf.output()))
    meta, questions = _essentials(_parsed(capsys, source, tmp_path))
    assert meta == from_text[0]
    assert [q[0] for q in questions] == [1, 2]
    assert questions[0][1].startswith("Wat zijn de verwachte effecten")
    assert questions[0][2].startswith("De verwachting is dat een nieuw")


def _page(paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="nl"><head>
<meta charset="utf-8">
<title>Kamerstuk 31749, nr. 8 | Overheid.nl &gt; Officiële bekendmakingen</title>
<meta name="DC.identifier" content="kst-31749-8">
<meta name="DCTERMS.issued" content="2011-05-02">
<script>window.dataLayer = [];</script><style>p {{ margin: 0 }}</style>
</head><body>
<header><div class="cookie">Wij gebruiken cookies. <button>Akkoord</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/zoeken">Zoeken</a></li></ul></nav></header>
<div id="broodtekst">
{body}
<table><tr><th>Jaar</th><th>Bedrag</th></tr><tr><td>2011</td><td>10,6</td></tr></table>
</div>
<footer><p>Over deze site</p></footer>
</body></html>"""


def test_an_html_page_reads_like_its_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, from_text: Any
) -> None:
    source = tmp_path / "kst-31749-8.html"
    source.write_text(_page(LINES), encoding="utf-8")
    text = text_from_bytes(source.read_bytes(), name=source.name)
    assert text.splitlines()[0] == "Identifier: kst-31749-8"
    for noise in ("cookies", "Zoeken", "dataLayer", "margin", "Over deze site"):
        assert noise not in text
    assert "Jaar | Bedrag" in text and "2011 | 10,6" in text
    meta, questions = _essentials(_parsed(capsys, source, tmp_path))
    assert meta == from_text[0]
    assert questions[:-1] == from_text[1][:-1]
    last, expected = questions[-1], from_text[1][-1]
    assert last[:2] == expected[:2] and last[2].startswith(expected[2])
    assert last[2].endswith("2011 | 10,6")  # the page's table follows the last answer


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    data = "Vastgesteld 2 mei 2011 – «Terugblik»".encode("cp1252")
    assert text_from_bytes(data, name="x.txt") == "Vastgesteld 2 mei 2011 – «Terugblik»"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7\n%broken\n1 0 obj <<>>\n", "geen leesbare PDF"),
        (b"\x00\x01\x02\x03binary", "geen leesbare PDF, HTML of tekst"),
    ],
)
def test_a_damaged_file_gets_one_sentence_and_nothing_is_written(
    data: bytes, words: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(FormatError, match=words):
        text_from_bytes(data, name="stuk.pdf")
    source = tmp_path / "stuk.pdf"
    source.write_bytes(data)
    assert main(["ingest", str(source), "--content", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and "\n" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stuk.pdf"]
