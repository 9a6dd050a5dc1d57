"""The digest configuration: `config/digest.yaml`, with the `DIGEST_*` settings on top.

    config = load_digest_config(settings)     # settings: agendabot.settings.Settings
    config.trigger()                          # APScheduler CronTrigger in config.timezone
    config.options()                          # agendabot.core.agenda.digest.DigestOptions

Precedence: a `DIGEST_CRON`, `DIGEST_TIMEZONE`, `DIGEST_WEEKS` or `DIGEST_SEND_EMPTY` that
is set in the environment (or `.env`) wins over the file; the file wins over the built-in
defaults. A missing file means the defaults; an invalid one raises `DigestConfigError` with
one Dutch sentence naming the file and the field.
"""

from __future__ import annotations

from datetime import timedelta, tzinfo
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo

import yaml
from apscheduler.triggers.cron import CronTrigger
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from agendabot.core.agenda.digest import DEFAULT_TIMEZONE, DigestOptions
from agendabot.settings import CRON_FIELDS, Settings, check_cron, check_timezone

__all__ = [
    "CONFIG_FILE",
    "CatchUp",
    "DigestConfig",
    "DigestConfigError",
    "Overdue",
    "load_digest_config",
]

CONFIG_FILE: Final = "digest.yaml"

# Settings field → config field, for the values the environment may override.
_OVERRIDES: Final = {
    "digest_cron": "schedule",
    "digest_timezone": "timezone",
    "digest_weeks": "weeks_ahead",
    "digest_send_empty": "send_when_empty",
}


class DigestConfigError(Exception):
    """`config/digest.yaml` cannot be used; the message is one Dutch sentence."""


class Overdue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    list_up_to: int = Field(5, ge=0, le=50)
    oldest_shown: int = Field(3, ge=0, le=50)


class CatchUp(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tick_minutes: float = Field(5, gt=0, le=24 * 60)
    misfire_grace_hours: float = Field(24, gt=0, le=7 * 24)
    stale_claim_minutes: float = Field(15, ge=1, le=24 * 60)
    max_attempts: int = Field(5, ge=1, le=100)


class DigestConfig(BaseModel):
    """Schedule, contents and catch-up behaviour of the weekly digest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schedule: str = "0 9 * * mon"
    timezone: str = DEFAULT_TIMEZONE
    weeks_ahead: int = Field(6, ge=1, le=52)
    send_when_empty: bool = False
    overdue: Overdue = Overdue()
    catch_up: CatchUp = CatchUp()

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        return check_cron(value)

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return check_timezone(value)

    # --- derived ---------------------------------------------------------------------------
    @property
    def tz(self) -> tzinfo:
        return ZoneInfo(self.timezone)

    def trigger(self) -> CronTrigger:
        """The weekly trigger, e.g. `CronTrigger(day_of_week="mon", hour=9, minute=0, …)`."""
        fields = dict(zip(CRON_FIELDS, self.schedule.split(), strict=True))
        return CronTrigger(**fields, timezone=self.tz)

    def options(self, *, weeks: int | None = None) -> DigestOptions:
        return DigestOptions(
            weeks=weeks or self.weeks_ahead,
            overdue_list_max=self.overdue.list_up_to,
            overdue_oldest=self.overdue.oldest_shown,
            send_empty=self.send_when_empty,
            timezone=self.tz,
        )

    @property
    def stale_after(self) -> timedelta:
        return timedelta(minutes=self.catch_up.stale_claim_minutes)

    @property
    def tick(self) -> timedelta:
        return timedelta(minutes=self.catch_up.tick_minutes)

    @property
    def misfire_grace(self) -> timedelta:
        return timedelta(hours=self.catch_up.misfire_grace_hours)


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "(bestand)"
    if error["type"] == "value_error":
        reason = str(error.get("ctx", {}).get("error", error["msg"]))
    elif error["type"] == "extra_forbidden":
        reason = "onbekend veld"
    elif error["type"] in ("greater_than_equal", "greater_than"):
        reason = f"moet minstens {error['ctx'].get('ge', error['ctx'].get('gt'))} zijn"
    elif error["type"] in ("less_than_equal", "less_than"):
        reason = f"mag hoogstens {error['ctx'].get('le', error['ctx'].get('lt'))} zijn"
    elif error["type"] in ("int_parsing", "float_parsing", "int_from_float"):
        reason = "verwacht een getal"
    elif error["type"] == "bool_parsing":
        reason = "verwacht true of false"
    else:
        reason = "de waarde is ongeldig"
    return f"veld '{where}': {reason}"


def load_digest_config(
    settings: Settings | None = None, *, path: Path | None = None
) -> DigestConfig:
    """Read `path` (default `<CONFIG_DIR>/digest.yaml`), then apply environment overrides."""
    if path is None:
        config_dir = settings.config_dir if settings is not None else Path("config")
        path = config_dir / CONFIG_FILE
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, ValueError) as exc:  # ValueError: 2025-13-01
            raise DigestConfigError(f"{path} kan ik niet lezen: {exc}.") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise DigestConfigError(f"{path}: verwacht velden zoals 'schedule: \"0 9 * * mon\"'.")
        data = dict(loaded or {})
    if settings is not None:
        for setting, field in _OVERRIDES.items():
            if setting in settings.model_fields_set:
                data[field] = getattr(settings, setting)
    try:
        return DigestConfig.model_validate(data)
    except ValidationError as exc:
        message = f"{path}: {_describe(dict(exc.errors()[0]))}."
    raise DigestConfigError(message)
