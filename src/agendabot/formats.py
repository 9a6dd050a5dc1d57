"""Official documents in the formats they are published in, as the plain text the parsers read.

- PDF (recognised by its `%PDF` signature): the text of each page, with pypdf.
- HTML (officielebekendmakingen.nl, tweedekamer.nl and similar pages): the document's own
  content with BeautifulSoup. Scripts, styles, navigation, headers, footers and forms go; each
  heading, paragraph, list item and table row becomes one line (cells joined by " | "). The
  page's identifying metadata (`DC.identifier`, `DC.title`, `DCTERMS.issued`, …) comes first,
  as "Identifier: kst-31749-8" lines, so the header reader finds the id.
- Plain text: UTF-8 (a byte-order mark is dropped), else Windows-1252.

Why libraries: PDF text extraction and tolerant HTML parsing are exactly what pypdf and
BeautifulSoup do well; regexes over HTML break on the next page.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Final

__all__ = ["FormatError", "source_text", "text_from_bytes"]

# <meta name="…"> values worth keeping, and the label they get.
_META: Final = {
    "dc.identifier": "Identifier",
    "dc.title": "Titel",
    "dcterms.issued": "Datum",
    "overheidop.dossiernummer": "Dossier",
    "overheidop.ondernummer": "Nummer",
    "dc.type": "Soort",
}
_DROP: Final = ("script", "style", "noscript", "nav", "header", "footer", "form", "button", "svg")
_BLOCKS: Final = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "pre", "caption")
# Where a page keeps the document itself, most specific first.
_CONTENT: Final = ("#broodtekst", "article", "main", "#content", ".document", "body")


class FormatError(Exception):
    """The file cannot be read as a document; the message is one Dutch sentence."""


def source_text(path: Path) -> str:
    """The text of the document in `path` (PDF, HTML or plain text)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FormatError(f"Kan {path} niet lezen: {exc.strerror or exc}.") from None
    return text_from_bytes(data, name=path.name)


def text_from_bytes(data: bytes, *, name: str) -> str:
    """The text of a document given as bytes; `name` is used in messages."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return _pdf_text(data, name)
    lowered = head.lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        return _html_text(_decode(data, name), name)
    return _decode(data, name)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise FormatError(f"{name} is geen leesbare PDF, HTML of tekst.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise FormatError(f"{name} is geen leesbare PDF ({type(exc).__name__}).") from None
    text = "\n".join(pages).strip()
    if not text:
        raise FormatError(f"{name} is een PDF zonder tekst (een scan?); geef de tekst zelf.")
    return text + "\n"


def _html_text(markup: str, name: str) -> str:
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(markup, "html.parser")
    lines: list[str] = []
    for meta in soup.find_all("meta"):
        if not isinstance(meta, Tag):
            continue
        key = str(meta.get("name") or meta.get("property") or "").lower()
        value = " ".join(str(meta.get("content") or "").split())
        if key in _META and value:
            lines.append(f"{_META[key]}: {value}")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    root = next((found for selector in _CONTENT if (found := soup.select_one(selector))), soup)
    for element in root.find_all([*_BLOCKS, "tr"]):
        if not isinstance(element, Tag):
            continue
        if element.name != "tr" and element.find_parent(_BLOCKS):
            continue  # a paragraph inside a list item is part of that line
        if element.name == "tr":
            cells = [" ".join(c.get_text(" ").split()) for c in element.find_all(["td", "th"])]
            line = " | ".join(cells)
        else:
            if element.find_parent("tr"):
                continue  # text in a table cell is part of its row
            line = " ".join(element.get_text(" ").split())
        if line:
            lines.append(line)
    if not lines:
        raise FormatError(f"In {name} staat geen leesbare tekst.")
    return "\n".join(lines) + "\n"
