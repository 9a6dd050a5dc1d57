"""Settings: one declarative table, read from the environment and an optional `.env` file.

Every setting is a field of `Settings` below, with its type, default and description; that
class is the single source of truth. `docs/settings.md` is generated from it (run
`python -m agendabot.settings > docs/settings.md`) and a test keeps the two in step.

Use `load_settings()` to read them: a malformed value raises `InvalidSetting` and
`require(settings, "SLACK_BOT_TOKEN", …)` raises `MissingSetting`; both carry one Dutch
sentence that names the environment variable, and never the value itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

__all__ = [
    "InvalidSetting",
    "MissingSetting",
    "Settings",
    "SettingsError",
    "env_name",
    "load_settings",
    "render_settings_markdown",
    "require",
    "require_secret",
]

_CHECKOUT_ROOT = Path(__file__).resolve().parents[2]

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

# Five crontab fields, in the order of a crontab line, as APScheduler's CronTrigger names them.
CRON_FIELDS: tuple[str, ...] = ("minute", "hour", "day", "month", "day_of_week")

_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")


def check_cron(value: str) -> str:
    """A crontab line "minute hour day month weekday" with weekday names; normalised."""
    fields = value.split()
    if len(fields) != len(CRON_FIELDS):
        raise ValueError("verwacht vijf velden 'minuut uur dag maand weekdag', zoals '0 9 * * mon'")
    if re.search(r"\d", fields[4]):
        raise ValueError("gebruik dagnamen (mon, tue, …) voor de weekdag, geen cijfers")
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger(**dict(zip(CRON_FIELDS, fields, strict=True)), timezone="UTC")
    except ValueError:
        raise ValueError("dit is geen geldig schema, bijvoorbeeld '0 9 * * mon'") from None
    return " ".join(fields)


def check_timezone(value: str) -> str:
    """An IANA time zone name such as Europe/Amsterdam."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("onbekende tijdzone, bijvoorbeeld Europe/Amsterdam") from None
    return value


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one Dutch sentence naming the variable."""

    def __init__(self, message: str, variable: str) -> None:
        super().__init__(message)
        self.variable = variable


class MissingSetting(SettingsError):
    """A setting the current mode needs is not set."""


class InvalidSetting(SettingsError):
    """A setting has a value that cannot be used."""


def _default_dir(name: str) -> Path:
    """`<checkout>/<name>` when running from a checkout, else `./<name>` (an installed image)."""
    candidate = _CHECKOUT_ROOT / name
    return candidate if candidate.is_dir() else Path(name)


def _comma_list(value: Any) -> Any:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


class Settings(BaseSettings):
    """Every setting of agendabot. Field name = environment variable in lower case."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        frozen=True,
        validate_default=True,
    )

    # --- Slack -------------------------------------------------------------------------------
    slack_bot_token: SecretStr | None = Field(
        None,
        description="Bot token (`xoxb-…`) from *OAuth & Permissions*; needed in every mode.",
    )
    slack_app_token: SecretStr | None = Field(
        None,
        description=(
            "App-level token (`xapp-…`) with `connections:write`; needed for Socket Mode, "
            "which is the default mode when it is set."
        ),
    )
    slack_signing_secret: SecretStr | None = Field(
        None,
        description="Signing secret from *Basic Information*; needed for HTTP mode.",
    )
    slack_api_url: str | None = Field(
        None,
        description=(
            "Base URL of the Slack Web API, e.g. `http://127.0.0.1:8080/api/` for an emulator; "
            "unset means Slack itself (`https://slack.com/api/`)."
        ),
    )
    # --- storage and content -----------------------------------------------------------------
    database_url: SecretStr = Field(
        SecretStr("sqlite:///data/agendabot.sqlite3"),
        description=(
            "SQLAlchemy URL of the state database; `postgresql+psycopg://user:pw@host/db` "
            "for several replicas."
        ),
        json_schema_extra={"doc_default": "`sqlite:///data/agendabot.sqlite3`"},
    )
    content_dir: Path = Field(
        default_factory=lambda: _default_dir("content"),
        description="Directory with the content YAML (documents, commitments, glossary).",
        json_schema_extra={"doc_default": "`content/` of the checkout, else `./content`"},
    )
    main_dossier: str = Field(
        "32 824",
        pattern=r"^\d{2} \d{3}(?: [IVXLC]+)?$",
        description=(
            "The team's own Kamerstuk dossier: `/vraag 451:47` means nr. 451 of it, and its "
            "newest Q&A list answers a bare `/vraag 47`."
        ),
    )
    default_qa_list: str | None = Field(
        None,
        description=(
            "Id of the Q&A list a bare `/vraag 47` answers from (e.g. `32824-451`); unset "
            "means the newest list of `MAIN_DOSSIER`."
        ),
    )
    config_dir: Path = Field(
        default_factory=lambda: _default_dir("config"),
        description="Directory with configuration files (app manifest, authorisation).",
        json_schema_extra={"doc_default": "`config/` of the checkout, else `./config`"},
    )
    # --- server ------------------------------------------------------------------------------
    port: int = Field(3000, ge=1, le=65535, description="TCP port of the HTTP server.")
    log_level: LogLevel = Field(
        "INFO", description="Log level: DEBUG, INFO, WARNING, ERROR or CRITICAL."
    )
    # --- weekly digest -------------------------------------------------------------------------
    digest_cron: str = Field(
        "0 9 * * mon",
        description=(
            "When the weekly digest goes out: five crontab fields `minute hour day month "
            "weekday`, weekdays as names (`mon`), in `DIGEST_TIMEZONE`."
        ),
    )
    digest_timezone: str = Field(
        "Europe/Amsterdam", description="IANA time zone of `DIGEST_CRON` and of due dates."
    )
    digest_weeks: int = Field(
        6, ge=1, le=52, description="How many weeks ahead the digest looks (1–52)."
    )
    digest_send_empty: bool = Field(
        False,
        description="Send a one-line digest when nothing is due (`true`) or nothing at all.",
    )
    # --- authorisation -----------------------------------------------------------------------
    admin_users: Annotated[tuple[str, ...], NoDecode] = Field(
        (),
        description=(
            "Comma-separated Slack user ids (`U…`) who may mark commitments and reload content."
        ),
    )
    allowed_channels: Annotated[tuple[str, ...], NoDecode] = Field(
        (),
        description=(
            "Comma-separated channel ids (`C…`) where the bot answers; empty means everywhere."
        ),
    )

    # --- validators ----------------------------------------------------------------------------
    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("een bot-token begint met xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("een app-token begint met xapp-")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_shape(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("verwacht een adres dat met http:// of https:// begint")
        return value if value.endswith("/") else value + "/"

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("digest_cron")
    @classmethod
    def _cron_shape(cls, value: str) -> str:
        return check_cron(value)

    @field_validator("digest_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return check_timezone(value)

    @field_validator("admin_users", mode="before")
    @classmethod
    def _split_users(cls, value: Any) -> Any:
        value = _comma_list(value)
        for item in value:
            if not _USER_ID.match(str(item)):
                raise ValueError(f"'{item}' is geen Slack-gebruikers-id (U…)")
        return value

    @field_validator("allowed_channels", mode="before")
    @classmethod
    def _split_channels(cls, value: Any) -> Any:
        value = _comma_list(value)
        for item in value:
            if not _CHANNEL_ID.match(str(item)):
                raise ValueError(f"'{item}' is geen Slack-kanaal-id (C…)")
        return value

    # --- derived values ------------------------------------------------------------------------
    def digest_trigger_fields(self) -> dict[str, str]:
        """`DIGEST_CRON` as keyword arguments for APScheduler's `CronTrigger` (add `timezone`)."""
        return dict(zip(CRON_FIELDS, self.digest_cron.split(), strict=True))

    def is_admin(self, user_id: str) -> bool:
        return user_id in self.admin_users

    def channel_allowed(self, channel_id: str) -> bool:
        """True when the bot may answer in this channel (no allowlist means everywhere)."""
        return not self.allowed_channels or channel_id in self.allowed_channels


def env_name(field: str) -> str:
    """The environment variable of a settings field."""
    return field.upper()


def _field_name(name: str) -> str:
    field = name.lower()
    if field not in Settings.model_fields:
        raise KeyError(f"unknown setting {name!r}")
    return field


def _missing(field: str) -> MissingSetting:
    variable = env_name(field)
    return MissingSetting(
        f"De instelling {variable} ontbreekt: zet die in de omgeving of in .env.", variable
    )


def require(settings: Settings, *names: str) -> None:
    """Raise `MissingSetting` for the first of `names` (environment names) that is not set."""
    for name in names:
        field = _field_name(name)
        value = getattr(settings, field)
        if value is None or value == () or (isinstance(value, SecretStr) and not value):
            raise _missing(field)


def require_secret(settings: Settings, name: str) -> str:
    """The plain value of a secret setting, or `MissingSetting` when it is not set."""
    field = _field_name(name)
    value = getattr(settings, field)
    if not isinstance(value, SecretStr) or not value.get_secret_value():
        raise _missing(field)
    return value.get_secret_value()


_PYDANTIC_REASONS: dict[str, str] = {
    "int_parsing": "verwacht een geheel getal",
    "bool_parsing": "verwacht true of false",
    "literal_error": "kies uit DEBUG, INFO, WARNING, ERROR of CRITICAL",
}


def load_settings(*, env_file: str | Path | None = ".env", **overrides: Any) -> Settings:
    """Read the settings from the environment (and `env_file`), with `overrides` on top.

    Raises `InvalidSetting` (one Dutch sentence naming the variable) for a malformed value.
    The value itself is never part of the message, and the pydantic error is not chained,
    so a mistyped token cannot end up in a log.
    """
    try:
        return Settings(_env_file=env_file, **overrides)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else "?"
        variable = env_name(field)
        ctx = error.get("ctx", {})
        if error["type"] == "value_error":
            reason = str(ctx.get("error", error["msg"]))
        elif error["type"] == "greater_than_equal":
            reason = f"moet minstens {ctx['ge']} zijn"
        elif error["type"] == "less_than_equal":
            reason = f"mag hoogstens {ctx['le']} zijn"
        else:
            reason = _PYDANTIC_REASONS.get(error["type"], "de waarde is ongeldig")
    # Raised outside the `except` block on purpose: no __context__ pointing at the input value.
    raise InvalidSetting(f"De instelling {variable} is ongeldig: {reason}.", variable)


def _type_label(field: str) -> str:
    info = Settings.model_fields[field]
    annotation = info.annotation
    text = str(annotation)
    if "SecretStr" in text:
        return "secret"
    if annotation is Path:
        return "directory"
    if annotation is int:
        return "integer"
    if annotation is bool:
        return "`true`/`false`"
    if "tuple" in text:
        return "comma-separated list"
    return "text"


def _default_label(field: str) -> str:
    info = Settings.model_fields[field]
    extra = info.json_schema_extra
    if isinstance(extra, dict) and "doc_default" in extra:
        return str(extra["doc_default"])
    default = info.get_default(call_default_factory=False)
    if default is None or default == ():
        return "—"
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    return f"`{default}`"


def render_settings_markdown() -> str:
    """The text of `docs/settings.md`, generated from the `Settings` table."""
    lines = [
        "# Settings",
        "",
        "<!-- Generated from src/agendabot/settings.py by "
        "`python -m agendabot.settings > docs/settings.md`; do not edit by hand. -->",
        "",
        "agendabot reads these from the environment, or from a `.env` file in the working "
        "directory (environment wins). Empty values count as unset. A missing or malformed "
        "setting stops start-up with one sentence naming the variable.",
        "",
        "| variable | type | default | description |",
        "|---|---|---|---|",
    ]
    for field, info in Settings.model_fields.items():
        description = (info.description or "").replace("|", "\\|")
        lines.append(
            f"| `{env_name(field)}` | {_type_label(field)} | {_default_label(field)} "
            f"| {description} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - documentation generator
    print(render_settings_markdown(), end="")
