"""Snippets: the answer sentences that best show why a hit matches the query."""

from __future__ import annotations

import re

from agendabot.core.search.analysis import words
from agendabot.core.search.index import (
    SearchIndex,
)

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9«“\"(•–-])")


SNIPPET_CHARS = 240


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
