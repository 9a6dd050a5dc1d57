"""Open Kamervragen for people: JSON records, days left, list lines and replies.

Used by `agendabot deadlines` (kind "kamervragen"), `/agenda kamervragen`, the App Home,
the weekly digest and the iCalendar feed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Final

from agendabot.core.kamervragen.model import KamervragenSet
from agendabot.core.reply.model import Context, Header, Link, Paragraph, Part, Reply, Span, Strong
from agendabot.core.time.dutch_dates import dutch_date

__all__ = [
    "KIND",
    "days_left_text",
    "kamervragen_reply",
    "open_sets",
    "select_sets",
    "set_line",
    "set_lines",
    "set_record",
    "text_lines",
]

KIND: Final = "kamervragen"
SUBJECT_MAX: Final = 90


def open_sets(sets: Iterable[KamervragenSet], *, everything: bool = False) -> list[KamervragenSet]:
    """The open sets (all sets with `everything`), by deadline."""
    chosen = [s for s in sets if everything or s.is_open]
    return sorted(chosen, key=lambda s: (s.due, s.id))


def days_left_text(found: KamervragenSet, today: dt.date) -> str:
    """ "nog 5 dagen", "morgen", "vandaag", "3 dagen over de datum", "beantwoord"."""
    if not found.is_open:
        return "beantwoord"
    left = found.days_left(today)
    if left > 1:
        return f"nog {left} dagen"
    if left == 1:
        return "morgen"
    if left == 0:
        return "vandaag"
    return f"{-left} {'dag' if left == -1 else 'dagen'} over de datum"


def _about(found: KamervragenSet) -> str:
    subject = found.subject or found.title
    return subject if len(subject) <= SUBJECT_MAX else subject[: SUBJECT_MAX - 1] + "…"


def set_line(found: KamervragenSet, today: dt.date, *, year: bool = False) -> list[Span]:
    """ "• *Kamervragen Jansen: de taaleis …* — 11 december · nog 5 dagen · kv-…"."""
    who = ", ".join(found.members)
    when = dutch_date(found.due, year=year or found.due.year != today.year)
    line: list[Span] = ["• ", Strong(f"Kamervragen {who}: {_about(found)}"), f" — {when}"]
    line.append(f" · {days_left_text(found, today)}")
    if found.postponements:
        line.append(" · uitgesteld")
    if found.pillar is not None:
        line.append(f" · pijler {found.pillar}")
    label = found.id
    line += [" · ", Link(label, found.url) if found.url else label]
    return line


def set_lines(sets: Sequence[KamervragenSet], today: dt.date, *, year: bool = False) -> list[Span]:
    spans: list[Span] = []
    for index, found in enumerate(sets):
        if index:
            spans.append("\n")
        spans.extend(set_line(found, today, year=year))
    return spans


def set_record(found: KamervragenSet, *, today: dt.date | None = None) -> dict[str, Any]:
    """The JSON shape, next to the commitments' records in `agendabot deadlines --json`."""
    record: dict[str, Any] = {
        "id": found.id,
        "kind": KIND,
        "title": found.title,
        "pillar": found.pillar,
        "members": list(found.members),
        "addressed": found.addressed,
        "subject": found.subject,
        "start": found.sent.isoformat(),
        "sent": found.sent.isoformat(),
        "due": found.due.isoformat(),
        "status": found.status,
        "source": found.citation,
        "url": found.url,
        "questions": [{"number": q.number, "text": q.text} for q in found.questions],
        "postponements": [
            {
                "received": p.received.isoformat() if p.received else None,
                "named_date": p.named_date.isoformat() if p.named_date else None,
                "due": p.due.isoformat(),
            }
            for p in found.postponements
        ],
        "answer": None if found.answer is None else found.answer.model_dump(mode="json"),
    }
    if today is not None:
        record["overdue"] = found.overdue(today)
        record["days_left"] = found.days_left(today) if found.is_open else None
    return record


def kamervragen_reply(sets: Sequence[KamervragenSet], *, today: dt.date) -> Reply:
    """`/agenda kamervragen`: the open sets with their deadline and days left."""
    shown = open_sets(sets)
    if not shown:
        return Reply(
            text="Er staan geen open Kamervragen.",
            parts=(Paragraph("Er staan geen open Kamervragen."),),
            ephemeral=True,
        )
    late = sum(1 for s in shown if s.overdue(today))
    heading = f"Open Kamervragen ({len(shown)})"
    parts: list[Part] = [Header(heading), Paragraph(set_lines(shown, today))]
    parts.append(
        Context(
            (
                "Termijn: ingezonden plus drie weken; een mededeling van uitstel geeft drie "
                "weken extra of de datum die ze noemt.",
                "Eerdere antwoorden per vraag: snelkoppeling 'Eerdere antwoorden zoeken' op "
                "het bericht met de vragen.",
            )
        )
    )
    summary = f"{heading}, waarvan {late} over de datum." if late else f"{heading}."
    return Reply(text=summary, parts=tuple(parts), ephemeral=True)


def select_sets(
    sets: Iterable[KamervragenSet],
    *,
    today: dt.date,
    weeks: int = 8,
    window: bool = True,
    overdue: bool = True,
    everything: bool = False,
    pillar: int | None = None,
) -> list[KamervragenSet]:
    """Like `select_deadlines` for commitments: every set with `everything`, else the open
    ones due from `today` up to `weeks` weeks later (`window`) and those over the date;
    with `pillar`, only the sets its subscribers see (`KamervragenSet.for_pillar`)."""
    end = today + dt.timedelta(weeks=weeks)
    chosen = []
    for found in sets:
        if not found.for_pillar(pillar):
            continue
        if everything or (
            found.is_open
            and ((window and today <= found.due <= end) or (overdue and found.due < today))
        ):
            chosen.append(found)
    return open_sets(chosen, everything=True)


def text_lines(sets: Sequence[KamervragenSet], today: dt.date) -> list[str]:
    """For `agendabot deadlines`: a block per set."""
    if not sets:
        return []
    lines = ["", f"Kamervragen ({len(sets)}):", ""]
    for found in sets:
        flags = ["OVER DE DATUM"] if found.overdue(today) else []
        if not found.is_open:
            flags.append("beantwoord")
        flag = f"  [{', '.join(flags)}]" if flags else ""
        lines.append(f"{found.due.isoformat()}  {found.id}{flag}")
        lines.append(f"    Kamervragen van {found.members_label}: {_about(found)}")
        moved = f" · uitgesteld ({len(found.postponements)}×)" if found.postponements else ""
        answer = f" · antwoord: {found.answer.citation}" if found.answer else ""
        lines.append(
            f"    ingezonden {dutch_date(found.sent)} · {len(found.questions)} vragen · "
            f"{days_left_text(found, today)}{moved}{answer}"
        )
    return lines
