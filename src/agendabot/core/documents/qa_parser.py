"""Parse a list of questions and answers (*lijst van vragen en antwoorden*) dumped from PDF.

The parser is general: it knows the shape of such lists, not this particular one.

- A question starts at a heading "Vraag N" (also misspelled, e.g. "Vraagt 46").
- Its answer starts at a heading "Antwoord", "Antwoord N", or a group heading such as
  "Antwoord op vragen 47, 79, … en 124" / "Antwoorden op vraag 169 en vraag 170" (a
  heading may wrap onto the next line). The text after a group heading is the group's
  shared answer; every member of the group gets the same `group`.
- References to other answers ("Zie antwoord op vraag 70", "Zie de antwoorden op vraag
  72 en 96", "Zie ook het antwoord onder vraag 18", "vragen 39 t/m 42") become `refers_to`.
- Page furniture and footnotes are handled by `agendabot.core.documents.text`.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from agendabot.core.documents.models import (
    DocumentMeta,
    Footnote,
    QADocument,
    Question,
    footnote_numbers,
)
from agendabot.core.documents.text import (
    BodyItem,
    FooterInfo,
    RawFootnote,
    build_vocabulary,
    find_footer,
    link_footnote_markers,
    reflow,
    strip_page_furniture,
)

__all__ = [
    "ParsedQA",
    "find_references",
    "parse_number_list",
    "parse_qa",
    "qa_footer",
]

_QUESTION_HEADING = re.compile(r"^Vraag\w*\s+(\d{1,4})\s*[.:]?$")
# A question numbered without the word: "1", "1." or "1)" alone, or "1. Bent u bekend …".
# Taken only for the number that comes next, so numbered lists in answers stay text.
_BARE_NUMBER = re.compile(r"^(\d{1,4})\s*[.)]?$")
_INLINE_NUMBER = re.compile(r"^(?:Vraag\s+)?(\d{1,4})\s*[.)]\s+(?P<text>\S.*)$")
_ANSWER_HEADING = re.compile(r"^Antwoord(?:en)?(?:\s+(?P<rest>.*?))?\s*:?$")
# "Antwoord van minister … (ontvangen …)": the start of the answers, not an answer itself.
_ANSWERS_BY = re.compile(r"^(?:Antwoord(?:en)?|Mededeling) van\b")
_NUMBER_LIST_WORDS = re.compile(
    r"^(?:op\s+)?(?:de\s+)?(?:vraag|vragen)?\s*"
    r"(?P<list>(?:\d{1,4}|,|en|vraag|vragen|t/m|tot|met|&|\s)*)$"
)
_LIST_CONTINUES = re.compile(r"(?:,|\ben|t/m|tot en met|&|\bvraag|\bvragen)\s*$")
_NUMBERS_ONLY = re.compile(r"^[\d\s,&]*(?:\b(?:en|t/m)\b[\d\s,]*)*$")
_RANGE = re.compile(r"(\d{1,4})\s*(?:t/m|tot en met)\s*(\d{1,4})")
_REFERENCE = re.compile(
    r"\b(?:vraag|vragen|antwoord|antwoorden)\s+"
    r"(?P<list>\d{1,3}(?!\d)(?:\s*(?:,|\ben\b|t/m|tot en met|&)\s*(?:vraag\s+)?\d{1,3}(?!\d))*)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class ParsedQA:
    """The result of parsing: the document, plus what a reviewer should look at."""

    document: QADocument
    warnings: list[str] = field(default_factory=list)
    unlinked_footnotes: list[int] = field(default_factory=list)

    @property
    def groups(self) -> list[tuple[int, ...]]:
        seen: list[tuple[int, ...]] = []
        for question in self.document.questions:
            if question.group and question.group not in seen:
                seen.append(question.group)
        return seen


@dataclass(slots=True)
class _Chunk:
    number: int
    question: list[BodyItem] = field(default_factory=list)
    answer: list[BodyItem] = field(default_factory=list)
    answer_heading: str | None = None
    group: tuple[int, ...] = ()
    in_answer: bool = False


def parse_number_list(text: str) -> list[int]:
    """Numbers in "47, 79, 80 en 124", "169 en vraag 170" or "39 t/m 42", in order."""
    numbers: list[int] = []
    position = 0
    for match in _RANGE.finditer(text):
        numbers.extend(int(n) for n in re.findall(r"\d+", text[position : match.start()]))
        low, high = int(match[1]), int(match[2])
        numbers.extend(range(low, high + 1) if low <= high and high - low < 100 else (low, high))
        position = match.end()
    numbers.extend(int(n) for n in re.findall(r"\d+", text[position:]))
    unique: list[int] = []
    for number in numbers:
        if number not in unique:
            unique.append(number)
    return unique


def find_references(text: str, *, own_number: int | None = None) -> list[int]:
    """Question numbers whose answers `text` points to, in order of first mention."""
    found: list[int] = []
    flat = " ".join(text.split())
    for match in _REFERENCE.finditer(flat):
        for number in parse_number_list(match["list"]):
            if number != own_number and number not in found:
                found.append(number)
    return found


def qa_footer(text: str) -> FooterInfo | None:
    """Dossier and number as printed in the page footers of a Q&A list, if any."""
    return find_footer(text.splitlines())


def _answer_heading(line: str, following: str | None) -> tuple[list[int], bool] | None:
    """Parse an answer heading; returns (numbers, consumed_next_line) or None."""
    match = _ANSWER_HEADING.match(line)
    if not match:
        return None
    rest = (match["rest"] or "").strip()
    if not rest:
        return [], False
    words = _NUMBER_LIST_WORDS.match(rest)
    if not words or not re.search(r"\d", rest):
        return None
    consumed = False
    listed = words["list"]
    if _LIST_CONTINUES.search(listed) and following and _NUMBERS_ONLY.match(following.strip()):
        listed = f"{listed} {following.strip()}"
        consumed = True
    return parse_number_list(listed), consumed


def _typical_width(items: Sequence[BodyItem]) -> int:
    lengths = [len(item) for item in items if isinstance(item, str) and len(item) >= 30]
    return int(statistics.median(lengths)) if lengths else 70


def _next_line(body: Sequence[BodyItem], index: int) -> str | None:
    for item in body[index + 1 :]:
        if isinstance(item, str) and item.strip():
            return item
    return None


def parse_qa(text: str, meta: DocumentMeta) -> ParsedQA:
    """Parse the text dump of a Q&A list into a validated `QADocument`."""
    cleaned = strip_page_furniture(text.splitlines())
    body = cleaned.body
    warnings = list(cleaned.warnings)
    warnings += link_footnote_markers(body, cleaned.footnotes)
    vocabulary = build_vocabulary(body)
    fill_width = round(0.93 * _typical_width(body))

    chunks: list[_Chunk] = []
    by_number: dict[int, _Chunk] = {}
    preamble: list[str] = []
    current: _Chunk | None = None
    index = 0
    while index < len(body):
        item = body[index]
        line = item.strip() if isinstance(item, str) else ""
        expected = chunks[-1].number + 1 if chunks else 1
        start = _question_start(line, expected)
        answer = _answer_heading(line, _next_line(body, index)) if line else None
        if line and _ANSWERS_BY.match(line):
            pass  # the answers' header (minister, date), between questions and answers
        elif start is not None and start[0] in by_number and not by_number[start[0]].in_answer:
            # The answers follow all the questions, numbered again: "1", "2", ….
            current = by_number[start[0]]
            current.in_answer = True
            if start[1]:
                current.answer.append(start[1])
        elif start is not None and start[0] not in by_number:
            current = _Chunk(number=start[0])
            chunks.append(current)
            by_number[current.number] = current
            if start[1]:
                current.question.append(start[1])
        elif answer is not None and current is not None:
            numbers, consumed = answer
            if current.in_answer:
                warnings.append(f"vraag {current.number}: tweede antwoordkop '{line}'")
            current.in_answer = True
            current.answer_heading = line
            if len(numbers) > 1:
                if current.number not in numbers:
                    warnings.append(
                        f"vraag {current.number}: de kop '{line}' noemt deze vraag niet"
                    )
                    numbers = [*numbers, current.number]
                current.group = tuple(sorted(numbers))
            elif numbers and numbers[0] != current.number:
                warnings.append(f"vraag {current.number}: de kop '{line}' noemt vraag {numbers[0]}")
            if consumed:
                index = _skip_to_next_line(body, index)
        elif current is not None:
            (current.answer if current.in_answer else current.question).append(item)
        elif line:
            preamble.append(line)
        index += 1
    if preamble:
        warnings.append(
            f"{len(preamble)} regel(s) kop en inleiding voor de eerste vraag overgeslagen, "
            f"vanaf '{preamble[0][:60]}'"
        )
    for chunk in chunks:
        _split_unlabelled(chunk)

    groups = _collect_groups(chunks, warnings)
    _check_numbering(chunks, warnings)
    footnotes = {note.number: note for note in cleaned.footnotes}
    used: set[int] = set()
    questions: list[Question] = []
    for chunk in chunks:
        question_text = reflow(chunk.question, vocabulary, fill_width=fill_width)
        answer_text = reflow(chunk.answer, vocabulary, fill_width=fill_width)
        group = groups.get(chunk.number, ())
        if not chunk.in_answer and not group:
            warnings.append(f"vraag {chunk.number}: geen antwoord gevonden")
        notes = _footnotes_for(question_text + "\n" + answer_text, footnotes, chunk, warnings)
        used.update(note.number for note in notes)
        questions.append(
            Question(
                number=chunk.number,
                question=question_text,
                answer=answer_text,
                group=group,
                refers_to=tuple(find_references(answer_text, own_number=chunk.number)),
                footnotes=notes,
            )
        )
    unlinked = sorted(set(footnotes) - used)
    for number in unlinked:
        warnings.append(f"voetnoot {number} hoort bij geen enkele vraag")
    document = QADocument(meta=meta, questions=tuple(questions))
    return ParsedQA(document=document, warnings=warnings, unlinked_footnotes=unlinked)


def _question_start(line: str, expected: int) -> tuple[int, str] | None:
    """(number, first words) when `line` starts a question: "Vraag 7" always; "7", "7." and
    "7. Bent u …" only when 7 is the `expected` next number."""
    if not line:
        return None
    heading = _QUESTION_HEADING.match(line)
    if heading:
        return int(heading[1]), ""
    bare = _BARE_NUMBER.match(line)
    if bare and int(bare[1]) == expected:
        return expected, ""
    inline = _INLINE_NUMBER.match(line)
    if inline and int(inline[1]) == expected:
        return expected, inline["text"]
    return None


def _split_unlabelled(chunk: _Chunk) -> None:
    """Without an "Antwoord" label, the question runs to its first line ending in "?"."""
    if chunk.in_answer or chunk.group:
        return
    for position, item in enumerate(chunk.question):
        if isinstance(item, str) and item.rstrip().endswith("?"):
            rest = chunk.question[position + 1 :]
            if any(isinstance(x, str) and x.strip() for x in rest) or any(
                not isinstance(x, str) for x in rest
            ):
                chunk.question, chunk.answer = chunk.question[: position + 1], list(rest)
                chunk.in_answer = True
            return


def _skip_to_next_line(body: Sequence[BodyItem], index: int) -> int:
    for later in range(index + 1, len(body)):
        item = body[later]
        if isinstance(item, str) and item.strip():
            return later
    return index


def _collect_groups(chunks: Sequence[_Chunk], warnings: list[str]) -> dict[int, tuple[int, ...]]:
    groups: dict[int, tuple[int, ...]] = {}
    for chunk in chunks:
        if not chunk.group:
            continue
        for member in chunk.group:
            if member in groups and groups[member] != chunk.group:
                warnings.append(
                    f"vraag {member} staat in twee groepen: {groups[member]} en {chunk.group}"
                )
                continue
            groups[member] = chunk.group
    return groups


def _check_numbering(chunks: Sequence[_Chunk], warnings: list[str]) -> None:
    expected = 1
    seen: set[int] = set()
    for chunk in chunks:
        if chunk.number in seen:
            warnings.append(f"vraag {chunk.number} komt meer dan eens voor")
        elif chunk.number != expected:
            warnings.append(f"vraag {chunk.number} volgt op vraag {expected - 1}")
        seen.add(chunk.number)
        expected = chunk.number + 1


def _footnotes_for(
    text: str, footnotes: dict[int, RawFootnote], chunk: _Chunk, warnings: list[str]
) -> tuple[Footnote, ...]:
    notes: list[Footnote] = []
    for number in footnote_numbers(text):
        raw = footnotes.get(number)
        if raw is None:
            warnings.append(f"vraag {chunk.number}: voetnoot [{number}] bestaat niet")
            continue
        note = Footnote(number=number, text=raw.text, url=raw.url)
        if note not in notes:
            notes.append(note)
    return tuple(notes)
