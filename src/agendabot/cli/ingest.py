"""`agendabot ingest BRON`: turn an official source text into a content file."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agendabot.cli.common import Unchanged, UserError, print_json
from agendabot.cli.deadlines import ingest_proposal_lines, ingest_proposals
from agendabot.content import default_content_dir
from agendabot.content.ingest import IngestError, IngestResult, ingest_source, write_result
from agendabot.core.documents.models import DocumentKind, QADocument
from agendabot.core.documents.present import document_payload
from agendabot.core.kamervragen.present import set_record
from agendabot.formats import FormatError, source_text

if TYPE_CHECKING:
    from agendabot.content.kamervragen import KamervragenIngest


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="zet een brontekst (vragenlijst of Kamerbrief) om in content-YAML",
        description=(
            "Lees een brontekst (PDF- of HTML-dump) en schrijf content/documents/"
            "kamerstuk-DOSSIER-NR.yaml. Titel en datum die de bron niet noemt, komen uit "
            "de opties of uit het bestand van een eerdere ingest."
        ),
    )
    parser.add_argument(
        "bron", type=Path, help="het tekstbestand, bijvoorbeeld content/sources/…txt"
    )
    parser.add_argument(
        "--soort",
        choices=[kind.value for kind in DocumentKind],
        default=None,
        help="soort document (standaard: herkend aan de tekst)",
    )
    parser.add_argument("--titel", default=None, help="titel van het document")
    parser.add_argument("--datum", default=None, help="datum van het document, JJJJ-MM-DD")
    parser.add_argument(
        "--url", default=None, help="officiële link (standaard officielebekendmakingen.nl)"
    )
    parser.add_argument(
        "--uit", type=Path, default=None, help="uitvoerbestand (standaard in content/documents/)"
    )
    parser.add_argument(
        "--pijler",
        type=int,
        choices=(1, 2),
        default=None,
        help="nieuwe Kamervragen: de pijler waar ze over gaan (dan ziet alleen wie die pijler "
        "volgt ze; standaard iedereen)",
    )
    parser.add_argument("--content", type=Path, default=None, help="map met de content")
    parser.add_argument("--droog", action="store_true", help="alleen samenvatten, niets schrijven")
    parser.add_argument(
        "--json", action="store_true", help="het ontlede document als JSON (met --droog)"
    )
    parser.add_argument(
        "--vervang", action="store_true", help="een bestaand, afwijkend bestand overschrijven"
    )
    parser.set_defaults(func=run)


def _date(raw: str | None) -> dt.date | None:
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise UserError(f"'{raw}' is geen datum; schrijf die als JJJJ-MM-DD.") from None


def run(args: argparse.Namespace) -> int:
    if not args.bron.is_file():
        raise UserError(f"Het bestand {args.bron} bestaat niet.")
    if args.soort is None and _kamervragen(args, args.content or default_content_dir()):
        return 0
    if args.pijler is not None:
        raise UserError("--pijler geldt alleen voor nieuwe Kamervragen.")
    try:
        result: IngestResult = ingest_source(
            args.bron,
            content_root=args.content or default_content_dir(),
            kind=DocumentKind(args.soort) if args.soort else None,
            title=args.titel,
            date=_date(args.datum),
            url=args.url,
            output=args.uit,
        )
    except IngestError as exc:
        raise UserError(str(exc)) from exc
    root = args.content or default_content_dir()
    if args.json:
        payload = document_payload(result.document)
        payload["proposals"] = ingest_proposals(result.document, root)
        payload["warnings"] = list(result.warnings)
        if not args.droog and _write(result, replace=args.vervang):
            payload["vectors"] = update_vectors(root)
        payload["closed"] = answered_lines(result, root, dry=args.droog)
        print_json(payload)
        return 0
    changed = True if args.droog else _write(result, replace=args.vervang)
    for line in [*result.summary_lines(), *answered_lines(result, root, dry=args.droog)]:
        sys.stdout.write(f"{line}\n")
    if not changed:
        sys.stdout.write("ongewijzigd: het bestand was al zo\n")
    elif not args.droog:
        sys.stdout.write(f"{vectors_line(update_vectors(root))}\n")
    for line in ingest_proposal_lines(result.document, root):
        sys.stdout.write(f"{line}\n")
    return 0


def update_vectors(root: Path) -> dict[str, object]:
    """Embed the new or changed passages, when the content keeps vectors at all."""
    from agendabot.content import ContentError, load_content
    from agendabot.content.embedder import shared_embedder
    from agendabot.content.search_index import content_index
    from agendabot.content.vectors import refresh_vectors, vectors_path

    if not vectors_path(root).exists():
        return {"status": "geen vectorbestand"}
    try:
        index = content_index(load_content(root))
    except ContentError:
        return {"status": "content ongeldig"}
    done = refresh_vectors(index, root, shared_embedder())
    return {
        "status": "bijgewerkt",
        "embedded": done.embedded,
        "dropped": done.dropped,
        "intent": done.intent,
    }


def vectors_line(report: dict[str, object]) -> str:
    if report["status"] == "bijgewerkt":
        return (
            f"zoekvectoren: {report['embedded']} berekend, {report['dropped']} vervallen; "
            f"intentiemodel: {report['intent']}"
        )
    if report["status"] == "content ongeldig":
        return "zoekvectoren: niet bijgewerkt (agendabot content check noemt wat er mis is)"
    return "zoekvectoren: geen vectorbestand; `agendabot content vectors` maakt het"


def _write(result: IngestResult, *, replace: bool) -> bool:
    try:
        return write_result(result, replace=replace)
    except IngestError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"Kan {result.output} niet schrijven: {exc.strerror or exc}.") from None


def _kamervragen(args: argparse.Namespace, root: Path) -> bool:
    """New questions or a *mededeling*: registered in content/kamervragen/ (True), or
    an ordinary document (False)."""
    done = register_kamervragen(
        args.bron, root, url=args.url, pillar=args.pijler, dry=args.droog, name=args.bron.name
    )
    if done is None:
        return False
    if args.json:
        print_json({"action": done.action, "set": set_record(done.set), "lines": done.lines})
    else:
        sys.stdout.write("".join(f"{line}\n" for line in done.lines))
    return True


def register_kamervragen(
    source: Path,
    root: Path,
    *,
    url: str | None,
    dry: bool,
    pillar: int | None = None,
    name: str | None = None,
) -> KamervragenIngest | None:
    """`register_text` on the file (also for `agendabot fetch`), its problems as a
    `UserError` (with `name` in front when given); None for a document that is neither new
    questions nor a *mededeling*."""
    from agendabot.content.kamervragen import register_text
    from agendabot.core.kamervragen.lifecycle import AlreadyKnown, Refused
    from agendabot.core.kamervragen.parse import SetProblem

    try:
        text = source_text(source)
    except FormatError as exc:
        raise UserError(str(exc)) from None
    try:
        return register_text(text, source, root, url=url, pillar=pillar, dry=dry)
    except (SetProblem, Refused) as exc:
        kind = Unchanged if isinstance(exc, AlreadyKnown) else UserError
        raise kind(f"{name}: {exc}" if name else str(exc)) from None
    except OSError as exc:
        raise UserError(f"Kan niet schrijven in {root}: {exc.strerror or exc}.") from None


def answered_lines(result: IngestResult, root: Path, *, dry: bool) -> list[str]:
    """For answers to Kamervragen: close the open sets they answer; a line for each."""
    from agendabot.content.kamervragen import close_answered

    document = result.document
    if not isinstance(document, QADocument) or document.meta.kind is not DocumentKind.KAMERVRAGEN:
        return []
    try:
        text = source_text(result.source)
    except FormatError:
        return []
    return close_answered(root, document, text, dry=dry)
