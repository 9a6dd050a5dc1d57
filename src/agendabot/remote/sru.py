"""The official search service of officielebekendmakingen (SRU 2.0 at repository.overheid.nl).

`dossier_query(dossier, since)` builds the CQL query for the publications of a dossier since a
date, `kamervragen_query(since)` the one for new written Kamervragen and the answers to them
(they belong to no dossier); `parse_records(xml)` reads one page of the answer: each record's
identifier ("kst-32824-460", "ah-tk-20242025-1234"), title, type, date and preferred URL, and
the position of the next page. Elements are found by their local names, so a change of
namespace prefix in the service's answer does not break it. The XML is parsed with the
standard library (the answer is data from a government service, and expat does not resolve
external entities).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Final

SRU_URL: Final = "https://repository.overheid.nl/sru"
PAGE_SIZE: Final = 50


@dataclass(frozen=True, slots=True)
class Record:
    identifier: str
    title: str
    type: str
    date: dt.date | None
    url: str | None

    @property
    def wanted(self) -> bool:
        """A Q&A list, an answer to Kamervragen or a letter (not a motion, amendment, …)."""
        title = self.title.lower()
        if self.identifier.startswith("ah-tk-"):
            return True
        return (
            "lijst van vragen en antwoorden" in title
            or title.startswith("brief")
            or (" brief " in f" {title} ")
        )


class SruError(ValueError):
    """The answer is not an SRU response; message in Dutch."""


def dossier_query(dossier: str, since: dt.date) -> str:
    digits = re.sub(r"\D", "", dossier)
    return (
        "c.product-area==officielepublicaties AND w.publicatienaam==Kamerstuk "
        f"AND w.dossiernummer=={digits} AND dt.date>={since.isoformat()}"
    )


NEW_QUESTIONS: Final = "Kamervragen zonder antwoord"  # kv-tk-…: asked, not yet answered
ANSWERS: Final = "Kamervragen (Aanhangsel)"  # ah-tk-…: the answers


def kamervragen_query(since: dt.date) -> str:
    return (
        f'c.product-area==officielepublicaties AND (w.publicatienaam=="{NEW_QUESTIONS}" '
        f'OR w.publicatienaam=="{ANSWERS}") AND dt.date>={since.isoformat()}'
    )


def addressed_to(record: Record, addressee: str) -> bool:
    """Whether the record's title names `addressee` ("Sociale Zaken en Werkgelegenheid"):
    the title of new questions and of their answers says to whom they were put."""
    fold = " ".join(addressee.lower().split())
    return bool(fold) and fold in " ".join(record.title.lower().split())


def request_params(query: str, start: int = 1) -> dict[str, str]:
    return {
        "operation": "searchRetrieve",
        "version": "2.0",
        "query": query,
        "startRecord": str(start),
        "maximumRecords": str(PAGE_SIZE),
    }


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first(element: ET.Element, name: str) -> str | None:
    for child in element.iter():
        if _local(child.tag) == name and (child.text or "").strip():
            return (child.text or "").strip()
    return None


def parse_records(xml: bytes) -> tuple[list[Record], int | None]:
    """The records of one answer page, and the next page's start (None: last page)."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise SruError(f"het antwoord van de zoekdienst is geen XML ({exc})") from None
    if _local(root.tag) != "searchRetrieveResponse":
        raise SruError("het antwoord van de zoekdienst is geen SRU-antwoord")
    records: list[Record] = []
    for record in (e for e in root.iter() if _local(e.tag) == "recordData"):
        identifier = _first(record, "identifier")
        if not identifier:
            continue
        raw_date = _first(record, "available") or _first(record, "date") or ""
        try:
            date = dt.date.fromisoformat(raw_date[:10]) if raw_date else None
        except ValueError:
            date = None
        records.append(
            Record(
                identifier=identifier,
                title=_first(record, "title") or identifier,
                type=_first(record, "type") or "",
                date=date,
                url=_first(record, "preferredUrl"),
            )
        )
    following = _first(root, "nextRecordPosition")
    return records, int(following) if following and following.isdigit() else None
