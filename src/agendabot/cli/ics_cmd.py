"""`agendabot ics [--pillar 1|2|all] [--output FILE]`: the deadlines as an iCalendar file.

Import the file in Outlook (File → Open & Export → Import/Export → iCalendar), Google or
Apple Calendar. Every commitment is an all-day event on its due date with a stable UID, so
importing a newer file updates the events. Without `--output` the calendar goes to stdout.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agendabot.cli.common import UserError
from agendabot.cli.state_access import cli_settings, open_store, parse_pillar


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ics",
        help="deadlines als agenda-bestand (iCalendar, voor Outlook)",
        description="Schrijf de deadlines van de toezeggingen als iCalendar-bestand (.ics).",
    )
    parser.add_argument("--pillar", metavar="1|2|all", help="alleen pijler 1 of 2")
    parser.add_argument("--output", "-o", metavar="BESTAND", help="schrijf naar dit bestand")
    parser.set_defaults(func=run_ics)


def run_ics(args: argparse.Namespace, *, now: datetime | None = None) -> int:
    from agendabot.content import ContentError, load_content
    from agendabot.web.calendar_ics import calendar_for_content

    pillar = parse_pillar(args.pillar)
    settings = cli_settings()
    try:
        content = load_content(settings.content_dir)
    except ContentError as exc:
        raise UserError(f"De content is ongeldig:\n{exc}") from None
    with open_store(settings) as store:
        statuses = {cid: s.status for cid, s in store.statuses.current_statuses().items()}
    data = calendar_for_content(content, statuses, pillar=pillar, now=now or datetime.now(UTC))
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    path = Path(args.output)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UserError(f"Kan '{path}' niet schrijven: {exc.strerror or exc}.") from None
    events = data.count(b"BEGIN:VEVENT")
    sys.stderr.write(f"{events} deadlines geschreven naar {path}.\n")
    return 0
