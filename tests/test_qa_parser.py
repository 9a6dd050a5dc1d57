"""The Q&A parser on the real list (Kamerstuk 32 824, nr. 451) and on small variants."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from agendabot.core.documents.models import DocumentKind, DocumentMeta, QADocument
from agendabot.core.documents.qa_parser import (
    ParsedQA,
    find_references,
    parse_number_list,
    parse_qa,
)

SOURCE = (
    Path(__file__).resolve().parents[1]
    / "content"
    / "sources"
    / "kamerstuk-32824-451-vragen-en-antwoorden.txt"
)
META = DocumentMeta(
    id="kamerstuk-32824-451",
    kind=DocumentKind.QA_LIST,
    dossier="32 824",
    number=451,
    date=dt.date(2025, 4, 8),
    title="Lijst van vragen en antwoorden",
    url="https://zoek.officielebekendmakingen.nl/kst-32824-451.html",
)


@pytest.fixture(scope="module")
def parsed() -> ParsedQA:
    return parse_qa(SOURCE.read_text(encoding="utf-8"), META)


@pytest.fixture(scope="module")
def doc(parsed: ParsedQA) -> QADocument:
    return parsed.document


def _texts(doc: QADocument) -> list[str]:
    return [t for q in doc.questions for t in (q.question, q.answer)]


# --- golden checks ---------------------------------------------------------------------------


def test_all_questions_in_order_without_warnings(parsed: ParsedQA, doc: QADocument) -> None:
    assert doc.numbers == tuple(range(1, 236))
    assert parsed.warnings == []
    assert parsed.unlinked_footnotes == []


def test_first_question(doc: QADocument) -> None:
    q = doc.question(1)
    assert q.question == (
        "Kunt u zo precies mogelijk aangeven welke positieve ontwikkelingen er allemaal te zien "
        "zijn, het liefst cijfermatig onderbouwd, bijvoorbeeld op gebied van onderwijs, "
        "arbeidsparticipatie etc.?"
    )
    paragraphs = q.answer.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0] == (
        "In de beantwoording van deze vraag baseer ik mij op gegevens van het CBS die onderzoek "
        "doet naar sociaaleconomische posities van mensen met verschillende "
        "migratieachtergronden."
    )
    assert "buiten-Europese migratieachtergrond dat in het 3e leerjaar" in paragraphs[1]
    assert paragraphs[1].endswith("(van 12%-punt in 2011/2012 tot 6%-punt in 2023/2024).[1]")
    assert [n.number for n in q.footnotes] == [1, 2, 3, 4]
    assert q.footnotes[1].url == "https://longreads.cbs.nl/integratie-en-samenleven-2024/onderwijs/"
    assert q.group == () and q.refers_to == ()


def test_last_question(doc: QADocument) -> None:
    q = doc.question(235)
    assert q.question.startswith("Waarom heeft u ervoor gekozen niet in de Kamerbrief op te nemen")
    assert q.answer.startswith("De opmerking in de openbaar gemaakte beslisnota")
    assert q.answer.endswith(
        "ondermijnende, onverdraagzame en antidemocratische boodschappen en gedragingen mogelijk "
        "maakt aan te pakken."
    )
    assert [(n.number, n.text) for n in q.footnotes] == [
        (43, "AIVD-jaarverslag 2023 | Jaarverslag | AIVD")
    ]


def test_misspelled_and_numbered_headings(doc: QADocument) -> None:
    # "Vraagt 46", "Antwoord 13", " Antwoord 15" (indented at a page start).
    assert doc.question(46).question.startswith(
        "Hoe wordt voorkomen dat algemene beleidsmaatregelen"
    )
    assert doc.question(46).answer.startswith("Met de Actieagenda richt ik me op nieuwkomers")
    assert "migratieachtergrond. Ik beoog" in doc.question(46).answer  # migratieach-/tergrond
    assert doc.question(13).answer.startswith("Door de te benadrukken dat er ook veel goed gaat")
    assert doc.question(15).answer.startswith("Daar is geen vaste tijdslimiet voor.")
    assert doc.question(111).question.startswith(
        "In hoeverre is de bevordering van «zelfbeschikking»"
    )


def test_groups(doc: QADocument) -> None:
    groups = {q.group for q in doc.questions if q.group}
    assert groups == {
        (21, 22),
        (29, 30),
        (47, 79, 80, 83, 84, 109, 110, 111, 114, 124),
        (63, 64),
        (126, 127, 128, 129),
        (169, 170),
        (182, 183),
        (225, 226),
    }
    # The heading wrapped over two lines ("… 114 en" / "124") is not answer text.
    assert doc.question(47).answer.startswith(
        "Gesloten gemeenschappen kunnen gemeenschappen zijn met een migratieachtergrond"
    )
    # The shared text stands after the last question of the group.
    assert doc.question(21).answer == ""
    resolved = doc.resolve(21)
    assert resolved.kind == "group"
    assert resolved.sources == (22,)
    assert resolved.text == doc.question(22).answer
    assert doc.resolve(169).text.startswith("Regulering van de godsdienstvrijheid")


def test_each_kind_of_reference(doc: QADocument) -> None:
    cases = {
        221: ("Zie antwoord op vraag 70.", (70,)),
        106: ("Zie de antwoorden op vraag 72 en 96.", (72, 96)),
        136: ("Zie de beantwoording van vraag 16.", (16,)),
        83: ("Zie beantwoording onder vraag 47.", (47,)),
        138: ("Zie het antwoord op vraag 135.", (135,)),
    }
    for number, (pointer, targets) in cases.items():
        q = doc.question(number)
        assert (q.answer, q.refers_to) == (pointer, targets)
        resolved = doc.resolve(number)
        assert resolved.kind == "reference"
        assert resolved.sources == targets
        assert resolved.text == "\n\n".join(doc.question(t).answer for t in targets)
    # A reference with text of its own keeps its own text.
    assert doc.question(165).refers_to == (164,)
    assert doc.resolve(165).kind == "own"
    # Ranges and mentions inside a sentence.
    assert doc.question(35).refers_to == (39, 40, 41, 42)
    assert doc.question(7).refers_to == (6,)
    assert doc.question(11).refers_to == (1, 2, 3)


def test_answers_around_page_breaks_and_footnote_blocks(doc: QADocument) -> None:
    # A sentence interrupted by a footnote block.
    assert "Staan er mensen aan de zijlijn omdat zij vanwege herkomst" in doc.question(2).answer
    assert "activiteiten van buitenlandse overheden. Verschillende" in doc.question(7).answer
    # A word broken over a page footer, with its footnote number glued on.
    assert "Ministerie van Diaspora en Antisemitismebestrijding[24]. Het kabinet" in (
        doc.question(87).answer
    )
    assert [n.number for n in doc.question(87).footnotes] == [24]
    # A page break with a blank line inside a bullet.
    assert "• Onverdraagzaamheid aanmoedigen ten opzicht van andersdenkende groepen;" in (
        doc.question(45).answer
    )
    # A footnote number glued to a word before a hyphen, in the question.
    assert "OBI[33]-meldpunt" in doc.question(137).question
    assert next(n.number for n in doc.question(137).footnotes) == 33


def test_bullets_and_table(doc: QADocument) -> None:
    answer = doc.question(45).answer
    bullets = [line for line in answer.splitlines() if line.startswith("• ")]
    assert len(bullets) == 11
    assert bullets[0] == (
        "• Oproepen op ideologische gronden om niet te gaan stemmen bij Nederlandse verkiezingen "
        "(al dan niet vanaf de stemgerechtigde leeftijd"
    )
    assert answer.startswith("Er is geen limitatieve lijst te geven")
    assert len([b for b in doc.question(48).answer.splitlines() if b.startswith("• ")]) == 4
    table = doc.question(192).answer.split("\n\n")[-1].splitlines()
    assert table[0] == "Herkomstland Cohort 2014 Cohort 2021"
    assert table[1:3] == ["Syrië 35% 82%", "Eritrea 28% 71%"]
    assert "(https://dashboards.cbs.nl/v5/asielenintegratie)" in doc.question(192).answer


# --- properties over all questions -----------------------------------------------------------


def test_no_page_furniture_in_running_text(doc: QADocument) -> None:
    notes = {n.number: n.text for q in doc.questions for n in q.footnotes}
    assert sorted(notes) == list(range(1, 44))
    for text in _texts(doc):
        assert "Tweede Kamer, vergaderjaar" not in text
        assert "Https://" not in text
        for line in text.splitlines():
            assert not re.match(r"^\d{1,2} [A-Z]", line), line
        for note in notes.values():
            if len(note) > 25:
                assert note not in text


def test_no_line_end_hyphenation_left(doc: QADocument) -> None:
    source = SOURCE.read_text(encoding="utf-8")
    inline_source = " ".join(source.split())
    for text in _texts(doc):
        assert "-\n" not in text
        # "wet- en regelgeving" style suspensions, and only those printed so in the source.
        for match in re.finditer(r"\w+- \w+", text):
            assert match.group(0) in inline_source or match.group(0).endswith(
                ("- en", "- of", "- als")
            ), match.group(0)


def test_real_hyphens_kept(doc: QADocument) -> None:
    notes = [n.text for q in doc.questions for n in q.footnotes]
    everything = "\n".join(_texts(doc) + notes)
    for word in (
        "buiten-Europese",
        "EU-arbeidsmigranten",
        "mbo-4-niveau",
        "wet- en regelgeving",
        "integratie- en samenlevenbeleid",
        "orthodox-joodse",
        "diploma-erkenningsprocedure",
    ):
        assert word in everything, word
    # Every hyphenated word printed inside a source line is still there.
    source_lines = SOURCE.read_text(encoding="utf-8").splitlines()
    for line in source_lines:
        for word in re.findall(r"\b[^\W\d_]+(?:-[^\W_]+)+\b", line.strip())[:-1]:
            assert word in everything, word


def test_every_answer_non_empty_after_resolution(doc: QADocument) -> None:
    for q in doc.questions:
        resolved = doc.resolve(q.number)
        assert resolved.kind != "missing", q.number
        assert resolved.text.strip(), q.number


def test_no_text_lost_or_invented(parsed: ParsedQA, doc: QADocument) -> None:
    """Each paragraph occurs in the source once furniture, spacing and hyphens are ignored."""

    def squash(text: str) -> str:
        return re.sub(r"[\s\-]", "", text)

    raw = SOURCE.read_text(encoding="utf-8")
    raw = re.sub(r"(?m)^\s*Tweede Kamer, vergaderjaar .*nr\. \d+ \d+\s*$", "", raw)
    source = squash(raw)
    for note in sorted(
        {n.number: n for q in doc.questions for n in q.footnotes}.values(),
        key=lambda n: n.number,
    ):
        source = source.replace(squash(f"{note.number} {note.text}"), "", 1)
    for text in _texts(doc):
        for paragraph in text.split("\n\n"):
            if paragraph:
                flat = squash(re.sub(r"\[(\d+)\]", r"\1", paragraph)).replace("•", "")
                assert flat in source.replace("•", ""), paragraph[:80]


# --- small variants ----------------------------------------------------------------------------

VARIANT = """\
Vraag 1
Eerste vraag?

 Antwoord 1
Een antwoord.

Vraagt 2
Tweede vraag?

Vraag 3
Derde vraag?

Antwoorden op vraag 2 en vraag
3
Gedeeld antwoord, zie ook de antwoorden op de vragen 1 t/m 1.

Vraag 4
Vierde?

Antwoord
Zie antwoord 1.
"""


def test_variant_headings_and_groups() -> None:
    parsed = parse_qa(VARIANT, META)
    doc = parsed.document
    assert parsed.warnings == []
    assert doc.numbers == (1, 2, 3, 4)
    assert doc.question(1).answer == "Een antwoord."
    assert doc.question(2).group == doc.question(3).group == (2, 3)
    assert doc.question(2).answer == ""
    assert doc.question(3).answer.startswith("Gedeeld antwoord")
    assert doc.resolve(2).text == doc.question(3).answer
    assert doc.question(3).refers_to == (1,)
    assert doc.question(4).refers_to == (1,)
    assert doc.resolve(4).text == "Een antwoord."


def test_parser_warns_about_gaps_and_missing_answers() -> None:
    parsed = parse_qa("Vraag 1\nEen?\n\nVraag 3\nDrie?\n\nAntwoord\nJa.\n", META)
    assert any("vraag 3 volgt op vraag 1" in w for w in parsed.warnings)
    assert any("vraag 1: geen antwoord" in w for w in parsed.warnings)


def test_number_lists_and_references() -> None:
    assert parse_number_list("47, 79, 80, 83, 84, 109, 110, 111, 114 en 124") == [
        47,
        79,
        80,
        83,
        84,
        109,
        110,
        111,
        114,
        124,
    ]
    assert parse_number_list("169 en vraag 170") == [169, 170]
    assert parse_number_list("39 t/m 42") == [39, 40, 41, 42]
    assert find_references("Zie ook de antwoorden onder vraag 1, 2 en 3.") == [1, 2, 3]
    assert find_references("zoals in vraag 37 genoemd, in 2024", own_number=5) == [37]
    assert find_references("Zie antwoord 164. Het zal", own_number=165) == [164]
    assert find_references("In de beantwoording van deze vraag") == []
