"""`agendabot search "TEKST" [--json] [--limit N]`: one search over answers, commitments
and letter sections.

When no result is good enough the search says so and shows the closest candidates.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Mapping
from typing import Any

from agendabot.cli.common import UserError, print_json
from agendabot.content import Content, ContentError
from agendabot.core.search import SearchEngine, SearchHit, SearchResponse

DEFAULT_LIMIT = 5
MAX_LIMIT = 50
MAX_QUERY = 500


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search",
        help="zoek in antwoorden, toezeggingen en de brief",
        description="Zoek in de antwoorden (nr. 451), de toezeggingen en de voortgangsbrief. "
        'Een nummer ("vraag 47", "v47", "#47") gaat direct naar die vraag.',
    )
    parser.add_argument("query", metavar="TEKST", help="de zoekvraag, in gewone woorden")
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")
    parser.add_argument(
        "--limit", metavar="N", default=str(DEFAULT_LIMIT), help="aantal resultaten (1–50)"
    )
    parser.set_defaults(func=run)


def parse_limit(value: str) -> int:
    text = value.strip()
    if text.isdigit() and 1 <= int(text) <= MAX_LIMIT:
        return int(text)
    raise UserError(f"--limit '{value}' kan niet; geef een aantal van 1 tot en met {MAX_LIMIT}.")


def load_engine() -> tuple[Content, SearchEngine]:
    from agendabot.content.search_index import load_search

    try:
        return load_search()
    except ContentError as exc:
        raise UserError(
            f"De content klopt niet (zie `agendabot content check`): {exc.problems[0]}"
        ) from exc


def run(args: argparse.Namespace) -> int:
    query = " ".join(str(args.query).split())
    if not query:
        raise UserError('Geef een zoekvraag, bijvoorbeeld: agendabot search "taaleis bijstand".')
    if len(query) > MAX_QUERY:
        raise UserError(f"De zoekvraag is te lang; houd het onder de {MAX_QUERY} tekens.")
    limit = parse_limit(str(args.limit))
    content, engine = load_engine()
    from agendabot.content.knowledge import query_embedder

    embed = query_embedder(engine)
    response = engine.search(query, limit=limit, vector=embed(query) if embed else None)
    if response.lookup and not response.results:
        raise UserError(missing_message(response, content))
    if args.json:
        print_json(response.record())
        return 0
    due = {c.id: c.due.isoformat() for c in content.commitments}
    sys.stdout.write(render(response, due))
    return 0


def missing_message(response: SearchResponse, content: Content) -> str:
    asked = ", ".join(response.missing)
    try:
        numbers = content.qa.numbers
    except LookupError:
        numbers = ()
    if numbers:
        return f"Vraag {asked} bestaat niet; de lijst heeft vragen {min(numbers)}–{max(numbers)}."
    return f"Ik vind geen vraag of paragraaf met nummer {asked}."


def render(response: SearchResponse, due: Mapping[str, str] | None = None) -> str:
    """Plain text; `due` gives the due date per commitment id, shown with commitments."""
    lines: list[str] = []
    if not response.results:
        return "Daar heb ik niets over gevonden. Probeer andere woorden of een vraagnummer.\n"
    if response.declined:
        lines.append("Ik weet het niet zeker. Bedoel je een van deze?")
    elif response.band == "middle" and response.several:
        lines.append("Meer antwoorden passen: eerst het beste, dan wat ook relevant is.")
    elif response.band == "middle":
        lines.append("Niet helemaal zeker: eerst het beste antwoord, dan wat ook relevant is.")
    elif response.timing and response.results[0].kind == "toezegging":
        lines.append("Wat er over de termijn is toegezegd:")
    for position, hit in enumerate(response.results, start=1):
        when = f", uiterlijk {due[hit.key]}" if due and hit.key in due else ""
        lines.append(f"{position}. {heading(hit)}  (score {hit.score:.2f}{when})")
        lines.extend(_indent(hit.title if hit.kind == "vraag" else ""))
        lines.extend(_indent(hit.snippet))
    if response.missing:
        lines.append(f"Niet gevonden: {', '.join(response.missing)}.")
    return "\n".join(lines) + "\n"


def heading(hit: SearchHit) -> str:
    if hit.kind == "vraag":
        others = [q for q in hit.questions if str(q) != hit.key]
        extra = f" (zelfde antwoord als vraag {', '.join(map(str, others))})" if others else ""
        return f"Vraag {hit.key}{extra}"
    if hit.kind == "sectie":
        return f"Brief §{hit.title}"
    return f"Toezegging: {hit.title} [{hit.key}]"


def _indent(text: str) -> list[str]:
    if not text:
        return []
    return textwrap.wrap(text, width=96, initial_indent="   ", subsequent_indent="   ")
