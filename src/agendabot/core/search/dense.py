"""The semantic side of the search: vectors of each document's texts, keyed by a hash.

Two vectors per search document, both from a multilingual embedding model, computed at
ingest and stored beside the content (`content/vectors.py`); here they are only looked up
and compared:
- the **passage**: what the document says (question or title, then answer or text),
  embedded as a passage;
- the **head**: its question or title alone, embedded as a query, so that a query can be
  compared with the question it may paraphrase (question–question similarity).
Beside them, each of its phrasings (`phrasings.py`) embedded as a query: those it answers
count as more heads, those no answer answers as evidence against answering.

Vectors are L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from agendabot.core.search.index import SearchDoc, SearchIndex

if TYPE_CHECKING:
    from agendabot.core.search.intent import IntentModel

Vector = npt.NDArray[np.float32]
Matrix = npt.NDArray[np.float32]
Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]
_NO_ROWS: Matrix = np.zeros((0, 0), dtype=np.float32)
_NO_INTS: Ints = np.zeros(0, dtype=np.int64)
# What the bot needs of a model at query time: the query's vector (an adapter's port).
QueryEmbedder = Callable[[str], Vector]
# The same for the event loop: awaitable, None when the vector cannot come in time (the
# lexical search then answers alone).
AsyncQueryEmbedder = Callable[[str], Awaitable[Vector | None]]
# How a text is embedded: as a passage (with the model's passage prefix) or as a query.
Role = Literal["passage", "query"]
# the nearest texts that vote (`Nearness.voters`), and the softmax's temperature: e5's
# cosines lie close together, so a nearer text by 0.02 weighs e times as much
VOTERS = 40
VOTE_TEMPERATURE = 0.02
# how near a query is to the background (`background.py`): the mean cosine of this many of
# its nearest background questions, so that one question close only in form ("plannen …
# schrappen") weighs less than a topic with several (each document gave up to six)
BACKGROUND_NEAREST = 5


def head_text(doc: SearchDoc) -> str:
    """What a document is about: its question, or its title."""
    return doc.fields.get("question") or doc.fields.get("title") or doc.title


def passage_text(doc: SearchDoc) -> str:
    """The text a document's passage vector is computed from: what it is about, then what
    it says."""
    body = doc.fields.get("answer") or doc.fields.get("text") or ""
    return f"{head_text(doc)}\n{body}".strip()


def text_key(text: str, role: Role = "passage") -> str:
    """The key a text's vector is stored under: sha256 of its text (hex, 32 chars), of
    "query: " and the text for a text embedded as a query."""
    keyed = text if role == "passage" else f"query: {text}"
    return hashlib.sha256(keyed.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Nearness:
    """One query's cosines, per search document (-1 where there is nothing to compare)."""

    passages: Floats  # with its passage
    heads: Floats  # with its question or title, or the nearest phrasing it is asked as
    unanswered: Floats  # with the nearest of its own `not_answered` phrasings
    # per document that has `not_answered` phrasings: the nearest of them (a question on
    # its topics that the document does not answer)
    unanswered_by_document: dict[str, float]
    # the VOTERS texts nearest to it among all questions, titles and phrasings: the search
    # document each belongs to, its weight (a softmax of the cosines; they sum to one), and
    # whether it is a `not_answered` phrasing (a vote against its document, not for it)
    voters: Ints
    vote_weights: Floats
    voters_against: npt.NDArray[np.bool_]
    # the nearest text of the store (a question, title or phrasing, answered or not), and
    # the mean of the BACKGROUND_NEAREST nearest background questions (`background.py`; -1
    # where there is none)
    store: float = -1.0
    background: float = -1.0


@dataclass(frozen=True)
class DenseIndex:
    """Per search document a passage row and a head row (zeros where no vector is stored),
    and which documents have both; the phrasings' rows, answered ones with their document."""

    matrix: Matrix
    present: npt.NDArray[np.bool_]
    model: str
    heads: Matrix
    asked: Matrix = field(default_factory=lambda: _NO_ROWS)  # `asked_as` phrasings
    asked_doc: Ints = field(default_factory=lambda: _NO_INTS)  # the search document of each
    unanswered: Matrix = field(default_factory=lambda: _NO_ROWS)  # `not_answered` phrasings
    unanswered_doc: Ints = field(default_factory=lambda: _NO_INTS)  # the search document
    unanswered_of: Ints = field(default_factory=lambda: _NO_INTS)  # its document's place in:
    documents: tuple[str, ...] = ()  # the documents that have `not_answered` phrasings
    background: Matrix = field(default_factory=lambda: _NO_ROWS)  # questions on other topics
    # From this many search documents on, only the heads of the `shortlist` documents whose
    # passages are nearest are compared (the others count as having none): each full
    # product reads the whole matrix (154 MB at 100 000 documents), and memory bandwidth,
    # not arithmetic, sets its time.
    shortlist_from: int = 20_000
    shortlist: int = 2_000
    # From this many rows on, the passages' product is split in two halves computed at once,
    # one in the caller's thread and one in a pool's (numpy lets go of the GIL in it; BLAS
    # itself runs one thread, see `embedder.shared_embedder`). At 100 000 documents the fused
    # search's p50 fell by about a sixth (benchmarks/search_bench.py). The pool's thread
    # waits on a lock when idle, so unlike BLAS's own threads it does not spin against the
    # model.
    parallel_from: int = 20_000
    # the intent classifier fitted for these vectors and units (`intent.py`); None: none
    # is current, and its features take their neutral values
    intent: IntentModel | None = None

    @cached_property
    def missing(self) -> int:
        return int((~self.present).sum())

    @cached_property
    def _phrasing_docs(self) -> Ints:
        """The search document of each phrasing row, answered ones first."""
        return np.concatenate([self.asked_doc, self.unanswered_doc]).astype(np.int64)

    def nearness(self, query: Vector) -> Nearness:
        """What the query is near, per search document (each product computed once)."""
        q = query.astype(np.float32, copy=False)
        n = len(self.matrix)
        passages = self._cosines(self.matrix, q)
        heads = self._head_cosines(q, passages)
        asked = self.asked @ q if len(self.asked) else np.zeros(0, np.float32)
        unanswered = self.unanswered @ q if len(self.unanswered) else np.zeros(0, np.float32)
        per_doc = np.full(n, -1.0, dtype=np.float32)
        per_document = np.full(len(self.documents), -1.0, dtype=np.float32)
        np.maximum.at(per_doc, self.unanswered_doc, unanswered)
        np.maximum.at(per_document, self.unanswered_of, unanswered)
        places, weights = _nearest(np.concatenate([heads, asked, unanswered]))
        voters = places.copy()  # a head's place is its search document; a phrasing's:
        phrasing = places >= n
        voters[phrasing] = self._phrasing_docs[places[phrasing] - n]
        np.maximum.at(heads, self.asked_doc, asked)  # now: the question or nearest phrasing
        store = max(float(heads.max(initial=-1.0)), float(unanswered.max(initial=-1.0)))
        background = self.background @ q if len(self.background) else None
        return Nearness(
            passages=passages,
            heads=heads,
            unanswered=per_doc,
            unanswered_by_document=dict(zip(self.documents, per_document.tolist(), strict=True)),
            voters=voters,
            vote_weights=weights,
            voters_against=places >= n + len(asked),
            store=store,
            background=_mean_of_nearest(background) if background is not None else -1.0,
        )

    def _head_cosines(self, query: Vector, passages: Floats) -> Floats:
        if len(self.heads) < self.shortlist_from:
            return self._cosines(self.heads, query)
        k = min(self.shortlist, len(passages))
        near = np.argpartition(-passages, k - 1)[:k]
        near = near[passages[near] > -1.0]
        sims = np.full(len(self.heads), -1.0, dtype=np.float32)
        sims[near] = self.heads[near] @ query
        return sims

    def _cosines(self, matrix: Matrix, query: Vector) -> npt.NDArray[np.float32]:
        q = query.astype(np.float32, copy=False)
        if len(matrix) < self.parallel_from:
            sims: npt.NDArray[np.float32] = matrix @ q
        else:
            sims = np.empty(len(matrix), dtype=np.float32)
            half = len(matrix) // 2  # the second half on the pool's thread, the first here
            other = _pool().submit(np.matmul, matrix[half:], q, out=sims[half:])
            np.matmul(matrix[:half], q, out=sims[:half])
            other.result()
        if self.missing:
            sims[~self.present] = -1.0
        return sims


@cache
def _pool() -> ThreadPoolExecutor:
    """A second thread for the large products (one per process, made when first needed)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="dense-product")


def dense_index(
    index: SearchIndex,
    vectors: Mapping[str, npt.NDArray[np.floating[Any]]],
    model: str,
    dim: int,
) -> DenseIndex:
    """Rows for `index.docs` from stored vectors by text key; a document lacking either
    vector gets none (and the lexical search alone ranks it); a phrasing or background
    question without one is left out, and one phrasing counts once per unit (a letter
    section's parts share theirs). Each row is copied once, into float32."""

    def usable(key: str) -> bool:
        return key in vectors and len(vectors[key]) == dim

    n = len(index.docs)
    matrix = np.zeros((n, dim), dtype=np.float32)
    heads = np.zeros((n, dim), dtype=np.float32)
    present = np.zeros(n, dtype=np.bool_)
    asked: dict[tuple[str, int], int] = {}  # (key, unit) -> search document
    unanswered: dict[str, tuple[int, str]] = {}  # key -> (search document, document)
    for row, doc in enumerate(index.docs):
        passage, head = text_key(passage_text(doc)), text_key(head_text(doc), "query")
        if usable(passage) and usable(head):
            matrix[row] = vectors[passage]
            heads[row] = vectors[head]
            present[row] = True
        unit = int(index.doc_unit[row])
        for key in (text_key(text, "query") for text in doc.asked_as):
            if usable(key):
                asked.setdefault((key, unit), row)
        for key in (text_key(text, "query") for text in doc.not_answered):
            if usable(key):
                unanswered.setdefault(key, (row, doc.document))
    background = [k for k in (text_key(t, "query") for t in index.background) if usable(k)]
    documents = tuple(dict.fromkeys(document for _row, document in unanswered.values()))
    place = {document: i for i, document in enumerate(documents)}
    return DenseIndex(
        matrix=matrix,
        present=present,
        model=model,
        heads=heads,
        asked=_rows(vectors, [key for key, _unit in asked], dim),
        asked_doc=np.array(list(asked.values()), dtype=np.int64),
        unanswered=_rows(vectors, list(unanswered), dim),
        unanswered_doc=np.array([row for row, _doc in unanswered.values()], dtype=np.int64),
        unanswered_of=np.array([place[d] for _row, d in unanswered.values()], dtype=np.int64),
        documents=documents,
        background=_rows(vectors, background, dim),
    )


def _mean_of_nearest(sims: Floats, k: int = BACKGROUND_NEAREST) -> float:
    """The mean of the `k` highest of `sims` (of all, when there are fewer)."""
    k = min(k, len(sims))
    return float(np.partition(sims, len(sims) - k)[len(sims) - k :].mean())


def _nearest(sims: Floats) -> tuple[Ints, Floats]:
    """The VOTERS highest of `sims` (their places) and their softmax weights at
    VOTE_TEMPERATURE."""
    k = min(VOTERS, len(sims))
    top = np.argpartition(-sims, k - 1)[:k].astype(np.int64)
    weights = np.exp((sims[top] - sims[top].max()) / VOTE_TEMPERATURE)
    return top, (weights / weights.sum()).astype(np.float32)


def _rows(
    vectors: Mapping[str, npt.NDArray[np.floating[Any]]], keys: list[str], dim: int
) -> Matrix:
    out = np.zeros((len(keys), dim), dtype=np.float32)
    for i, key in enumerate(keys):
        out[i] = vectors[key]
    return out


def unit_scores(index: SearchIndex, doc_scores: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Each unit's best document score."""
    out = np.full(len(index.units), -1.0, dtype=np.float32)
    np.maximum.at(out, index.doc_unit, doc_scores)
    return out


def passages(docs: Sequence[SearchDoc]) -> dict[str, str]:
    """Every document's passage text by its key (documents sharing a text share a key)."""
    return {text_key(text): text for text in map(passage_text, docs)}


def vector_texts(index: SearchIndex) -> dict[str, tuple[Role, str]]:
    """Every text the search needs a vector of, by key: passages, then heads, phrasings
    and the background questions as queries."""
    docs = index.docs
    texts: dict[str, tuple[Role, str]] = {k: ("passage", t) for k, t in passages(docs).items()}
    for doc in docs:
        for query in (head_text(doc), *doc.asked_as, *doc.not_answered):
            texts[text_key(query, "query")] = ("query", query)
    for query in index.background:
        texts[text_key(query, "query")] = ("query", query)
    return texts
