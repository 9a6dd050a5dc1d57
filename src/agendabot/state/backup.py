"""Backup and restore of the state: the one data the bot cannot rebuild from `content/`.

A backup is a directory with two files:
- the copy: `state.sqlite3`, made with SQLite's online backup API (a consistent copy while the
  bot writes), or `state.dump`, a `pg_dump` custom-format dump taken in an exported snapshot;
- `manifest.json`: format, dialect, schema revision, time, row counts per table (counted in
  the same snapshot as the copy) and the copy's size and SHA-256.

The directory is written under a temporary name and renamed when complete, so a backup that
was cut off never looks like one.

`restore` refuses, each with one Dutch sentence (`BackupError`): a directory that is not a
backup, a copy that does not match its manifest or does not open, a schema newer than this
agendabot, a backup of the other database kind, and a database that a running bot uses (a
replica beat within `ALIVE_WITHIN`). Otherwise it replaces the state in one step (SQLite:
the backup API into the target; PostgreSQL: drop and restore inside one `psql` transaction),
migrates it to the current schema and forgets the copied replica rows.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final, Literal

from sqlalchemy import Connection, create_engine, func, inspect, select, table, text
from sqlalchemy.engine import URL

from agendabot.state.db import create_db_engine, parse_url
from agendabot.state.errors import SchemaTooNew, StateError
from agendabot.state.migrate import current_revision, head_revision, known_revisions, migrate
from agendabot.state.pgtools import ToolFailed, find_tool, libpq_env, run_tool
from agendabot.state.replicas import Replicas
from agendabot.state.tables import Base
from agendabot.state.values import check_aware

FORMAT: Final = "agendabot-backup"
VERSION: Final = 1
MANIFEST: Final = "manifest.json"
COPY_NAMES: Final = {"sqlite": "state.sqlite3", "postgresql": "state.dump"}
VERSION_TABLE: Final = "alembic_version"

Dialect = Literal["sqlite", "postgresql"]


class BackupError(StateError):
    """A backup or restore that cannot be done; the message is one Dutch sentence."""


@dataclass(frozen=True)
class Manifest:
    format: str
    version: int
    dialect: Dialect
    schema_revision: str | None
    created_at: str
    rows: dict[str, int]
    file: str
    bytes: int
    sha256: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    revision: str | None  # the schema after migrating
    rows: dict[str, int]  # rows per table after migrating


def backup(url: str | None, out: Path, *, now: datetime) -> Manifest:
    """Write a consistent backup of the state at `url` into the new directory `out`."""
    check_aware(now)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BackupError(f"{out} bestaat al; kies een nieuwe map voor de backup.")
    parsed = parse_url(url)
    dialect = _dialect(parsed)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        copy = work / COPY_NAMES[dialect]
        if dialect == "sqlite":
            revision, rows = _backup_sqlite(_sqlite_path(parsed), copy)
        else:
            revision, rows = _backup_postgres(parsed, copy)
        manifest = Manifest(
            format=FORMAT,
            version=VERSION,
            dialect=dialect,
            schema_revision=revision,
            created_at=now.isoformat(),
            rows=rows,
            file=copy.name,
            bytes=copy.stat().st_size,
            sha256=_sha256(copy),
        )
        (work / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
        if out.exists():
            out.rmdir()
        work.rename(out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return manifest


def inspect_backup(source: Path) -> Manifest:
    """The manifest of the backup in `source`, once its copy is checked whole and readable."""
    manifest = _read_manifest(source)
    copy = source / manifest.file
    if (
        not copy.is_file()
        or copy.stat().st_size != manifest.bytes
        or _sha256(copy) != manifest.sha256
    ):
        raise BackupError(
            f"De backup in {source} is beschadigd: {manifest.file} klopt niet met manifest.json."
        )
    known = known_revisions()
    if manifest.schema_revision is not None and manifest.schema_revision not in known:
        raise BackupError(
            f"De backup heeft schemaversie {manifest.schema_revision}, nieuwer dan deze agendabot "
            f"kent (t/m {head_revision()}); herstel hem met een nieuwere agendabot."
        )
    if manifest.dialect == "sqlite":
        _check_sqlite_copy(copy)
    else:
        try:
            run_tool(find_tool("pg_restore"), ["--list", str(copy)], os.environ)
        except ToolFailed:
            raise BackupError(
                f"De backup in {source} is beschadigd: pg_restore kan {manifest.file} niet lezen."
            ) from None
    return manifest


def restore(source: Path, url: str | None, *, now: datetime) -> Restored:
    """Replace the state at `url` by the backup in `source`, then migrate it."""
    check_aware(now)
    manifest = inspect_backup(source)
    parsed = parse_url(url)
    dialect = _dialect(parsed)
    if manifest.dialect != dialect:
        raise BackupError(
            f"Dit is een backup van een {_KIND[manifest.dialect]}-database; die kan alleen "
            f"terug in {_KIND[manifest.dialect]}, niet in {_KIND[dialect]}."
        )
    _refuse_live_or_newer(parsed, now)
    copy = source / manifest.file
    if dialect == "sqlite":
        _restore_sqlite(copy, _sqlite_path(parsed))
    else:
        _restore_postgres(copy, parsed)
    engine = create_db_engine(parsed.render_as_string(hide_password=False))
    try:
        revision = migrate(engine)
        Replicas(engine).forget_all()
        with engine.connect() as conn:
            rows = _row_counts(conn)
    finally:
        engine.dispose()
    return Restored(manifest=manifest, revision=revision, rows=rows)


_KIND: Final[Mapping[str, str]] = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def _dialect(parsed: URL) -> Dialect:
    return "sqlite" if parsed.get_backend_name() == "sqlite" else "postgresql"


def _sqlite_path(parsed: URL) -> Path:
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError("Een SQLite-database in het geheugen heeft geen bestand om te kopiëren.")
    return Path(database)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _row_counts(conn: Connection) -> dict[str, int]:
    names = sorted(set(inspect(conn).get_table_names()) - {VERSION_TABLE})
    return {
        name: int(conn.execute(select(func.count()).select_from(table(name))).scalar_one())
        for name in names
    }


def _read_manifest(source: Path) -> Manifest:
    if not source.is_dir():
        raise BackupError(f"{source} bestaat niet of is geen map met een backup.")
    path = source / MANIFEST
    not_a_backup = BackupError(
        f"{source} is geen agendabot-backup: {MANIFEST} ontbreekt of is onleesbaar."
    )
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
        manifest = Manifest(**raw)
    except (OSError, ValueError, TypeError):
        raise not_a_backup from None
    wrong = (
        manifest.format != FORMAT
        or not isinstance(manifest.version, int)
        or manifest.dialect not in COPY_NAMES
        or manifest.file != COPY_NAMES[manifest.dialect]
        or not isinstance(manifest.bytes, int)
        or not isinstance(manifest.sha256, str)
    )
    if wrong:
        raise not_a_backup
    if manifest.version > VERSION:
        raise BackupError(
            f"De backup in {source} heeft formaat {manifest.version}; deze agendabot kent "
            f"t/m {VERSION}. Herstel hem met een nieuwere agendabot."
        )
    return manifest


def _refuse_live_or_newer(parsed: URL, now: datetime) -> None:
    engine = create_db_engine(parsed.render_as_string(hide_password=False))
    try:
        try:
            found = current_revision(engine)
        except Exception as exc:
            raise BackupError(
                f"De database om in te herstellen is niet bereikbaar: {type(exc).__name__}."
            ) from None
        if found is not None and found not in known_revisions():
            raise SchemaTooNew(found, head_revision())
        with engine.connect() as conn:
            has_replicas = inspect(conn).has_table("replicas")
        alive = Replicas(engine).alive(now) if has_replicas else {}
    finally:
        engine.dispose()
    if alive:
        replica, seen = max(alive.items(), key=lambda item: item[1])
        seconds = max(0, round((now - seen).total_seconds()))
        raise BackupError(
            f"Een draaiende agendabot gebruikt deze database ({replica}, {seconds} s geleden "
            "gezien); stop de bot eerst en herstel dan."
        )


# SQLite -------------------------------------------------------------------------------------


def _backup_sqlite(path: Path, copy: Path) -> tuple[str | None, dict[str, int]]:
    if not path.is_file():
        raise BackupError(f"Er is geen database in {path}; er valt niets te backuppen.")
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=15)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)  # the online backup API: a consistent copy of one moment
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            source.close()
            target.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"De database in {path} is niet te kopiëren: {exc}.") from None
    engine = create_engine(f"sqlite:///{copy}")  # plain: the copy must stay out of WAL mode
    try:
        with engine.connect() as conn:
            return _revision_of(conn), _row_counts(conn)
    finally:
        engine.dispose()


def _check_sqlite_copy(copy: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{copy}?mode=ro&immutable=1", uri=True)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        verdict = "niet te openen"
    if verdict != "ok":
        raise BackupError(f"De backup is beschadigd: {copy.name} is geen gave SQLite-database.")


def _restore_sqlite(copy: Path, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        source = sqlite3.connect(f"file:{copy}?mode=ro&immutable=1", uri=True)
        target = sqlite3.connect(path, timeout=15)
        try:
            source.backup(target)  # replaces every page of the target in one transaction
        finally:
            source.close()
            target.close()
    except sqlite3.OperationalError as exc:
        raise BackupError(f"De database in {path} is bezet of niet te schrijven: {exc}.") from None


def _revision_of(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


# PostgreSQL ---------------------------------------------------------------------------------


def _backup_postgres(parsed: URL, copy: Path) -> tuple[str | None, dict[str, int]]:
    engine = create_db_engine(parsed.render_as_string(hide_password=False))
    try:
        connection = engine.connect().execution_options(isolation_level="REPEATABLE READ")
        with connection as conn, conn.begin():
            conn.execute(text("SET TRANSACTION READ ONLY"))
            snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            major = int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000
            revision, rows = _revision_of(conn), _row_counts(conn)
            # pg_dump reads the very snapshot the counts came from, while it stays open.
            run_tool(
                find_tool("pg_dump", major),
                ["--format=custom", f"--snapshot={snapshot}", f"--file={copy}"],
                libpq_env(parsed),
            )
    except ToolFailed as exc:
        raise BackupError(f"pg_dump kon de database niet kopiëren: {exc.detail}.") from None
    finally:
        engine.dispose()
    return revision, rows


def _restore_postgres(copy: Path, parsed: URL) -> None:
    env = libpq_env(parsed)
    sql = run_tool(
        find_tool("pg_restore"), ["--no-owner", "--no-privileges", "--file=-", str(copy)], env
    )
    engine = create_db_engine(parsed.render_as_string(hide_password=False))
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    ours = set(Base.metadata.tables) | {VERSION_TABLE}
    drops = "".join(
        f'DROP TABLE IF EXISTS public."{name}" CASCADE;\n' for name in sorted(present & ours)
    )
    try:  # the drops and the restore commit together, or neither does
        run_tool(
            find_tool("psql"),
            ["--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1", "-f", "-"],
            env,
            stdin=drops.encode() + sql,
        )
    except ToolFailed as exc:
        raise BackupError(
            f"Herstellen is mislukt en er is niets veranderd: {exc.detail}."
        ) from None
