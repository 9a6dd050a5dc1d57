"""Parse a letter to parliament (*Kamerbrief*) dumped from the HTML of tweedekamer.nl.

The dump has a header block (title, "Nummer: …, datum: 2025-07-04", dossier and number),
then the letter: an introduction, pillars ("Pijler 1 …"), numbered sections ("1.1 …",
"3. Financiën"), sub-headings, lists, a table in pipe notation and the signature,
followed by the footnotes (each ending in "↩︎").

Paragraphs come in two shapes: one long line per paragraph, or a paragraph wrapped over
several lines of about 70 characters. Lines are joined into paragraphs by the same test
the Q&A parser uses: a line that ends a sentence ends its paragraph when the next word
would still have fitted on it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from agendabot.core.documents.letter_body import (
    _BodyReader,
    _Heading,
    _Paragraph,
    _Structural,
    _Table,
)
from agendabot.core.documents.models import (
    DocumentMeta,
    FinancialTable,
    Footnote,
    Letter,
    LetterPart,
    LetterSection,
    Pillar,
    TableRow,
)
from agendabot.core.documents.text import (
    BodyItem,
    RawFootnote,
    footnote_url,
    link_footnote_markers,
)
from agendabot.core.time.dutch_dates import MONTH_NUMBERS

__all__ = ["LetterHeader", "ParsedLetter", "letter_header", "parse_letter"]

_MONTHS = MONTH_NUMBERS
_PLACE_DATE = re.compile(
    r"^(?P<place>(?:'s-)?[A-Z][\w'. -]+), (?P<day>\d{1,2}) (?P<month>[a-z]+) (?P<year>\d{4})$"
)
_META_DATE = re.compile(r"\bdatum: (\d{4}-\d{2}-\d{2})")
_DOSSIER = re.compile(r"^(?P<dossier>\d{5})(?: (?P<part>[IVXLC]+))? (?P<title>\D.*)$")
_NUMBER_LINE = re.compile(r"^Nr\. (?P<number>\d+) (?P<what>.+)$")
_DOSSIER_FROM_ZAAK = re.compile(r"kamerstukdossier (?P<dossier>\d{5}) ?-(?P<number>\d+)")
_SIGNATURE = re.compile(r"^(?:De|Het) .*(?:[Mm]inister|[Ss]taatssecretaris).*,$")
_FOOTNOTE_END = "↩︎"
# A web page's menu: "[overzicht] [activiteiten] …" (not the document's title).
_NAVIGATION = re.compile(r"^(?:\[[^\]]+\]\s*){2,}$")
_SALUTATION = re.compile(r"^Geachte [^.]{2,40},$")


@dataclass(frozen=True, slots=True)
class LetterHeader:
    """What the header block of the dump says about the letter."""

    title: str | None
    date: dt.date | None
    dossier: str | None
    number: int | None
    dossier_title: str | None
    addressee: str | None
    place_date: str | None


@dataclass(slots=True)
class ParsedLetter:
    letter: Letter
    warnings: list[str] = field(default_factory=list)


def _format_dossier(digits: str) -> str:
    return f"{digits[:2]} {digits[2:]}"


def letter_header(text: str) -> LetterHeader:
    """Read title, date, dossier and number from the header block of a letter dump."""
    lines = [line.strip() for line in text.splitlines()]
    title = next((line for line in lines if line and not _NAVIGATION.match(line)), None)
    date: dt.date | None = None
    dossier = dossier_title = addressee = place_date = None
    number: int | None = None
    for line in lines:
        if date is None and (match := _META_DATE.search(line)):
            date = dt.date.fromisoformat(match[1])
        if dossier is None and (match := _DOSSIER_FROM_ZAAK.search(line)):
            dossier, number = _format_dossier(match["dossier"]), int(match["number"])
        if match := _DOSSIER.match(line):
            dossier = _format_dossier(match["dossier"])
            dossier_title = match["title"].strip()
        if match := _NUMBER_LINE.match(line):
            number = int(match["number"])
        if addressee is None and line.startswith("Aan de "):
            addressee = line
        if place_date is None and (match := _PLACE_DATE.match(line)):
            place_date = line
            if date is None and match["month"] in _MONTHS:
                date = dt.date(int(match["year"]), _MONTHS[match["month"]], int(match["day"]))
            break
    return LetterHeader(title, date, dossier, number, dossier_title, addressee, place_date)


# --------------------------------------------------------------------------------------------
# Elements of the body


# --------------------------------------------------------------------------------------------
# Assembling the letter


@dataclass(slots=True)
class _PartBuilder:
    heading: str | None
    blocks: list[_Paragraph] = field(default_factory=list)

    def build(self) -> LetterPart:
        out: list[str] = []
        previous: _Paragraph | None = None
        for block in self.blocks:
            if previous is not None:
                out.append("\n" if previous.bullet and block.bullet else "\n\n")
            out.append(block.text)
            previous = block
        return LetterPart(heading=self.heading, text="".join(out))


@dataclass(slots=True)
class _Container:
    kind: str
    number: str
    title: str
    pillar: int | None
    parts: list[_PartBuilder] = field(default_factory=list)

    def add(self, element: _Paragraph) -> None:
        if not self.parts:
            self.parts.append(_PartBuilder(None))
        self.parts[-1].blocks.append(element)

    def built_parts(self) -> tuple[LetterPart, ...]:
        return tuple(part.build() for part in self.parts)


def _table_model(table: _Table, section: str | None, warnings: list[str]) -> FinancialTable:
    columns = list(table.header)
    while columns and not columns[-1]:
        columns.pop()
    rows: list[TableRow] = []
    for raw in table.rows:
        label, values = (raw[0], raw[1:]) if raw else ("", [])
        while len(values) > len(columns) and not values[-1]:
            values.pop()
        if len(values) > len(columns):
            warnings.append(
                f"tabel '{table.caption}': rij '{label}' heeft meer cellen dan kolommen"
            )
            columns.extend([""] * (len(values) - len(columns)))
        rows.append(
            TableRow(label=label, cells=tuple(values + [""] * (len(columns) - len(values))))
        )
    # Rows padded after the columns grew.
    rows = [
        TableRow(label=r.label, cells=r.cells + ("",) * (len(columns) - len(r.cells))) for r in rows
    ]
    return FinancialTable(
        section=section,
        caption=table.caption or "Tabel",
        columns=tuple(columns),
        rows=tuple(rows),
        note=table.note,
    )


def _split_footnotes(lines: Sequence[str]) -> list[RawFootnote]:
    notes: list[RawFootnote] = []
    pending: list[str] = []
    for line in (line.strip() for line in lines):
        if not line:
            continue
        pending.append(line)
        if line.endswith(_FOOTNOTE_END):
            text = " ".join(pending).removesuffix(_FOOTNOTE_END).strip()
            notes.append(RawFootnote(number=len(notes) + 1, text=text, url=footnote_url(text)))
            pending = []
    if pending:
        text = " ".join(pending)
        notes.append(RawFootnote(number=len(notes) + 1, text=text, url=footnote_url(text)))
    return notes


def _sections_from_headings(intro: _Container, sections: list[_Container]) -> None:
    """A letter without numbered sections: each heading starts one, numbered 1, 2, … in
    order, so it can be addressed ("brief 328:2"); the text before the first stays intro."""
    parts = intro.parts
    first = next((i for i, part in enumerate(parts) if part.heading), None)
    if first is None:
        return
    for part in parts[first:]:
        if part.heading is None:  # text before any heading continues the previous one
            sections[-1].parts.append(part)
            continue
        section = _Container("section", str(len(sections) + 1), part.heading, None)
        section.parts.append(_PartBuilder(None, part.blocks))
        sections.append(section)
    del parts[first:]


def parse_letter(text: str, meta: DocumentMeta) -> ParsedLetter:
    """Parse the text dump of a letter into a validated `Letter`."""
    header = letter_header(text)
    lines = text.splitlines()
    warnings: list[str] = []

    start = 0
    for index, line in enumerate(lines):
        if header.place_date and line.strip() == header.place_date:
            start = index + 1
            break
    else:  # no "Den Haag, 4 juli 2025": the letter starts after its salutation, if any
        for index, line in enumerate(lines[:80]):
            if _SALUTATION.match(line.strip()):
                start = index + 1
                break
    end = len(lines)
    closing: str | None = None
    for index in range(start, len(lines)):
        if _SIGNATURE.match(lines[index].strip()):
            end = index
            signer = lines[index + 1].strip() if index + 1 < len(lines) else ""
            closing = f"{lines[index].strip()}\n{signer}".strip()
            break
    if closing is None:
        warnings.append("geen ondertekening gevonden; voetnoten niet gescheiden van de tekst")
    footnote_lines = lines[end + 2 :] if closing is not None else []
    raw_notes = _split_footnotes(footnote_lines)

    body: list[BodyItem] = [line.strip() for line in lines[start:end]]
    warnings += link_footnote_markers(
        body, raw_notes, bounded_by_position=False, continue_numbering=True
    )
    body_lines = [item for item in body if isinstance(item, str)]
    elements = _BodyReader(body_lines, body_lines).read()

    intro = _Container("intro", "", "", None)
    containers: list[_Container] = [intro]
    pillars: list[_Container] = []
    sections: list[_Container] = []
    tables: list[FinancialTable] = []
    pillar_number: int | None = None
    for element in elements:
        current = containers[-1]
        if isinstance(element, _Structural):
            if element.kind == "pillar":
                pillar_number = int(element.number)
                container = _Container("pillar", element.number, element.title, pillar_number)
                pillars.append(container)
            else:
                if element.kind == "chapter":
                    pillar_number = None
                container = _Container("section", element.number, element.title, pillar_number)
                sections.append(container)
            containers.append(container)
        elif isinstance(element, _Heading):
            current.parts.append(_PartBuilder(element.text))
        elif isinstance(element, _Table):
            section = current.number if current.kind == "section" else None
            tables.append(_table_model(element, section, warnings))
        else:
            current.add(element)

    if not sections:
        _sections_from_headings(intro, sections)
    numbers = [s.number for s in sections]
    for number in sorted({n for n in numbers if numbers.count(n) > 1}):
        warnings.append(f"paragraaf {number} komt meer dan eens voor")

    letter = Letter(
        meta=meta,
        addressee=header.addressee,
        place_date=header.place_date,
        intro=intro.built_parts(),
        pillars=tuple(
            Pillar(number=int(p.number), title=p.title, parts=p.built_parts()) for p in pillars
        ),
        sections=tuple(
            LetterSection(number=s.number, title=s.title, pillar=s.pillar, parts=s.built_parts())
            for s in sections
        ),
        tables=tuple(tables),
        closing=closing,
        footnotes=tuple(Footnote(number=n.number, text=n.text, url=n.url) for n in raw_notes),
    )
    return ParsedLetter(letter=letter, warnings=warnings)
