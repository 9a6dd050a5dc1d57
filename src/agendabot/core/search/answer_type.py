"""Answer types: what kind of answer a question asks for, and what kind a text offers.

A question asking for a quantity ("hoeveel", "welk percentage", "how many") is best
answered by a text that states a figure; one asking "wie" or "welke organisaties" by a
text that names organisations or people. Texts are classified once, at index build, into
a bit set per document; the query side is a pattern over the folded query.
"""

from __future__ import annotations

import re

from agendabot.core.search.analysis import fold

QUANTITY = 1  # the text states a figure: a count, amount or percentage (not just a year)
NAME = 2  # the text names an organisation or person (an acronym, a multi-word name)

# Folded query patterns, Dutch and English.
_QUANTITY_QUESTION = re.compile(
    r"\b(?:hoeveel|hoe ?veel|welk(?:e)? (?:percentage|aandeel|deel|aantal|bedrag)|"
    r"hoe (?:groot|hoog|klein|laag)|wat (?:is|was|zijn|waren) (?:het|de) "
    r"(?:aantal|percentage|aandeel|omvang|hoogte|bedrag)|om hoeveel|"
    r"how (?:many|much|large|big|high)|what (?:share|percentage|proportion|number|amount)|"
    r"which (?:share|percentage))\b"
)
_NAME_QUESTION = re.compile(
    r"(?:^|[^\w])(?:wie|met wie|door wie|welke (?:organisaties|instanties|partijen|"
    r"partners|instellingen|ministeries|gemeenten|organisatie|instantie)|"
    r"who|which (?:organisations|organizations|agencies|bodies|partners|parties))\b"
)

# Figures in a text: a number that is not a year on its own, a footnote mark "[9]" or a
# reference to another question ("vraag 12"); or a figure written as a word.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(\s*%|\s?procent)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NOT_BEFORE_FIGURE = frozenset("[.,_")
_REFERENCES = ("vraag ", "vragen ", "vraag", "artikel ", "lid ")
_FIGURE_WORDS = ("procent", "percent", "miljoen", "miljard", "duizend", "honderd", "helft")
# Names: an acronym (COA, UWV, LEC EGG) or two capitalised words in a row that do not
# open a sentence ("Landelijk Expertisecentrum", "Raad van State" via its head words).
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
_PROPER_PAIR = re.compile(
    r"(?<![.!?:]\s)(?<=\s)[A-Z][a-zà-ÿ]+\s(?:van\s|voor\s|de\s)?[A-Z][a-zà-ÿ]+"
)


def question_type(query: str) -> int:
    """The answer type a query asks for (QUANTITY, NAME or 0 for none)."""
    folded = fold(query)
    if _QUANTITY_QUESTION.search(folded):
        return QUANTITY
    if _NAME_QUESTION.search(folded):
        return NAME
    return 0


def text_types(text: str) -> int:
    """The answer types a text offers, as a bit set."""
    found = 0
    lowered = text.lower()  # figures and figure words are plain ASCII: no folding needed
    for match in _NUMBER.finditer(lowered):
        start = match.start()
        before = lowered[start - 1] if start else " "
        if before.isalnum() or before in _NOT_BEFORE_FIGURE:
            continue  # part of a word or code, a decimal tail, a footnote mark
        if lowered.endswith(_REFERENCES, 0, start):
            continue
        if match.group(1) or not _YEAR.fullmatch(match.group(0)):
            found |= QUANTITY
            break
    if not found and any(word in lowered for word in _FIGURE_WORDS):
        found |= QUANTITY
    if _ACRONYM.search(text) or _PROPER_PAIR.search(text):
        found |= NAME
    return found
