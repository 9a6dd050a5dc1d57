"""A Word draft (.docx, python-docx) of the earlier answers for a new set of questions.

    data = draft_docx(results, title="Kamervragen van het lid Jansen")   # bytes

Layout, in order: a title, the note that this is a starting point ("Concept – startpunt,
geen definitief antwoord"), then per question a heading "Vraag N", the question, and each
earlier answer as a quote (style "Quote") followed by its citation, link and confidence;
"geen eerder antwoord gevonden" where nothing fits.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.shared import Pt

from agendabot.core.earlier.answers import QuestionAnswers
from agendabot.core.earlier.present import DRAFT_NOTE, NOTHING_FOUND, confidence_label

__all__ = ["DRAFT_MARK", "docx_text", "draft_docx"]

DRAFT_MARK = "Concept – startpunt, geen definitief antwoord"


def draft_docx(results: Sequence[QuestionAnswers], *, title: str) -> bytes:
    """The draft as .docx bytes."""
    document = Document()
    document.core_properties.title = title
    document.core_properties.subject = DRAFT_MARK
    document.add_heading(title, level=0)
    mark = document.add_paragraph()
    run = mark.add_run(DRAFT_MARK)
    run.bold = True
    document.add_paragraph(DRAFT_NOTE.removeprefix(DRAFT_MARK + ". "))
    for item in results:
        document.add_heading(f"Vraag {item.number}", level=1)
        document.add_paragraph(item.question)
        if not item.earlier:
            document.add_paragraph().add_run(NOTHING_FOUND.capitalize() + ".").italic = True
            continue
        for rank, answer in enumerate(item.earlier, start=1):
            document.add_heading(f"Eerder antwoord {rank}", level=2)
            for text in answer.quote.split("\n\n"):
                document.add_paragraph(text, style="Quote")
            source = document.add_paragraph()
            source.add_run(f"Bron: {answer.citation}").bold = True
            source.add_run(f" — {answer.url}")
            note = source.add_run(f" ({confidence_label(answer.confidence)})")
            note.font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_text(data: bytes) -> str:
    """The text of a .docx (a file of new questions shared with the bot), a line per
    paragraph; ValueError when it is not a Word document."""
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ValueError("not a .docx document") from exc
    return "\n".join(paragraph.text for paragraph in document.paragraphs)
