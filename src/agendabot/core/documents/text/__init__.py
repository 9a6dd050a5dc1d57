"""Clean-up of official source texts dumped from PDF or HTML.

The dumps carry page furniture that is not part of the running text: page footers
("Tweede Kamer, vergaderjaar 2024–2025, 32 824, nr. 451 26"), footnote blocks at the
bottom of a page (which may interrupt a sentence or even a word), and words broken at
a line end ("migratieach-" / "tergrond"). This module removes the furniture, keeps the
footnotes apart, turns glued footnote numbers ("2023/2024).1") into visible markers
("[1]"), and reflows lines into paragraphs, bullet items and table rows.

Everything here is pure: strings in, strings and small records out.

De-hyphenation rule (`decide_hyphen`), for a line ending in "head-" followed by a line
starting with "tail":

1. keep the hyphen when the tail starts with a capital or a digit (``buiten-Europese``),
   or the head ends with a capital or a digit (``EU-arbeidsmigranten``, ``mbo-4-niveau``);
2. keep it followed by a space when the tail is a conjunction of a suspended compound
   (``wet- en regelgeving``, ``niet- of ex-gelovigen``);
3. otherwise ask the document's own vocabulary: whichever of ``headtail`` and
   ``head-tail`` occurs written in full elsewhere wins (the more frequent one if both);
   a form with a diaeresis (``be-`` / ``eindigen`` → ``beëindigen``) counts as joined;
4. unknown to the vocabulary: keep the hyphen where Dutch spelling requires one, i.e. a
   vowel clash that would read as one sound (``re-integratie``, ``zee-egel``) or a prefix
   that takes a hyphen (``niet-``, ``ex-``, ``oud-``, ``non-``, ``vice-``);
5. otherwise the hyphen was only a line break: join the parts.
"""

from agendabot.core.documents.text.furniture import (
    CleanedSource,
    FooterInfo,
    RawFootnote,
    find_footer,
    footnote_marker,
    footnote_url,
    link_footnote_markers,
    strip_page_furniture,
)
from agendabot.core.documents.text.hyphenation import (
    HyphenDecision,
    Vocabulary,
    build_vocabulary,
    decide_hyphen,
    join_lines,
)
from agendabot.core.documents.text.lines import BULLET, PAGE_BREAK, BodyItem
from agendabot.core.documents.text.matching import normalize_for_match
from agendabot.core.documents.text.reflow import ends_sentence, reflow

__all__ = [
    "BULLET",
    "PAGE_BREAK",
    "BodyItem",
    "CleanedSource",
    "FooterInfo",
    "HyphenDecision",
    "RawFootnote",
    "Vocabulary",
    "build_vocabulary",
    "decide_hyphen",
    "ends_sentence",
    "find_footer",
    "footnote_marker",
    "footnote_url",
    "join_lines",
    "link_footnote_markers",
    "normalize_for_match",
    "reflow",
    "strip_page_furniture",
]
