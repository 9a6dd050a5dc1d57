"""From the content models to search documents (the only module that knows both)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from agendabot.core.agenda.commitments import Commitment
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.search.index import SearchDoc

_MARKER = re.compile(r"\[\d+\]")


def _plain(text: str) -> str:
    """Running text without footnote markers ("2023/2024).[1]" → "2023/2024).")."""
    return _MARKER.sub("", text)


def qa_docs(document: QADocument, *, ref: str | None = None) -> list[SearchDoc]:
    """One search document per question, holding the words that answer it.

    `ref` names a list other than the default one: its keys become "ref:47" ("31749-8:1"),
    and its questions stay out of the by-number look-up ("vraag 47" means the default list).

    Questions that share an answer (a group) get one group key, so the search shows the
    answer once naming all of them. A question whose answer only points to other answers
    ("Zie het antwoord op vraag 135.") joins the result of each answer it points to.
    """
    prefix = document.meta.id

    def group_key(number: int) -> str:
        return f"{prefix}:{min(document.question(number).members)}"

    docs: list[SearchDoc] = []
    for question in document:
        resolved = document.resolve(question.number)
        pieces: list[tuple[str, str, tuple[int, ...]]]
        if resolved.kind == "reference":
            pieces = [
                (part.text, group_key(part.number), (part.number,)) for part in resolved.parts
            ]
        else:
            pieces = [(resolved.text, group_key(question.number), resolved.sources)]
        for text, group, sources in pieces:
            notes = [
                note.text
                for source in dict.fromkeys((question.number, *sources))
                if source in document
                for note in document.question(source).footnotes
            ]
            docs.append(
                SearchDoc(
                    kind="vraag",
                    key=str(question.number) if ref is None else f"{ref}:{question.number}",
                    title=question.question,
                    fields={
                        "question": _plain(question.question),
                        "answer": _plain(text),
                        "footnotes": "\n".join(notes),
                    },
                    questions=(question.number,) if ref is None else (),
                    group=group,
                    snippet_field="answer",
                    collapse_field="answer",
                )
            )
    return docs


def letter_docs(letter: Letter, *, ref: str | None = None) -> list[SearchDoc]:
    """One search document per part of each numbered section; a section is one result.

    `ref` names a letter other than the default one: its keys become "ref:1.7"."""
    docs: list[SearchDoc] = []
    for section in letter.sections:
        title = f"{section.number} {section.title}"
        parts = section.parts or ()
        texts = [(p.heading or "", p.text) for p in parts] or [("", section.text)]
        for heading, text in texts:
            docs.append(
                SearchDoc(
                    kind="sectie",
                    key=section.number if ref is None else f"{ref}:{section.number}",
                    title=title,
                    fields={"title": f"{section.title} {heading}".strip(), "text": _plain(text)},
                    group=f"{letter.meta.id}:{section.number}",
                    snippet_field="text",
                )
            )
    return docs


def commitment_docs(commitments: Iterable[Commitment]) -> list[SearchDoc]:
    docs: list[SearchDoc] = []
    for item in commitments:
        questions = {q for source in item.sources for q in source.questions}
        questions.update(item.related_questions)
        docs.append(
            SearchDoc(
                kind="toezegging",
                key=item.id,
                title=item.title,
                fields={
                    "title": item.title,
                    "text": " ".join(_plain(quote) for _source, quote in item.quotes()),
                    "when": item.when_text or "",
                },
                questions=tuple(sorted(questions)),
                snippet_field="text",
            )
        )
    return docs
