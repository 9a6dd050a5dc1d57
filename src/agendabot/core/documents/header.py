"""What the top of an official document says about it: kind, id, dossier, number, date, title.

Rules, not cases: they hold for the layouts of officielebekendmakingen.nl (PDF and HTML text),
tweedekamer.nl and the text dumps of both (see tests/fixtures/documents/FORMATS.md).

- A dossier line: "31 749 Aanpak harde kern jeugdwerklozen", "30 560 XV", "36600-XV", with the
  dossier's title after it or on the next line.
- A number line: "Nr. 8" or "nr. 8", with the kind on it ("Nr. 8 LIJST VAN VRAGEN EN
  ANTWOORDEN") or on a line of its own.
- A date: "Vastgesteld 2 mei 2011", "(ingezonden 20 november 2026)", "(ontvangen 3 juni
  2015)", "Den Haag, 4 juli 2025", or an ISO date in a metadata block ("datum: 2025-07-04"),
  also wrapped over two lines.
- Kamervragen: "Aanhangsel van de Handelingen" with "Vergaderjaar 2014–2015" and its own
  number ("1365" alone on a line), "Vragen van het lid … (ingezonden …)" and "Antwoord van …
  (ontvangen …)"; on tweedekamer.nl the document number ("2024D18824").
- Only the top of the text is read (`HEAD_LINES`), so a cross-reference further down
  ("Zie ook Aanhangsel Handelingen, vergaderjaar 2014–2015, nr. 1028") is not taken for the
  document's own number; within the head, the first of each kind wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from agendabot.core.time.dutch_dates import MONTH_NUMBERS

__all__ = ["HEAD_LINES", "Header", "derived_id", "identifier_in", "read_header"]

HEAD_LINES: Final = 60

HeaderKind = Literal["qa", "kamervragen", "open_questions", "mededeling", "letter"]

_MONTHS = "|".join(MONTH_NUMBERS)
_DOSSIER = re.compile(
    r"^(?:Kamerstuk(?:ken)?\s+)?(?P<head>\d{2})\s?(?P<tail>\d{3})(?:[\s-](?P<roman>[IVXLC]+))?"
    r"(?:[\s,]+(?P<title>[A-Z(\"'][^\d].*))?$"
)
_NUMBER = re.compile(r"^[Nn][Rr]\.\s*(?P<number>\d{1,5})\b\s*(?P<rest>.*)$")
_DATE_WORDS = re.compile(
    rf"\b(?P<word>[Vv]astgesteld|ingezonden|ontvangen|Den Haag,)\s+(?P<day>\d{{1,2}})\s+"
    rf"(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})",
)
_PLACE_DATE = re.compile(
    rf"^(?:'s-)?[A-Z][a-z' -]+,\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})$"
)
_ISO_DATE = re.compile(
    r"\b(?:datum|Datum|date|Publicatiedatum|Datum ontvangst)\s*:?\s*(?P<iso>\d{4}-\d{2}-\d{2})"
)
_TK_NUMBER = re.compile(r"\b(?P<tk>20\d{2}[DZ]\d{5})\b")
_SESSION = re.compile(r"\b[Vv]ergaderjaar\s+(?P<first>\d{4})\s*[–-]\s*(?P<second>\d{4})")
_KST_ID = re.compile(r"^(\d{5})(?:-([IVXLC]+))?-(\d{1,5})$")
_META_ROW = re.compile(r"Staten-Generaal\s?(?P<first>\d{4})-(?P<second>\d{4})(?P<number>\d{1,5})\b")
_AANHANGSEL = re.compile(r"\bAanhangsel\b", re.IGNORECASE)
_OWN_NUMBER = re.compile(r"^(?P<number>\d{1,5})$")
_OB_ID = re.compile(r"\b(?P<id>(?:kst|ah-tk)-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)")
_QA_TITLE = re.compile(r"lijst van vragen en antwoorden", re.IGNORECASE)
_ASKED = re.compile(r"\bVragen van (?:het lid|de leden)\b(?P<rest>.*)", re.IGNORECASE)
_ASKED_TITLE = re.compile(r"\bVragen van (?:het lid|de leden)\b")
_ANSWERED = re.compile(r"^(?:Antwoord|Antwoorden) van\b", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"^(?:Antwoord(?:en)?(?:\s+(?:op\s+)?(?:vraag|vragen)?\s*\d.*)?:?)$")
_MEDEDELING = re.compile(r"\bMededeling\b.*|\buitstel\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Header:
    """What the head of a document says; None where it says nothing."""

    kind: HeaderKind
    id: str | None
    dossier: str | None
    number: int | None
    date: dt.date | None
    title: str | None
    dossier_title: str | None = None


def read_header(lines: Sequence[str]) -> Header:
    """Read kind, id, dossier, number, date and title from the top of a document."""
    head = [line.strip() for line in lines[:HEAD_LINES]]
    flat = " ".join(line for line in head if line)
    dossier, dossier_title = _dossier(head)
    number, number_rest = _number(head)
    kind = _kind(lines, head, flat, number_rest)
    identifier = _identifier(head, flat, kind, dossier, number)
    from_id = _KST_ID.match(identifier or "")
    if dossier is None and from_id:  # "Bron: …/kst-35394-48.html" without a dossier line
        digits, roman, own = from_id.groups()
        dossier = f"{digits[:2]} {digits[2:]}" + (f" {roman}" if roman else "")
        number = number or int(own)
    return Header(
        kind=kind,
        id=identifier,
        dossier=dossier,
        number=number if dossier is not None else _own_number(head, kind),
        date=_date(head, flat, kind),
        title=_title(head, flat, kind, number_rest, dossier_title),
        dossier_title=dossier_title,
    )


def _dossier(head: Sequence[str]) -> tuple[str | None, str | None]:
    for index, line in enumerate(head):
        match = _DOSSIER.match(line)
        if not match:
            continue
        dossier = f"{match['head']} {match['tail']}" + (
            f" {match['roman']}" if match["roman"] else ""
        )
        title = match["title"]
        if title is None and index + 1 < len(head):
            following = head[index + 1]
            if following and not _NUMBER.match(following) and following[:1].isupper():
                title = following
        return dossier, title.strip() if title else None
    return None, None


def _number(head: Sequence[str]) -> tuple[int | None, str]:
    for index, line in enumerate(head):
        match = _NUMBER.match(line)
        if match:
            rest = match["rest"].strip()
            if not rest and index + 1 < len(head):
                rest = head[index + 1]
            return int(match["number"]), rest
    return None, ""


def _kind(lines: Sequence[str], head: Sequence[str], flat: str, number_rest: str) -> HeaderKind:
    if _QA_TITLE.search(number_rest) or _QA_TITLE.search(flat[:2000]):
        return "qa"
    asked = _ASKED.search(flat)
    if asked or _AANHANGSEL.search(flat[:600]):
        if any(_ANSWERED.match(line.strip()) for line in lines) or any(
            _ANSWER_LABEL.match(line.strip()) for line in lines
        ):
            return "kamervragen"
        if _MEDEDELING.search(flat[:800]):
            return "mededeling"
        return "open_questions"
    return "letter"


def _identifier(
    head: Sequence[str], flat: str, kind: HeaderKind, dossier: str | None, number: int | None
) -> str | None:
    for match in _OB_ID.finditer(flat[:3000]):
        found = match["id"]
        return found.removeprefix("kst-")
    if dossier is not None and number is not None and kind in ("qa", "letter"):
        digits, *suffix = dossier.rsplit(" ", 1) if dossier.count(" ") == 2 else (dossier,)
        return "-".join([digits.replace(" ", ""), *suffix, str(number)])
    if kind in ("kamervragen", "open_questions", "mededeling") and _AANHANGSEL.search(flat):
        # officielebekendmakingen's metadata table, flattened: "…Staten-Generaal2014-20151365"
        table = _META_ROW.search(flat)
        if table:
            return f"ah-tk-{table['first']}{table['second']}-{table['number']}"
    if kind in ("kamervragen", "open_questions", "mededeling"):
        session = _SESSION.search(flat)
        own = _own_number(head, kind)
        if session and own is not None and _AANHANGSEL.search(flat):
            return f"ah-tk-{session['first']}{session['second']}-{own}"
    tk = _TK_NUMBER.search(flat)
    if tk:
        return tk["tk"]
    if kind in ("kamervragen", "open_questions", "mededeling"):
        return _derived_id(flat)
    return None


_SENT = re.compile(rf"\(ingezonden\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})")
_FIRST_MEMBER = re.compile(
    r"Vragen van (?:het lid|de leden)\s+(?P<name>[^,(]+?)(?:\s*[,(]|\s+en\s|\s+aan\s)"
)


def identifier_in(text: str) -> str | None:
    """An official id in a URL or text: "kst-31749-8" → "31749-8", "2024D18824"."""
    found = _OB_ID.search(text)
    if found:
        return found["id"].removeprefix("kst-")
    tk = _TK_NUMBER.search(text)
    return tk["tk"] if tk else None


def derived_id(text: str) -> str | None:
    """The id made from a Kamervragen header ("kv-20240219-becker"), also where the header
    is quoted in running text ("De vragen van het lid …", as in a *mededeling*)."""
    flat = " ".join(text.split())
    return _derived_id(flat) or _derived_id(re.sub(r"\b[Dd]e vragen van\b", "Vragen van", flat))


def _derived_id(flat: str) -> str | None:
    """Without an official id: "kv-20240219-becker" from the sending date and first member."""
    sent = _SENT.search(flat)
    member = _FIRST_MEMBER.search(flat)
    if not sent or not member:
        return None
    day = _make_date(sent["year"], sent["month"], sent["day"])
    name = re.sub(r"[^a-z0-9]+", "-", member["name"].split()[-1].lower()).strip("-")
    if day is None or not name:
        return None
    return f"kv-{day:%Y%m%d}-{name}"


def _own_number(head: Sequence[str], kind: HeaderKind) -> int | None:
    """An Aanhangsel's own number: a number alone on a line before the questions start."""
    if kind == "letter" or kind == "qa":
        return None
    for line in head:
        if _ASKED.search(line):
            return None
        match = _OWN_NUMBER.match(line)
        if match and int(match["number"]) > 0:
            return int(match["number"])
    return None


def _date(head: Sequence[str], flat: str, kind: HeaderKind) -> dt.date | None:
    wanted = {"qa": ("vastgesteld",), "kamervragen": ("ontvangen", "ingezonden")}.get(
        kind, ("ingezonden", "den haag,", "vastgesteld", "ontvangen")
    )
    found: dict[str, dt.date | None] = {}
    for match in _DATE_WORDS.finditer(flat):
        word = match["word"].lower()
        found.setdefault(word, _make_date(match["year"], match["month"], match["day"]))
    for word in wanted:
        if found.get(word):
            return found[word]
    iso = _ISO_DATE.search(flat)
    if iso:
        try:
            return dt.date.fromisoformat(iso["iso"])
        except ValueError:
            return None
    for line in head:
        place = _PLACE_DATE.match(line)
        if place:
            return _make_date(place["year"], place["month"], place["day"])
    return next(iter(found.values()), None)


def _make_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), MONTH_NUMBERS[month], int(day))
    except (ValueError, KeyError):
        return None


def _title(
    head: Sequence[str], flat: str, kind: HeaderKind, number_rest: str, dossier_title: str | None
) -> str | None:
    if kind in ("kamervragen", "open_questions", "mededeling"):
        asked = _ASKED_TITLE.search(flat)
        if asked:
            sentence = re.split(r"\s*\((?:ingezonden|ontvangen)", flat[asked.start() :])[0]
            return " ".join(sentence.split())[:300]
    if kind == "qa":
        about = re.search(r"(?:over|inzake)\s+(.{3,200}?)(?:\s*\(|\.|$)", number_rest)
        if about:
            return f"Lijst van vragen en antwoorden over {about.group(1)}"
        if dossier_title:
            return f"Lijst van vragen en antwoorden: {dossier_title}"
        return "Lijst van vragen en antwoorden"
    if number_rest and not _QA_TITLE.search(number_rest):
        title = number_rest[:300]
        return title.capitalize() if title.isupper() else title
    return dossier_title
