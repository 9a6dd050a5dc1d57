"""Plain-text and JSON-ready presentation of questions and letter sections (CLI, console).

Pure functions: a document and a number in, a string or a dict out. Official text is
shown verbatim; the labels around it are Dutch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from agendabot.core.documents.models import (
    FinancialTable,
    Footnote,
    Letter,
    LetterSection,
    QADocument,
    ResolvedAnswer,
    footnote_numbers,
)
from agendabot.core.time.dutch_dates import dutch_date

__all__ = [
    "answer_text",
    "citation",
    "footnotes_shown",
    "numbers_phrase",
    "question_payload",
    "render_question",
    "render_section",
    "render_section_list",
    "render_table",
    "section_payload",
]


def numbers_phrase(numbers: Sequence[int | str]) -> str:
    """ "47", "21 en 22", "47, 79 en 80"."""
    items = [str(n) for n in numbers]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def citation(document: QADocument, number: int) -> str:
    """ "Kamerstuk 32 824, nr. 451, vraag 47"."""
    return f"{document.meta.citation}, vraag {number}"


def answer_text(resolved: ResolvedAnswer) -> str:
    """The answer words; when they come from several questions, each says from which."""
    if len(resolved.parts) <= 1:
        return resolved.text
    return "\n\n".join(
        f"(Antwoord op vraag {part.number}:)\n{part.text}" for part in resolved.parts
    )


def footnotes_shown(document: QADocument, texts: Sequence[str]) -> list[Footnote]:
    """The footnotes whose markers appear in `texts`, looked up anywhere in the document."""
    by_number: dict[int, Footnote] = {}
    for question in document.questions:
        for note in question.footnotes:
            by_number.setdefault(note.number, note)
    shown: list[Footnote] = []
    for text in texts:
        for number in footnote_numbers(text):
            found = by_number.get(number)
            if found is not None and found not in shown:
                shown.append(found)
    return shown


def _answer_origin(document: QADocument, resolved: ResolvedAnswer) -> str | None:
    question = document.question(resolved.number)
    if resolved.kind == "group":
        others = [n for n in question.members if n != resolved.number]
        source = numbers_phrase(resolved.sources)
        return (
            f"Vraag {resolved.number} is samen met vraag {numbers_phrase(others)} beantwoord; "
            f"het antwoord staat bij vraag {source}."
        )
    if resolved.kind == "reference":
        return f"Dit antwoord verwijst naar vraag {numbers_phrase(resolved.sources)}."
    if resolved.kind == "missing":
        return "Bij deze vraag staat geen antwoord."
    if question.group:
        others = [n for n in question.members if n != resolved.number]
        return f"Deze vraag is samen met vraag {numbers_phrase(others)} beantwoord."
    return None


def question_payload(document: QADocument, number: int) -> dict[str, Any]:
    """Everything about question `number` as JSON-ready data.

    Keys: number, question, answer (the resolved words), group (all numbers sharing the
    answer, itself included), refers_to, footnotes [{number, text, url}], citation, url,
    plus answer_kind ("own" | "group" | "reference" | "missing"), answered_in (numbers
    under which the answer text is printed) and answer_as_printed (the text under the
    question itself).
    """
    question = document.question(number)
    resolved = document.resolve(number)
    answer = answer_text(resolved)
    notes = footnotes_shown(document, [question.question, answer])
    return {
        "number": question.number,
        "question": question.question,
        "answer": answer,
        "group": list(question.members),
        "refers_to": list(question.refers_to),
        "footnotes": [
            {"number": note.number, "text": note.text, "url": note.url} for note in notes
        ],
        "citation": citation(document, number),
        "document": document.meta.id,
        "url": document.meta.url,
        "answer_kind": resolved.kind,
        "answered_in": list(resolved.sources),
        "answer_as_printed": question.answer,
    }


def render_question(document: QADocument, number: int) -> str:
    """Question `number`, its answer, footnotes and citation as plain text."""
    question = document.question(number)
    resolved = document.resolve(number)
    answer = answer_text(resolved)
    lines = [f"Vraag {number}", "", question.question, "", "Antwoord"]
    origin = _answer_origin(document, resolved)
    if resolved.kind == "reference":
        lines += [resolved.pointer, ""]
    if origin:
        lines += [f"({origin})", ""]
    if answer:
        lines.append(answer)
    others = [n for n in question.refers_to if n not in resolved.sources]
    if others:
        lines += ["", f"Zie ook vraag {numbers_phrase(others)}."]
    notes = footnotes_shown(document, [question.question, answer])
    if notes:
        lines += ["", "Voetnoten"]
        for note in notes:
            link = f" <{note.url}>" if note.url and note.url not in note.text else ""
            lines.append(f"[{note.number}] {note.text}{link}")
    dated = dutch_date(document.meta.date)
    lines += ["", f"Bron: {citation(document, number)} ({dated})", document.meta.url]
    return "\n".join(lines)


def render_table(table: FinancialTable) -> str:
    """A table in aligned plain-text columns."""
    header = ["", *table.columns]
    rows = [header] + [[row.label, *row.cells] for row in table.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [table.caption]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    if table.note:
        lines.append(table.note)
    return "\n".join(lines)


def _section_footnotes(letter: Letter, texts: Sequence[str]) -> list[Footnote]:
    shown: list[Footnote] = []
    for text in texts:
        for number in footnote_numbers(text):
            try:
                note = letter.footnote(number)
            except KeyError:
                continue
            if note not in shown:
                shown.append(note)
    return shown


def _pillar_title(letter: Letter, section: LetterSection) -> str | None:
    if section.pillar is None:
        return None
    try:
        return letter.pillar(section.pillar).title
    except KeyError:
        return None


def section_payload(letter: Letter, number: str) -> dict[str, Any]:
    """Section `number` as JSON-ready data: number, title, pillar, text and more."""
    section = letter.section(number)
    tables = letter.tables_in(number)
    notes = _section_footnotes(letter, [section.text])
    return {
        "number": section.number,
        "title": section.title,
        "pillar": section.pillar,
        "pillar_title": _pillar_title(letter, section),
        "text": section.text,
        "headings": list(section.headings),
        "tables": [
            {
                "caption": t.caption,
                "columns": list(t.columns),
                "rows": [{"label": r.label, "cells": list(r.cells)} for r in t.rows],
                "note": t.note,
            }
            for t in tables
        ],
        "footnotes": [{"number": n.number, "text": n.text, "url": n.url} for n in notes],
        "citation": f"{letter.meta.citation}, paragraaf {section.number}",
        "document": letter.meta.id,
        "url": letter.meta.url,
    }


def render_section(letter: Letter, number: str) -> str:
    """Section `number` of the letter as plain text."""
    section = letter.section(number)
    lines = [f"{section.number} {section.title}"]
    pillar_title = _pillar_title(letter, section)
    if section.pillar is not None:
        lines.append(f"(Pijler {section.pillar}: {pillar_title})" if pillar_title else "")
    lines += ["", section.text]
    for table in letter.tables_in(number):
        lines += ["", render_table(table)]
    notes = _section_footnotes(letter, [section.text])
    if notes:
        lines += ["", "Voetnoten"]
        lines += [f"[{n.number}] {n.text}" + (f" <{n.url}>" if n.url else "") for n in notes]
    source = f"{letter.meta.citation}, paragraaf {section.number}"
    lines += ["", f"Bron: {source} ({dutch_date(letter.meta.date)})", letter.meta.url]
    return "\n".join(line for line in lines if line is not None)


def render_section_list(letter: Letter) -> str:
    """The letter's pillars and sections, as a table of contents."""
    lines = [f"{letter.meta.title} ({letter.meta.citation})", ""]
    current: int | None = -1
    for section in letter.sections:
        if section.pillar != current:
            current = section.pillar
            if current is not None:
                title = _pillar_title(letter, section) or ""
                lines.append(f"Pijler {current}: {title}")
        indent = "  " if section.pillar is not None else ""
        lines.append(f"{indent}{section.number} {section.title}")
    return "\n".join(lines)


def document_payload(document: QADocument | Letter) -> dict[str, Any]:
    """A parsed document as JSON-ready data (what `agendabot ingest --droog --json` prints).

    Keys: id, kind, dossier, number, date (ISO), title, url, questions [{number, question,
    answer, group, refers_to}] and sections [{number, title, text}].
    """
    meta = document.meta
    questions: list[dict[str, Any]] = []
    sections: list[dict[str, Any]] = []
    if isinstance(document, QADocument):
        questions = [
            {
                "number": q.number,
                "question": q.question,
                "answer": q.answer,
                "group": list(q.group),
                "refers_to": list(q.refers_to),
            }
            for q in document.questions
        ]
    else:
        sections = [
            {"number": s.number, "title": s.title, "text": s.text} for s in document.sections
        ]
    return {
        "id": meta.id,
        "kind": meta.kind.value,
        "dossier": meta.dossier,
        "number": meta.number,
        "date": meta.date.isoformat(),
        "title": meta.title,
        "url": meta.url,
        "citation": meta.citation,
        "questions": questions,
        "sections": sections,
    }
