"""Reading `content/`: YAML files, pydantic validation with Dutch messages, registries.

`load_content()` reads `content/documents/*.yaml`, validates every record, runs the
registered loaders of the other content files and then the registered validators.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from agendabot.content.model import (
    CONTENT_DIR_ENV,
    DOCUMENTS_DIR,
    Content,
    ContentError,
    ContentProblem,
    Document,
)
from agendabot.core.documents.models import (
    DocumentKind,
    Letter,
    QADocument,
)

# Modules that register extra loaders/validators (imported by `load_content`).
CONTENT_EXTENSIONS: tuple[str, ...] = (
    "agendabot.content.commitments",
    "agendabot.content.search_index",
    "agendabot.content.kamervragen",
    "agendabot.content.phrasings",
    "agendabot.content.background",
)

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
    "postponements": ("uitstel op plek", "received"),
}

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


ModelT = TypeVar("ModelT", bound=BaseModel)
LoadedT = TypeVar("LoadedT")


# The C loader is several times faster; the bot loads all content at start-up.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Dates stay text here: pydantic reads them, so "2025-13-01" is refused with its file,
    entry and field (PyYAML's own date reading raised a bare ValueError)."""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


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


def default_content_dir() -> Path:
    """`$CONTENT_DIR`, else `content/` of the checkout, else `./content`."""
    configured = os.environ.get(CONTENT_DIR_ENV)
    if configured:
        return Path(configured)
    checkout = Path(__file__).resolve().parents[3] / "content"
    return checkout if checkout.is_dir() else Path("content")


def _relative(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8) under a temporary name beside `path`, then rename: a
    reader sees the old file or the new one, never half of it. The file keeps its mode; a
    new one gets 0644 (`mkstemp` alone gives 0600, which a bot running as another user
    could not read)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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


def read_model(path: Path, root: Path, model: type[ModelT], name: str, entry: str) -> ModelT:
    """A YAML file that holds one block of fields, validated as `model`; problems name the
    file as `name`, and `entry` when the file is not a block."""
    data = read_yaml(path, root)
    if not isinstance(data, dict):
        raise ContentError([ContentProblem(name, entry, "", "moet een blok met velden zijn")])
    return validate_entries(model, data, name)


def load_each(folder: Path, root: Path, read: Callable[[Path, Path], LoadedT]) -> list[LoadedT]:
    """`read(path, root)` for every YAML file of `folder` (none when it is absent), in name
    order; the problems of all files together, as one `ContentError`."""
    if not folder.is_dir():
        return []
    found: list[LoadedT] = []
    problems: list[ContentProblem] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            found.append(read(path, root))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return found


_MODELS: dict[str, type[QADocument] | type[Letter]] = {
    DocumentKind.QA_LIST.value: QADocument,
    DocumentKind.KAMERVRAGEN.value: QADocument,
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


def load_content(
    root: Path | None = None,
    *,
    validate: bool = True,
    main_dossier: str | None = None,
    default_qa: str | None = None,
) -> Content:
    """Load and validate all content under `root` (default: `default_content_dir()`).

    `main_dossier` and `default_qa` (settings `MAIN_DOSSIER`, `DEFAULT_QA_LIST`) choose the
    list a bare `/vraag 47` reads; a `default_qa` that is not there is a content problem."""
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
    if main_dossier is not None:
        content = dataclasses.replace(content, main_dossier=main_dossier)
    if default_qa is not None:
        wanted = default_qa.strip().lower().removeprefix("kst-")
        found = [d for d in content.qa_lists if d.meta.id.lower() == wanted]
        if found:
            content = dataclasses.replace(content, default_qa_id=found[0].meta.id)
        else:
            known = ", ".join(d.meta.id for d in content.qa_lists) or "geen"
            problems.append(
                ContentProblem(
                    "DEFAULT_QA_LIST", default_qa, "", f"die lijst is er niet (wel: {known})"
                )
            )
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
