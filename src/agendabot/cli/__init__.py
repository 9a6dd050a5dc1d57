"""The `agendabot` command line: a thin layer that parses arguments and calls the core.

Each sub-command lives in its own module under `agendabot.cli` and exposes
`register(subparsers)`; the module adds a parser whose `func` default takes the parsed
arguments and returns an exit code. Bad input raises `UserError` with a Dutch sentence,
printed on stderr with exit code 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence

from agendabot.cli.common import UserError

# Sub-command modules, in the order `agendabot --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "vraag",
    "ingest",
    "earlier_cmd",
    "fetch",
    "content_cmd",
    "search_cmd",
    "eval_cmd",
    "deadlines",
    "console",
    "serve",
    "subscriptions",
    "digest_cmd",
    "ics_cmd",
    "backup_cmd",
)


# argparse's own error messages (English) and their Dutch wording, matched in order.
_ARGPARSE_DUTCH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (.+)"), r"\1 ontbreekt"),
    (re.compile(r"one of the arguments (.+) is required"), r"geef een van: \1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"onbekend argument: \1"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 verwacht een waarde"),
    (
        re.compile(r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)"),
        r"\2 is geen geldige keuze voor \1; kies uit \3",
    ),
    (
        re.compile(r"argument (\S+): invalid (\w+) value: (.+)"),
        r"\3 is geen geldige waarde voor \1",
    ),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"\1 kan niet samen met \2"),
)


def dutch_argparse_message(message: str) -> str:
    """argparse's error `message` in Dutch where its wording is known, else unchanged."""
    for pattern, replacement in _ARGPARSE_DUTCH:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments in Dutch and exits with 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Dat begrijp ik niet: {dutch_argparse_message(message)}.\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="agendabot", description="Antwoorden en deadlines van de Actieagenda.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDO", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"agendabot.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except UserError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    except BrokenPipeError:
        return 0
