"""Logging: one JSON object per line, a request id per Slack request, and no secrets.

    configure_logging("INFO", secrets=secrets_from_settings(settings))

installs ONE handler on the root logger, so every logger writes through it: ours, and the
third-party ones that log request details at DEBUG (slack_sdk logs the payloads it sends,
bolt the bodies it receives, aiohttp its access lines). The `RedactingFilter` sits on that
handler, not on a logger, which is what makes it cover all of them: it rewrites each
record's final message (and traceback) before any formatter sees it, masking

- Slack tokens (`xoxb-…`, `xoxp-…`, `xoxa-…`, `xoxr-…`, `xoxe-…`, `xapp-…`),
- `Authorization: Bearer …` values, `token=…` / `"token": "…"` fields,
- passwords in URLs (`postgresql+psycopg://user:PASSWORD@host/db`) and `password=…`,
- every literal secret given to `configure_logging` / `add_secrets` (the signing secret,
  the database password, the tokens), wherever they appear.

The request id lives in a context variable (`REQUEST_ID`); the HTTP and Bolt middlewares in
`agendabot.observability` set it when a request arrives, and tasks started while handling
that request inherit it, so every line they log carries the same `request_id`.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

if TYPE_CHECKING:
    from agendabot.settings import Settings

__all__ = [
    "MASK",
    "REQUEST_ID",
    "JsonFormatter",
    "RedactingFilter",
    "add_secrets",
    "configure_logging",
    "current_request_id",
    "new_request_id",
    "redact",
    "request_id_scope",
    "secrets_from_settings",
]

MASK = "[REDACTED]"

REQUEST_ID: ContextVar[str | None] = ContextVar("agendabot_request_id", default=None)

# Shorter than this, a "secret" is more likely a common word than a credential.
_MIN_LITERAL = 6

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Slack tokens: bot, user, legacy, refresh, config, app-level.
    (re.compile(r"\bxox[a-z]-[A-Za-z0-9-]+"), MASK),
    (re.compile(r"\bxapp-[A-Za-z0-9-]+"), MASK),
    # Authorization headers, whatever the scheme's token looks like.
    (re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9\-._~+/]+=*"), rf"\1\2{MASK}"),
    # Passwords in URLs: scheme://user:password@host
    (re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'\"]*:)[^\s@/'\"]+(@)"), rf"\1{MASK}\2"),
    # password=…, "password": "…", token=…, "token": "…", client_secret=…
    (
        re.compile(
            r"(?i)((?:password|passwd|pwd|token|secret)"
            r"""["']?\s*[:=]\s*["']?)([^\s"'&,;}]+)"""
        ),
        rf"\1{MASK}",
    ),
)

_literals: set[str] = set()
_literal_pattern: re.Pattern[str] | None = None


def add_secrets(values: Iterable[str | None]) -> None:
    """Mask these exact values in every log line from now on (short or empty ones ignored)."""
    global _literal_pattern
    changed = False
    for value in values:
        if value and len(value) >= _MIN_LITERAL and value not in _literals:
            _literals.add(value)
            changed = True
    if changed:
        ordered = sorted(_literals, key=len, reverse=True)
        _literal_pattern = re.compile("|".join(re.escape(value) for value in ordered))


# A Slack request body or payload: a live `response_url` (anyone holding it can post into the
# channel for 30 minutes), a `trigger_id`, or the fields every payload carries. slack_bolt and
# slack_sdk log whole bodies (socket-mode "Received message …" at DEBUG, a failed signature at
# INFO); the part of such a message from where the body starts is dropped.
_BODY_MARKER = re.compile(
    r"hooks\.slack\.com|trigger_id|api_app_id|response_url|command=%2F", re.IGNORECASE
)
_BODY_START = re.compile(r"\{|\bbody\b\s*[:=]|\bpayload\b\s*[:=]|\b(?:token|payload|team_id)=")
BODY_NOT_LOGGED: Final = "[body not logged]"


def strip_bodies(text: str) -> str:
    """`text` without any Slack request body or payload it carries."""
    marker = _BODY_MARKER.search(text)
    if marker is None:
        return text
    start = _BODY_START.search(text, 0, marker.start() + 1)
    cut = start.start() if start else marker.start()
    return f"{text[:cut].rstrip()} {BODY_NOT_LOGGED}".lstrip()


def redact(text: str) -> str:
    """`text` with every secret-looking part replaced by `[REDACTED]`."""
    if _literal_pattern is not None:
        text = _literal_pattern.sub(MASK, text)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def secrets_from_settings(settings: Settings) -> list[str]:
    """The secret values in `settings`: Slack tokens, signing secret, database password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    values: list[str] = []
    for secret in (settings.slack_bot_token, settings.slack_app_token):
        if secret is not None:
            values.append(secret.get_secret_value())
    if settings.slack_signing_secret is not None:
        values.append(settings.slack_signing_secret.get_secret_value())
    try:
        password = make_url(settings.database_url.get_secret_value()).password
    except ArgumentError:
        password = None
    if password:
        values.append(str(password))
    return values


class RedactingFilter(logging.Filter):
    """Masks secrets in a record's final message and traceback, and drops request bodies
    (install it on handlers)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string in someone's log call
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(strip_bodies(message))
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


# Attributes every LogRecord has; anything else came in through `extra=`.
_STANDARD = frozenset(
    vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None)).keys()
    | {"message", "asctime", "taskName"}
)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, request_id, extras, exc."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": strip_bodies(record.getMessage()),
        }
        request_id = REQUEST_ID.get()
        if request_id is not None:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_") and key not in entry:
                entry[key] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        # Redacted once more as a whole: extras can hold secrets too.
        return redact(json.dumps(entry, ensure_ascii=False, default=str))


_installed: list[logging.Handler] = []


def configure_logging(
    level: str = "INFO",
    *,
    secrets: Iterable[str | None] = (),
    stream: TextIO | None = None,
    path: Path | None = None,
) -> logging.Handler:
    """Send all logging through one JSON handler with redaction (to `path`, else `stream`,
    else stderr). Calling it again replaces the handler it installed before."""
    add_secrets(secrets)
    root = logging.getLogger()
    for old in _installed:
        root.removeHandler(old)
        old.close()
    _installed.clear()
    handler: logging.Handler
    if path is not None:
        handler = logging.FileHandler(path, encoding="utf-8")
    else:
        handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    _installed.append(handler)
    return handler


def new_request_id() -> str:
    """16 random hex digits (`secrets`: a seventh of `uuid4`'s cost, once per request)."""
    return secrets.token_hex(8)


def current_request_id() -> str | None:
    return REQUEST_ID.get()


@contextmanager
def request_id_scope(request_id: str | None = None) -> Iterator[str]:
    """Set the request id (a new one unless given) for the code inside the block."""
    value = request_id or new_request_id()
    token = REQUEST_ID.set(value)
    try:
        yield value
    finally:
        REQUEST_ID.reset(token)
