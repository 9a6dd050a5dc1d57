"""The intent classifier: from a query's vector to the answer it asks for.

A multinomial logistic regression whose classes are the search's units, fitted on the
vectors of each unit's own question (or title) and of its `asked_as` phrasings: how the
team asks for that answer. Where the nearest-neighbour evidence (`dense.Nearness`) says
which texts a query is near, the classifier has learnt which directions of the vector
space tell one answer from its neighbours on the same topic.

Its probability of each candidate is a ranker feature, and its probability of the first a
decision feature (`fusion`). It is fitted when the vectors are refreshed, by the content
adapter (`content/intent.py`), and used only while `training_key` still matches: any
change to a question, a phrasing or the units makes it stale, and the search then goes
on with the features' neutral values (`Calibration.intent_neutral`).

Pure: the rows to fit on, the key, the probabilities.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from agendabot.core.search.dense import (
    DenseIndex,
    Floats,
    Ints,
    Matrix,
    Vector,
    head_text,
    text_key,
)
from agendabot.core.search.index import SearchIndex

FLOOR = 1e-4  # added to a probability before its log: the feature stays finite


@dataclass(frozen=True)
class IntentModel:
    """One weight row and one bias per unit of the index it was fitted for (by place)."""

    weights: Matrix  # units × dimension
    bias: Floats  # units
    key: str  # `training_key` of what it was fitted on

    def probabilities(self, query: Vector) -> Floats:
        """The softmax over all units for one query vector."""
        logits = self.weights @ query.astype(np.float32, copy=False) + self.bias
        logits -= logits.max()
        odds = np.exp(logits)
        shares: Floats = (odds / odds.sum()).astype(np.float32)
        return shares


def training_rows(index: SearchIndex, dense: DenseIndex) -> tuple[Matrix, Ints]:
    """The vectors to fit on and the unit of each: every search document's question or
    title, then every `asked_as` phrasing (each once per unit)."""
    heads = np.flatnonzero(dense.present)
    x = np.vstack([dense.heads[heads], dense.asked]).astype(np.float32)
    docs = np.concatenate([heads, dense.asked_doc]).astype(np.int64)
    return x, index.doc_unit[docs].astype(np.int64)


def training_key(index: SearchIndex, dense: DenseIndex, setting: str) -> str:
    """A hash of what a fit depends on: the units (kind and keys, in order), each training
    text with its unit, the model and the fit's `setting`."""
    digest = hashlib.sha256(f"{dense.model}\n{setting}\n".encode())
    for place, unit in enumerate(index.units):
        digest.update(f"u{place}\t{unit.kind}\t{','.join(unit.keys)}\n".encode())
    for row, doc in enumerate(index.docs):
        place = int(index.doc_unit[row])
        if dense.present[row]:
            digest.update(f"h{place}\t{text_key(head_text(doc), 'query')}\n".encode())
        for text in doc.asked_as:
            digest.update(f"a{place}\t{text_key(text, 'query')}\n".encode())
    return digest.hexdigest()[:32]


def log_probabilities(probabilities: Floats) -> Floats:
    """The ranker's feature: each unit's log-probability (floored)."""
    logs: Floats = np.log(probabilities + np.float32(FLOOR)).astype(np.float32)
    return logs
