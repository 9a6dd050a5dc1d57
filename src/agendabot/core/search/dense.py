"""The semantic side of the search: passage vectors, keyed by a hash of their text.

A passage is what a search document says (question or title, then answer or text). Its
vector comes from a multilingual embedding model, computed at ingest and stored beside the
content (`content/vectors.py`); here it is only looked up and compared. Vectors are
L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from agendabot.core.search.index import SearchDoc, SearchIndex

Vector = npt.NDArray[np.float32]
Matrix = npt.NDArray[np.float32]
# What the bot needs of a model at query time: the query's vector (an adapter's port).
QueryEmbedder = Callable[[str], Vector]
# The same for the event loop: awaitable, None when the vector cannot come in time (the
# lexical search then answers alone).
AsyncQueryEmbedder = Callable[[str], Awaitable[Vector | None]]


def passage_text(doc: SearchDoc) -> str:
    """The text a document's vector is computed from: what it is about, then what it says."""
    head = doc.fields.get("question") or doc.fields.get("title") or doc.title
    body = doc.fields.get("answer") or doc.fields.get("text") or ""
    return f"{head}\n{body}".strip()


def text_key(text: str) -> str:
    """The key a passage's vector is stored under: sha256 of its text (hex, 32 chars)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class DenseIndex:
    """One row per search document (zeros where no vector is stored), and which rows have one.

    `unit_rows` lists, per result unit, the rows of its documents, so a unit scores as its
    best document.
    """

    matrix: Matrix
    present: npt.NDArray[np.bool_]
    model: str

    @cached_property
    def missing(self) -> int:
        return int((~self.present).sum())

    def scores(self, query: Vector) -> npt.NDArray[np.float32]:
        """Cosine of the query with each document; -1 where the document has no vector."""
        sims: npt.NDArray[np.float32] = self.matrix @ query.astype(np.float32, copy=False)
        if self.missing:
            sims[~self.present] = -1.0
        return sims


def dense_index(
    index: SearchIndex, vectors: Mapping[str, Vector], model: str, dim: int
) -> DenseIndex:
    """Rows for `index.docs` from stored vectors by text key; a document whose text has no
    stored vector gets none (and the lexical search alone ranks it)."""
    n = len(index.docs)
    matrix = np.zeros((n, dim), dtype=np.float32)
    present = np.zeros(n, dtype=np.bool_)
    for row, doc in enumerate(index.docs):
        vector = vectors.get(text_key(passage_text(doc)))
        if vector is not None and len(vector) == dim:
            matrix[row] = vector
            present[row] = True
    return DenseIndex(matrix=matrix, present=present, model=model)


def unit_scores(index: SearchIndex, doc_scores: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Each unit's best document score."""
    out = np.full(len(index.units), -1.0, dtype=np.float32)
    np.maximum.at(out, index.doc_unit, doc_scores)
    return out


def passages(docs: Sequence[SearchDoc]) -> dict[str, str]:
    """Every document's passage text by its key (documents sharing a text share a key)."""
    return {text_key(text): text for text in map(passage_text, docs)}
