"""Cross-entry checks of the documents: question numbers, links, answers, letter sections.

Registered with `content_validator`; `load_content` runs them first, before the validators
of the other content files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from agendabot.content.loading import content_validator
from agendabot.content.model import Content, ContentProblem
from agendabot.core.documents.models import (
    footnote_numbers,
)


def _numbers_text(numbers: Iterable[int]) -> str:
    return ", ".join(str(n) for n in numbers)


@content_validator
def check_question_numbers(content: Content) -> Iterator[ContentProblem]:
    """Every question number once, from 1 up without gaps."""
    for doc in content.qa_lists:
        file = content.file_of(doc)
        seen: dict[int, int] = {}
        for position, question in enumerate(doc.questions, start=1):
            if question.number in seen:
                yield ContentProblem(
                    file,
                    f"vraag {question.number}",
                    "number",
                    f"komt twee keer voor (plek {seen[question.number]} en {position})",
                )
            else:
                seen[question.number] = position
        if not seen:
            yield ContentProblem(file, "document", "questions", "bevat geen vragen")
            continue
        for number in range(1, max(seen) + 1):
            if number not in seen:
                yield ContentProblem(
                    file,
                    f"vraag {number}",
                    "number",
                    f"ontbreekt: de nummering loopt van 1 tot {max(seen)} zonder gaten",
                )


@content_validator
def check_question_links(content: Content) -> Iterator[ContentProblem]:
    """References and groups point at existing questions; group members agree."""
    for doc in content.qa_lists:
        file = content.file_of(doc)
        for question in doc.questions:
            entry = f"vraag {question.number}"
            for target in question.refers_to:
                if target == question.number:
                    yield ContentProblem(file, entry, "refers_to", "verwijst naar zichzelf")
                elif target not in doc:
                    yield ContentProblem(
                        file, entry, "refers_to", f"verwijst naar vraag {target}, die niet bestaat"
                    )
            if not question.group:
                continue
            if question.number not in question.group:
                yield ContentProblem(
                    file, entry, "group", "de groep moet de vraag zelf ook bevatten"
                )
            if len(set(question.group)) != len(question.group):
                yield ContentProblem(file, entry, "group", "noemt een vraag twee keer")
            for member in question.group:
                if member not in doc:
                    yield ContentProblem(
                        file, entry, "group", f"noemt vraag {member}, die niet bestaat"
                    )
                    continue
                other = doc.question(member)
                if member != question.number and sorted(other.group) != sorted(question.group):
                    theirs = _numbers_text(other.group) if other.group else "geen groep"
                    yield ContentProblem(
                        file,
                        entry,
                        "group",
                        f"[{_numbers_text(question.group)}] verschilt van de groep bij "
                        f"vraag {member} ({theirs})",
                    )


@content_validator
def check_answers(content: Content) -> Iterator[ContentProblem]:
    """Every question resolves to answer text; footnote markers and footnotes match."""
    for doc in content.qa_lists:
        file = content.file_of(doc)
        for question in doc.questions:
            entry = f"vraag {question.number}"
            if not doc.resolve(question.number).text.strip():
                yield ContentProblem(
                    file,
                    entry,
                    "answer",
                    "is leeg en de vraag hoort niet bij een groep met een antwoord",
                )
            markers = footnote_numbers(question.question + "\n" + question.answer)
            notes = [note.number for note in question.footnotes]
            for number in markers:
                if number not in notes:
                    yield ContentProblem(
                        file,
                        entry,
                        "footnotes",
                        f"de tekst verwijst naar [{number}], die ontbreekt",
                    )
            for number in notes:
                if number not in markers:
                    yield ContentProblem(
                        file,
                        entry,
                        "footnotes",
                        f"voetnoot {number} staat er, maar de tekst verwijst er niet naar",
                    )


@content_validator
def check_letters(content: Content) -> Iterator[ContentProblem]:
    """Section numbers once; pillars and tables point at what exists."""
    for letter in content.letters:
        file = content.file_of(letter)
        seen: set[str] = set()
        pillars = {pillar.number for pillar in letter.pillars}
        for section in letter.sections:
            entry = f"paragraaf {section.number}"
            if section.number in seen:
                yield ContentProblem(file, entry, "number", "komt twee keer voor")
            seen.add(section.number)
            if section.pillar is not None and section.pillar not in pillars:
                yield ContentProblem(
                    file, entry, "pillar", f"pijler {section.pillar} bestaat niet in deze brief"
                )
        for table in letter.tables:
            if table.section is not None and table.section not in seen:
                yield ContentProblem(
                    file,
                    f"tabel {table.caption}",
                    "section",
                    f"paragraaf {table.section} bestaat niet in deze brief",
                )
        numbers = [note.number for note in letter.footnotes]
        for number in sorted({n for n in numbers if numbers.count(n) > 1}):
            yield ContentProblem(file, f"voetnoot {number}", "number", "komt twee keer voor")
