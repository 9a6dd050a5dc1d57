"""Snippets: the answer sentences that best show why a hit matches the query."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from agendabot.core.search.analysis import words
from agendabot.core.search.answer_type import QUANTITY, text_types
from agendabot.core.search.index import QUESTION_FIELDS, SearchIndex

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9«“\"(•–-])")


SNIPPET_CHARS = 240
SENTENCE_CACHE = 4096  # documents whose sentences are kept analysed, per kind


def sentence_terms(text: str, index: SearchIndex) -> list[tuple[str, frozenset[str]]]:
    """The sentences of `text`, each with its search terms."""
    stem = index.analyzer.stem
    sentences = _SENTENCE.split(" ".join(text.split()))
    return [(s, frozenset(stem(w) for w in words(s))) for s in sentences if s]


def snippet(
    sentences: list[tuple[str, frozenset[str]]], terms: set[str], index: SearchIndex
) -> str:
    """The sentence that matches the query best, cut to SNIPPET_CHARS."""
    return _snippet(sentences, (terms, {t: index.term_idf(t) for t in terms}))


def _snippet(
    sentences: list[tuple[str, frozenset[str]]], weights: tuple[set[str], dict[str, float]]
) -> str:
    """`snippet` with the query terms' idf looked up beforehand (`_term_weights`)."""
    if not sentences:
        return ""
    best, best_score = sentences[0][0], 0.0
    terms, idf = weights
    if terms:
        for sentence, found in sentences:
            shared = found & terms
            if not shared:
                continue  # scores 0.0, never better than the best so far
            score = sum(idf[t] for t in shared)
            if score > best_score:
                best, best_score = sentence, score
    if len(best) > SNIPPET_CHARS:
        cut = best[:SNIPPET_CHARS].rsplit(" ", 1)[0]
        best = cut + " …"
    return best


_T = TypeVar("_T")


class DocSentences:
    """The sentences of an index's documents, analysed once and kept (bounded)."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self._sentences: dict[int, list[tuple[str, frozenset[str]]]] = {}
        self._passages: dict[int, list[frozenset[str]]] = {}
        self._figures: dict[int, list[frozenset[str]]] = {}

    def sentences(self, doc_id: int) -> list[tuple[str, frozenset[str]]]:
        """The sentences of a document's snippet field, each with its terms."""
        return _kept(self._sentences, doc_id, self._analyse)

    def passages(self, doc_id: int) -> list[frozenset[str]]:
        """Term sets of a document's question (or title) and of each sentence of its text."""
        return _kept(self._passages, doc_id, self._passage_terms)

    def figures(self, doc_id: int) -> list[frozenset[str]]:
        """Term sets of the sentences of a document's snippet field that state a figure."""
        return _kept(self._figures, doc_id, self._figure_terms)

    def _analyse(self, doc_id: int) -> list[tuple[str, frozenset[str]]]:
        doc = self.index.docs[doc_id]
        return sentence_terms(doc.fields.get(doc.snippet_field, ""), self.index)

    def _passage_terms(self, doc_id: int) -> list[frozenset[str]]:
        doc = self.index.docs[doc_id]
        head = " ".join(doc.fields.get(f, "") for f in QUESTION_FIELDS)
        heads = [t for _s, t in sentence_terms(head, self.index)]
        return heads + [t for _s, t in self.sentences(doc_id)]

    def _figure_terms(self, doc_id: int) -> list[frozenset[str]]:
        return [t for s, t in self.sentences(doc_id) if text_types(s) & QUANTITY]


def _kept(cache: dict[int, _T], doc_id: int, compute: Callable[[int], _T]) -> _T:
    """The cached value for a document, computed on a miss (only then: this is on the
    ranking's hot path)."""
    value = cache.get(doc_id)
    if value is None:
        value = compute(doc_id)
        if len(cache) >= SENTENCE_CACHE:
            cache.clear()
        cache[doc_id] = value
    return value
