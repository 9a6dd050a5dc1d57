"""Backup and restore of the state, on SQLite and on PostgreSQL (the `db_url` fixture).

The round trip carries subscriptions, statuses with who and when, the audit trail and a digest
ledger filled by a real digest run (the real slack_sdk client against the Slack emulator);
after the restore, the same week's digest run posts nothing again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from tests.slack import ids
from tests.slack.web_api import SlackWebApi

from agendabot.cli import main
from agendabot.content import load_content
from agendabot.jobs.digest_config import DigestConfig
from agendabot.jobs.digest_sender import DigestJob, DigestRun
from agendabot.slack.poster import SlackPoster, make_web_client
from agendabot.state import AsyncStore, SchemaTooNew, Store, create_db_engine, head_revision
from agendabot.state.backup import MANIFEST, BackupError, backup, inspect_backup, restore
from agendabot.state.migrate import alembic_config
from postgres import create_database, drop_database
from test_digest_job import MONDAY, WEEK

NOW = MONDAY + timedelta(hours=2)
CHANNEL = "C0BACKUP01"
PERSON = "U0BACKUP01"


@pytest.fixture
def second_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """Another empty database of the same kind as `db_url`, to restore into."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'elsewhere' / 'restored.sqlite3'}"
        return
    url = create_database(db_url.rsplit("/", 1)[0] + "/postgres")
    try:
        yield url
    finally:
        drop_database(url)


def _fill(store: Store) -> None:
    before = MONDAY - timedelta(days=7)
    store.subscriptions.subscribe(CHANNEL, "1", by="U0ADMIN001", now=before)
    store.subscriptions.subscribe(PERSON, "all", by="U0ADMIN001", now=before)
    store.statuses.record(
        "nationale-dialoog", "afgerond", by="U0ADMIN001", now=before, link="https://x.nl/brief"
    )
    store.statuses.record("nulmeting-gebedsoproep", "vervallen", by="U0ADMIN002", now=before)


def _state(store: Store) -> dict[str, object]:
    """Everything a restore must give back, as plain values."""
    return {
        "subscriptions": store.subscriptions.all(),
        "statuses": [
            store.statuses.history(c) for c in ("nationale-dialoog", "nulmeting-gebedsoproep")
        ],
        "audit": store.audit.recent(100),
        "ledger": store.ledger.entries(WEEK),
    }


async def _digest_run(store: Store, api: SlackWebApi) -> DigestRun:
    poster = SlackPoster(make_web_client(ids.BOT_TOKEN, base_url=api.api_url))
    try:
        job = DigestJob(AsyncStore(store), poster, load_content, DigestConfig(), replica="r")
        return await job.send_digests(NOW)
    finally:
        await poster.close()


def _posted(api: SlackWebApi) -> int:
    return len([call for call in api.calls_to("chat.postMessage") if call.ok])


async def test_round_trip_keeps_everything_and_the_digest_is_not_sent_twice(
    db_url: str, second_url: str, tmp_path: Path, slack_web_api: SlackWebApi
) -> None:
    with Store.open(db_url) as store:
        _fill(store)
        first = await _digest_run(store, slack_web_api)
        assert sorted(first.sent) == [CHANNEL, PERSON]
        original = _state(store)
    assert _posted(slack_web_api) == 2

    manifest = backup(db_url, tmp_path / "bk", now=NOW)
    assert manifest.schema_revision == head_revision()
    assert manifest.rows["subscriptions"] == 2 and manifest.rows["digest_ledger"] == 2
    assert manifest.rows["status_changes"] == 2 and manifest.rows["audit_log"] >= 4
    on_disk = json.loads((tmp_path / "bk" / MANIFEST).read_text())
    assert on_disk["created_at"] == NOW.isoformat() and on_disk["rows"] == manifest.rows

    restored = restore(tmp_path / "bk", second_url, now=NOW)
    assert restored.revision == head_revision()
    assert restored.rows == manifest.rows
    with Store.open(second_url) as copy:
        assert _state(copy) == original
        again = await _digest_run(copy, slack_web_api)
    assert again.sent == {} and sorted(again.not_claimed) == [CHANNEL, PERSON]
    assert _posted(slack_web_api) == 2


def test_restore_replaces_what_changed_since_the_backup(db_url: str, tmp_path: Path) -> None:
    with Store.open(db_url) as store:
        _fill(store)
        original = _state(store)
    backup(db_url, tmp_path / "bk", now=NOW)
    with Store.open(db_url) as store:
        store.subscriptions.unsubscribe(CHANNEL, "1", by="U0ADMIN001", now=NOW)
        store.statuses.record("nationale-dialoog", "open", by="U0ADMIN003", now=NOW)
        store.replicas.beat("crashed-long-ago", started_at=NOW, now=NOW - timedelta(hours=1))
        assert _state(store) != original

    restore(tmp_path / "bk", db_url, now=NOW)

    with Store.open(db_url) as store:
        assert _state(store) == original
        assert store.replicas.alive(NOW, within=timedelta(days=1)) == {}


def test_an_older_backup_is_migrated_to_the_current_schema(
    db_url: str, second_url: str, tmp_path: Path
) -> None:
    engine = create_db_engine(db_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
        conn.execute(
            text(
                "INSERT INTO subscriptions (target, pillar, created_by, created_at) "
                "VALUES ('C0OLDSCHEMA', '2', 'U0ADMIN001', :at)"
            ),
            {"at": NOW},
        )
    engine.dispose()
    manifest = backup(db_url, tmp_path / "bk", now=NOW)
    assert manifest.schema_revision == "0002" and "replicas" not in manifest.rows

    restored = restore(tmp_path / "bk", second_url, now=NOW)

    assert restored.revision == head_revision() and restored.rows["replicas"] == 0
    with Store.open(second_url) as store:
        assert [s.target for s in store.subscriptions.all()] == ["C0OLDSCHEMA"]


# --- refusals: one Dutch sentence each, and the target unchanged ------------------------------


def _refused(source: Path, url: str, *words: str) -> None:
    with Store.open(url) as store:
        before = _state(store)
    with pytest.raises((BackupError, SchemaTooNew)) as refused:
        restore(source, url, now=NOW)
    message = str(refused.value)
    assert "\n" not in message and message.endswith("."), message
    for word in words:
        assert word in message, message
    with Store.open(url) as store:
        assert _state(store) == before


@pytest.fixture
def made(db_url: str, second_url: str, tmp_path: Path) -> tuple[Path, str]:
    """A backup of a filled database, and another filled database to restore into."""
    with Store.open(db_url) as store:
        _fill(store)
    with Store.open(second_url) as store:
        store.subscriptions.subscribe("C0TARGET01", "2", by="U0ADMIN001", now=NOW)
    backup(db_url, tmp_path / "bk", now=NOW)
    return tmp_path / "bk", second_url


def test_a_running_bots_database_is_refused(made: tuple[Path, str]) -> None:
    source, target = made
    with Store.open(target) as store:
        store.replicas.beat("host-1-abcd", started_at=NOW, now=NOW - timedelta(seconds=12))
    _refused(source, target, "draaiende agendabot", "host-1-abcd", "12 s")
    with Store.open(target) as store:  # it stopped (no beat for minutes): then it is allowed
        store.replicas.beat("host-1-abcd", started_at=NOW, now=NOW - timedelta(minutes=10))
    restore(source, target, now=NOW)


def test_a_damaged_copy_is_refused(made: tuple[Path, str]) -> None:
    source, target = made
    manifest = inspect_backup(source)
    copy = source / manifest.file
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0xFF
    copy.write_bytes(bytes(data))
    _refused(source, target, "beschadigd")


def test_a_copy_that_matches_its_manifest_but_does_not_open_is_refused(
    made: tuple[Path, str],
) -> None:
    source, target = made
    raw = json.loads((source / MANIFEST).read_text())
    garbage = b"dit is geen database " * 100
    (source / raw["file"]).write_bytes(garbage)
    raw.update(bytes=len(garbage), sha256=hashlib.sha256(garbage).hexdigest())
    (source / MANIFEST).write_text(json.dumps(raw))
    _refused(source, target, "beschadigd")


def test_a_newer_schema_is_refused(db_url: str, second_url: str, tmp_path: Path) -> None:
    with Store.open(db_url) as store:
        _fill(store)
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    backup(db_url, tmp_path / "bk", now=NOW)
    Store.open(second_url).close()
    _refused(tmp_path / "bk", second_url, "0999", "nieuwer")


def test_a_directory_without_a_backup_is_refused(made: tuple[Path, str], tmp_path: Path) -> None:
    _, target = made
    (tmp_path / "leeg").mkdir()
    _refused(tmp_path / "leeg", target, "geen agendabot-backup")
    _refused(tmp_path / "bestaat-niet", target, "bestaat niet")


def test_a_backup_of_the_other_database_kind_is_refused(
    sqlite_url: str, postgres_url: str, tmp_path: Path
) -> None:
    with Store.open(sqlite_url) as store:
        _fill(store)
    backup(sqlite_url, tmp_path / "bk", now=NOW)
    target = create_database(postgres_url)
    try:
        Store.open(target).close()
        _refused(tmp_path / "bk", target, "alleen terug in SQLite")
    finally:
        drop_database(target)


def test_a_backup_never_overwrites_an_earlier_one(made: tuple[Path, str], db_url: str) -> None:
    source, _ = made
    before = (source / MANIFEST).read_bytes()
    with pytest.raises(BackupError, match="bestaat al"):
        backup(db_url, source, now=NOW)
    assert (source / MANIFEST).read_bytes() == before
    assert [p.name for p in source.parent.iterdir() if p.name.startswith(".bk")] == []


# --- the command line ----------------------------------------------------------------------


def test_the_commands_back_up_restore_and_audit(
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    with Store.open(sqlite_url) as store:
        _fill(store)
    assert main(["backup", str(tmp_path / "bk")]) == 0
    assert "Backup geschreven" in capsys.readouterr().out
    assert main(["unsubscribe", CHANNEL, "--pillar", "1"]) == 0
    capsys.readouterr()

    assert main(["restore", str(tmp_path / "bk")]) == 0
    assert "teruggezet" in capsys.readouterr().out
    with Store.open(sqlite_url) as store:
        assert CHANNEL in {s.target for s in store.subscriptions.all()}
        [entry] = store.audit.recent(1)
        assert entry.action == "state.restore" and entry.actor.startswith("cli:")

    assert main(["restore", str(tmp_path / "nergens")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("bestaat niet of is geen map met een backup.") and "\n" not in err


def test_the_sqlite_copy_is_one_self_contained_file(sqlite_url: str, tmp_path: Path) -> None:
    with Store.open(sqlite_url) as store:
        _fill(store)
        manifest = backup(sqlite_url, tmp_path / "bk", now=NOW)  # while the store is open
    copy = tmp_path / "bk" / manifest.file
    assert sorted(p.name for p in (tmp_path / "bk").iterdir()) == [MANIFEST, "state.sqlite3"]
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT count(*) FROM subscriptions").fetchone()[0] == 2
    conn.close()
