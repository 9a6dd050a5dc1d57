"""A document as a whole: "@agendabot brief", `/vraag 456`, `/vraag vragenlijst`.

"/vraag brief" and "de voortgangsbrief" were searched, and got answer 228 (on "de
Kamerbrief") as if it were sure; "/vraag 456" said that question 456 does not exist. A
document asked for by name or number now gets what it is, where it stands and how to ask
for its parts: its sections, or the range of its questions.
"""

from __future__ import annotations

from agendabot.core.documents.library import Library, kind_label
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.reply.model import Context, Header, Link, Paragraph, Part, Reply
from agendabot.core.time.dutch_dates import dutch_date


def document_reply(library: Library, document: QADocument | Letter) -> Reply:
    """What `document` is, its sections or its questions, and how to ask for one."""
    meta = document.meta
    parts: list[Part] = [Header(meta.citation), Paragraph(meta.title)]
    if isinstance(document, Letter):
        lines = [f"§{s.number} {s.title}" for s in document.sections]
        first = next((s.number for s in document.sections if "." in s.number), None)
        example = library.address(document, first) if first else None
        summary, one = f"{len(lines)} paragrafen", "Een paragraaf"
        if lines:
            parts.append(Paragraph("\n".join(lines)))
    else:
        numbers = document.numbers
        summary, one = (f"{len(numbers)} vragen" if numbers else "geen vragen"), "Een vraag"
        if numbers:
            parts.append(Paragraph(f"Vragen {min(numbers)} tot en met {max(numbers)}."))
        example = library.address(document, numbers[0]) if numbers else None
    if example is not None:
        parts.append(Context((f"{one}: /vraag {example}",)))
    about = f"{kind_label(meta.kind)} · {dutch_date(meta.date)} · "
    parts.append(Context(([about, Link("officielebekendmakingen.nl", meta.url)],)))
    text = f"{meta.citation}: {meta.title} ({summary})"
    return Reply(text=text, parts=tuple(parts), ephemeral=True, more_url=meta.url)
