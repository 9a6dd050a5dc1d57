"""What `/agenda` and the App Home say: deadline lists, overdue items, help, the home view."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Final

from agendabot.core.agenda.commitments import (
    DeadlineItem,
    join_dutch,
)
from agendabot.core.bot.messages import TITLE_MAX, pillar_phrase, shorten
from agendabot.core.kamervragen.model import KamervragenSet
from agendabot.core.kamervragen.present import set_lines
from agendabot.core.reply.model import (
    Context,
    Divider,
    Header,
    Paragraph,
    Part,
    Reply,
    Span,
    Strong,
    simple,
)
from agendabot.core.time.dutch_dates import dutch_date

OVERDUE_SHOWN: Final = 10
HOME_UPCOMING_SHOWN: Final = 10
HOME_OVERDUE_SHOWN: Final = 5
AGENDA_HELP_LINES: Final = (
    "/agenda deadlines [pijler 1|2] [weken N] — wat binnenkort moet, en wat over de datum is",
    "/agenda toezegging ID — één toezegging met bron en termijn",
    "/agenda abonneer pijler 1|2|alles — weekoverzicht in dit kanaal (in een DM: voor jou)",
    "/agenda opzeggen pijler 1|2|alles — weekoverzicht stoppen",
    "/agenda abonnementen — wat dit kanaal volgt",
    "/agenda kamervragen — open Kamervragen met hun termijn en de dagen die resten",
    "/agenda afgerond ID [link] — toezegging afgerond melden",
    "/agenda vervallen ID [reden] — toezegging vervallen melden",
    "/agenda heropen ID [reden] — toezegging weer open zetten (bij een vergissing)",
)


def deadline_line(item: DeadlineItem) -> list[Span]:
    c = item.commitment
    line: list[Span] = ["• ", Strong(shorten(c.title, TITLE_MAX)), f" — {dutch_date(c.due)}"]
    if item.overdue:
        line.append(" · over de datum")
    if item.status != "open":
        line.append(f" · {item.status}")
    if c.pillar is not None:
        line.append(f" · pijler {c.pillar}")
    line.append(f" · {c.id}")
    return line


def deadline_lines(items: Sequence[DeadlineItem]) -> list[Span]:
    spans: list[Span] = []
    for index, item in enumerate(items):
        if index:
            spans.append("\n")
        spans.extend(deadline_line(item))
    return spans


def _overdue_parts(overdue: Sequence[DeadlineItem], shown: int) -> list[Part]:
    """Overdue items, the most recently due `shown` of them when there are more."""
    if not overdue:
        return []
    head = f"Over de datum ({len(overdue)})"
    recent = list(overdue[-shown:]) if shown else []
    parts: list[Part] = []
    if len(recent) < len(overdue):
        head += f", de {len(recent)} meest recente" if recent else ""
    parts.append(Paragraph(Strong(head)))
    if recent:
        parts.append(Paragraph(deadline_lines(recent)))
    return parts


def deadlines_reply(
    items: Sequence[DeadlineItem],
    *,
    today: date,
    weeks: int,
    pillar: int | None,
    overdue_shown: int = OVERDUE_SHOWN,
    kamervragen: Sequence[KamervragenSet] = (),
) -> Reply:
    """`/agenda deadlines`: open commitments due in the window, and those over the date;
    first the open Kamervragen due in it or over the date (`kamervragen`), the tightest
    deadlines the team has."""
    end = today + timedelta(weeks=weeks)
    scope = f", pijler {pillar}" if pillar is not None else ""
    heading = f"Deadlines t/m {dutch_date(end)}{scope}"
    if not items and not kamervragen:
        return simple(f"Geen open toezeggingen met een deadline t/m {dutch_date(end)}{scope}.")
    overdue = [i for i in items if i.overdue]
    upcoming = [i for i in items if not i.overdue]
    parts: list[Part] = [Header(heading)]
    if kamervragen:
        parts.append(Paragraph(Strong(f"Kamervragen ({len(kamervragen)})")))
        parts.append(Paragraph(set_lines(kamervragen, today)))
    parts.append(Paragraph(Strong(f"Binnenkort ({len(upcoming)})")))
    if upcoming:
        parts.append(Paragraph(deadline_lines(upcoming)))
    else:
        parts.append(Paragraph(f"Niets met een deadline t/m {dutch_date(end)}."))
    parts += _overdue_parts(overdue, overdue_shown)
    parts.append(
        Context(
            (
                "Meer over één toezegging: /agenda toezegging ID. "
                "Afgerond? /agenda afgerond ID [link].",
            )
        )
    )
    text = f"{heading}: {len(upcoming)} binnenkort, {len(overdue)} over de datum."
    if kamervragen:
        text += f" Open Kamervragen: {len(kamervragen)}."
    return Reply(text=text, parts=tuple(parts), ephemeral=True)


def agenda_help(unknown: str | None = None) -> Reply:
    intro = "Dit kan ik met /agenda:"
    if unknown:
        intro = f"'{shorten(unknown, 40)}' ken ik niet. {intro}"
    parts: tuple[Part, ...] = (Paragraph(intro), Context(AGENDA_HELP_LINES))
    return Reply(text=f"{intro} " + " · ".join(AGENDA_HELP_LINES), parts=parts, ephemeral=True)


def unknown_commitment(wanted: str, suggestions: Sequence[str]) -> Reply:
    shown = shorten(wanted, 64)
    message = f"Toezegging '{shown}' ken ik niet."
    if suggestions:
        message += f" Bedoel je {join_dutch(list(suggestions))}?"
    else:
        message += " Alle ids staan in /agenda deadlines weken 104."
    return simple(message)


def home_reply(
    *,
    pillars: Sequence[str],
    items: Sequence[DeadlineItem],
    weeks: int,
    today: date,
    kamervragen: Sequence[KamervragenSet] = (),
) -> Reply:
    """The App Home: subscriptions, next deadlines of the followed pillars, the open
    Kamervragen, short help."""
    parts: list[Part] = [Header("Actieagenda Integratie")]
    if pillars:
        followed = join_dutch([pillar_phrase(p) for p in pillars])
        parts.append(Paragraph(f"Je volgt {followed}; het weekoverzicht komt in je DM."))
    else:
        parts.append(
            Paragraph(
                "Je volgt nog niets. Stuur /agenda abonneer pijler 1, 2 of alles in een DM "
                "met mij voor een persoonlijk weekoverzicht, of in een kanaal voor het hele team."
            )
        )
    end = today + timedelta(weeks=weeks)
    scope = join_dutch([pillar_phrase(p) for p in pillars]) if pillars else "alle pijlers"
    upcoming = [i for i in items if not i.overdue]
    overdue = [i for i in items if i.overdue]
    parts.append(Divider())
    parts.append(Paragraph(Strong(f"Deadlines t/m {dutch_date(end)} ({scope})")))
    if upcoming:
        parts.append(Paragraph(deadline_lines(upcoming[:HOME_UPCOMING_SHOWN])))
        if len(upcoming) > HOME_UPCOMING_SHOWN:
            rest = len(upcoming) - HOME_UPCOMING_SHOWN
            parts.append(Context((f"… en nog {rest}; alles: /agenda deadlines",)))
    else:
        parts.append(Paragraph("Geen open toezeggingen in deze periode."))
    parts += _overdue_parts(overdue, HOME_OVERDUE_SHOWN)
    if kamervragen:
        shown = sorted(kamervragen, key=lambda s: (s.due, s.id))[:HOME_UPCOMING_SHOWN]
        parts.append(Paragraph(Strong(f"Open Kamervragen ({len(kamervragen)})")))
        parts.append(Paragraph(set_lines(shown, today)))
    parts.append(Divider())
    parts.append(Paragraph(Strong("Zo werkt het")))
    parts.append(
        Context(
            (
                "/vraag 47 — een vraag uit de lijst met antwoorden",
                "/vraag <vraag in woorden> — zoeken in de antwoorden, de brief en de toezeggingen",
                "@agendabot <vraag> in een kanaal — antwoord in de draad",
                "/agenda help — deadlines, toezeggingen en abonnementen",
            )
        )
    )
    return Reply(text="Actieagenda Integratie: je abonnementen en deadlines.", parts=tuple(parts))
