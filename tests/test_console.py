"""`agendabot console` as a real subprocess: piped stdin, one request per line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

RANGE = "De lijst heeft vragen 1 tot en met 235."


def console(
    tmp_path: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'console.sqlite3'}",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "agendabot", "console", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=120,
    )


def test_console_answers_piped_requests(tmp_path: Path) -> None:
    lines = [
        "/vraag 47",
        "wanneer is de nationale dialoog?",
        "/agenda deadlines",
        "@agendabot vraag 12",
        "/vraag 999",
        "/agenda abonneer pijler 2",
        "stop",
        "/vraag 48",
    ]
    result = console(tmp_path, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    blocks = out.split("[")
    # /vraag 47: private, the shared answer with its source and share button
    assert "[alleen voor jou]\nVraag 47\n" in out
    assert "Gesloten gemeenschappen kunnen gemeenschappen zijn" in out
    assert "Kamerstuk 32 824, nr. 451, vraag 47" in out
    assert "[Deel in kanaal] → share_answer 47" in out
    # free text: the commitment with its due date
    assert "Nationale dialoog met sleutelfiguren (motie-Ceder)" in out
    assert "Deadline: 31 maart 2026" in out
    # /agenda deadlines
    assert "Deadlines t/m " in out and "Binnenkort (" in out
    # mention: public, in the thread
    assert "[in de draad, voor iedereen]\nVraag 12\n" in out
    assert RANGE in out
    # the subscription went to the console user (a DM), in the real database
    assert "Je volgt nu pijler 2" in out
    rows = sqlite3.connect(tmp_path / "console.sqlite3").execute(
        "SELECT target, pillar FROM subscriptions"
    )
    assert rows.fetchall() == [("UCONSOLE", "2")]
    # nothing after "stop"
    assert "Vraag 48" not in out
    assert len(blocks) > 5


def test_console_eenmalig(tmp_path: Path) -> None:
    result = console(tmp_path, "--eenmalig", "/vraag 47")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[alleen voor jou]\nVraag 47\n")
    short = console(tmp_path, "-c", "/agenda frobnicate")
    assert "'frobnicate' ken ik niet" in short.stdout


def test_console_bad_input_is_answered(tmp_path: Path) -> None:
    lines = ["", "<!channel>", "🎉" * 500, "/foo bar", "klik", "x" * 10_000, "/agenda weken"]
    result = console(tmp_path, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "/foo ken ik niet" in result.stdout
    assert "Welke knop?" in result.stdout
    assert "'weken' ken ik niet" in result.stdout
    assert "Sorry" not in result.stdout


def test_console_bad_database_url_is_one_dutch_sentence(tmp_path: Path) -> None:
    result = console(tmp_path, "-c", "/vraag 47", env={"DATABASE_URL": "mysql://nope"})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()
