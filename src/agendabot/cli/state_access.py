"""What the state-using commands share: settings, the store, and parsing of --now/--pillar.

Every failure becomes a `UserError` with one Dutch sentence (exit code 2).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING

from agendabot.cli.common import UserError
from agendabot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:  # imported when used: `agendabot --help` stays quick
    from agendabot.jobs.digest_config import DigestConfig
    from agendabot.state import Store

__all__ = [
    "cli_actor",
    "cli_settings",
    "digest_config",
    "open_store",
    "parse_now",
    "parse_pillar",
    "parse_target",
    "parse_weeks",
]

MAX_WEEKS = 52


def cli_settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        raise UserError(str(exc)) from None


def digest_config(settings: Settings) -> DigestConfig:
    from agendabot.jobs.digest_config import DigestConfigError, load_digest_config

    try:
        return load_digest_config(settings)
    except DigestConfigError as exc:
        raise UserError(str(exc)) from None


@contextmanager
def open_store(settings: Settings) -> Iterator[Store]:
    """The state database of `DATABASE_URL`, migrated; closed afterwards."""
    from sqlalchemy.exc import SQLAlchemyError

    from agendabot.state import StateError, Store

    try:
        store = Store.open(settings.database_url.get_secret_value())
    except StateError as exc:
        raise UserError(str(exc)) from None
    except (SQLAlchemyError, OSError) as exc:
        raise UserError(
            f"De database (DATABASE_URL) is niet bereikbaar: {type(exc).__name__}."
        ) from None
    try:
        yield store
    finally:
        store.close()


def cli_actor() -> str:
    """Who did it, for the audit log: "cli:<login name>"."""
    import getpass

    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "onbekend"
    cleaned = "".join(c for c in name if c.isalnum() or c in "._-")[:50] or "onbekend"
    return f"cli:{cleaned}"


def parse_target(value: str) -> str:
    from agendabot.state import InvalidValue, normalize_target

    try:
        return normalize_target(value)
    except InvalidValue as exc:
        raise UserError(f"'{value}' is geen Slack-id. {exc}") from None


def parse_pillar(value: str | None, *, allow_all: bool = True) -> int | None:
    """'1' → 1, '2' → 2, 'all'/'alles'/None → None."""
    if value is None:
        return None
    from agendabot.state import InvalidValue, normalize_pillar

    try:
        pillar = normalize_pillar(value)
    except InvalidValue:
        choices = "1, 2 of alles" if allow_all else "1 of 2"
        raise UserError(f"Pijler '{value}' bestaat niet; kies {choices}.") from None
    if pillar == "all":
        if not allow_all:
            raise UserError(f"Pijler '{value}' bestaat niet; kies 1 of 2.")
        return None
    return int(pillar)


def parse_weeks(value: str | None, default: int) -> int:
    if value is None:
        return default
    text = value.strip()
    if text.isdigit() and 1 <= int(text) <= MAX_WEEKS:
        return int(text)
    raise UserError(
        f"Aantal weken '{value}' begrijp ik niet; geef een heel getal van 1 tot {MAX_WEEKS}."
    )


def parse_now(value: str | None, timezone: tzinfo) -> datetime | None:
    """An ISO date or date-time; without an offset it is read in `timezone`."""
    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime.combine(day, time(0, 0), tzinfo=timezone)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UserError(
            f"Tijdstip '{value}' begrijp ik niet; schrijf bijvoorbeeld 2026-01-05T09:00:00+01:00 "
            "of 2026-01-05."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone)
    return moment
