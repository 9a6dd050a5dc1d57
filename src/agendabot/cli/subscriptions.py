"""`agendabot subscribe|unsubscribe TARGET --pillar 1|2|all` and `agendabot subscriptions`.

    agendabot subscribe C0123ABCD --pillar 1      # a channel follows pillar 1
    agendabot subscribe U0123ABCD --pillar all    # a person gets everything, as a DM
    agendabot unsubscribe C0123ABCD --pillar 1
    agendabot subscriptions [--json]

TARGET is a Slack channel id (`C…`, `G…`) or user id (`U…`, `W…`); `<#C…|naam>` works too.
Changes are recorded in the audit log as "cli:<login name>".
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from agendabot.cli.common import UserError, print_json
from agendabot.cli.state_access import cli_actor, cli_settings, open_store, parse_target

PILLAR_HELP = "1, 2 of all (alles)"


def register(subparsers: Any) -> None:
    subscribe = subparsers.add_parser(
        "subscribe",
        help="een kanaal of persoon laten volgen: weekoverzicht en wijzigingen",
        description="Laat een Slack-kanaal of -gebruiker een pijler volgen: elke week het "
        "overzicht van deadlines en een bericht als een toezegging verandert.",
    )
    unsubscribe = subparsers.add_parser(
        "unsubscribe",
        help="een abonnement opzeggen",
        description="Zeg het abonnement van een Slack-kanaal of -gebruiker op een pijler op.",
    )
    for parser, func in ((subscribe, run_subscribe), (unsubscribe, run_unsubscribe)):
        parser.add_argument("target", metavar="TARGET", help="kanaal-id (C…) of gebruikers-id (U…)")
        parser.add_argument("--pillar", required=True, metavar="1|2|all", help=PILLAR_HELP)
        parser.set_defaults(func=func)
    listing = subparsers.add_parser(
        "subscriptions", help="alle abonnementen", description="Alle abonnementen."
    )
    listing.add_argument("--json", action="store_true", help="uitvoer als JSON")
    listing.set_defaults(func=run_subscriptions)


def _pillar(value: str) -> str:
    from agendabot.state import InvalidValue, normalize_pillar

    try:
        return normalize_pillar(value)
    except InvalidValue:
        raise UserError(f"Pijler '{value}' bestaat niet; kies 1, 2 of alles.") from None


def _label(pillar: str) -> str:
    return "alle pijlers" if pillar == "all" else f"pijler {pillar}"


def run_subscribe(args: argparse.Namespace, *, now: datetime | None = None) -> int:
    target, pillar = parse_target(args.target), _pillar(args.pillar)
    with open_store(cli_settings()) as store:
        added = store.subscriptions.subscribe(
            target, pillar, by=cli_actor(), now=now or datetime.now(UTC)
        )
    if added:
        print(f"{target} volgt nu {_label(pillar)}.")
    else:
        print(f"{target} volgde {_label(pillar)} al.")
    return 0


def run_unsubscribe(args: argparse.Namespace, *, now: datetime | None = None) -> int:
    target, pillar = parse_target(args.target), _pillar(args.pillar)
    with open_store(cli_settings()) as store:
        removed = store.subscriptions.unsubscribe(
            target, pillar, by=cli_actor(), now=now or datetime.now(UTC)
        )
    if removed:
        print(f"{target} volgt {_label(pillar)} niet meer.")
    else:
        print(f"{target} volgde {_label(pillar)} niet; er is niets veranderd.")
    return 0


def run_subscriptions(args: argparse.Namespace) -> int:
    with open_store(cli_settings()) as store:
        subscriptions = store.subscriptions.all()
    if args.json:
        print_json(
            [
                {
                    "target": s.target,
                    "pillar": s.pillar,
                    "created_by": s.created_by,
                    "created_at": s.created_at.isoformat(),
                }
                for s in subscriptions
            ]
        )
        return 0
    if not subscriptions:
        print(
            "Nog geen abonnementen. Voeg er een toe met: agendabot subscribe C0123ABCD --pillar 1"
        )
        return 0
    for s in subscriptions:
        sys.stdout.write(
            f"{s.target}  {_label(s.pillar)}  (sinds {s.created_at:%Y-%m-%d}, {s.created_by})\n"
        )
    return 0
