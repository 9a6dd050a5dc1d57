"""Open Kamervragen in the content: `content/kamervragen/<id>.yaml` ↔ `Content.kamervragen`.

Registered with the shared loader (`CONTENT_EXTENSIONS`): every file is validated as a
`KamervragenSet` (errors name file, entry and field); its name must be its id. Ingest
(`register_source`) writes a new set, moves a deadline for a *mededeling*, and
`close_answered` closes the sets an answer document answers. Writes are atomic.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from agendabot.content import (
    Content,
    ContentError,
    ContentProblem,
    content_loader,
    content_validator,
)
from agendabot.content.loading import load_each, read_model, write_atomically
from agendabot.core.documents.header import derived_id, identifier_in, read_header
from agendabot.core.documents.models import QADocument
from agendabot.core.kamervragen.lifecycle import (
    answered_sets,
    close,
    postpone,
    register,
)
from agendabot.core.kamervragen.model import AnswerLink, KamervragenSet
from agendabot.core.kamervragen.parse import read_notice, read_set
from agendabot.core.time.dutch_dates import dutch_date

KAMERVRAGEN_DIR = "kamervragen"

__all__ = [
    "KAMERVRAGEN_DIR",
    "KamervragenIngest",
    "close_answered",
    "known_sets",
    "register_text",
    "set_path",
    "write_set",
]


def set_path(root: Path, set_id: str) -> Path:
    return root / KAMERVRAGEN_DIR / f"{set_id.lower()}.yaml"


def _name(path: Path, root: Path) -> str:
    return str(Path(root.name) / path.relative_to(root))


def _load_file(path: Path, root: Path) -> KamervragenSet:
    name = _name(path, root)
    found = read_model(path, root, KamervragenSet, name, "set")
    if found.id.lower() != path.stem.lower():
        message = f"het bestand heet {path.name}, maar het id is {found.id!r}"
        raise ContentError([ContentProblem(name, "set", "id", message)])
    return found


@content_loader
def load_kamervragen(root: Path) -> dict[str, Any]:
    sets = load_each(root / KAMERVRAGEN_DIR, root, _load_file)
    return {"kamervragen": tuple(sorted(sets, key=lambda s: (s.due, s.id)))}


@content_validator
def check_answer_links(content: Content) -> Iterator[ContentProblem]:
    """An answered set links to a document that is in the content."""
    for found in content.kamervragen:
        if found.answer is not None and found.answer.document not in content.documents:
            yield ContentProblem(
                f"{content.root.name}/{KAMERVRAGEN_DIR}/{found.id.lower()}.yaml",
                "answer",
                "document",
                f"document {found.answer.document!r} staat niet in de content",
            )


def known_sets(root: Path) -> dict[str, KamervragenSet]:
    """The sets on disk, by id (bad files are reported by `agendabot content check`)."""
    try:
        return {s.id: s for s in load_kamervragen(root).get("kamervragen", ())}
    except ContentError:
        return {}


def write_set(root: Path, found: KamervragenSet) -> Path:
    """Write the set's YAML atomically (a temporary file beside it, then a rename)."""
    path = set_path(root, found.id)
    data = found.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data = {"id": found.id, **data, "due": found.due.isoformat()}
    text = (
        f"# {found.citation}: gemaakt met 'agendabot ingest'.\n"
        "# De termijn ('due') is ingezonden plus drie weken, plus uitstel (content check).\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    )
    write_atomically(path, text)
    return path


@dataclass(slots=True)
class KamervragenIngest:
    """What ingest did with a set of new questions or a *mededeling*."""

    action: Literal["registered", "postponed"]
    set: KamervragenSet
    output: Path
    lines: list[str] = field(default_factory=list)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def register_text(
    text: str,
    source: Path,
    root: Path,
    *,
    url: str | None = None,
    pillar: int | None = None,
    dry: bool = False,
) -> KamervragenIngest | None:
    """Register a new set, or apply a *mededeling*; None when the text is neither (then it
    is an ordinary document). `SetProblem`/`Refused` carry one Dutch sentence."""
    header = read_header(text.splitlines())
    if header.kind not in ("open_questions", "mededeling"):
        return None
    known = known_sets(root)
    where = _relative(source, root)
    if header.kind == "mededeling" and not _has_question_headings(text):
        moved, sentence = postpone(read_notice(text), known, source=where)
        output = set_path(root, moved.id)
        if not dry:
            write_set(root, moved)
        return KamervragenIngest("postponed", moved, output, [sentence, f"→ {output}"])
    parsed = read_set(text)
    url = url or (_official_url(parsed.id) if parsed.id[:4].isdigit() else None)
    found = register(parsed, known, source=where, url=url, pillar=pillar)
    output = set_path(root, found.id)
    if not dry:
        write_set(root, found)
    lines = [
        f"Nieuwe Kamervragen {found.id}: {len(found.questions)} vragen van "
        f"{found.members_label} aan {found.addressed}.",
        f"Ingezonden {dutch_date(found.sent)}; antwoord uiterlijk {dutch_date(found.due)} "
        "(drie weken).",
        *(
            [f"Pijler {found.pillar}: alleen wie die pijler volgt, ziet deze set."]
            if found.pillar
            else []
        ),
        f"→ {output}",
        f"Eerdere antwoorden per vraag: agendabot eerdere-antwoorden {source}",
    ]
    return KamervragenIngest("registered", found, output, lines)


def _official_url(set_id: str) -> str:
    return f"https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id={set_id}"


def _has_question_headings(text: str) -> bool:
    return any(line.strip().lower().startswith("vraag ") for line in text.splitlines())


def close_answered(root: Path, document: QADocument, text: str, *, dry: bool = False) -> list[str]:
    """Close the open sets `document` answers (matched by id, by the id its header makes,
    a Kamernummer in its text, or the same questions); a line for each."""
    head = "\n".join(text.splitlines()[:60])
    ids = {document.meta.id, derived_id(head) or "", identifier_in(head) or ""}
    ids |= {word for word in head.split() if word[:4].isdigit() and "Z" in word[4:5]}
    questions = [q.question for q in document.questions]
    link = AnswerLink(
        document=document.meta.id,
        citation=document.meta.citation,
        url=document.meta.url,
        date=document.meta.date,
    )
    lines = []
    for found in answered_sets(known_sets(root).values(), ids=ids, questions=questions):
        if not dry:
            write_set(root, close(found, link))
        lines.append(f"Kamervragen {found.id} zijn beantwoord in {link.citation}; gesloten.")
    return lines
