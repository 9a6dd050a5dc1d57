"""`agendabot fetch ID` and `agendabot fetch --dossier 32824 --sinds 2025-07-01`.

Downloads the official HTML of a document from officielebekendmakingen.nl, keeps it under
`content/sources/ID.html` and ingests it as `agendabot ingest` does: new Kamervragen
(`kv-tk-2026Z21234`) are registered as an open set with its deadline, an answer closes the
open set it answers; with `--dossier`, lists the dossier's publications
since a date through the official SRU search service and does the same for each Q&A list,
Kamervragen answer and letter not yet in the content. New Kamervragen belong to no dossier:
`agendabot fetch --kamervragen [--sinds DATUM] [--aan "Sociale Zaken en Werkgelegenheid"]`
lists the new questions and answers put to that ministry (by their title) and registers or
ingests each one not yet in the content, questions before answers. `--basis-url` and
`--sru-url` point it elsewhere (a mirror, or the tests' local server).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, Final

from agendabot.cli.common import Unchanged, UserError
from agendabot.cli.ingest import (
    answered_lines,
    register_kamervragen,
    update_vectors,
    vectors_line,
)
from agendabot.content import default_content_dir, write_atomically
from agendabot.content.ingest import IngestError, ingest_source, write_result
from agendabot.remote.client import Client, FetchError
from agendabot.remote.sru import (
    SRU_URL,
    Record,
    SruError,
    addressed_to,
    dossier_query,
    kamervragen_query,
    parse_records,
    request_params,
)

OFFICIAL: Final = "https://zoek.officielebekendmakingen.nl"
MAX_PAGES: Final = 20
ADDRESSEE: Final = "Sociale Zaken en Werkgelegenheid"
# three weeks to answer, three more after a *mededeling*: older questions are answered or late
KAMERVRAGEN_WEEKS: Final = 6
_IDENTIFIER = re.compile(
    r"^(?:kst-\d{5}(?:-[IVXLC]+)?-\d{1,5}|ah-tk-\d{8}-\d{1,5}|kv-tk-20\d{2}Z\d{5})$",
    re.IGNORECASE,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fetch",
        help="download een document van officielebekendmakingen.nl en ingest het",
        description=(
            "Download de officiële HTML van een document (bijvoorbeeld kst-32824-460, "
            "ah-tk-20142015-1365 of nieuwe Kamervragen kv-tk-2026Z21234) en ingest het; "
            "met --dossier alle nieuwe vragenlijsten, "
            "antwoorden op Kamervragen en brieven van een dossier sinds een datum."
        ),
    )
    parser.add_argument("document", nargs="?", metavar="ID", help="bijvoorbeeld kst-32824-460")
    parser.add_argument("--dossier", default=None, help="dossiernummer, bijvoorbeeld 32824")
    parser.add_argument(
        "--kamervragen",
        action="store_true",
        help="nieuwe Kamervragen en antwoorden aan het ministerie van --aan",
    )
    parser.add_argument(
        "--aan",
        default=ADDRESSEE,
        help=f"met --kamervragen: wie de vragen kreeg, zoals in de titel (standaard: {ADDRESSEE})",
    )
    parser.add_argument(
        "--sinds",
        default=None,
        help=(
            "met --dossier of --kamervragen: vanaf JJJJ-MM-DD "
            f"(standaard: alles, of bij --kamervragen de laatste {KAMERVRAGEN_WEEKS} weken)"
        ),
    )
    parser.add_argument("--content", type=Path, default=None, help="map met de content")
    parser.add_argument("--droog", action="store_true", help="alleen tonen, niets schrijven")
    parser.add_argument("--basis-url", default=OFFICIAL, help="waar de documenten staan")
    parser.add_argument("--sru-url", default=SRU_URL, help="de SRU-zoekdienst")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconden per poging")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = args.content or default_content_dir()
    client = Client(total_timeout=args.timeout, connect_timeout=min(5.0, args.timeout))
    if (args.document is not None) + (args.dossier is not None) + args.kamervragen > 1:
        raise UserError("Geef één van: een document, --dossier of --kamervragen.")
    if args.dossier is not None:
        return asyncio.run(_dossier(args, client, root))
    if args.kamervragen:
        return asyncio.run(_kamervragen(args, client, root))
    if args.document is None:
        raise UserError("Welk document? Bijvoorbeeld: agendabot fetch kst-32824-460.")
    identifier = args.document.strip()
    if not _IDENTIFIER.match(identifier):
        raise UserError(
            f"'{identifier}' is geen id van officielebekendmakingen; schrijf bijvoorbeeld "
            "kst-32824-460, ah-tk-20142015-1365 of kv-tk-2026Z21234."
        )
    for line in asyncio.run(_one(identifier, args, client, root)):
        sys.stdout.write(f"{line}\n")
    _refresh_vectors(args, root)
    return 0


def _refresh_vectors(args: argparse.Namespace, root: Path) -> None:
    """After writing, as `agendabot ingest` does: embed the new passages (else the search
    stays lexical until `agendabot content vectors`)."""
    if not args.droog:
        sys.stdout.write(f"{vectors_line(update_vectors(root))}\n")


async def _one(identifier: str, args: argparse.Namespace, client: Client, root: Path) -> list[str]:
    try:
        fetched = await client.get(f"{args.basis_url.rstrip('/')}/{identifier}.html")
    except FetchError as exc:
        raise UserError(str(exc)) from None
    official = f"{OFFICIAL}/{identifier}.html"
    with tempfile.TemporaryDirectory() as scratch:
        source = (Path(scratch) if args.droog else root / "sources") / f"{identifier}.html"
        kept = source.read_bytes() if source.is_file() else None  # what an earlier fetch kept
        write_atomically(source, fetched.body)
        try:
            return _ingest(source, root, official, dry=args.droog)
        except UserError as exc:
            if kept is not None:
                write_atomically(source, kept)  # refused: the source stays as it was
            elif not args.droog:
                source.unlink(missing_ok=True)
            raise type(exc)(f"{identifier}: {exc}") from None


def _ingest(source: Path, root: Path, url: str, *, dry: bool) -> list[str]:
    """As `agendabot ingest` does: new Kamervragen or a *mededeling* go to the open sets;
    any other document to the content, and answers close the open sets they answer."""
    done = register_kamervragen(source, root, url=url, dry=dry)
    if done is not None:
        return done.lines
    try:
        result = ingest_source(source, content_root=root, url=url)
        if not dry:
            write_result(result)
        return [*result.summary_lines(), *answered_lines(result, root, dry=dry)]
    except IngestError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"Kan niet schrijven in {root}: {exc.strerror or exc}.") from None


def _since(args: argparse.Namespace, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(args.sinds) if args.sinds else default
    except ValueError:
        raise UserError(f"'{args.sinds}' is geen datum; schrijf die als JJJJ-MM-DD.") from None


async def _dossier(args: argparse.Namespace, client: Client, root: Path) -> int:
    since = _since(args, dt.date(1995, 1, 1))
    records = await _listing(args.sru_url, dossier_query(args.dossier, since), client)
    wanted = [r for r in records if r.wanted]
    have = {p.stem.lower() for p in (root / "documents").glob("*.yaml")}
    new = [r for r in wanted if _file_stem(r.identifier) not in have]
    sys.stdout.write(
        f"Dossier {args.dossier} sinds {since.isoformat()}: {len(records)} publicaties, "
        f"{len(wanted)} vragenlijsten, antwoorden of brieven, {len(new)} nieuw.\n"
    )
    return await _fetch_each(new, args, client, root)


async def _kamervragen(args: argparse.Namespace, client: Client, root: Path) -> int:
    since = _since(args, dt.date.today() - dt.timedelta(weeks=KAMERVRAGEN_WEEKS))
    records = await _listing(args.sru_url, kamervragen_query(since), client)
    mine = [r for r in records if addressed_to(r, args.aan)]
    questions = [r for r in mine if r.identifier.lower().startswith("kv-tk-")]
    answers = [r for r in mine if r.identifier.lower().startswith("ah-tk-")]
    # known: fetched before (its source is kept), or registered or ingested by its id
    known = {p.stem.lower() for p in (root / "sources").glob("*.html")}
    known |= {f"kv-tk-{p.stem.lower()}" for p in (root / "kamervragen").glob("*.yaml")}
    known |= {p.stem.lower() for p in (root / "documents").glob("*.yaml")}
    new = [  # questions first: an answer in the same listing then closes their set
        r for r in (*questions, *answers) if _file_stem(r.identifier) not in known
    ]
    sys.stdout.write(
        f"Kamervragen aan {args.aan} sinds {since.isoformat()}: {len(records)} publicaties, "
        f"{len(questions)} met nieuwe vragen, {len(answers)} met antwoorden, {len(new)} nieuw.\n"
    )
    return await _fetch_each(new, args, client, root)


async def _fetch_each(
    new: list[Record], args: argparse.Namespace, client: Client, root: Path
) -> int:
    """Fetch and ingest each record in turn, with a progress bar; 2 when any failed."""
    for record in new:
        sys.stdout.write(f"- {record.identifier} ({record.date}) {record.title}\n")
    failed = done = 0
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("downloaden en ingesten", total=len(new))
        for record in new:
            try:
                for line in await _one(record.identifier, args, client, root):
                    sys.stdout.write(f"  {line}\n")
                done += 1
            except Unchanged as exc:  # registered before under another id
                sys.stdout.write(f"  al bekend: {exc}\n")
            except UserError as exc:
                failed += 1
                sys.stdout.write(f"  overgeslagen: {exc}\n")
            progress.advance(task)
    if done:
        _refresh_vectors(args, root)
    return 2 if failed else 0


async def _listing(url: str, query: str, client: Client) -> list[Record]:
    records: list[Record] = []
    start: int | None = 1
    pages = 0
    while start is not None and pages < MAX_PAGES:
        try:
            page = await client.get(url, params=request_params(query, start))
            found, start = parse_records(page.body)
        except (FetchError, SruError) as exc:
            raise UserError(f"De zoekdienst gaf geen lijst: {exc}") from None
        records.extend(found)
        pages += 1
    return records


def _file_stem(identifier: str) -> str:
    """ "kst-32824-460" → "kamerstuk-32824-460" (how ingest names the file)."""
    lowered = identifier.lower()
    return "kamerstuk-" + lowered.removeprefix("kst-") if lowered.startswith("kst-") else lowered


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(file=sys.stderr)
