"""Earlier answers for people: the terminal report and Slack-sized replies.

A reply for Slack is split into several messages, each well inside Block Kit's limits
(`MESSAGE_TEXT_BUDGET` characters, `MESSAGE_BLOCK_BUDGET` blocks): the first says what was
found, then each question with its earlier answers; a question whose answers do not fit
one message continues in the next. Quotes stay verbatim; one longer than a whole message
(rare) is cut at a word with a pointer to its link.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from agendabot.core.earlier.answers import EarlierAnswer, QuestionAnswers
from agendabot.core.reply.model import (
    Context,
    Header,
    Link,
    Paragraph,
    Part,
    Reply,
    Strong,
    plain,
)

__all__ = [
    "DRAFT_NOTE",
    "NOTHING_FOUND",
    "confidence_label",
    "earlier_replies",
    "text_report",
]

NOTHING_FOUND: Final = "geen eerder antwoord gevonden"
DRAFT_NOTE: Final = (
    "Concept – startpunt, geen definitief antwoord. De eerdere antwoorden zijn letterlijk "
    "geciteerd; controleer of ze nog kloppen en pas ze aan de nieuwe vraag aan."
)
# Well inside Slack's limits (12 000 characters of block text, 50 blocks, 3000 a section).
MESSAGE_TEXT_BUDGET: Final = 9000
MESSAGE_BLOCK_BUDGET: Final = 40
_SECTION: Final = 3000


def confidence_label(confidence: float) -> str:
    """ "zekerheid 0,66 (sterk)": the search's score, and what it means in words."""
    word = "sterk" if confidence >= 0.5 else "redelijk" if confidence >= 0.25 else "zwak"
    return f"zekerheid {confidence:.2f}".replace(".", ",") + f" ({word})"


def _question_label(item: QuestionAnswers) -> str:
    return f"Vraag {item.number}"


def text_report(results: Sequence[QuestionAnswers]) -> str:
    """For the terminal: per question the question, then each earlier answer quoted."""
    lines = [DRAFT_NOTE, ""]
    for item in results:
        lines.append(f"{_question_label(item)}: {item.question}")
        if not item.earlier:
            lines += [f"  → {NOTHING_FOUND}", ""]
            continue
        for rank, answer in enumerate(item.earlier, start=1):
            lines.append(f"  {rank}. {answer.citation} · {confidence_label(answer.confidence)}")
            lines.append(f"     {answer.url}")
            lines.extend(f"     > {paragraph}" for paragraph in answer.quote.split("\n\n"))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[:limit].rsplit(" ", 1)[0]
    return head + " … (ingekort; lees verder via de link)"


def _answer_parts(answer: EarlierAnswer, rank: int) -> list[Part]:
    return [
        Paragraph([f"{rank}. ", Link(answer.citation, answer.url)]),
        Paragraph(_cut(answer.quote, MESSAGE_TEXT_BUDGET - 1500), quote=True),
        Context((f"{confidence_label(answer.confidence)} · /vraag {answer.address}",)),
    ]


def _size(parts: Sequence[Part]) -> tuple[int, int]:
    """(characters, blocks) the parts take, counted generously."""
    chars = blocks = 0
    for part in parts:
        if isinstance(part, Paragraph):
            text = plain(part.text)
            length = len(text) + (len(text) // 40 if part.quote else 0) + 200
            chars += length
            blocks += max(1, math.ceil(length / _SECTION))
        else:
            chars += 300
            blocks += 1
    return chars, blocks


def earlier_replies(results: Sequence[QuestionAnswers]) -> list[Reply]:
    """The messages for Slack: a summary, then the questions with their earlier answers."""
    found = sum(1 for item in results if item.earlier)
    summary = (
        f"Eerdere antwoorden voor {len(results)} "
        f"{'vraag' if len(results) == 1 else 'vragen'}: voor {found} gevonden."
    )
    messages: list[list[Part]] = [
        [Header("Eerdere antwoorden"), Paragraph(summary), Context((DRAFT_NOTE,))]
    ]
    for item in results:
        head: list[Part] = [Paragraph([Strong(_question_label(item)), f" {item.question}"])]
        blocks: list[list[Part]] = [head]
        if not item.earlier:
            blocks[0] = [*head, Paragraph(f"→ {NOTHING_FOUND}")]
        for rank, answer in enumerate(item.earlier, start=1):
            blocks.append(_answer_parts(answer, rank))
        for index, group in enumerate(blocks):
            current = messages[-1]
            chars, count = _size([*current, *group])
            if chars > MESSAGE_TEXT_BUDGET or count > MESSAGE_BLOCK_BUDGET:
                if index:  # the question continues in a new message
                    group = [Paragraph(Strong(f"{_question_label(item)} (vervolg)")), *group]
                messages.append(list(group))
            else:
                current.extend(group)
    return [
        Reply(
            text=summary if number == 0 else f"Eerdere antwoorden ({number + 1}/{len(messages)})",
            parts=tuple(parts),
            in_thread=True,
        )
        for number, parts in enumerate(messages)
    ]
