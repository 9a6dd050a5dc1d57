"""Ingest: turn an official source text into a content file under `content/documents/`.

`ingest_source()` reads the source, works out the document's metadata (from the text,
from options, or from the content file written before), parses it with the core parsers
and returns an `IngestResult`; `write_result()` writes the YAML. The CLI prints
`IngestResult.summary_lines()`; later steps (such as listing candidate commitments) can
add their own lines from `IngestResult.document`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from agendabot.content.dump import dump_document
from agendabot.content.loading import write_atomically
from agendabot.content.model import DOCUMENTS_DIR, Document
from agendabot.core.documents.header import identifier_in, read_header
from agendabot.core.documents.letter_parser import letter_header, parse_letter
from agendabot.core.documents.models import DocumentKind, DocumentMeta, QADocument
from agendabot.core.documents.qa_parser import parse_qa, qa_footer
from agendabot.formats import FormatError, source_text

__all__ = [
    "IngestError",
    "IngestResult",
    "detect_kind",
    "ingest_source",
    "official_url",
    "rendered",
    "write_result",
]

_QUESTION_HEADING = re.compile(r"(?m)^\s*Vraag\w*\s+\d+\s*$")
_ANSWER_HEADING = re.compile(r"(?m)^\s*Antwoord")


class IngestError(Exception):
    """The source cannot be ingested; the message is one Dutch sentence."""


@dataclass(slots=True)
class IngestResult:
    """What ingest made of a source."""

    document: Document
    source: Path
    output: Path
    warnings: list[str] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        """A short Dutch summary for the terminal."""
        meta = self.document.meta
        lines = [f"{meta.citation} ({meta.date.isoformat()}): {meta.title}"]
        doc = self.document
        if isinstance(doc, QADocument):
            groups = {q.group for q in doc.questions if q.group}
            references = [q for q in doc.questions if q.refers_to]
            notes = {n.number for q in doc.questions for n in q.footnotes}
            lines.append(
                f"{len(doc.questions)} vragen, {len(groups)} groepen met een gezamenlijk "
                f"antwoord, {len(references)} antwoorden met een verwijzing, "
                f"{len(notes)} voetnoten"
            )
        else:
            lines.append(
                f"{len(doc.pillars)} pijlers, {len(doc.sections)} paragrafen, "
                f"{len(doc.tables)} tabel(len), {len(doc.footnotes)} voetnoten"
            )
        lines.append(f"→ {self.output}")
        lines += [f"let op: {warning}" for warning in self.warnings]
        return lines


def detect_kind(text: str) -> DocumentKind:
    """A Q&A list has "Vraag N" and "Antwoord" headings; anything else is read as a letter."""
    if len(_QUESTION_HEADING.findall(text)) >= 2 and _ANSWER_HEADING.search(text):
        return DocumentKind.QA_LIST
    return DocumentKind.LETTER


def _dossier_key(dossier: str) -> str:
    """ "32 824" → "32824"; "36 600 XV" → "36600-XV"."""
    parts = dossier.split()
    digits = "".join(part for part in parts if part.isdigit())
    return digits + "".join(f"-{part}" for part in parts if not part.isdigit())


def official_url(doc_id: str, dossier: str | None = None, number: int | None = None) -> str:
    """The page of a document: officielebekendmakingen.nl, or tweedekamer.nl for a
    Tweede Kamer document number."""
    if dossier is not None and number is not None:
        return f"https://zoek.officielebekendmakingen.nl/kst-{_dossier_key(dossier)}-{number}.html"
    if doc_id.startswith("ah-"):
        return f"https://zoek.officielebekendmakingen.nl/{doc_id}.html"
    return f"https://www.tweedekamer.nl/kamerstukken/detail?id={doc_id}"


def _page_title(line: str | None) -> str | None:
    """A web page's title line before the document: "Brief regering : Titel" → "Titel";
    not a dossier line ("32 824 Integratiebeleid"), a lone word ("Kamerstuk") or a metadata
    line ("Gepubliceerd: 28 november 2022")."""
    if not line or re.match(r"^\d{2} ?\d{3}\b", line) or len(line.split()) < 2:
        return None
    if re.match(r"^[A-Z][\w()' -]{1,30}:\s", line):  # "Gepubliceerd: …": metadata, not a title
        return None
    return line.split(" : ", 1)[1].strip() if " : " in line else line


def _previous_meta(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    meta = data.get("meta") if isinstance(data, dict) else None
    return dict(meta) if isinstance(meta, dict) else {}


def _relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def ingest_source(
    source: Path,
    *,
    content_root: Path,
    kind: DocumentKind | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    url: str | None = None,
    output: Path | None = None,
) -> IngestResult:
    """Parse `source` into a document; metadata the text lacks comes from the options or
    from the content file written by an earlier ingest."""
    try:
        text = source_text(source)  # PDF, HTML or plain text
    except FormatError as exc:
        raise IngestError(str(exc)) from None
    header = read_header(text.splitlines())
    if header.kind in ("open_questions", "mededeling") and kind is None:
        what = (
            "nieuwe Kamervragen zonder antwoord"
            if header.kind == "open_questions"
            else ("een mededeling dat de antwoorden later komen")
        )
        raise IngestError(
            f"In {source.name} staan {what} ({header.title or 'zonder titel'}); die houdt "
            "agendabot nog niet bij, dus er is niets geschreven."
        )
    if kind is None:
        kind = {
            "qa": DocumentKind.QA_LIST,
            "kamervragen": DocumentKind.KAMERVRAGEN,
        }.get(header.kind) or detect_kind(text)

    dossier, number = header.dossier, header.number
    found_title, found_date, dossier_title = header.title, header.date, header.dossier_title
    letter_head = letter_header(text) if kind is DocumentKind.LETTER else None
    if letter_head is not None:
        dossier, number = dossier or letter_head.dossier, number or letter_head.number
        page_title = _page_title(letter_head.title)
        found_title = page_title or found_title or letter_head.title
        found_date = letter_head.date or found_date
        dossier_title = letter_head.dossier_title or dossier_title
    footer = qa_footer(text)
    if (dossier is None or number is None) and footer is not None:
        dossier, number = footer.dossier, footer.number
    doc_id = (identifier_in(url) if url else None) or header.id
    if dossier is not None and number is not None and kind is not DocumentKind.KAMERVRAGEN:
        doc_id = f"{_dossier_key(dossier)}-{number}"
    if doc_id is None:
        raise IngestError(
            f"In {source.name} staan geen dossier- en documentnummer (zoals '32 824, nr. 451'), "
            "geen Aanhangsel-nummer en geen Kamernummer (zoals 2024D18824)."
        )
    file_name = f"kamerstuk-{doc_id.lower()}" if dossier and number else doc_id.lower()
    output = output or content_root / DOCUMENTS_DIR / f"{file_name}.yaml"
    previous = _previous_meta(output)

    chosen_title = title or found_title or previous.get("title")
    chosen_date = date or found_date or previous.get("date")
    if not chosen_title:
        raise IngestError("De bron noemt geen titel; geef die op met --titel.")
    if not chosen_date:
        raise IngestError("De bron noemt geen datum; geef die op met --datum JJJJ-MM-DD.")
    meta = DocumentMeta(
        id=doc_id,
        kind=kind,
        dossier=dossier,
        number=number,
        date=chosen_date,
        title=chosen_title,
        dossier_title=dossier_title or previous.get("dossier_title"),
        url=url or previous.get("url") or official_url(doc_id, dossier, number),
        source=_relative_to(source, content_root),
    )
    if kind is not DocumentKind.LETTER:
        parsed_qa = parse_qa(text, meta)
        return IngestResult(parsed_qa.document, source, output, parsed_qa.warnings)
    parsed_letter = parse_letter(text, meta)
    return IngestResult(parsed_letter.letter, source, output, parsed_letter.warnings)


class WouldOverwrite(IngestError):
    """The output file exists with other contents (perhaps corrected by hand)."""


def rendered(result: IngestResult) -> str:
    """The YAML `write_result` writes."""
    header = (
        f"{result.document.meta.citation}: gemaakt met 'agendabot ingest' uit "
        f"{result.document.meta.source}.\n"
        "Correcties met de hand mogen; 'agendabot content check' controleert ze.\n"
        "Let op: opnieuw ingesten overschrijft handmatige correcties."
    )
    return dump_document(result.document, header=header)


def write_result(result: IngestResult, *, replace: bool = False) -> bool:
    """Write the document's YAML to `result.output`; False when it is already there as is.

    An existing file with other contents (an earlier version of the source, or corrections
    made by hand) is only overwritten with `replace`; else `WouldOverwrite`. The write is
    atomic: a temporary file beside it, then a rename.
    """
    text = rendered(result)
    output = result.output
    if output.is_file():
        current = output.read_text(encoding="utf-8", errors="replace")
        if current == text:
            return False
        if not replace:
            raise WouldOverwrite(
                f"{output} bestaat al en wijkt af (met de hand verbeterd?); "
                "gebruik --vervang om het te overschrijven."
            )
    write_atomically(output, text)
    return True
