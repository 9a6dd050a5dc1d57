"""The replies to a search as neutral `Reply` values: candidates when unsure, the other
good results, the middle band's "Ook relevant", and the other numbers of a list asked for
(pure; Dutch text)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from agendabot.core.bot.messages import (
    SHOW_ANSWER,
    SHOW_COMMITMENT,
    SHOW_SECTION,
    SNIPPET_MAX,
    TITLE_MAX,
    range_message,
    sections_message,
    shorten,
)
from agendabot.core.documents.models import Letter, QADocument
from agendabot.core.documents.present import numbers_phrase
from agendabot.core.reply.model import (
    Button,
    Buttons,
    Context,
    Paragraph,
    Part,
    Reply,
    Span,
    Strong,
    simple,
)
from agendabot.core.search import SearchHit

REQUESTED_SHOWN: Final = 5  # buttons for the other numbers of a list (`/vraag 47, 48`)


def hit_label(hit: SearchHit) -> str:
    if hit.kind == "vraag":
        return f"Vraag {hit.key}"
    if hit.kind == "sectie":
        return f"§{hit.key}"
    return "Toezegging"


def hit_button(hit: SearchHit, label: str | None = None) -> Button:
    text = label or f"Toon {hit_label(hit).lower() if hit.kind != 'vraag' else hit_label(hit)}"
    if hit.kind == "vraag":
        return Button(text, SHOW_ANSWER, value=hit.key)
    if hit.kind == "sectie":
        return Button(text, SHOW_SECTION, value=hit.key)
    return Button(text, SHOW_COMMITMENT, value=hit.key)


def candidates_reply(hits: Sequence[SearchHit]) -> Reply:
    """The search declined: the closest candidates, each with a snippet and a button."""
    intro = "Ik weet het niet zeker. Bedoel je een van deze?"
    parts: list[Part] = [Paragraph(intro)]
    for hit in hits[:3]:
        head = f"{hit_label(hit)}: {shorten(hit.title, TITLE_MAX)}"
        if hit.kind == "toezegging":
            head = f"Toezegging: {shorten(hit.title, TITLE_MAX)}"
        body: list[Span] = [Strong(head)]
        if hit.snippet:
            body += ["\n", shorten(hit.snippet, SNIPPET_MAX)]
        parts.append(Paragraph(body))
        parts.append(Buttons((hit_button(hit, "Toon het antwoord"),)))
    parts.append(Context(("Niets bij? Probeer andere woorden, of /vraag 47 voor vraag 47.",)))
    titles = "; ".join(f"{hit_label(h)}: {shorten(h.title, 80)}" for h in hits[:3])
    return Reply(text=f"{intro} {titles}", parts=tuple(parts), ephemeral=True)


def nothing_found_reply() -> Reply:
    return simple(
        "Daar vond ik niets over in de antwoorden, de brief of de toezeggingen. "
        "Probeer andere woorden, of /vraag 47 voor een vraag op nummer."
    )


def off_topic_reply() -> Reply:
    """The query is about another topic than the documents (`SearchResponse.off_topic`)."""
    return simple(
        "Daar gaan de antwoorden, de brief en de toezeggingen van de Actieagenda niet over. "
        "Vraag naar een onderwerp uit de agenda, of /vraag 47 voor een vraag op nummer."
    )


def with_alternatives(reply: Reply, hits: Sequence[SearchHit]) -> Reply:
    """Add a row of buttons to other good results (at most two)."""
    if not hits:
        return reply
    buttons = tuple(hit_button(hit, f"Ook: {hit_label(hit)}") for hit in hits[:2])
    parts = (*reply.parts, Context(("Misschien ook relevant:",)), Buttons(buttons))
    return replace(reply, parts=parts)


def unknown_numbers(missing: Sequence[str], qa: QADocument, letter: Letter) -> str:
    """ "Vraag 999 ken ik niet.", "Vragen 998 en 999 …", "Paragraaf 1.9 …", then what there
    is: the list's questions, or the letter's paragraphs (a look-up asks for one kind)."""
    if all("." in m for m in missing):
        which = "Paragraaf" if len(missing) == 1 else "Paragrafen"
        known = sections_message(letter)
    else:
        which = "Vraag" if len(missing) == 1 else "Vragen"
        known = range_message(qa)
    return f"{which} {numbers_phrase(missing[:5])} ken ik niet. {known}"


def with_requested(reply: Reply, hits: Sequence[SearchHit], unknown: str | None) -> Reply:
    """A list of numbers (`/vraag 47, 48`): the first is shown in `reply`; the others asked
    for get a button each (at most `REQUESTED_SHOWN`), and `unknown` names those that do
    not exist (`unknown_numbers`)."""
    parts: list[Part] = list(reply.parts)
    text = reply.text
    if hits:
        shown = hits[:REQUESTED_SHOWN]
        parts.append(Context(("Je vroeg ook naar:",)))
        parts.append(Buttons(tuple(hit_button(hit, f"Toon {hit_label(hit)}") for hit in shown)))
        if len(hits) > len(shown):
            rest = len(hits) - len(shown)
            parts.append(
                Context(
                    (f"En nog {rest}: vraag die apart op, zoals /vraag {hits[len(shown)].key}.",)
                )
            )
        text = f"{text} (Je vroeg ook naar: {', '.join(hit_label(h) for h in hits)})"
    if unknown:
        parts.append(Context((unknown,)))
    return replace(reply, text=text, parts=tuple(parts))


def with_also_relevant(reply: Reply, hits: Sequence[SearchHit], *, sure: bool = False) -> Reply:
    """The middle band: the best answer, then the next one or two named as "Ook relevant",
    each with its title and a button. The best answer is likely, not certain; `sure`: it is
    as sure as an answer, and the others are named because they may be right too."""
    if not hits:
        return reply
    names = "; ".join(f"{hit_label(h)}: {shorten(h.title, 80)}" for h in hits[:2])
    heading = "Ook relevant:" if sure else "Niet helemaal zeker. Ook relevant:"
    parts: list[Part] = [*reply.parts, Context((heading,))]
    for hit in hits[:2]:
        parts.append(Paragraph([Strong(f"{hit_label(hit)}: "), shorten(hit.title, TITLE_MAX)]))
    parts.append(Buttons(tuple(hit_button(hit, f"Toon {hit_label(hit)}") for hit in hits[:2])))
    return replace(reply, text=f"{reply.text} (Ook relevant: {names})", parts=tuple(parts))
