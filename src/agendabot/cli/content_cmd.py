"""`agendabot content check`: load and validate all content, report every problem (stale
search vectors included); `agendabot content vectors`: embed new or changed passages."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from agendabot.content import ContentError, default_content_dir, load_content
from agendabot.content.embedder import shared_embedder
from agendabot.content.phrasings import PHRASINGS_DIR, unphrased
from agendabot.content.search_index import content_index
from agendabot.content.vectors import VECTORS_DIR, refresh_vectors, stale_intent, stale_vectors


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "content",
        help="controleer de content (YAML onder content/)",
        description="Werk met de content onder content/.",
    )
    actions = parser.add_subparsers(dest="content_action", metavar="ACTIE")
    check = actions.add_parser(
        "check",
        help="laad en controleer alle content; noemt bestand, item en veld van elk probleem",
    )
    check.add_argument("--content", type=Path, default=None, help="map met de content")
    check.set_defaults(func=run_check)
    vectors = actions.add_parser(
        "vectors",
        help="bereken de zoekvectoren van nieuwe of gewijzigde teksten (met voortgangsbalk)",
    )
    vectors.add_argument("--content", type=Path, default=None, help="map met de content")
    vectors.set_defaults(func=run_vectors)
    parser.set_defaults(func=_usage(parser))


def _usage(parser: argparse.ArgumentParser) -> Any:
    def show(_: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return show


def run_check(args: argparse.Namespace) -> int:
    root = args.content or default_content_dir()
    started = time.perf_counter()
    try:
        content = load_content(root)
    except ContentError as exc:
        for problem in exc.problems:
            sys.stderr.write(f"{problem}\n")
        count = len(exc.problems)
        sys.stderr.write(f"De content in {root} is ongeldig: {count} probleem/problemen.\n")
        return 1
    elapsed = time.perf_counter() - started
    questions = sum(len(doc.questions) for doc in content.qa_lists)
    sections = sum(len(letter.sections) for letter in content.letters)
    sys.stdout.write(
        f"Content in orde: {len(content.documents)} documenten, {questions} vragen, "
        f"{sections} paragrafen (geladen in {elapsed:.2f} s).\n"
    )
    missing = unphrased(content)
    if missing:
        sys.stdout.write(
            f"Zonder zoekvragen ({PHRASINGS_DIR}/): {', '.join(missing)}. De zoekfunctie vindt "
            "ze wel, maar minder goed dan stukken met zoekvragen (zie docs/search.md).\n"
        )
    index = content_index(content)
    stale = stale_vectors(index, root)
    if stale:
        sys.stderr.write(
            f"{VECTORS_DIR}/: {stale} tekst(en) zonder actuele zoekvector; "
            "draai `agendabot content vectors`.\n"
        )
        return 1
    if stale_intent(index, root):
        sys.stderr.write(
            f"{VECTORS_DIR}/: het intentiemodel hoort niet bij deze vragen en zoekvragen; "
            "draai `agendabot content vectors`.\n"
        )
        return 1
    return 0


def run_vectors(args: argparse.Namespace) -> int:
    """Embed what changed since the last run; report what was done."""
    root = args.content or default_content_dir()
    try:
        content = load_content(root)
    except ContentError as exc:
        for problem in exc.problems:
            sys.stderr.write(f"{problem}\n")
        sys.stderr.write("Eerst de content in orde maken (agendabot content check).\n")
        return 1
    done = refresh_vectors(content_index(content), root, shared_embedder(), progress=True)
    sys.stdout.write(
        f"Zoekvectoren: {done.embedded} berekend, {done.kept} ongewijzigd, "
        f"{done.dropped} vervallen ({done.path.relative_to(root.parent)}); "
        f"intentiemodel: {done.intent}.\n"
    )
    return 0
