"""Reading new Kamervragen: the questions of a text, a set's header, a *mededeling* of delay.

    questions = read_questions(text)      # "Vraag 1 …", "1. …", or sentences ending in "?"
    found = read_set(text)                # ParsedSet, or SetProblem with one Dutch sentence
    notice = read_notice(text)            # ParsedNotice: which set, the date it names

The header reads "Vragen van het lid Jansen (GL-PvdA) aan de Staatssecretaris van Sociale
Zaken en Werkgelegenheid over de taaleis (ingezonden 20 november 2026)." The set's id is the
Tweede Kamer number ("2026Z21234") where the text gives one, else the id the document header
reader makes (`kv-<ingezonden>-<first member>`, as for answered Kamervragen).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from agendabot.core.documents.header import HEAD_LINES, derived_id, read_header
from agendabot.core.kamervragen.model import OpenQuestion
from agendabot.core.time.dutch_dates import MONTH_NUMBERS

__all__ = [
    "MAX_QUESTIONS",
    "ParsedNotice",
    "ParsedSet",
    "SetProblem",
    "read_notice",
    "read_questions",
    "read_set",
]

MAX_QUESTIONS: Final = 60

_MONTHS = "|".join(MONTH_NUMBERS)
_DATE = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})\b")
_SENT = re.compile(
    rf"\(?ingezonden\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})"
)
_RECEIVED = re.compile(
    rf"\(?ontvangen\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})"
)
# "2026Z21234"; also right after the session where officielebekendmakingen's metadata table
# is flattened to text ("Tweede Kamer der Staten-Generaal2015-20162016Z00081")
_TK_SET = re.compile(r"(?:\b|(?<=\d{4}-\d{4}))(?P<tk>20\d{2}Z\d{5})\b")
# "Vraag 1", "Vraag 1:", "Vraag 1. Wat …"
_VRAAG = re.compile(r"^\s*Vraag\s+(?P<number>\d{1,3})\s*[:.)]?\s*(?P<rest>.*)$", re.IGNORECASE)
# "1. Wat …", "1) Wat …", "1 Wat …" (at the start of a line)
_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,3})\s*[.)]\s+(?P<rest>\S.*)$")
_STOP = re.compile(r"^\s*(?:Toelichting|Voetnot(?:en|e)|Noten)\b\s*:?", re.IGNORECASE)
_FOOTNOTE = re.compile(
    rf"^\s*\d{{1,3}}\s*\)?\s+.*(?:https?://|\b\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}\b)"
)
_ASKED = re.compile(
    r"Vragen van (?:het lid|de leden)\s+(?P<members>(?:(?!vragen van ).)+?)\s+aan\s+"
    r"(?P<addressed>.+?)"
    r"(?:\s+over\s+(?P<subject>.+?))?\s*\(ingezonden",
    re.IGNORECASE,
)
_PARTY = re.compile(r"\s*\([^)]*\)")
_MARKER = re.compile(r"(?<=[?.!»”\"])\d{1,2}\b")  # a footnote marker after a sentence


class SetProblem(ValueError):
    """The text is not a usable set of new questions; the message is one Dutch sentence."""


@dataclass(frozen=True, slots=True)
class ParsedSet:
    """What the text of a new set says."""

    id: str
    title: str
    members: tuple[str, ...]
    addressed: str
    subject: str | None
    sent: dt.date
    questions: tuple[OpenQuestion, ...]


@dataclass(frozen=True, slots=True)
class ParsedNotice:
    """A *mededeling*: the set it is about, when it came, and the date it names (if any)."""

    set_id: str | None
    received: dt.date | None
    sent: dt.date | None
    named_date: dt.date | None
    title: str | None


def _date(match: re.Match[str] | None) -> dt.date | None:
    if match is None:
        return None
    try:
        return dt.date(int(match["year"]), MONTH_NUMBERS[match["month"]], int(match["day"]))
    except (ValueError, KeyError):
        return None


def _squash(text: str) -> str:
    return " ".join(text.split())


def _numbered(lines: list[str], pattern: re.Pattern[str]) -> list[tuple[int, list[str]]]:
    """Runs of lines under numbered headings, in order, numbers counting up from 1."""
    found: list[tuple[int, list[str]]] = []
    closed = False  # after a footnote or "Toelichting": nothing more for this question
    for line in lines:
        match = pattern.match(line)
        if match and int(match["number"]) == len(found) + 1:
            found.append((int(match["number"]), [match["rest"]]))
            closed = False
            continue
        if not found or closed:
            continue
        if _STOP.match(line) or _FOOTNOTE.match(line):
            closed = True
            continue
        found[-1][1].append(line)
    return found


def read_questions(text: str) -> tuple[OpenQuestion, ...]:
    """The questions of a text: under "Vraag N" headings, else numbered "N." lines, else
    the sentences that end in a question mark (each one question). Empty when none."""
    lines = text.replace("\r\n", "\n").split("\n")
    runs = _numbered(lines, _VRAAG)
    if not runs:
        runs = _numbered(lines, _NUMBERED)
    questions = [
        OpenQuestion(number=number, text=_MARKER.sub("", _squash(" ".join(body))))
        for number, body in runs
        if _squash(" ".join(body))
    ]
    if not questions:
        sentences = re.findall(r"[^.?!\n][^?!\n]*\?", text)
        asked = [_squash(s) for s in sentences if len(_squash(s).split()) >= 3]
        questions = [OpenQuestion(number=n, text=s) for n, s in enumerate(asked, start=1)]
    return tuple(questions[:MAX_QUESTIONS])


def is_question_set(text: str) -> bool:
    """Whether `text` holds a set of questions: two or more under "Vraag N" headings or
    numbered "N." lines (a single question, or sentences ending in "?", is not a set)."""
    lines = text.replace("\r\n", "\n").split("\n")
    return len(_numbered(lines, _VRAAG) or _numbered(lines, _NUMBERED)) >= 2


def _members(raw: str) -> tuple[str, ...]:
    """ "Becker, Brekelmans en Michon-Derkzen (allen VVD)" → ("Becker", "Brekelmans", …)."""
    names = re.split(r",\s*|\s+en\s+", _PARTY.sub("", raw))
    return tuple(name.strip() for name in names if name.strip())


def read_set(text: str) -> ParsedSet:
    """A new set of questions; `SetProblem` when it has no questions or no sending date."""
    lines = text.splitlines()
    header = read_header(lines)
    flat = _squash(" ".join(lines[:HEAD_LINES]))
    questions = read_questions(text)
    if not questions:
        raise SetProblem("Ik herken er geen vragen in (zoals 'Vraag 1 …').")
    asked = _ASKED.search(flat)
    sent = _date(_SENT.search(flat))
    if sent is None:
        raise SetProblem(
            "Er staat geen geldige datum van indienen in (zoals '(ingezonden 20 november "
            "2026)'), dus ik kan geen termijn berekenen."
        )
    if asked is None:
        raise SetProblem(
            "Ik vind niet wie de vragen stelt en aan wie (zoals 'Vragen van het lid … aan de "
            "Minister van … (ingezonden …)')."
        )
    tk = _TK_SET.search(flat)
    identifier = tk["tk"] if tk else (derived_id(flat) or header.id)
    if identifier is None:
        raise SetProblem("Ik kan de vragen geen vast nummer geven (Kamernummer of indiener).")
    subject = asked["subject"]
    return ParsedSet(
        id=identifier,
        title=_squash(asked.group(0)).removesuffix("(ingezonden").strip() or header.title or "",
        members=_members(asked["members"]),
        addressed=_squash(asked["addressed"]),
        subject=_squash(subject) if subject else None,
        sent=sent,
        questions=questions,
    )


def read_notice(text: str) -> ParsedNotice:
    """A *mededeling* of delay: the set it names (Kamernummer or header id), the date it
    was received, and the date it promises the answers by (None: it names none)."""
    flat = _squash(text)
    sent = _date(_SENT.search(flat))
    received = _date(_RECEIVED.search(flat))
    tk = _TK_SET.search(flat)
    named = None
    for match in _DATE.finditer(flat):
        day = _date(match)
        if day is None or day in (sent, received):
            continue
        if received is not None and day <= received:
            continue
        named = day
        break
    header = read_header(text.splitlines())
    return ParsedNotice(
        set_id=tk["tk"] if tk else derived_id(flat),
        received=received,
        sent=sent,
        named_date=named,
        title=header.title,
    )
