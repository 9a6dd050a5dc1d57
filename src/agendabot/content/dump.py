"""Writing content: a parsed document as the YAML that `agendabot.content.loading` reads back.

Kept beside the loader so that what ingest writes is exactly what the loader reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from agendabot.content.model import Document
from agendabot.core.documents.models import (
    LetterPart,
    QADocument,
)


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


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Literal, _represent_str)
_Dumper.add_representer(
    _Flow,
    lambda dumper, value: dumper.represent_sequence(
        "tag:yaml.org,2002:seq", value, flow_style=True
    ),
)
