"""`agendabot deadlines …` and `agendabot toezegging ID`: the commitments and their due dates.

    agendabot deadlines [--pillar 1|2] [--from DATE] [--weeks N] [--overdue] [--all] [--json]
    agendabot toezegging ID [--json]
    agendabot voorstellen DOCUMENT [--alle] [--yaml] [--json]

Without options `deadlines` lists the open commitments due from today up to eight weeks
ahead, plus the open ones whose due date has passed. `--from` looks at another period (then
overdue ones are not added), `--overdue` lists only the overdue ones, `--all` everything.
`voorstellen` lists candidate commitments of an ingested document (sentences with a time
expression that no commitment quotes yet); `agendabot ingest` prints the same list.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agendabot.cli.common import UserError, print_json
from agendabot.core.agenda.commitments import (
    KIND_LABELS,
    RELATED_QUESTIONS_DOCUMENT,
    Commitment,
    DeadlineItem,
    commitment_record,
    current_status,
    find_commitment,
    group_digits,
    join_dutch,
    question_label,
    select_deadlines,
    squash,
    suggest_ids,
)
from agendabot.core.agenda.proposals import (
    Proposal,
    proposal_yaml,
    propose_commitments,
    summary_lines,
)
from agendabot.core.kamervragen.present import select_sets, set_record, text_lines
from agendabot.core.time.dutch_dates import describe_period, dutch_date

if TYPE_CHECKING:
    from agendabot.content import Document

DEFAULT_WEEKS = 8
MAX_WEEKS = 520


def register(subparsers: Any) -> None:
    deadlines = subparsers.add_parser(
        "deadlines",
        help="toezeggingen op volgorde van deadline",
        description="Toezeggingen op volgorde van deadline (standaard: de komende 8 weken "
        "en wat over de datum is).",
    )
    deadlines.add_argument("--pillar", metavar="1|2", help="alleen pijler 1 of 2")
    deadlines.add_argument(
        "--from", dest="start", metavar="DATUM", help="begin van de periode (JJJJ-MM-DD)"
    )
    deadlines.add_argument(
        "--weeks", metavar="N", help=f"lengte van de periode in weken (standaard {DEFAULT_WEEKS})"
    )
    deadlines.add_argument(
        "--overdue", action="store_true", help="alleen open toezeggingen die over de datum zijn"
    )
    deadlines.add_argument("--all", action="store_true", help="alle toezeggingen")
    deadlines.add_argument("--json", action="store_true", help="uitvoer als JSON")
    deadlines.set_defaults(func=run_deadlines)

    one = subparsers.add_parser(
        "toezegging",
        help="één toezegging met bron en termijn",
        description="Eén toezegging: wat, wanneer, de letterlijke tekst en de vindplaats.",
    )
    one.add_argument("id", metavar="ID", help="bijvoorbeeld nationale-dialoog")
    one.add_argument("--json", action="store_true", help="uitvoer als JSON")
    one.set_defaults(func=run_toezegging)

    proposals = subparsers.add_parser(
        "voorstellen",
        help="kandidaat-toezeggingen in een document",
        description="Zinnen met een tijdsaanduiding in een document, met de gelezen datums: "
        "kandidaten voor content/commitments.yaml.",
    )
    proposals.add_argument(
        "document", metavar="DOCUMENT", help="bijvoorbeeld kamerstuk-32824-456 of 32824-456"
    )
    proposals.add_argument(
        "--alle", action="store_true", help="ook zinnen die al een toezegging zijn"
    )
    proposals.add_argument(
        "--yaml", action="store_true", help="als YAML om aan te vullen en over te nemen"
    )
    proposals.add_argument("--json", action="store_true", help="uitvoer als JSON")
    proposals.set_defaults(func=run_voorstellen)


# ---------------------------------------------------------------------------- commands


def run_deadlines(args: argparse.Namespace, *, today: date | None = None) -> int:
    today = today or date.today()
    pillar = parse_pillar(args.pillar)
    weeks = parse_weeks(args.weeks)
    start = parse_date(args.start) if args.start is not None else today
    from agendabot.content import load_content

    content = load_content()  # once: the commitments and the Kamervragen
    sets = select_sets(
        content.kamervragen,
        today=start,
        weeks=weeks,
        window=not args.overdue,
        overdue=args.overdue or args.start is None,
        everything=args.all,
        pillar=pillar,
    )
    items = select_deadlines(
        content.commitments,
        {},  # no statuses recorded on the command line
        today=start,
        pillar=pillar,
        weeks=weeks,
        window=not args.overdue,
        overdue=args.overdue or args.start is None,
        everything=args.all,
    )
    if args.json:
        records = [commitment_record(i.commitment, i.status, today=today) for i in items]
        records += [set_record(found, today=today) for found in sets]
        print_json(sorted(records, key=lambda r: (r["due"], r["id"])))
        return 0
    heading = describe_selection(
        start=start, weeks=weeks, pillar=pillar, overdue_only=args.overdue, everything=args.all
    )
    sys.stdout.write(render_list(heading, items, explicit_start=args.start is not None))
    sys.stdout.write("".join(f"{line}\n" for line in text_lines(sets, today)))
    return 0


def run_toezegging(args: argparse.Namespace, *, today: date | None = None) -> int:
    today = today or date.today()
    commitments, statuses = load_commitments()
    commitment = find_commitment(commitments, args.id)
    if commitment is None:
        raise UserError(unknown_id_message(args.id, commitments))
    status = current_status(commitment, statuses)
    if args.json:
        print_json(commitment_record(commitment, status, today=today))
        return 0
    sys.stdout.write(render_commitment(commitment, status, today))
    return 0


def run_voorstellen(args: argparse.Namespace) -> int:
    from agendabot.content import load_content

    content = load_content()
    wanted = args.document.strip().lower().removeprefix("kamerstuk-")
    document = next(
        (doc for doc in content.documents.values() if doc.meta.id.lower() == wanted),
        None,
    )
    if document is None:
        known = join_dutch(sorted(content.documents))
        raise UserError(f"Document '{args.document}' ken ik niet; er zijn: {known}.")
    proposals = propose_commitments(document, content.commitments)
    if not args.alle:
        proposals = [p for p in proposals if p.known is None]
    if args.json:
        print_json([proposal_record(p) for p in proposals])
    elif args.yaml:
        sys.stdout.write("\n".join(proposal_yaml(p) for p in proposals))
    else:
        lines = summary_lines(propose_commitments(document, content.commitments))
        if args.alle:
            lines = lines[:1] + [
                f"- {p.citation()} · “{p.when_text}” → {p.start.isoformat()} t/m "
                f"{p.due.isoformat()} ({p.precision}){f' = {p.known}' if p.known else ''}"
                for p in proposals
            ]
        sys.stdout.write("\n".join(lines) + "\n")
    return 0


def proposal_record(proposal: Proposal) -> dict[str, Any]:
    return {
        "source": proposal.citation(),
        "document": proposal.source.document,
        "section": proposal.source.section,
        "questions": list(proposal.source.questions),
        "sentence": proposal.sentence,
        "when_text": proposal.when_text,
        "start": proposal.start.isoformat(),
        "due": proposal.due.isoformat(),
        "precision": proposal.precision,
        "kind": proposal.kind,
        "known": proposal.known,
    }


def _known_commitments(content_root: Path) -> Sequence[Commitment]:
    from agendabot.content import ContentError
    from agendabot.content.commitments import load_commitments as read_commitments

    try:
        return tuple(read_commitments(content_root).get("commitments", ()))
    except ContentError:
        return ()


def ingest_proposals(document: Document, content_root: Path) -> list[dict[str, Any]]:
    """For `agendabot ingest --json`: the candidate commitments, as records."""
    known = _known_commitments(content_root)
    return [proposal_record(p) for p in propose_commitments(document, known)]


def ingest_proposal_lines(document: Document, content_root: Path, *, limit: int = 25) -> list[str]:
    """For `agendabot ingest`: the candidate commitments of the freshly parsed document."""
    known = _known_commitments(content_root)
    lines = summary_lines(propose_commitments(document, known), limit=limit)
    key = document.meta.id
    lines.append(f"Als YAML om aan te vullen: agendabot voorstellen {key} --yaml")
    return lines


def load_commitments() -> tuple[list[Commitment], Mapping[str, str]]:
    """The commitments from the content, with their statuses (none recorded yet: {})."""
    from agendabot.content import load_content

    content = load_content()
    return list(content.commitments), {}


# ---------------------------------------------------------------------------- input


def parse_pillar(value: str | None) -> int | None:
    if value is None:
        return None
    if value.strip() in ("1", "2"):
        return int(value)
    raise UserError(f"Pijler '{value}' bestaat niet; kies 1 (normen en waarden) of 2 (werk).")


def parse_weeks(value: str | None) -> int:
    if value is None:
        return DEFAULT_WEEKS
    text = value.strip()
    if text.isdigit() and int(text) <= MAX_WEEKS:
        return int(text)
    raise UserError(
        f"Aantal weken '{value}' begrijp ik niet; geef een heel getal van 0 tot {MAX_WEEKS}."
    )


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(
            f"Datum '{value}' begrijp ik niet; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-01-01."
        ) from None


def unknown_id_message(wanted: str, commitments: Sequence[Commitment]) -> str:
    message = f"Toezegging '{wanted}' ken ik niet."
    suggestions = suggest_ids(commitments, wanted)
    if suggestions:
        return f"{message} Bedoelt u {join_dutch(suggestions)}?"
    return f"{message} Alle ids staan in `agendabot deadlines --all`."


# ---------------------------------------------------------------------------- output


def describe_selection(
    *, start: date, weeks: int, pillar: int | None, overdue_only: bool, everything: bool
) -> str:
    if everything:
        what = "Alle toezeggingen"
    elif overdue_only:
        what = f"Open toezeggingen met een deadline vóór {dutch_date(start)}"
    else:
        end = start + timedelta(weeks=weeks)
        what = f"Open toezeggingen met een deadline van {dutch_date(start)} t/m {dutch_date(end)}"
    if pillar is not None:
        what += f", pijler {pillar}"
    return what


def render_list(heading: str, items: Sequence[DeadlineItem], *, explicit_start: bool) -> str:
    if not items:
        return f"{heading}: geen.\n"
    lines = [f"{heading} ({len(items)}):", ""]
    for item in items:
        c = item.commitment
        flags = []
        if item.overdue and not explicit_start:
            flags.append("OVER DE DATUM")
        if item.status != "open":
            flags.append(item.status)
        flag = f"  [{', '.join(flags)}]" if flags else ""
        lines.append(f"{c.due.isoformat()}  {c.id}{flag}")
        lines.append(f"    {c.title}")
        when = f"“{c.when_text}”: " if c.when_text else ""
        lines.append(f"    {when}{describe_period(c.start, c.due)} · {c.citation()}")
    return "\n".join(lines) + "\n"


def render_commitment(commitment: Commitment, status: str, today: date) -> str:
    c = commitment
    facts = [f"pijler {c.pillar}" if c.pillar else "geen pijler", KIND_LABELS[c.kind]]
    if c.ministry:
        facts.append(c.ministry)
    facts.append(f"status: {status}")
    if status == "open" and c.due < today:
        facts.append("over de datum")
    lines = [f"{c.id}: {c.title}", " · ".join(facts), ""]
    when = f"“{c.when_text}” → " if c.when_text else ""
    lines.append(f"Termijn: {when}{describe_period(c.start, c.due)} (deadline {dutch_date(c.due)})")
    if c.override is not None:
        lines.append(f"Bewust afwijkende datum: {squash(c.override.reason)}")
    for source, text in c.quotes():
        lines += ["", f"“{squash(text)}”", f"— {source.citation()}"]
    if c.related_questions:
        related = question_label(c.related_questions)
        lines += ["", f"Zie ook {related_citation(c.related_document)}, {related}."]
    if c.note:
        lines += ["", f"Noot: {squash(c.note)}"]
    return "\n".join(lines) + "\n"


def related_citation(document: str = RELATED_QUESTIONS_DOCUMENT) -> str:
    """ "32824-451" → "Kamerstuk 32 824, nr. 451" (other ids as they are)."""
    dossier, _, number = document.partition("-")
    if not (dossier.isdigit() and number.isdigit()):
        return document
    return f"Kamerstuk {group_digits(dossier)}, nr. {number}"
