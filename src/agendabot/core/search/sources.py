"""From the content models to search documents (the only module that knows both)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from agendabot.core.agenda.commitments import Commitment
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.search.index import SearchDoc
from agendabot.core.search.phrasings import COMMITMENTS, Entry

_MARKER = re.compile(r"\[\d+\]")


def _plain(text: str) -> str:
    """Running text without footnote markers ("2023/2024).[1]" → "2023/2024).")."""
    return _MARKER.sub("", text)


def qa_docs(
    document: QADocument,
    *,
    ref: str | None = None,
    phrasings: Mapping[str, Entry] | None = None,
) -> list[SearchDoc]:
    """One search document per question, holding the words that answer it.

    `ref` names a list other than the default one: its keys become "ref:47" ("31749-8:1"),
    and its questions stay out of the by-number look-up ("vraag 47" means the default list).

    Questions that share an answer (a group) get one group key, so the search shows the
    answer once naming all of them. A question whose answer only points to other answers
    ("Zie het antwoord op vraag 135.") joins the result of each answer it points to.
    `phrasings` (by question number, as text) travel with each of the question's documents.
    """
    prefix = document.meta.id
    phrasings = phrasings or {}

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
        own = phrasings.get(str(question.number))
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
                        "asked": _asked_text(own),
                    },
                    questions=(question.number,) if ref is None else (),
                    group=group,
                    snippet_field="answer",
                    collapse_field="answer",
                    asked_as=_asked(own),
                    not_answered=_not_answered(own),
                    document=prefix,
                )
            )
    return docs


def letter_docs(
    letter: Letter, *, ref: str | None = None, phrasings: Mapping[str, Entry] | None = None
) -> list[SearchDoc]:
    """One search document per part of each numbered section; a section is one result.

    `ref` names a letter other than the default one: its keys become "ref:1.7".
    `phrasings` (by section number) travel with each part of the section."""
    docs: list[SearchDoc] = []
    phrasings = phrasings or {}
    for section in letter.sections:
        own = phrasings.get(section.number)
        title = f"{section.number} {section.title}"
        parts = section.parts or ()
        texts = [(p.heading or "", p.text) for p in parts] or [("", section.text)]
        for heading, text in texts:
            docs.append(
                SearchDoc(
                    kind="sectie",
                    key=section.number if ref is None else f"{ref}:{section.number}",
                    title=title,
                    fields={
                        "title": f"{section.title} {heading}".strip(),
                        "text": _plain(text),
                        "asked": _asked_text(own),
                    },
                    group=f"{letter.meta.id}:{section.number}",
                    snippet_field="text",
                    asked_as=_asked(own),
                    not_answered=_not_answered(own),
                    document=letter.meta.id,
                )
            )
    return docs


def commitment_docs(
    commitments: Iterable[Commitment], *, phrasings: Mapping[str, Entry] | None = None
) -> list[SearchDoc]:
    """One search document per commitment; `phrasings` by its id."""
    docs: list[SearchDoc] = []
    phrasings = phrasings or {}
    for item in commitments:
        own = phrasings.get(item.id)
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
                    "asked": _asked_text(own),
                },
                questions=tuple(sorted(questions)),
                snippet_field="text",
                asked_as=_asked(own),
                not_answered=_not_answered(own),
                document=COMMITMENTS,
            )
        )
    return docs


def _asked(entry: Entry | None) -> tuple[str, ...]:
    return tuple(entry.asked_as) if entry is not None else ()


def _not_answered(entry: Entry | None) -> tuple[str, ...]:
    return tuple(entry.not_answered) if entry is not None else ()


def _asked_text(entry: Entry | None) -> str:
    """The phrasings an item is asked as, as the words of its field "asked"."""
    return "\n".join(_asked(entry))
