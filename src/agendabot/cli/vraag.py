"""`agendabot vraag N` and `agendabot brief 1.7`: show an answer or a letter section."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from agendabot.cli.common import UserError, print_json
from agendabot.content import Content, ContentError, load_content
from agendabot.core.documents.library import UnknownDocument, parse_address
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.documents.present import (
    question_payload,
    render_question,
    render_section,
    render_section_list,
    section_payload,
)


def register(subparsers: Any) -> None:
    vraag = subparsers.add_parser(
        "vraag",
        help="toon een vraag met het antwoord (standaard uit Kamerstuk 32 824, nr. 451)",
        description=(
            "Toon vraag N met het antwoord, de voetnoten en de bron. N leest uit de "
            "standaardlijst; DOCUMENT:N uit een andere, bijvoorbeeld 31749-8:1 of 451:47."
        ),
    )
    vraag.add_argument(
        "nummer", nargs="?", help="het nummer van de vraag, bijvoorbeeld 47 of 31749-8:1"
    )
    vraag.add_argument("--all", "--alle", dest="all", action="store_true", help="alle vragen")
    vraag.add_argument("--json", action="store_true", help="als JSON")
    vraag.add_argument("--content", type=Path, default=None, help="map met de content")
    vraag.set_defaults(func=run_vraag)

    brief = subparsers.add_parser(
        "brief",
        help="toon een paragraaf uit de voortgangsbrief (Kamerstuk 32 824, nr. 456)",
        description="Toon paragraaf N van de brief, bijvoorbeeld 1.7; zonder nummer de inhoud.",
    )
    brief.add_argument(
        "paragraaf", nargs="?", help="het nummer van de paragraaf, bijvoorbeeld 1.7 of 456:1.7"
    )
    brief.add_argument("--json", action="store_true", help="als JSON")
    brief.add_argument("--content", type=Path, default=None, help="map met de content")
    brief.set_defaults(func=run_brief)


def _content(root: Path | None) -> Content:
    from agendabot.cli.state_access import cli_settings

    settings = cli_settings()
    try:
        return load_content(
            root, main_dossier=settings.main_dossier, default_qa=settings.default_qa_list
        )
    except ContentError as exc:
        raise UserError(
            f"De content is ongeldig ({len(exc.problems)} probleem/problemen); "
            "draai 'agendabot content check' voor de details."
        ) from exc


def _range_phrase(document: QADocument) -> str:
    numbers = document.numbers
    return f"de lijst heeft vragen {min(numbers)} tot en met {max(numbers)}"


def _question_number(raw: str, document: QADocument) -> int:
    text = raw.strip()
    if not (text.isascii() and text.isdigit()):
        raise UserError(f"'{raw}' is geen vraagnummer; {_range_phrase(document)}.")
    number = int(text)
    if number not in document:
        raise UserError(f"Vraag {number} bestaat niet; {_range_phrase(document)}.")
    return number


def _document(content: Content, reference: str | None) -> QADocument:
    try:
        return content.library.qa(reference)
    except UnknownDocument as exc:
        raise UserError(str(exc)) from None


def run_vraag(args: argparse.Namespace) -> int:
    content = _content(args.content)
    address = parse_address(args.nummer) if args.nummer is not None else None
    document = _document(content, address.document if address else None)
    if args.all:
        if args.nummer is not None:
            raise UserError("Geef een vraagnummer óf --all, niet allebei.")
        if args.json:
            print_json([question_payload(document, n) for n in document.numbers])
        else:
            sys.stdout.write(
                "\n\n".join(render_question(document, n) for n in document.numbers) + "\n"
            )
        return 0
    if args.nummer is None:
        raise UserError(
            f"Welke vraag? Geef een nummer, bijvoorbeeld 47; {_range_phrase(document)}."
        )
    assert address is not None
    number = _question_number(address.local, document)
    if args.json:
        print_json(question_payload(document, number))
    else:
        sys.stdout.write(render_question(document, number) + "\n")
    return 0


def _section_choices(letter: Letter) -> str:
    numbers = [s.number for s in letter.sections]
    return ", ".join(numbers[:-1]) + f" en {numbers[-1]}" if len(numbers) > 1 else "".join(numbers)


def run_brief(args: argparse.Namespace) -> int:
    content = _content(args.content)
    address = parse_address(args.paragraaf) if args.paragraaf is not None else None
    try:
        letter = content.library.letter(address.document if address else None)
    except UnknownDocument as exc:
        raise UserError(str(exc)) from None
    if args.paragraaf is None:
        if args.json:
            print_json([section_payload(letter, s.number) for s in letter.sections])
        else:
            sys.stdout.write(render_section_list(letter) + "\n")
        return 0
    assert address is not None
    number = address.local.strip().rstrip(".")
    try:
        letter.section(number)
    except KeyError:
        choices = _section_choices(letter)
        raise UserError(
            f"Paragraaf '{args.paragraaf}' staat niet in de brief; kies uit {choices}."
        ) from None
    if args.json:
        print_json(section_payload(letter, number))
    else:
        sys.stdout.write(render_section(letter, number) + "\n")
    return 0
