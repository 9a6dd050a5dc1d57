"""`agendabot backup UIT` and `agendabot restore BRON`: copy the state out and back in.

    agendabot backup backups/2026-12-03        # while the bot runs; a new directory
    agendabot restore backups/2026-12-03       # with the bot stopped

The state (`DATABASE_URL`) holds what `content/` cannot give back: subscriptions, statuses
with who and when, the audit trail and the digest ledger. See `agendabot.state.backup`.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agendabot.cli.common import UserError, print_json
from agendabot.cli.state_access import cli_actor, cli_settings


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="maak een backup van de state (abonnementen, statussen, audit, ledger)",
        description=(
            "Schrijf een consistente kopie van de state naar de nieuwe map UIT, ook terwijl "
            "de bot draait: SQLite via de online-backup-API, PostgreSQL via pg_dump. "
            "Met manifest.json (schemaversie, tijd, aantallen rijen, SHA-256)."
        ),
    )
    backup.add_argument("uit", type=Path, metavar="UIT", help="nieuwe map voor de backup")
    backup.add_argument("--json", action="store_true", help="het manifest als JSON")
    backup.set_defaults(func=run_backup)
    restore = subparsers.add_parser(
        "restore",
        help="zet een backup van de state terug (met de bot gestopt)",
        description=(
            "Vervang de state door de backup in BRON en breng die naar het huidige schema. "
            "Weigert een database die een draaiende bot gebruikt, een nieuwer schema en een "
            "beschadigde backup."
        ),
    )
    restore.add_argument("bron", type=Path, metavar="BRON", help="map van een backup")
    restore.add_argument("--json", action="store_true", help="het resultaat als JSON")
    restore.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from agendabot.state.backup import backup

    settings = cli_settings()
    manifest = _guarded(
        lambda: backup(settings.database_url.get_secret_value(), args.uit, now=datetime.now(UTC))
    )
    if args.json:
        print_json(manifest.__dict__)
        return 0
    total = sum(manifest.rows.values())
    print(
        f"Backup geschreven naar {args.uit}: {total} rijen in {len(manifest.rows)} tabellen, "
        f"schemaversie {manifest.schema_revision}, {manifest.bytes} bytes."
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from agendabot.state import Store
    from agendabot.state.backup import restore

    settings = cli_settings()
    url = settings.database_url.get_secret_value()
    now = datetime.now(UTC)
    restored = _guarded(lambda: restore(args.bron, url, now=now))
    with Store.open(url) as store:
        store.audit.record(
            cli_actor(),
            "state.restore",
            now=now,
            details={
                "backup_created_at": restored.manifest.created_at,
                "backup_revision": restored.manifest.schema_revision,
                "revision": restored.revision,
            },
        )
    if args.json:
        print_json(
            {
                "manifest": restored.manifest.__dict__,
                "revision": restored.revision,
                "rows": restored.rows,
            }
        )
        return 0
    print(
        f"Backup van {restored.manifest.created_at} teruggezet: "
        f"{sum(restored.rows.values())} rijen, schemaversie {restored.revision}."
    )
    return 0


def _guarded(work: Any) -> Any:
    """Run `work`; state and file errors become one Dutch sentence (exit code 2)."""
    from sqlalchemy.exc import SQLAlchemyError

    from agendabot.state import StateError

    try:
        return work()
    except StateError as exc:
        raise UserError(str(exc)) from None
    except SQLAlchemyError as exc:
        raise UserError(
            f"De database (DATABASE_URL) is niet bereikbaar: {type(exc).__name__}."
        ) from None
    except OSError as exc:
        raise UserError(f"Bestand of map niet te gebruiken: {exc.strerror or exc}.") from None
