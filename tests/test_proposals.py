"""Candidate commitments: sentence splitting, time expressions per sentence, known ones."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from agendabot.content import Content, load_content
from agendabot.content.commitments import source_document
from agendabot.core.agenda.checks import check_commitments
from agendabot.core.agenda.commitments import Commitment, SourceRef
from agendabot.core.agenda.proposals import (
    TextUnit,
    proposal_yaml,
    propose,
    propose_commitments,
    split_sentences,
    summary_lines,
)

LETTER_DATE = date(2025, 7, 4)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


class TestSplitSentences:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Eén zin. Twee zinnen.", ["Eén zin.", "Twee zinnen."]),
            ("Vraag? Antwoord! Klaar.", ["Vraag?", "Antwoord!", "Klaar."]),
            (
                "Met o.a. gemeenten en bijv. het COA. Daarna volgt meer.",
                ["Met o.a. gemeenten en bijv. het COA.", "Daarna volgt meer."],
            ),
            (
                "Zie Kamerstuk 32 824, nr. 451. En verder.",
                ["Zie Kamerstuk 32 824, nr. 451.", "En verder."],
            ),
            ("Ondertekend door J.N.J. Nobel vandaag.", ["Ondertekend door J.N.J. Nobel vandaag."]),
            (
                "Taal speelt daarbij een rol.[1] Inburgering helpt.",
                ["Taal speelt daarbij een rol.[1]", "Inburgering helpt."],
            ),
            (
                "Op 19 november jl. Kwam het rapport.",
                ["Op 19 november jl. Kwam het rapport."],
            ),
            (
                "Het kost ca. 15.000 euro. Dat is veel.",
                ["Het kost ca. 15.000 euro.", "Dat is veel."],
            ),
            ("Kop zonder punt\nTekst eronder.", ["Kop zonder punt", "Tekst eronder."]),
            ("• punt één\n• punt twee.", ["• punt één", "• punt twee."]),
            ("  \n\n", []),
        ],
    )
    def test_cases(self, text: str, expected: list[str]) -> None:
        assert split_sentences(text) == expected


def _unit(text: str, section: str = "1.7") -> TextUnit:
    return TextUnit(SourceRef(document="32824-456", section=section), text, pillar=1)


class TestPropose:
    def test_one_proposal_per_expression(self) -> None:
        text = (
            "Ik ontvang de uitkomsten aan het einde van dit jaar en informeer de Kamer in het "
            "eerste kwartaal van 2026 over de bevindingen."
        )
        proposals = propose([_unit(text)], LETTER_DATE)
        assert [(p.when_text, p.start, p.due) for p in proposals] == [
            ("aan het einde van dit jaar", date(2025, 10, 1), date(2025, 12, 31)),
            ("in het eerste kwartaal van 2026", date(2026, 1, 1), date(2026, 3, 31)),
        ]
        assert all(p.sentence == text and p.pillar == 1 for p in proposals)

    def test_past_and_vague_next_to_firm_are_left_out(self) -> None:
        text = (
            "In 2024 is een eerste verkenning gedaan. Dit gebeurt al sinds 2019. "
            "Het afgelopen jaar ging het goed. "
            "De beleidsreactie komt zo snel mogelijk, uiterlijk voor het einde van het jaar. "
            "De gesprekken vonden plaats in Q2."
        )
        proposals = propose([_unit(text)], LETTER_DATE)
        assert [p.when_text for p in proposals] == [
            "uiterlijk voor het einde van het jaar",
            "in Q2",
        ]

    def test_open_start_is_kept_and_due_equals_start(self) -> None:
        proposals = propose([_unit("Bezoeken worden vanaf 2026 mogelijk.")], LETTER_DATE)
        assert [(p.kind, p.start, p.due) for p in proposals] == [
            ("start", date(2026, 1, 1), date(2026, 1, 1))
        ]

    def test_known_sentences_carry_the_commitment_id(self) -> None:
        quote = "De eerste resultaten hiervan worden begin Q3 verwacht."
        commitment = Commitment.model_validate(
            {
                "id": "eerste-resultaten",
                "title": "Eerste resultaten",
                "pillar": 1,
                "sources": [{"document": "32824-456", "section": "1.7"}],
                "quote": quote,
                "when_text": "begin Q3",
                "start": date(2025, 7, 1),
                "due": date(2025, 7, 31),
                "kind": "deliverable",
            }
        )
        text = f"{quote} Hierna gaan we om tafel met experts (Q3)."
        proposals = propose([_unit(text)], LETTER_DATE, [commitment])
        assert [(p.when_text, p.known) for p in proposals] == [
            ("begin Q3", "eerste-resultaten"),
            ("Q3", None),
        ]
        other_document = propose(
            [TextUnit(SourceRef(document="32824-999", section="1.7"), text)],
            LETTER_DATE,
            [commitment],
        )
        assert [p.known for p in other_document] == [None, None]

    def test_summary_lines(self) -> None:
        proposals = propose([_unit("Dit gebeurt in 2026. Dat in 2027.")], LETTER_DATE)
        lines = summary_lines(proposals, limit=1)
        assert lines[0].startswith("Kandidaat-toezeggingen: 2 zinnen")
        assert lines[1] == (
            "- Kamerstuk 32 824, nr. 456, §1.7 · “in 2026” → 2026-01-01 t/m 2026-12-31 (year)"
        )
        assert lines[2] == "  Dit gebeurt in 2026."
        assert lines[-1] == "… en nog 1."


def test_every_dated_commitment_is_found_again(content: Content) -> None:
    """Recall on the real documents: proposals rediscover each commitment whose time phrase
    the interpreter reads (all but the two with an override)."""
    found: set[str] = set()
    for document in content.documents.values():
        found |= {p.known for p in propose_commitments(document, content.commitments) if p.known}
    readable = {c.id for c in content.commitments if c.override is None}
    assert readable <= found


def test_qa_units_carry_the_whole_group(content: Content) -> None:
    proposals = propose_commitments(content.qa, content.commitments)
    locations = {p.source.questions for p in proposals}
    assert (182, 183) in locations  # "Antwoord op vraag 182 en 183"


def test_yaml_proposal_completes_into_a_valid_commitment(content: Content) -> None:
    proposals = [
        p for p in propose_commitments(content.letter) if p.when_text == "volgend jaar zomer"
    ]
    assert len(proposals) == 1
    text = proposal_yaml(proposals[0])
    text = text.replace("id: TODO", "id: nieuw").replace("title: TODO", "title: Nieuwe titel")
    text = text.replace("kind: TODO", "kind: informeren-kamer")
    record = yaml.safe_load(text)[0]
    commitment = Commitment.model_validate(record)
    assert commitment.pillar == 2 and commitment.due == date(2026, 8, 31)
    sources = [source_document(doc) for doc in content.documents.values()]
    assert check_commitments([commitment], sources) == []
