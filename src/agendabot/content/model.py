"""Loading and validating everything under `content/`.

`load_content()` reads `content/documents/*.yaml` (one official document per file, its
`meta.kind` says which model it is), validates every record with pydantic and then runs
the registered cross-entry validators. Any problem raises `ContentError`, whose
`problems` each name the file, the entry and the field, in Dutch:

    content/documents/kamerstuk-32824-451.yaml: vraag 79, veld 'group': …

Extending (for commitments, glossary, …) without rewriting this module:

- add a field with a default to `Content` (e.g. ``commitments: tuple[Commitment, ...] = ()``);
- write a loader ``def load_x(root: Path) -> dict[str, object]`` that returns the field
  values (raise `ContentError` with `ContentProblem`s on bad input; `read_yaml` and
  `validate_entries` help) and register it with `@content_loader`;
- write validators ``def check_x(content: Content) -> Iterable[ContentProblem]`` and
  register them with `@content_validator`;
- list the module that holds them in `CONTENT_EXTENSIONS` so it is imported before loading.

Writing content (`dump_document`) lives here too, so that what ingest writes is exactly
what the loader reads.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from agendabot.core.agenda.commitments import Commitment
from agendabot.core.documents.models import (
    DocumentKind,
    Letter,
    LetterPart,
    LetterSection,
    QADocument,
    Question,
    ResolvedAnswer,
    footnote_numbers,
)

__all__ = [
    "CONTENT_DIR_ENV",
    "CONTENT_EXTENSIONS",
    "Content",
    "ContentError",
    "ContentProblem",
    "Document",
    "content_loader",
    "content_validator",
    "default_content_dir",
    "document_to_data",
    "dump_document",
    "load_content",
    "read_yaml",
    "validate_entries",
]

CONTENT_DIR_ENV = "CONTENT_DIR"
DOCUMENTS_DIR = "documents"
# Modules that register extra loaders/validators (imported by `load_content`).
CONTENT_EXTENSIONS: tuple[str, ...] = (
    "agendabot.content.commitments",
    "agendabot.content.search_index",
)

Document = QADocument | Letter
ModelT = TypeVar("ModelT", bound=BaseModel)

# The C loader is several times faster; the bot loads all content at start-up.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --------------------------------------------------------------------------------------------
# Problems


@dataclass(frozen=True, slots=True)
class ContentProblem:
    """One thing wrong with the content: where (file, entry, field) and what."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}"
        if self.field:
            where += f", veld '{self.field}'"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """The content under `content/` is invalid; `problems` says where and why."""

    def __init__(self, problems: Sequence[ContentProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------------------------
# The content object


@dataclass(frozen=True)
class Content:
    """All validated content, with lookups by question number and section number."""

    root: Path
    documents: Mapping[str, Document]
    files: Mapping[str, str] = field(default_factory=dict)  # document id → relative path
    commitments: tuple[Commitment, ...] = ()  # content/commitments.yaml

    # --- documents ---------------------------------------------------------------------------
    @property
    def qa_lists(self) -> tuple[QADocument, ...]:
        docs = [d for d in self.documents.values() if isinstance(d, QADocument)]
        return tuple(sorted(docs, key=lambda d: (d.meta.date, d.meta.number)))

    @property
    def letters(self) -> tuple[Letter, ...]:
        docs = [d for d in self.documents.values() if isinstance(d, Letter)]
        return tuple(sorted(docs, key=lambda d: (d.meta.date, d.meta.number)))

    @property
    def qa(self) -> QADocument:
        """The Q&A list that `question(n)` answers from (the most recent one)."""
        if not self.qa_lists:
            raise LookupError("geen lijst van vragen en antwoorden in de content")
        return self.qa_lists[-1]

    @property
    def letter(self) -> Letter:
        """The letter that `section(n)` reads from (the most recent one)."""
        if not self.letters:
            raise LookupError("geen Kamerbrief in de content")
        return self.letters[-1]

    def file_of(self, document: Document) -> str:
        return self.files.get(document.meta.id, f"{DOCUMENTS_DIR}/{document.meta.id}.yaml")

    # --- lookups -----------------------------------------------------------------------------
    def question(self, number: int) -> Question:
        """Question `number` of the Q&A list; KeyError when there is none."""
        return self.qa.question(number)

    def answer(self, number: int) -> ResolvedAnswer:
        """The words that answer question `number` (group's shared text, references
        followed to the answer they point to); KeyError when there is no such question."""
        return self.qa.resolve(number)

    def section(self, number: str) -> LetterSection:
        """Section `number` ("1.7") of the letter; KeyError when there is none."""
        return self.letter.section(number)


# --------------------------------------------------------------------------------------------
# Registries

ContentLoader = Callable[[Path], Mapping[str, Any]]
ContentValidator = Callable[[Content], Iterable[ContentProblem]]
_LOADERS: list[ContentLoader] = []
_VALIDATORS: list[ContentValidator] = []


def content_loader(loader: ContentLoader) -> ContentLoader:
    """Register a loader: it gets the content root and returns values for `Content` fields."""
    if loader not in _LOADERS:
        _LOADERS.append(loader)
    return loader


def content_validator(validator: ContentValidator) -> ContentValidator:
    """Register a validator: it gets the loaded content and yields problems."""
    if validator not in _VALIDATORS:
        _VALIDATORS.append(validator)
    return validator


# --------------------------------------------------------------------------------------------
# Reading


def default_content_dir() -> Path:
    """`$CONTENT_DIR`, else `content/` of the checkout, else `./content`."""
    configured = os.environ.get(CONTENT_DIR_ENV)
    if configured:
        return Path(configured)
    checkout = Path(__file__).resolve().parents[2] / "content"
    return checkout if checkout.is_dir() else Path("content")


def _relative(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def read_yaml(path: Path, root: Path) -> Any:
    """Parse a YAML file; a syntax error becomes a `ContentError` naming the file and line."""
    name = _relative(path, root)
    try:
        with path.open("rb") as handle:
            return yaml.load(handle, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"regel {mark.line + 1}" if mark is not None else "onbekende plek"
        raise ContentError(
            [ContentProblem(name, where, "", f"geen geldige YAML ({exc.problem})")]
        ) from exc
    except yaml.YAMLError as exc:
        raise ContentError(
            [ContentProblem(name, "bestand", "", f"geen geldige YAML ({exc})")]
        ) from exc
    except OSError as exc:
        raise ContentError(
            [ContentProblem(name, "bestand", "", f"niet te lezen ({exc.strerror})")]
        ) from exc


_ENTRY_NAMES: dict[str, tuple[str, str]] = {
    # list key → (Dutch name of one entry, key that identifies it)
    "questions": ("vraag", "number"),
    "sections": ("paragraaf", "number"),
    "pillars": ("pijler", "number"),
    "footnotes": ("voetnoot", "number"),
    "tables": ("tabel", "caption"),
    "rows": ("rij", "label"),
    "parts": ("deel", "heading"),
    "intro": ("inleiding, deel", "heading"),
    "commitments": ("toezegging", "id"),
}


def _describe_location(loc: Sequence[str | int], data: Any) -> tuple[str, str]:
    """Split a pydantic error location into (entry, field) in words a reader can find."""
    entry_parts: list[str] = []
    node = data
    index = 0
    while index < len(loc):
        key = loc[index]
        following = loc[index + 1] if index + 1 < len(loc) else None
        if isinstance(key, str) and key in _ENTRY_NAMES and isinstance(following, int):
            name, ident = _ENTRY_NAMES[key]
            child = node.get(key) if isinstance(node, dict) else None
            item = child[following] if isinstance(child, list) and following < len(child) else None
            label = item.get(ident) if isinstance(item, dict) else None
            if label is None or isinstance(label, (dict, list)):
                entry_parts.append(f"{name} op plek {following + 1}")
            else:
                entry_parts.append(f"{name} {label}")
            node = item
            index += 2
            continue
        if key == "meta" and not entry_parts:
            entry_parts.append("meta")
            node = node.get("meta") if isinstance(node, dict) else None
            index += 1
            continue
        break
    rest = loc[index:]
    field_name = ""
    for part in rest:
        field_name += f"[{part}]" if isinstance(part, int) else (f".{part}" if field_name else part)
    return (", ".join(entry_parts) or "document"), field_name


_MESSAGES: dict[str, str] = {
    "missing": "ontbreekt",
    "extra_forbidden": "is geen bekend veld",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "string_type": "moet tekst zijn",
    "string_too_short": "mag niet leeg zijn",
    "string_pattern_mismatch": "heeft niet de juiste vorm",
    "greater_than_equal": "is te klein",
    "date_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "list_type": "moet een lijst zijn",
    "tuple_type": "moet een lijst zijn",
    "dict_type": "moet een blok met velden zijn",
    "model_type": "moet een blok met velden zijn",
    "model_attributes_type": "moet een blok met velden zijn",
    "enum": "heeft een onbekende waarde",
    "bool_type": "moet ja of nee zijn",
}


def _dutch_message(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    if kind == "value_error":
        message = str(error.get("msg", "")).removeprefix("Value error, ")
    else:
        message = _MESSAGES.get(kind, str(error.get("msg", "ongeldig")))
    if kind not in ("missing", "extra_forbidden") and "input" in error:
        shown = repr(error["input"])
        if len(shown) <= 60:
            message += f" (gevonden: {shown})"
    return message


def validate_entries(model: type[ModelT], data: Any, file: str) -> ModelT:
    """Validate `data` as `model`; errors become a `ContentError` naming entry and field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            entry, field_name = _describe_location(error["loc"], data)
            problems.append(ContentProblem(file, entry, field_name, _dutch_message(error)))
        raise ContentError(problems) from exc


_MODELS: dict[str, type[QADocument] | type[Letter]] = {
    DocumentKind.QA_LIST.value: QADocument,
    DocumentKind.LETTER.value: Letter,
}


def _load_document(path: Path, root: Path) -> Document:
    name = _relative(path, root)
    data = read_yaml(path, root)
    if not isinstance(data, dict):
        raise ContentError([ContentProblem(name, "document", "", "moet een blok met velden zijn")])
    meta = data.get("meta")
    kind = meta.get("kind") if isinstance(meta, dict) else None
    model = _MODELS.get(str(kind)) if kind is not None else None
    if model is None:
        choices = ", ".join(_MODELS)
        found = "ontbreekt" if kind is None else f"onbekend: {kind!r}"
        raise ContentError([ContentProblem(name, "meta", "kind", f"{found}; kies uit {choices}")])
    document: Document = validate_entries(model, data, name)
    return document


def load_content(root: Path | None = None, *, validate: bool = True) -> Content:
    """Load and validate all content under `root` (default: `default_content_dir()`)."""
    root = Path(root) if root is not None else default_content_dir()
    for module in CONTENT_EXTENSIONS:
        importlib.import_module(module)
    problems: list[ContentProblem] = []
    documents: dict[str, Document] = {}
    files: dict[str, str] = {}
    doc_dir = root / DOCUMENTS_DIR
    paths = sorted(doc_dir.glob("*.yaml")) if doc_dir.is_dir() else []
    if not paths:
        problems.append(
            ContentProblem(_relative(doc_dir, root), "map", "", "bevat geen documenten (*.yaml)")
        )
    for path in paths:
        try:
            document = _load_document(path, root)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        name = _relative(path, root)
        if document.meta.id in documents:
            problems.append(
                ContentProblem(
                    name,
                    "meta",
                    "id",
                    f"{document.meta.id!r} staat ook in {files[document.meta.id]}",
                )
            )
            continue
        documents[document.meta.id] = document
        files[document.meta.id] = name
    content = Content(root=root, documents=documents, files=files)
    extra: dict[str, Any] = {}
    for loader in _LOADERS:
        try:
            extra.update(loader(root))
        except ContentError as exc:
            problems.extend(exc.problems)
    if extra:
        content = dataclasses.replace(content, **extra)
    if problems:
        raise ContentError(problems)
    if validate:
        problems = [problem for check in _VALIDATORS for problem in check(content)]
        if problems:
            raise ContentError(problems)
    return content


# --------------------------------------------------------------------------------------------
# Validators of the documents


def _numbers_text(numbers: Iterable[int]) -> str:
    return ", ".join(str(n) for n in numbers)


@content_validator
def check_question_numbers(content: Content) -> Iterator[ContentProblem]:
    """Every question number once, from 1 up without gaps."""
    for doc in content.qa_lists:
        file = content.file_of(doc)
        seen: dict[int, int] = {}
        for position, question in enumerate(doc.questions, start=1):
            if question.number in seen:
                yield ContentProblem(
                    file,
                    f"vraag {question.number}",
                    "number",
                    f"komt twee keer voor (plek {seen[question.number]} en {position})",
                )
            else:
                seen[question.number] = position
        if not seen:
            yield ContentProblem(file, "document", "questions", "bevat geen vragen")
            continue
        for number in range(1, max(seen) + 1):
            if number not in seen:
                yield ContentProblem(
                    file,
                    f"vraag {number}",
                    "number",
                    f"ontbreekt: de nummering loopt van 1 tot {max(seen)} zonder gaten",
                )


@content_validator
def check_question_links(content: Content) -> Iterator[ContentProblem]:
    """References and groups point at existing questions; group members agree."""
    for doc in content.qa_lists:
        file = content.file_of(doc)
        for question in doc.questions:
            entry = f"vraag {question.number}"
            for target in question.refers_to:
                if target == question.number:
                    yield ContentProblem(file, entry, "refers_to", "verwijst naar zichzelf")
                elif target not in doc:
                    yield ContentProblem(
                        file, entry, "refers_to", f"verwijst naar vraag {target}, die niet bestaat"
                    )
            if not question.group:
                continue
            if question.number not in question.group:
                yield ContentProblem(
                    file, entry, "group", "de groep moet de vraag zelf ook bevatten"
                )
            if len(set(question.group)) != len(question.group):
                yield ContentProblem(file, entry, "group", "noemt een vraag twee keer")
            for member in question.group:
                if member not in doc:
                    yield ContentProblem(
                        file, entry, "group", f"noemt vraag {member}, die niet bestaat"
                    )
                    continue
                other = doc.question(member)
                if member != question.number and sorted(other.group) != sorted(question.group):
                    theirs = _numbers_text(other.group) if other.group else "geen groep"
                    yield ContentProblem(
                        file,
                        entry,
                        "group",
                        f"[{_numbers_text(question.group)}] verschilt van de groep bij "
                        f"vraag {member} ({theirs})",
                    )


@content_validator
def check_answers(content: Content) -> Iterator[ContentProblem]:
    """Every question resolves to answer text; footnote markers and footnotes match."""
    for doc in content.qa_lists:
        file = content.file_of(doc)
        for question in doc.questions:
            entry = f"vraag {question.number}"
            if not doc.resolve(question.number).text.strip():
                yield ContentProblem(
                    file,
                    entry,
                    "answer",
                    "is leeg en de vraag hoort niet bij een groep met een antwoord",
                )
            markers = footnote_numbers(question.question + "\n" + question.answer)
            notes = [note.number for note in question.footnotes]
            for number in markers:
                if number not in notes:
                    yield ContentProblem(
                        file,
                        entry,
                        "footnotes",
                        f"de tekst verwijst naar [{number}], die ontbreekt",
                    )
            for number in notes:
                if number not in markers:
                    yield ContentProblem(
                        file,
                        entry,
                        "footnotes",
                        f"voetnoot {number} staat er, maar de tekst verwijst er niet naar",
                    )


@content_validator
def check_letters(content: Content) -> Iterator[ContentProblem]:
    """Section numbers once; pillars and tables point at what exists."""
    for letter in content.letters:
        file = content.file_of(letter)
        seen: set[str] = set()
        pillars = {pillar.number for pillar in letter.pillars}
        for section in letter.sections:
            entry = f"paragraaf {section.number}"
            if section.number in seen:
                yield ContentProblem(file, entry, "number", "komt twee keer voor")
            seen.add(section.number)
            if section.pillar is not None and section.pillar not in pillars:
                yield ContentProblem(
                    file, entry, "pillar", f"pijler {section.pillar} bestaat niet in deze brief"
                )
        for table in letter.tables:
            if table.section is not None and table.section not in seen:
                yield ContentProblem(
                    file,
                    f"tabel {table.caption}",
                    "section",
                    f"paragraaf {table.section} bestaat niet in deze brief",
                )
        numbers = [note.number for note in letter.footnotes]
        for number in sorted({n for n in numbers if numbers.count(n) > 1}):
            yield ContentProblem(file, f"voetnoot {number}", "number", "komt twee keer voor")


# --------------------------------------------------------------------------------------------
# Writing


class _Literal(str):
    """A string to be written as a YAML block scalar (|)."""


class _Flow(list[Any]):
    """A short list written on one line: [21, 22]."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if isinstance(value, _Literal) or "\n" in value or len(value) > 90:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Literal, _represent_str)
_Dumper.add_representer(
    _Flow,
    lambda dumper, value: dumper.represent_sequence(
        "tag:yaml.org,2002:seq", value, flow_style=True
    ),
)


def _parts_data(parts: Sequence[LetterPart]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for part in parts:
        item: dict[str, Any] = {}
        if part.heading is not None:
            item["heading"] = part.heading
        if part.text:
            item["text"] = _Literal(part.text)
        out.append(item)
    return out


def document_to_data(document: Document) -> dict[str, Any]:
    """The document as plain data in the key order a reader expects."""
    meta = document.meta.model_dump(mode="python", exclude_none=True)
    meta["kind"] = document.meta.kind.value
    if isinstance(document, QADocument):
        questions: list[dict[str, Any]] = []
        for q in document.questions:
            item: dict[str, Any] = {"number": q.number, "question": _Literal(q.question)}
            item["answer"] = _Literal(q.answer) if q.answer else ""
            if q.group:
                item["group"] = _Flow(q.group)
            if q.refers_to:
                item["refers_to"] = _Flow(q.refers_to)
            if q.footnotes:
                item["footnotes"] = [
                    n.model_dump(mode="json", exclude_none=True) for n in q.footnotes
                ]
            questions.append(item)
        return {"meta": meta, "questions": questions}
    data: dict[str, Any] = {"meta": meta}
    if document.addressee:
        data["addressee"] = document.addressee
    if document.place_date:
        data["place_date"] = document.place_date
    data["intro"] = _parts_data(document.intro)
    data["pillars"] = [
        {"number": p.number, "title": p.title, "parts": _parts_data(p.parts)}
        for p in document.pillars
    ]
    data["sections"] = [
        {
            "number": s.number,
            "title": s.title,
            **({"pillar": s.pillar} if s.pillar is not None else {}),
            "parts": _parts_data(s.parts),
        }
        for s in document.sections
    ]
    data["tables"] = [
        {
            **({"section": t.section} if t.section is not None else {}),
            "caption": t.caption,
            "columns": _Flow(t.columns),
            "rows": [{"label": r.label, "cells": _Flow(r.cells)} for r in t.rows],
            **({"note": t.note} if t.note else {}),
        }
        for t in document.tables
    ]
    if document.closing:
        data["closing"] = _Literal(document.closing)
    data["footnotes"] = [n.model_dump(mode="json", exclude_none=True) for n in document.footnotes]
    return data


def dump_document(document: Document, *, header: str | None = None) -> str:
    """The YAML text of a document: block scalars for text, UTF-8, meaningful key order."""
    body = yaml.dump(
        document_to_data(document),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    if header:
        comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
        return comment + body
    return body
