"""Search vectors beside the content: `content/vectors/<model>.npz`, keyed by text hash.

Each search document has two: its passage, and its question or title alone embedded as a
query (`core.search.dense`).
- `refresh_vectors` (at ingest, and `agendabot content vectors`) embeds only texts that
  have no vector yet, with a progress bar, and drops vectors of texts that are gone; the
  file is replaced atomically.
- `stale_vectors` tells `agendabot content check` how many texts lack a current vector.
- Start-up only loads the file (`load_dense`). While any passage lacks a current vector
  the search is lexical alone, and a warning says how many (ingest keeps them current).
- Beside them, `<model>.intent.npz`: the intent classifier (`intent.py`), fitted again by
  `refresh_vectors` when its training texts or the units changed, and used only while
  current (`stale_intent`).
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from agendabot.content.embedder import DIM, MODEL
from agendabot.content.intent import current_intent, fittable, refit_intent
from agendabot.content.loading import write_atomically
from agendabot.core.search import SearchIndex
from agendabot.core.search.dense import (
    DenseIndex,
    Matrix,
    Role,
    Vector,
    dense_index,
    vector_texts,
)

log = logging.getLogger(__name__)

VECTORS_DIR = "vectors"
BATCH = 8


class Embedder(Protocol):
    """What ingest needs of the model (the port; `E5Embedder` is the real one)."""

    def passages(self, texts: Sequence[str], /) -> Matrix: ...

    def queries(self, texts: Sequence[str], /) -> Matrix: ...


def vectors_path(root: Path, model: str = MODEL) -> Path:
    return root / VECTORS_DIR / f"{model}.npz"


def intent_path(root: Path, model: str = MODEL) -> Path:
    return root / VECTORS_DIR / f"{model}.intent.npz"


def load_vectors(root: Path, model: str = MODEL) -> dict[str, Vector]:
    """Stored vectors by text key (empty when the file is absent or unreadable)."""
    path = vectors_path(root, model)
    if not path.exists():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            keys = [str(k) for k in data["keys"]]
            matrix = np.asarray(data["vectors"], dtype=np.float32)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        log.warning("passage vectors unreadable (%s): %s", path.name, type(exc).__name__)
        return {}
    if matrix.ndim != 2 or matrix.shape[0] != len(keys):
        log.warning("passage vectors malformed: %s", path.name)
        return {}
    return dict(zip(keys, matrix, strict=True))


def save_vectors(root: Path, vectors: Mapping[str, Vector], model: str = MODEL) -> Path:
    """Write all vectors (float16, keys sorted) under a temporary name, then rename."""
    path = vectors_path(root, model)
    keys = sorted(vectors)
    matrix = (
        np.stack([vectors[k] for k in keys]).astype(np.float16)
        if keys
        else np.zeros((0, DIM), dtype=np.float16)
    )
    buffer = io.BytesIO()
    np.savez(buffer, keys=np.array(keys, dtype="U32"), vectors=matrix)
    write_atomically(path, buffer.getvalue())
    return path


def stale_vectors(index: SearchIndex, root: Path, model: str = MODEL) -> int:
    """How many texts of the search have no stored vector for their current wording."""
    stored = load_vectors(root, model)
    return sum(1 for key in vector_texts(index) if key not in stored)


@dataclass(frozen=True, slots=True)
class Refresh:
    embedded: int
    kept: int
    dropped: int
    path: Path
    intent: str  # what became of the intent classifier ("ongewijzigd", …)


def refresh_vectors(
    index: SearchIndex,
    root: Path,
    embedder: Embedder,
    *,
    model: str = MODEL,
    progress: bool = True,
) -> Refresh:
    """Embed the texts that lack a vector; keep the others; drop those no text needs."""
    wanted = vector_texts(index)
    stored = load_vectors(root, model)
    todo = [key for key in wanted if key not in stored]
    kept = {key: stored[key] for key in wanted if key in stored}
    encode = {"passage": embedder.passages, "query": embedder.queries}
    for start, batch in _batches([wanted[k] for k in todo], progress=progress):
        role: Role = batch[0][0]
        vectors = encode[role]([text for _role, text in batch])
        for key, vector in zip(todo[start : start + len(batch)], vectors, strict=True):
            kept[key] = np.asarray(vector, dtype=np.float32)
    dropped = len(stored) - (len(kept) - len(todo))
    path = vectors_path(root, model)
    if todo or dropped or not path.exists():
        path = save_vectors(root, kept, model)
    dense = dense_index(index, kept, model, DIM)
    intent = refit_intent(index, dense, intent_path(root, model), progress=progress)
    return Refresh(
        embedded=len(todo), kept=len(kept) - len(todo), dropped=dropped, path=path, intent=intent
    )


def _batches(
    texts: list[tuple[Role, str]], *, progress: bool
) -> Iterable[tuple[int, list[tuple[Role, str]]]]:
    """Batches of at most BATCH texts of one role (a batch is embedded in one call)."""
    chunks: list[tuple[int, list[tuple[Role, str]]]] = []
    for i, item in enumerate(texts):
        if chunks and len(chunks[-1][1]) < BATCH and chunks[-1][1][0][0] == item[0]:
            chunks[-1][1].append(item)
        else:
            chunks.append((i, [item]))
    if not progress or not chunks:
        return chunks
    from rich.console import Console
    from rich.progress import track

    return track(
        chunks,
        description=f"Vectoren voor {len(texts)} teksten",
        transient=True,
        console=Console(stderr=True),
    )


def load_dense(index: SearchIndex, root: Path, model: str = MODEL) -> DenseIndex | None:
    """The stored vectors for this index; None (the lexical search alone) when any text
    lacks a current vector, since a document without one could never rank fairly."""
    stored = load_vectors(root, model)
    if not stored:
        log.warning("no passage vectors in %s: the search is lexical only", root.name)
        return None
    dense = dense_index(index, stored, model, DIM)
    if dense.missing:
        log.warning(
            "%d of %d documents lack a current vector: the search is lexical only until "
            "`agendabot content vectors` has run",
            dense.missing,
            len(index.docs),
        )
        return None
    return _with_intent(index, dense, intent_path(root, model))


def _with_intent(index: SearchIndex, dense: DenseIndex, path: Path) -> DenseIndex:
    """The vectors with their intent classifier when a current one is stored (else
    without: its features take their neutral values, and a warning says why)."""
    if not fittable(index, dense):
        return dense
    found = current_intent(path, index, dense)
    if found is None:
        log.warning(
            "the intent classifier is %s: the search goes on without it until "
            "`agendabot content vectors` has run",
            "stale" if path.exists() else "missing",
        )
        return dense
    return replace(dense, intent=found)


def stale_intent(index: SearchIndex, root: Path, model: str = MODEL) -> bool:
    """Whether `refresh_vectors` would fit the intent classifier again (False when the
    vectors themselves are stale: they are reported first)."""
    dense = dense_index(index, load_vectors(root, model), model, DIM)
    return fittable(index, dense) and current_intent(intent_path(root, model), index, dense) is None
