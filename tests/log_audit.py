"""The logs of a whole test run, kept for `test_no_secret_in_the_logs_of_this_test_run`.

From the first test on, one extra handler on the root logger writes every record of the
run (whatever level the tests enable) through agendabot's production chain, the
`RedactingFilter` and the `JsonFormatter`, into `session.jsonl` in the run's base
temporary directory. The secret-grep test runs last (moved there at collection) and reads
that file plus every `*.log` / `*.jsonl` the tests left under the base temporary directory
(the stderr of the `agendabot serve` / `agendabot digest` subprocesses, the DEBUG files).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.slack import ids

from agendabot.logs import JsonFormatter, RedactingFilter

__all__ = ["BODY_GREP_TEST", "SECRET_GREP_TEST", "SESSION_LOG", "body_leaks", "leaks", "run_logs"]

SESSION_LOG = "session.jsonl"
SECRET_GREP_TEST = "test_no_secret_in_the_logs_of_this_test_run"
BODY_GREP_TEST = "test_no_request_body_in_the_logs_of_this_test_run"
LAST = (SECRET_GREP_TEST, BODY_GREP_TEST)

# Secrets the tests hand to the bot, and shapes any real one would have.
LITERALS = (ids.BOT_TOKEN, ids.APP_TOKEN, ids.SIGNING_SECRET, ids.VERIFICATION_TOKEN)
SHAPES = (
    re.compile(r"\bxox[a-z]-\d[A-Za-z0-9-]*"),
    re.compile(r"\bxapp-\d-[A-Za-z0-9-]+"),
    # a password in a URL that was not masked
    re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'\"]+:(?!\[REDACTED\])[^\s@/'\"]+@"),
)


class _RunLog(logging.FileHandler):
    """Writes a redacted copy of each record: the record itself is left as it came, for
    the other handlers (`caplog`) and the tests reading them."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8")
        self._redact = RedactingFilter()
        self.setFormatter(JsonFormatter())

    def emit(self, record: logging.LogRecord) -> None:
        copy = logging.makeLogRecord(vars(record))
        self._redact.filter(copy)
        super().emit(copy)


@pytest.fixture(scope="session", autouse=True)
def _session_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.getbasetemp() / SESSION_LOG
    handler = _RunLog(path)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the secret- and body-grep tests after all the others."""
    last = [item for item in items if item.name in LAST]
    items[:] = [item for item in items if item.name not in LAST] + last


def run_logs(basetemp: Path) -> list[Path]:
    """The run's own log plus every log file the tests wrote."""
    found = {basetemp / SESSION_LOG}
    for pattern in ("*.log", "*.jsonl"):
        found.update(basetemp.rglob(pattern))
    return sorted(path for path in found if path.is_file())


def leaks(text: str) -> list[str]:
    """What in `text` is a secret: the literal name of each test secret, or the shape
    (masked: the report must not repeat the secret)."""
    found = [f"literal #{LITERALS.index(value)}" for value in LITERALS if value in text]
    for shape in SHAPES:
        found.extend(f"{match[:8]}… ({shape.pattern[:20]})" for match in shape.findall(text))
    return found


# What only a Slack request body holds: a response_url (plain or form-encoded; whoever has it
# can post into the channel for 30 minutes) and the form fields of a slash command.
BODY_SHAPES = (
    re.compile(r"hooks\.slack\.com(?:/|%2F)(?:commands|actions|app)", re.IGNORECASE),
    re.compile(r"trigger_id="),
    re.compile(r"\bcommand=%2F"),
    re.compile(r"[\"']trigger_id[\"']\s*:"),
    re.compile(r"[\"']api_app_id[\"']\s*:"),
)


def body_leaks(text: str) -> list[str]:
    """Lines of `text` that carry (part of) a Slack request body, shortened."""
    return [
        line[:120] for line in text.splitlines() if any(shape.search(line) for shape in BODY_SHAPES)
    ]
