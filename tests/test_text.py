"""Clean-up of source dumps: furniture, footnotes, de-hyphenation, reflow, matching."""

from __future__ import annotations

from collections import Counter

import pytest

from agendabot.core.documents.text import (
    PAGE_BREAK,
    HyphenDecision,
    Vocabulary,
    build_vocabulary,
    decide_hyphen,
    footnote_url,
    join_lines,
    link_footnote_markers,
    normalize_for_match,
    reflow,
    strip_page_furniture,
)

EMPTY = Vocabulary(Counter())


@pytest.mark.parametrize(
    ("head", "tail", "expected"),
    [
        ("migratieach", "tergrond", HyphenDecision.JOIN),
        ("Transpa", "rantie", HyphenDecision.JOIN),
        ("buiten", "Europese", HyphenDecision.KEEP),  # capital after the hyphen
        ("EU", "arbeidsmigranten", HyphenDecision.KEEP),  # acronym before the hyphen
        ("mbo-4", "niveau", HyphenDecision.KEEP),  # digit before the hyphen
        ("COVID", "19", HyphenDecision.KEEP),
        ("wet", "en", HyphenDecision.KEEP_SPACED),  # suspended compound
        ("integratie", "en", HyphenDecision.KEEP_SPACED),
        ("niet", "of", HyphenDecision.KEEP_SPACED),
        ("re", "integratie", HyphenDecision.KEEP),  # vowel clash e-i
        ("diploma", "erkenningsprocedure", HyphenDecision.KEEP),  # vowel clash a-e
        ("niet", "westerse", HyphenDecision.KEEP),  # prefix that keeps its hyphen
        ("integratie", "opgave", HyphenDecision.JOIN),  # e-o is no clash
    ],
)
def test_decide_hyphen_without_vocabulary(head: str, tail: str, expected: HyphenDecision) -> None:
    assert decide_hyphen(head, tail, EMPTY) is expected


def test_vocabulary_decides_ambiguous_breaks() -> None:
    vocabulary = build_vocabulary(
        ["orthodox-joodse gemeenschappen", "de migratieachtergrond", "zelfbeschikkingsrecht"]
    )
    assert decide_hyphen("orthodox", "joodse", vocabulary) is HyphenDecision.KEEP
    assert decide_hyphen("zelfbeschik", "kingsrecht", vocabulary) is HyphenDecision.JOIN
    # Written in full elsewhere beats the vowel-clash rule.
    vocabulary = build_vocabulary(["de reintegratie"])
    assert decide_hyphen("re", "integratie", vocabulary) is HyphenDecision.JOIN


def test_vocabulary_leaves_out_broken_fragments() -> None:
    vocabulary = build_vocabulary(["met een migratieach-", "tergrond en een buiten-Europese"])
    assert "migratieach" not in vocabulary
    assert "tergrond" not in vocabulary
    assert "buiten-europese" in vocabulary
    assert "een" in vocabulary


def test_join_lines_repairs_and_keeps() -> None:
    assert join_lines("met een migratieach-", "tergrond.", EMPTY) == "met een migratieachtergrond."
    assert join_lines("een buiten-", "Europese achtergrond", EMPTY) == (
        "een buiten-Europese achtergrond"
    )
    assert join_lines("bepaalde wet-", "en regelgeving", EMPTY) == "bepaalde wet- en regelgeving"
    assert join_lines("de tekst", "loopt door", EMPTY) == "de tekst loopt door"
    # A word broken at a diaeresis gets it back when the document writes it so.
    vocabulary = build_vocabulary(["het beëindigen van"])
    assert join_lines("het be-", "eindigen van", vocabulary) == "het beëindigen van"
    # A URL broken at a slash or hyphen is joined without a space.
    assert join_lines("(https://dashboards.cbs.nl/v5/", "asielenintegratie)", EMPTY) == (
        "(https://dashboards.cbs.nl/v5/asielenintegratie)"
    )


SAMPLE = """\
 Vraag 1
Een vraag over de buurt?

Antwoord
Voelen mensen zich niet thuis in 2023/2024).1 Ook een tweede punt.2 Staan er

1 CBS, Kernindicatoren integratie: https://dashboards.cbs.nl/v5/kernindicatoren_integratie/
2 CBS, Onderwijs – Integratie en samenleven 2024: https://longreads.cbs.nl/integratie-en-

samenleven-2024/onderwijs/
 mensen aan de zijlijn in 2023. Het rapport van het ministerie van Diaspora en
Antisemitismebe-

Tweede Kamer, vergaderjaar 2024–2025, 32 824, nr. 451 26



strijding is bekend.
"""


def test_strip_page_furniture_removes_footnote_blocks_and_footers() -> None:
    cleaned = strip_page_furniture(SAMPLE.splitlines())
    texts = [item for item in cleaned.body if isinstance(item, str)]
    assert not any(
        t.startswith(("1 CBS", "2 CBS", "samenleven-2024", "Tweede Kamer")) for t in texts
    )
    assert cleaned.body.count(PAGE_BREAK) == 2
    assert [(n.number, n.url) for n in cleaned.footnotes] == [
        (1, "https://dashboards.cbs.nl/v5/kernindicatoren_integratie/"),
        (2, "https://longreads.cbs.nl/integratie-en-samenleven-2024/onderwijs/"),
    ]
    assert cleaned.footnotes[1].text == (
        "CBS, Onderwijs – Integratie en samenleven 2024: "
        "https://longreads.cbs.nl/integratie-en-samenleven-2024/onderwijs/"
    )
    assert cleaned.footer is not None
    assert (cleaned.footer.dossier, cleaned.footer.number) == ("32 824", 451)


def test_markers_and_reflow_join_over_furniture() -> None:
    cleaned = strip_page_furniture(SAMPLE.splitlines())
    body = cleaned.body
    assert link_footnote_markers(body, cleaned.footnotes) == []
    answer = body[body.index("Antwoord") + 1 :]
    text = reflow(answer, build_vocabulary(body))
    assert text == (
        "Voelen mensen zich niet thuis in 2023/2024).[1] Ook een tweede punt.[2] Staan er mensen "
        "aan de zijlijn in 2023. Het rapport van het ministerie van Diaspora en "
        "Antisemitismebestrijding is bekend."
    )


def test_markers_are_not_taken_from_section_numbers_or_codes() -> None:
    body: list[object] = ["1.2 Een kop", "met een B1-route en onderzoek2 zien"]
    notes = strip_page_furniture(["x", "", "2 Een voetnoot"]).footnotes
    assert [n.number for n in notes] == []  # numbering must start at 1
    from agendabot.core.documents.text import RawFootnote

    warnings = link_footnote_markers(
        body,  # type: ignore[arg-type]
        [RawFootnote(number=2, text="Bron")],
        bounded_by_position=False,
    )
    assert warnings == []
    assert body == ["1.2 Een kop", "met een B1-route en onderzoek[2] zien"]


def test_reflow_paragraphs_bullets_and_tables() -> None:
    lines = [
        "Gedacht kan worden aan:",
        "• Oproepen om niet te gaan stemmen bij",
        "",
        "Nederlandse verkiezingen;",
        "",
        "• Het verspreiden van desinformatie;",
        "",
        "Een nieuwe alinea die doorloopt tot aan het einde van de regel en dan",
        "verder gaat.",
        "Kort.",
        "Nog een alinea.",
        "",
        "Land Cohort 2014 Cohort 2021",
        "Syrië 35% 82%",
        "Irak 41% 82%",
    ]
    assert reflow(lines, EMPTY) == (
        "Gedacht kan worden aan:\n\n"
        "• Oproepen om niet te gaan stemmen bij Nederlandse verkiezingen;\n"
        "• Het verspreiden van desinformatie;\n\n"
        "Een nieuwe alinea die doorloopt tot aan het einde van de regel en dan verder gaat.\n\n"
        "Kort.\n\n"
        "Nog een alinea.\n\n"
        "Land Cohort 2014 Cohort 2021\nSyrië 35% 82%\nIrak 41% 82%"
    )


def test_footnote_url() -> None:
    assert footnote_url("Bron: Https://www.cbs.nl/nl-nl/x.") == "https://www.cbs.nl/nl-nl/x"
    assert (
        footnote_url("Zie www.han.nl/projecten/2024/a/") == "https://www.han.nl/projecten/2024/a/"
    )
    assert footnote_url("Kamerstuk 36 651, nr. 34.") == (
        "https://zoek.officielebekendmakingen.nl/kst-36651-34.html"
    )
    assert footnote_url("Kamerstuk 2023 – 2024 30 950, nr. 399") == (
        "https://zoek.officielebekendmakingen.nl/kst-30950-399.html"
    )
    assert footnote_url("Hans Boutellier, het Nieuwe Westen (2021)") is None


def test_normalize_for_match() -> None:
    source = "Het rapport van het ministerie van Antisemitismebe-\nstrijding[24]. Het  kabinet"
    quote = "ministerie van Antisemitismebestrijding. Het kabinet"
    assert normalize_for_match(quote) in normalize_for_match(source)
    assert normalize_for_match("“zo’n” – test") == '"zo\'n" - test'
    assert normalize_for_match("• een punt\n• nog een") == "een punt nog een"
    # Real hyphens survive, and case is kept.
    assert normalize_for_match("EU-\narbeidsmigranten") == "EU-arbeidsmigranten"
    assert normalize_for_match("Kabinet") not in normalize_for_match("het kabinet")
