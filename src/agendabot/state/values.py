"""Validation and normalisation of the values the state layer stores.

Pure functions: no database, no clock. Each raises `InvalidValue` with one Dutch sentence
that can be shown to the user as it is.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Final, Literal, get_args

from agendabot.state.errors import InvalidValue

Pillar = Literal["1", "2", "all"]
"""A subscription's pillar: pillar 1, pillar 2, or everything."""

CommitmentStatus = Literal["open", "afgerond", "vervallen"]
"""The status of a commitment (toezegging)."""

PILLARS: Final[tuple[Pillar, ...]] = get_args(Pillar)
STATUSES: Final[tuple[CommitmentStatus, ...]] = get_args(CommitmentStatus)

MAX_ID_LENGTH: Final = 64
MAX_LINK_LENGTH: Final = 2000
MAX_NOTE_LENGTH: Final = 2000

# Slack ids: channels C…, private channels/groups G…, users U…, enterprise users W….
_TARGET_RE: Final = re.compile(r"[CGUW][A-Z0-9]{2,20}")
# Slack's own markup for a mentioned channel or user: <#C123|naam>, <@U123>, <@U123|naam>.
_MARKUP_RE: Final = re.compile(r"<[#@]([A-Za-z0-9]+)(?:\|[^>]*)?>")
_ISO_WEEK_RE: Final = re.compile(r"(\d{4})-W(\d{2})")
_PILLAR_ALIASES: Final[dict[str, Pillar]] = {"1": "1", "2": "2", "all": "all", "alles": "all"}


def normalize_target(value: str) -> str:
    """Return a Slack channel or user id (`C…`, `G…`, `U…`, `W…`), unwrapping `<#C…|naam>`."""
    text = value.strip()
    markup = _MARKUP_RE.fullmatch(text)
    if markup:
        text = markup.group(1)
    text = text.upper()
    if not _TARGET_RE.fullmatch(text):
        raise InvalidValue(
            "Geef een Slack-kanaal-id (C… of G…) of gebruikers-id (U… of W…), "
            "bijvoorbeeld C0123ABCD."
        )
    return text


def normalize_pillar(value: str | int) -> Pillar:
    """Return "1", "2" or "all"; accepts 1, 2, "1", "2", "all" and "alles"."""
    key = str(value).strip().lower()
    pillar = _PILLAR_ALIASES.get(key)
    if pillar is None:
        raise InvalidValue("Kies pijler 1, 2 of alles.")
    return pillar


def normalize_status(value: str) -> CommitmentStatus:
    """Return one of "open", "afgerond", "vervallen"."""
    key = value.strip().lower()
    for status in STATUSES:
        if key == status:
            return status
    raise InvalidValue("Een toezegging is open, afgerond of vervallen.")


def check_identifier(value: str, what: str) -> str:
    """A non-empty id of at most 64 characters (commitment ids, actors, replica ids)."""
    text = value.strip()
    if not text or len(text) > MAX_ID_LENGTH or any(c.isspace() for c in text):
        raise InvalidValue(
            f"Ongeldige {what}: gebruik 1 tot {MAX_ID_LENGTH} tekens zonder spaties."
        )
    return text


def check_link(value: str | None) -> str | None:
    """An optional http(s) link, at most 2000 characters; Slack's `<url|label>` is unwrapped."""
    if value is None:
        return None
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].split("|", 1)[0]
    if not text:
        return None
    if not re.fullmatch(r"https?://\S+", text) or len(text) > MAX_LINK_LENGTH:
        raise InvalidValue("Een link begint met http:// of https:// en bevat geen spaties.")
    return text


def check_note(value: str | None) -> str | None:
    """An optional free-text note, at most 2000 characters."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise InvalidValue(f"Een toelichting is hoogstens {MAX_NOTE_LENGTH} tekens.")
    return text


def check_iso_week(value: str) -> str:
    """An ISO week as "2026-W02" (the week must exist in that year)."""
    match = _ISO_WEEK_RE.fullmatch(value)
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        try:
            date.fromisocalendar(year, week, 1)
        except ValueError:
            pass
        else:
            return value
    raise InvalidValue("Een week schrijf je als 2026-W02.")


def iso_week(day: date) -> str:
    """The ISO week of a (local) calendar day, formatted as the ledger stores it: "2026-W02"."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def check_aware(moment: datetime, what: str = "now") -> datetime:
    """Refuse naive datetimes: every timestamp in the state layer is timezone-aware."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {moment!r}")
    return moment


def check_positive(delta: timedelta, what: str, minimum: timedelta = timedelta(0)) -> timedelta:
    if delta <= minimum:
        raise ValueError(f"{what} must be longer than {minimum}, got {delta}")
    return delta
