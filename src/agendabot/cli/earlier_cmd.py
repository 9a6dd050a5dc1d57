"""`agendabot eerdere-antwoorden BRON [--json] [--docx UIT.docx]`: per question of a new set,
what the cabinet answered before (at most three answers, verbatim, with citation, link and
confidence; "geen eerder antwoord gevonden" where nothing fits)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from agendabot.cli.common import UserError, print_json
from agendabot.cli.search_cmd import load_engine
from agendabot.content.knowledge import query_embedder
from agendabot.core.earlier.answers import EarlierReport, NoQuestions, report_for_text
from agendabot.core.earlier.present import text_report
from agendabot.formats import FormatError, source_text


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eerdere-antwoorden",
        help="eerdere antwoorden van het kabinet per vraag van nieuwe Kamervragen",
        description=(
            "Zoek per vraag van een nieuwe set Kamervragen de beste eerdere antwoorden in alle "
            "documenten (hoogstens drie), letterlijk, met vindplaats, link en zekerheid."
        ),
    )
    parser.add_argument("bron", type=Path, help="de vragen: tekst, PDF of HTML")
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")
    parser.add_argument(
        "--docx", type=Path, default=None, metavar="UIT.docx", help="schrijf een Word-concept"
    )
    parser.set_defaults(func=run)


def earlier_report(text: str) -> EarlierReport:
    """The same path as the command, for scripts (eval/earlier_answers.py)."""
    content, engine = load_engine()
    return report_for_text(text, engine, content.library, embed=query_embedder(engine))


def run(args: argparse.Namespace) -> int:
    if not args.bron.is_file():
        raise UserError(f"Het bestand {args.bron} bestaat niet.")
    try:
        text = source_text(args.bron)
    except FormatError as exc:
        raise UserError(str(exc)) from None
    try:
        report = earlier_report(text)
    except NoQuestions as exc:
        raise UserError(f"{args.bron.name}: {exc}") from None
    if args.docx is not None:
        _write_docx(report, args.docx)
    if args.json:
        print_json(report.records())
        return 0
    sys.stdout.write(f"{report.title}\n\n{text_report(report.results)}")
    if args.docx is not None:
        sys.stdout.write(f"→ {args.docx}\n")
    return 0


def _write_docx(report: EarlierReport, path: Path) -> None:
    from agendabot.drafts.word import draft_docx

    data = draft_docx(report.results, title=report.title)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UserError(f"Kan {path} niet schrijven: {exc.strerror or exc}.") from None
