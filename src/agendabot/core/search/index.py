"""The search index: the documents (`docs.py`), their units and BM25F postings as numpy
arrays.

Postings are stored per term as a slice of two flat arrays (document ids and precomputed
BM25F contributions), so a query is a handful of vectorised additions.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from agendabot.core.search.analysis import DUTCH_STOP_WORDS, Analyzer, make_splitter, words
from agendabot.core.search.answer_type import text_types
from agendabot.core.search.docs import KINDS, Kind, SearchDoc, Unit, build_units

__all__ = ["FIELD_WEIGHTS", "KINDS", "Kind", "SearchDoc", "SearchIndex", "Unit", "build_index"]

# BM25F field weights: what a question asks weighs more than what an answer mentions.
FIELD_WEIGHTS: Mapping[str, float] = {
    "question": 5.0,
    "title": 5.0,
    "answer": 1.0,
    "text": 1.0,
    "when": 1.0,
    "footnotes": 0.3,
    "asked": 1.0,  # the phrasings it is asked as (phrasings.py), as much as the answer
}
FIELD_B: Mapping[str, float] = {"question": 0.5, "title": 0.5}
DEFAULT_B = 0.6
K1 = 1.6
PART_TF = 0.5  # a compound part counts half an occurrence of the part
QUESTION_FIELDS = ("question", "title")  # what an item is about: coverage and phrases


@dataclass(slots=True)
class SearchIndex:
    docs: list[SearchDoc]
    units: list[Unit]
    doc_unit: npt.NDArray[np.int32]
    doc_kind: npt.NDArray[np.int8]
    term_ids: dict[str, int]
    offsets: npt.NDArray[np.int64]
    post_docs: npt.NDArray[np.int32]
    post_vals: npt.NDArray[np.float32]
    idf: npt.NDArray[np.float32]
    max_val: npt.NDArray[np.float32]
    q_offsets: npt.NDArray[np.int64]  # per term: documents with it in a question field
    q_docs: npt.NDArray[np.int32]
    bigram_keys: npt.NDArray[np.int64]  # sorted (first term id × V + second), question fields
    bigram_docs: npt.NDArray[np.int32]
    analyzer: Analyzer
    typo_terms_by_initial: dict[str, list[str]]
    known_parts: frozenset[str]
    split_compound: Callable[[str], tuple[str, ...]]
    by_question: dict[int, list[int]] = field(default_factory=dict)
    by_key: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    # per document: the answer types its text offers (answer_type bits); see answer_types()
    doc_types: npt.NDArray[np.uint8] = field(default_factory=lambda: np.zeros(0, np.uint8))
    # questions on other topics (`background.py`): not searched, only compared with
    background: tuple[str, ...] = ()

    def postings(self, term: str) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
        tid = self.term_ids.get(term)
        if tid is None:
            empty_i: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)
            empty_f: npt.NDArray[np.float32] = np.zeros(0, dtype=np.float32)
            return empty_i, empty_f
        lo, hi = int(self.offsets[tid]), int(self.offsets[tid + 1])
        return self.post_docs[lo:hi], self.post_vals[lo:hi]

    def question_docs(self, term: str) -> npt.NDArray[np.int32]:
        """Documents whose question (or title) holds `term`, itself or as a compound part."""
        tid = self.term_ids.get(term)
        if tid is None:
            return np.zeros(0, dtype=np.int32)
        return self.q_docs[int(self.q_offsets[tid]) : int(self.q_offsets[tid + 1])]

    def bigram_docs_of(self, first: str, second: str) -> npt.NDArray[np.int32]:
        """Documents whose question (or title) has `first` directly followed by `second`."""
        a, b = self.term_ids.get(first), self.term_ids.get(second)
        if a is None or b is None:
            return np.zeros(0, dtype=np.int32)
        key = a * len(self.term_ids) + b
        lo = int(np.searchsorted(self.bigram_keys, key, side="left"))
        hi = int(np.searchsorted(self.bigram_keys, key, side="right"))
        return self.bigram_docs[lo:hi]

    def answer_types(self) -> npt.NDArray[np.uint8]:
        """Per document, the answer types its text offers; classified once, when first
        needed (only an engine that ranks by answer type pays for it)."""
        if len(self.doc_types) != len(self.docs):
            self.doc_types = np.array(
                [text_types(d.fields.get(d.snippet_field, "")) for d in self.docs],
                dtype=np.uint8,
            )
        return self.doc_types

    def term_idf(self, term: str) -> float:
        tid = self.term_ids.get(term)
        return float(self.idf[tid]) if tid is not None else 0.0


def build_index(
    docs: Iterable[SearchDoc],
    analyzer: Analyzer | None = None,
    background: Iterable[str] = (),
) -> SearchIndex:
    """Build the index once, at start-up; `background`: questions on other topics."""
    docs = list(docs)
    analyzer = analyzer or Analyzer()
    n_docs = len(docs)

    # 1. surface words per doc and field (stop words out), and the vocabulary
    stop = DUTCH_STOP_WORDS
    doc_words: list[list[tuple[str, list[str]]]] = []
    collapse_texts: list[str] = []
    vocabulary: set[str] = set()
    for doc in docs:
        per_field: list[tuple[str, list[str]]] = []
        collapse = ""
        for name, text in doc.fields.items():
            ws = [w for w in words(text) if w not in stop]
            per_field.append((name, ws))
            vocabulary.update(ws)
            if name == doc.collapse_field:
                collapse = " ".join(ws)
        doc_words.append(per_field)
        collapse_texts.append(collapse)

    # compound parts: known words and their stems ("verbeter" of "verbeteren")
    stem = analyzer.stem
    surface = sorted(w for w in vocabulary if len(w) >= 4 and w.isalpha())
    known_parts = frozenset(surface) | frozenset(t for t in map(stem, surface) if len(t) >= 4)
    splitter = make_splitter(known_parts.__contains__)

    # 2. each surface word once: its term and the terms of its compound parts
    term_ids: dict[str, int] = {}
    word_tid: dict[str, int] = {}
    word_parts: dict[str, tuple[int, ...]] = {}
    for w in sorted(vocabulary):
        tid = word_tid[w] = term_ids.setdefault(stem(w), len(term_ids))
        if len(w) >= 8 and w.isalpha():
            part_ids = (term_ids.setdefault(stem(p), len(term_ids)) for p in splitter(w))
            parts = tuple(pid for pid in part_ids if pid != tid)
            if parts:
                word_parts[w] = parts
    compounds = frozenset(word_parts)

    # term frequencies per field; a compound part counts PART_TF
    field_entries: dict[str, tuple[array[int], array[int], array[float]]] = {}
    field_lengths: dict[str, npt.NDArray[np.float32]] = {}
    field_present: dict[str, npt.NDArray[np.bool_]] = {}
    tid_of = word_tid.__getitem__
    q_terms_a: array[int] = array("q")
    q_docs_a: array[int] = array("i")
    bigram_first: array[int] = array("q")
    bigram_second: array[int] = array("q")
    bigram_docs_a: array[int] = array("i")
    for d, per_field in enumerate(doc_words):
        for name, ws in per_field:
            if name not in field_entries:
                field_entries[name] = (array("i"), array("i"), array("f"))
                field_lengths[name] = np.zeros(n_docs, dtype=np.float32)
                field_present[name] = np.zeros(n_docs, dtype=bool)
            field_present[name][d] = True
            tf: dict[int, float] = Counter(map(tid_of, ws))  # type: ignore[assignment]
            for w in compounds.intersection(ws):
                count = ws.count(w)
                for pid in word_parts[w]:
                    tf[pid] = tf.get(pid, 0.0) + PART_TF * count
            field_lengths[name][d] = len(ws)
            if name in QUESTION_FIELDS and ws:
                q_terms_a.extend(tf.keys())
                q_docs_a.extend([d] * len(tf))
                ids = [tid_of(w) for w in ws]
                pairs = {(a, b) for a, b in pairwise(ids) if a != b}
                bigram_first.extend(a for a, _ in pairs)
                bigram_second.extend(b for _, b in pairs)
                bigram_docs_a.extend([d] * len(pairs))
            terms_a, docs_a, tfs_a = field_entries[name]
            terms_a.extend(tf.keys())
            docs_a.extend([d] * len(tf))
            tfs_a.extend(tf.values())
    del doc_words, word_tid, word_parts

    # 3. BM25F: weighted, length-normalised tf summed over fields, then saturated
    keys_parts: list[npt.NDArray[np.int64]] = []
    tf_parts: list[npt.NDArray[np.float32]] = []
    for name, (terms_a, docs_a, tfs_a) in field_entries.items():
        if not terms_a:
            continue
        t_arr = np.frombuffer(terms_a, dtype=np.int32).astype(np.int64)
        d_arr = np.frombuffer(docs_a, dtype=np.int32)
        lengths = field_lengths[name]
        # average over the documents that have this field at all
        present = field_present[name]
        avg = float(lengths[present].mean()) if present.any() else 1.0
        avg = avg or 1.0
        b = FIELD_B.get(name, DEFAULT_B)
        norm = (1.0 - b) + b * lengths / avg
        field_weight = FIELD_WEIGHTS.get(name, 1.0)
        keys_parts.append(t_arr * n_docs + d_arr)
        tf_parts.append(
            (np.frombuffer(tfs_a, dtype=np.float32) * field_weight / norm[d_arr]).astype(np.float32)
        )
    if keys_parts:
        keys = np.concatenate(keys_parts)
        tfw = np.concatenate(tf_parts)
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        tfw = tfw[order]
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        ukeys = keys[starts]
        utf = np.add.reduceat(tfw, starts)
        del keys, tfw, order
    else:
        ukeys = np.zeros(0, dtype=np.int64)
        utf = np.zeros(0, dtype=np.float32)
    post_terms = (ukeys // max(n_docs, 1)).astype(np.int32)
    post_docs = (ukeys % max(n_docs, 1)).astype(np.int32)
    df = np.bincount(post_terms, minlength=len(term_ids)).astype(np.float64)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    post_vals = (idf[post_terms] * utf * (K1 + 1.0) / (K1 + utf)).astype(np.float32)
    offsets = np.zeros(len(term_ids) + 1, dtype=np.int64)
    np.cumsum(df.astype(np.int64), out=offsets[1:])
    max_val = np.zeros(len(term_ids), dtype=np.float32)
    if len(post_vals):
        np.maximum.at(max_val, post_terms, post_vals)

    # question-field presence (a doc once per term) and question bigrams, sorted by key
    n_terms = len(term_ids)
    q_keys = np.unique(
        np.frombuffer(q_terms_a, dtype=np.int64) * max(n_docs, 1)
        + np.frombuffer(q_docs_a, dtype=np.int32)
    )
    q_docs = (q_keys % max(n_docs, 1)).astype(np.int32)
    q_offsets = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(
        np.bincount((q_keys // max(n_docs, 1)).astype(np.int64), minlength=n_terms),
        out=q_offsets[1:],
    )
    bigram_keys = np.frombuffer(bigram_first, dtype=np.int64) * n_terms + np.frombuffer(
        bigram_second, dtype=np.int64
    )
    b_order = np.argsort(bigram_keys, kind="stable")
    bigram_keys = bigram_keys[b_order]
    bigram_docs = np.frombuffer(bigram_docs_a, dtype=np.int32)[b_order]
    del q_terms_a, q_docs_a, bigram_first, bigram_second, bigram_docs_a, q_keys, b_order

    # 4. units: explicit groups, then (near-)identical texts
    units, doc_unit = build_units(docs, collapse_texts)
    kind_code = {k: i for i, k in enumerate(KINDS)}
    doc_kind = np.array([kind_code[d.kind] for d in docs], dtype=np.int8)
    by_question: dict[int, list[int]] = {}
    by_key: dict[tuple[str, str], list[int]] = {}
    for i, doc in enumerate(docs):
        by_key.setdefault((doc.kind, doc.key), []).append(i)
        if doc.kind == "vraag":
            for q in doc.questions:
                by_question.setdefault(q, []).append(i)
    typo_terms: dict[str, list[str]] = {}
    for t in sorted(term_ids):
        if len(t) >= 4 and t.isalpha():
            typo_terms.setdefault(t[0], []).append(t)
    return SearchIndex(
        docs=docs,
        units=units,
        doc_unit=doc_unit,
        doc_kind=doc_kind,
        term_ids=term_ids,
        offsets=offsets,
        post_docs=post_docs,
        post_vals=post_vals,
        idf=idf,
        max_val=max_val,
        q_offsets=q_offsets,
        q_docs=q_docs,
        bigram_keys=bigram_keys,
        bigram_docs=bigram_docs,
        analyzer=analyzer,
        typo_terms_by_initial=typo_terms,
        known_parts=known_parts,
        split_compound=splitter,
        by_question=by_question,
        by_key=by_key,
        background=tuple(background),
    )
