"""Candidate commitments for a new document: sentences with a time expression.

`propose_commitments(document, known)` splits every letter section and every Q&A answer
into sentences, finds the time expressions in each (`agendabot.core.time.interpret`) and returns
one `Proposal` per expression with the interpreted dates, so that adding the next letter to
`content/commitments.yaml` is a matter of choosing and titling. Expressions about the past
(a period that ended more than a month before the document, "sinds 2019") are left out;
sentences already quoted by a commitment are marked with its id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from agendabot.core.agenda.checks import expected_dates
from agendabot.core.agenda.commitments import Commitment, SourceRef, squash
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.documents.text import normalize_for_match
from agendabot.core.time.interpret import GRACE, find_expressions

# Abbreviations after which a full stop does not end a Dutch sentence (lower case, no dot).
ABBREVIATIONS: Final = frozenset(
    {
        "a.s",
        "art",
        "bijv",
        "blz",
        "c.q",
        "c.s",
        "ca",
        "d.w.z",
        "dhr",
        "dr",
        "drs",
        "e.d",
        "e.a",
        "e.v",
        "enz",
        "etc",
        "excl",
        "i.c",
        "i.o.m",
        "i.p.v",
        "i.s.m",
        "incl",
        "ir",
        "jl",
        "m.b.t",
        "m.u.v",
        "mevr",
        "mld",
        "mln",
        "mr",
        "mw",
        "n.a.v",
        "nl",
        "nr",
        "o.a",
        "o.b.v",
        "p",
        "pp",
        "prof",
        "resp",
        "sr",
        "t.a.v",
        "t.b.v",
        "vgl",
        "vs",
        "z.s.m",
        "zgn",
    }
)

# A possible sentence end: ., ! or ? (plus footnote markers and closing quotes), white
# space, then something that can open a sentence.
_BOUNDARY = re.compile(r"[.!?](?:\[\d+\])*[»”’\")\]]*(?=\s+[«“‘\"(\[]?[A-ZÀ-Ý0-9•])")
_LAST_WORD = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)*[A-Z]$")
# Words that put a phrase in the past ("sinds 2019", "het afgelopen jaar", "19 november jl.").
_PAST_WORDS: Final = re.compile(r"(?i)\b(?:sinds|afgelopen|vorig(?:e)?|verleden|jl|jongstleden)\b")


@dataclass(frozen=True, slots=True)
class TextUnit:
    """A stretch of a document with its location: one letter section or one answer."""

    source: SourceRef
    text: str
    pillar: int | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    """One time expression in one sentence: a candidate commitment."""

    source: SourceRef
    sentence: str
    when_text: str
    start: date
    due: date
    precision: str
    kind: str  # "period", "deadline" or "start"
    known: str | None = None  # id of the commitment that already quotes it
    pillar: int | None = None  # the letter section's pillar, if any

    def citation(self) -> str:
        return self.source.citation()


def split_sentences(text: str) -> list[str]:
    """Split Dutch running text into sentences. Every line is a paragraph, heading or bullet
    (the answer store keeps them so): sentences never run across a line break."""
    sentences: list[str] = []
    for block in text.splitlines():
        paragraph = squash(block)
        if paragraph:
            sentences.extend(_split_paragraph(paragraph))
    return sentences


def _split_paragraph(paragraph: str) -> Iterator[str]:
    begin = 0
    for match in _BOUNDARY.finditer(paragraph):
        if paragraph[match.start()] == "." and _is_abbreviation(paragraph[begin : match.start()]):
            continue
        sentence = paragraph[begin : match.end()].strip()
        if sentence:
            yield sentence
        begin = match.end()
    rest = paragraph[begin:].strip()
    if rest:
        yield rest


def _is_abbreviation(before_dot: str) -> bool:
    found = _LAST_WORD.search(before_dot)
    if found is None:
        return False
    word = found.group(1).lstrip('(«“‘"')
    return word.lower() in ABBREVIATIONS or bool(_INITIALS.match(word))


def document_units(document: QADocument | Letter) -> list[TextUnit]:
    """Letter sections, or Q&A answers under the questions they answer (a group's shared
    text under all its members); pure "Zie antwoord …" pointers are skipped."""
    key = document.meta.id
    if isinstance(document, Letter):
        return [
            TextUnit(SourceRef(document=key, section=section.number), section.text, section.pillar)
            for section in document.sections
        ]
    return [
        TextUnit(SourceRef(document=key, questions=question.members), question.answer)
        for question in document.questions
        if question.has_own_answer
    ]


def propose(
    units: Iterable[TextUnit], reference: date, known: Sequence[Commitment] = ()
) -> list[Proposal]:
    """One proposal per time expression per sentence, in document order."""
    quotes = _known_quotes(known)
    cutoff = reference - GRACE
    proposals: list[Proposal] = []
    for unit in units:
        for sentence in split_sentences(unit.text):
            folded = normalize_for_match(sentence)
            found_all = find_expressions(sentence, reference)
            # As `interpret` does: a vague phrase next to a firm one adds nothing
            # ("zo snel mogelijk, uiterlijk voor het einde van het jaar").
            firm = [f for f in found_all if f.period.precision != "vague"]
            for found in firm or found_all:
                period = found.period
                start, due = expected_dates(period)
                if _PAST_WORDS.search(found.text):
                    continue
                if period.kind != "start" and due < cutoff:
                    continue
                proposals.append(
                    Proposal(
                        source=unit.source,
                        sentence=sentence,
                        when_text=found.text,
                        start=start,
                        due=due,
                        precision=period.precision,
                        kind=period.kind,
                        known=_known_id(unit.source.document, folded, found.text, quotes),
                        pillar=unit.pillar,
                    )
                )
    return proposals


def propose_commitments(
    document: QADocument | Letter, known: Sequence[Commitment] = ()
) -> list[Proposal]:
    """Candidate commitments of a whole document, read on the document's date."""
    return propose(document_units(document), document.meta.date, known)


@dataclass(frozen=True, slots=True)
class _KnownQuote:
    commitment: str
    document: str
    folded: str
    when_text: str | None  # None for a second location: any phrase in it is covered


def _known_quotes(commitments: Sequence[Commitment]) -> list[_KnownQuote]:
    out: list[_KnownQuote] = []
    for commitment in commitments:
        for index, (source, quote) in enumerate(commitment.quotes()):
            when = commitment.when_text if index == 0 else None
            folded_when = normalize_for_match(when).lower() if when else None
            out.append(
                _KnownQuote(commitment.id, source.document, normalize_for_match(quote), folded_when)
            )
    return out


def _known_id(
    document: str, folded_sentence: str, when_text: str, quotes: Sequence[_KnownQuote]
) -> str | None:
    phrase = normalize_for_match(when_text).lower()
    for quote in quotes:
        if quote.document != document:
            continue
        if folded_sentence not in quote.folded and quote.folded not in folded_sentence:
            continue
        if quote.when_text is None or phrase in quote.when_text or quote.when_text in phrase:
            return quote.commitment
    return None


def summary_lines(proposals: Sequence[Proposal], *, limit: int | None = None) -> list[str]:
    """Dutch lines for the terminal: the new candidates, and how many are already known."""
    new = [p for p in proposals if p.known is None]
    known = len(proposals) - len(new)
    lines = [
        f"Kandidaat-toezeggingen: {len(proposals)} zinnen met een tijdsaanduiding, "
        f"waarvan {known} al in content/commitments.yaml."
    ]
    shown = new if limit is None else new[:limit]
    for proposal in shown:
        lines.append(
            f"- {proposal.citation()} · “{proposal.when_text}” → "
            f"{proposal.start.isoformat()} t/m {proposal.due.isoformat()} ({proposal.precision})"
        )
        lines.append(f"  {proposal.sentence}")
    if len(shown) < len(new):
        lines.append(f"… en nog {len(new) - len(shown)}.")
    return lines


def proposal_yaml(proposal: Proposal) -> str:
    """A `content/commitments.yaml` record to complete (id, title, pillar, kind)."""
    source = proposal.source
    where = (
        f'section: "{source.section}"'
        if source.section is not None
        else f"questions: [{', '.join(map(str, source.questions))}]"
    )
    quote = _wrap(proposal.sentence, width=92, indent="      ")
    return (
        "  - id: TODO\n"
        "    title: TODO\n"
        f"    pillar: {'null' if proposal.pillar is None else proposal.pillar}\n"
        "    sources:\n"
        f'      - {{document: "{source.document}", {where}}}\n'
        "    quote: >-\n"
        f"{quote}\n"
        f"    when_text: {_yaml_scalar(proposal.when_text)}\n"
        f"    start: {proposal.start.isoformat()}\n"
        f"    due: {proposal.due.isoformat()}\n"
        "    kind: TODO\n"
    )


def _wrap(text: str, *, width: int, indent: str) -> str:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(indent) + len(current) + 1 + len(word) > width:
            lines.append(indent + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(indent + current)
    return "\n".join(lines)


def _yaml_scalar(text: str) -> str:
    """Plain when it starts with a letter and holds nothing YAML reads specially."""
    if re.fullmatch(r"[^\W\d_][\w ’'/–-]*", text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


__all__ = [
    "ABBREVIATIONS",
    "Proposal",
    "TextUnit",
    "document_units",
    "proposal_yaml",
    "propose",
    "propose_commitments",
    "split_sentences",
    "summary_lines",
]
