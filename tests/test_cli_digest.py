"""`agendabot digest`, `subscribe`/`unsubscribe`/`subscriptions` and `ics` on the command line."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.slack import ids
from tests.slack.web_api import SlackWebApi

from agendabot.cli import main
from agendabot.state import Store

ROOT = Path(__file__).resolve().parents[1]
ACCEPTANCE = ["--now", "2026-01-05T09:00:00+01:00", "--pillar", "1", "--weeks", "13"]


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh SQLite state database as DATABASE_URL; no Slack token; no `.env` around."""
    url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    for name in ("SLACK_BOT_TOKEN", "SLACK_API_URL", "DIGEST_WEEKS", "DIGEST_CRON"):
        monkeypatch.delenv(name, raising=False)
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_lists_the_nationale_dialoog_due_31_march(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "digest", "--dry-run", *ACCEPTANCE)
    assert (code, err) == (0, "")
    assert "Weekoverzicht toezeggingen · week 2" in out
    line = next(line for line in out.splitlines() if "(nationale-dialoog)" in line)
    assert "Nationale dialoog met sleutelfiguren" in line and "di 31 maart" in line
    assert "Week 14 · 30 maart t/m 5 april 2026" in out

    code, out, _ = run(capsys, "digest", "--dry-run", *ACCEPTANCE, "--json")
    data = json.loads(out)
    assert (data["week"], data["pillar"], data["weeks"], data["until"]) == (
        "2026-W02",
        1,
        13,
        "2026-04-05",
    )
    [item] = [i for i in data["items"] if i["id"] == "nationale-dialoog"]
    assert {k: item[k] for k in ("title", "pillar", "due", "status")} == {
        "title": "Nationale dialoog met sleutelfiguren (motie-Ceder)",
        "pillar": 1,
        "due": "2026-03-31",
        "status": "open",
    }
    assert all(i["pillar"] == 1 for i in data["items"])


def test_dry_run_uses_the_recorded_statuses(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(database) as store:
        store.statuses.record(
            "nationale-dialoog", "afgerond", by="U0ADMIN001", now=datetime(2026, 1, 2, tzinfo=UTC)
        )
    _, out, _ = run(capsys, "digest", "--dry-run", *ACCEPTANCE, "--json")
    assert "nationale-dialoog" not in [item["id"] for item in json.loads(out)["items"]]


def test_the_console_script_prints_the_same(database: str) -> None:
    import subprocess

    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "agendabot"), "digest", "--dry-run", *ACCEPTANCE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
    assert "(nationale-dialoog)" in result.stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["digest", "--dry-run", "--pillar", "3"], "Pijler '3' bestaat niet; kies 1, 2 of alles."),
        (["digest", "--dry-run", "--now", "volgende week"], "Tijdstip 'volgende week' begrijp"),
        (["digest", "--dry-run", "--now", "2026-02-30"], "Tijdstip '2026-02-30' begrijp"),
        (["digest", "--dry-run", "--weeks", "99"], "Aantal weken '99' begrijp ik niet"),
        (["digest", "--dry-run", "--weeks", "-1"], "Aantal weken '-1' begrijp ik niet"),
        (["digest", "--send", "--pillar", "1"], "--pillar en --weeks horen bij --dry-run"),
        (["digest", "--send"], "De instelling SLACK_BOT_TOKEN ontbreekt"),
        (["subscribe", "#algemeen", "--pillar", "1"], "'#algemeen' is geen Slack-id."),
        (
            ["subscribe", "C0123ABCD", "--pillar", "3"],
            "Pijler '3' bestaat niet; kies 1, 2 of alles.",
        ),
        (["unsubscribe", "x", "--pillar", "1"], "'x' is geen Slack-id."),
        (["ics", "--pillar", "drie"], "Pijler 'drie' bestaat niet"),
        (["ics", "--output", "/nonexistent-dir/agenda.ics"], "Kan '/nonexistent-dir/agenda.ics'"),
    ],
)
def test_bad_input_gets_one_dutch_sentence_and_exit_2(
    database: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_digest_needs_a_mode(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["digest"])
    assert exited.value.code == 2
    assert "Dat begrijp ik niet" in capsys.readouterr().err


def test_subscribe_unsubscribe_and_list(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "subscribe", "C0123ABCD", "--pillar", "1")[1] == (
        "C0123ABCD volgt nu pijler 1.\n"
    )
    assert "volgde pijler 1 al" in run(capsys, "subscribe", "c0123abcd", "--pillar", "1")[1]
    assert "volgt nu alle pijlers" in run(capsys, "subscribe", "<@U0456EFGH>", "--pillar", "all")[1]
    _, out, _ = run(capsys, "subscriptions", "--json")
    listed = [(s["target"], s["pillar"]) for s in json.loads(out)]
    assert listed == [("C0123ABCD", "1"), ("U0456EFGH", "all")]
    assert json.loads(out)[0]["created_by"].startswith("cli:")
    assert "volgt pijler 1 niet meer" in run(capsys, "unsubscribe", "C0123ABCD", "--pillar", "1")[1]
    assert "er is niets veranderd" in run(capsys, "unsubscribe", "C0123ABCD", "--pillar", "1")[1]
    with Store.open(database) as store:
        actions = [entry.action for entry in store.audit.recent()]
    assert actions == ["subscription.remove", "subscription.add", "subscription.add"]


def test_ics_writes_a_calendar_file(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pijler2.ics"
    code, out, err = run(capsys, "ics", "--pillar", "2", "--output", str(target))
    assert code == 0 and out == ""
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR") and b"pijler 2" in data
    assert f"{data.count(b'BEGIN:VEVENT')} deadlines geschreven naar {target}." in err


async def test_send_posts_this_weeks_digests_once(
    database: str, slack_web_api: SlackWebApi
) -> None:
    with Store.open(database) as store:
        for target, pillar in (("C0CLISEND1", "1"), ("U0CLISEND2", "2")):
            store.subscriptions.subscribe(
                target, pillar, by="U0ADMIN001", now=datetime(2026, 1, 1, tzinfo=UTC)
            )
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": ids.BOT_TOKEN,
        "SLACK_API_URL": slack_web_api.api_url,
    }
    argv = ["-m", "agendabot", "digest", "--send", "--now", "2026-01-06T14:00:00+01:00"]

    async def send() -> tuple[int, str]:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *argv,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), 120)
        assert process.returncode is not None
        return process.returncode, out.decode() + err.decode()

    code, output = await send()
    assert code == 0, output
    assert "Week 2026-W02: 2 verstuurd" in output
    posted = sorted(c.args["channel"] for c in slack_web_api.calls_to("chat.postMessage") if c.ok)
    assert posted == ["C0CLISEND1", "U0CLISEND2"]

    code, output = await send()  # idempotent: the ledger says both are done
    assert code == 0 and "0 verstuurd" in output and "2 al verstuurd" in output
    assert len(slack_web_api.calls_to("chat.postMessage")) == 2
