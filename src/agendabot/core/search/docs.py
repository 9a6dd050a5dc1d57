"""What the search searches: its documents, and the units they form as results.

A `SearchDoc` is one searchable thing (a question with its answer, a commitment, a letter
section), independent of the content models. Documents that share an answer (an answer
group, a question that only refers to another answer, or near-identical answer texts)
form one `Unit`: the search shows a unit once, naming all its questions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

NEAR_DUPLICATE_RATIO = 92.0
MIN_COLLAPSE_WORDS = 12  # "Ja." under two questions is not one answer
BUCKET_LIMIT = 32  # near-duplicate candidates kept per opening

Kind = Literal["vraag", "toezegging", "sectie"]
KINDS: tuple[Kind, ...] = ("vraag", "toezegging", "sectie")


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One searchable item, independent of the content models.

    `fields` maps a field name (see `index.FIELD_WEIGHTS`) to its text. `questions` are the question
    numbers the item stands for (a Q&A: its own number; a commitment: related questions).
    Documents with the same `group` collapse into one result; `collapse_field` names the
    field whose (near-)identical text also merges documents of the same kind.
    `asked_as` and `not_answered` are its phrasings (`phrasings.py`), compared with a query
    by meaning; the `asked_as` also as words, in the field "asked". `document`: the id of
    the document it comes from ("32824-451"; empty for a commitment).
    """

    kind: Kind
    key: str
    title: str
    fields: Mapping[str, str]
    questions: tuple[int, ...] = ()
    group: str | None = None
    snippet_field: str = "answer"
    collapse_field: str | None = None
    asked_as: tuple[str, ...] = ()
    not_answered: tuple[str, ...] = ()
    document: str = ""


@dataclass(frozen=True, slots=True)
class Unit:
    """One result: the documents that share an answer."""

    kind: Kind
    docs: tuple[int, ...]
    questions: tuple[int, ...]
    keys: tuple[str, ...]  # the documents' keys, each once (as results show them)


def build_units(
    docs: Sequence[SearchDoc], collapse_texts: Sequence[str]
) -> tuple[list[Unit], npt.NDArray[np.int32]]:
    """Merge documents into units: same `group`, or the same or near-same text.

    Near-same: a Levenshtein-style ratio of at least NEAR_DUPLICATE_RATIO, or one text
    standing whole inside the other when it is at least half as long (the same standard
    answer with an extra paragraph). Short texts ("Ja.") never merge. Candidates share
    their first words; each is compared with a bounded number of earlier texts.
    """
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_of_group: dict[tuple[str, str], int] = {}
    exact: dict[tuple[str, str], int] = {}
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, doc in enumerate(docs):
        if doc.group is not None:
            union(i, first_of_group.setdefault((doc.kind, doc.group), i))
        text = collapse_texts[i]
        if doc.collapse_field is None or text.count(" ") + 1 < MIN_COLLAPSE_WORDS:
            continue
        j = exact.setdefault((doc.kind, text), i)
        if j != i:
            union(i, j)
            continue
        bucket = buckets.setdefault((doc.kind, " ".join(text.split(" ", 8)[:8])), [])
        for k in bucket:
            other = collapse_texts[k]
            short, long_ = (text, other) if len(text) <= len(other) else (other, text)
            if len(short) < 0.5 * len(long_):
                continue
            # a ratio of 92 needs lengths within 15 % of each other
            similar = len(short) >= 0.85 * len(long_) and fuzz.ratio(
                text, other, score_cutoff=NEAR_DUPLICATE_RATIO
            )
            if similar or short in long_:
                union(i, k)
                break
        else:
            if len(bucket) < BUCKET_LIMIT:
                bucket.append(i)

    root_unit: dict[int, int] = {}
    members_of: list[list[int]] = []
    doc_unit = np.zeros(len(docs), dtype=np.int32)
    for i in range(len(docs)):
        r = find(i)
        u = root_unit.get(r)
        if u is None:
            u = root_unit[r] = len(members_of)
            members_of.append([])
        members_of[u].append(i)
        doc_unit[i] = u
    units = []
    for members in members_of:
        qs = sorted({q for i in members for q in docs[i].questions})
        keys = tuple(dict.fromkeys(docs[i].key for i in members))
        units.append(
            Unit(kind=docs[members[0]].kind, docs=tuple(members), questions=tuple(qs), keys=keys)
        )
    return units, doc_unit
