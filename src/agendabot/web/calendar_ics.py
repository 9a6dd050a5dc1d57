"""The deadlines as an iCalendar file (RFC 5545) that Outlook, Google and Apple import.

One all-day `VEVENT` per commitment on its due date (`DTSTART;VALUE=DATE` and the exclusive
`DTEND` the day after, which Outlook expects), with a stable `UID` (`<id>@agendabot`), so a
re-import updates events instead of duplicating them. `SUMMARY` is the title (with the status
when it is no longer open), `DESCRIPTION` the quote and the source, `URL` the official
publication. Withdrawn commitments (*vervallen*) are `STATUS:CANCELLED`.

    agendabot ics --pillar 1 --output pijler1.ics
    GET /agenda.ics?pijler=1            (see `ics_handler`)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Final

from aiohttp import web
from icalendar import Calendar, Event

from agendabot.content import Content
from agendabot.core.agenda.commitments import Commitment, current_status, squash
from agendabot.core.kamervragen.model import KamervragenSet
from agendabot.jobs.delivery import document_links
from agendabot.state import AsyncStore

__all__ = [
    "ICS_CONTENT_TYPE",
    "UID_DOMAIN",
    "add_ics_route",
    "build_calendar",
    "calendar_for_content",
    "ics_handler",
    "parse_pillar_param",
]

UID_DOMAIN: Final = "agendabot.szw"
ICS_CONTENT_TYPE: Final = "text/calendar"
PRODID: Final = "-//SZW//agendabot Actieagenda Integratie//NL"

_STATUS_LABEL: Final = {"afgerond": "afgerond", "vervallen": "vervallen"}


def _description(commitment: Commitment, status: str, url: str | None) -> str:
    lines = [f"“{squash(commitment.quote)}”", "", f"Bron: {commitment.citation()}"]
    if url:
        lines.append(url)
    if commitment.when_text:
        lines.append(f"Termijn in de bron: “{commitment.when_text}”")
    lines.append(f"Status: {status} · id: {commitment.id}")
    return "\n".join(lines)


def build_calendar(
    commitments: Iterable[Commitment],
    statuses: Mapping[str, str],
    *,
    pillar: int | None = None,
    links: Mapping[str, str] | None = None,
    now: datetime,
    kamervragen: Iterable[KamervragenSet] = (),
) -> bytes:
    """The calendar of `commitments` (of `pillar`, or all), as iCalendar bytes, with the
    answer deadline of each set of `kamervragen` (in every calendar without a pillar).

    `now` (timezone-aware) becomes every event's `DTSTAMP`.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    links = links or {}
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = "Actieagenda Integratie: deadlines"
    if pillar is not None:
        name += f" pijler {pillar}"
    calendar.add("x-wr-calname", name)
    for commitment in sorted(commitments, key=lambda c: (c.due, c.id)):
        if pillar is not None and commitment.pillar != pillar:
            continue
        status = current_status(commitment, statuses)
        url = links.get(commitment.document)
        event = Event()
        event.add("uid", f"{commitment.id}@{UID_DOMAIN}")
        event.add("dtstamp", now)
        event.add("dtstart", commitment.due)
        event.add("dtend", commitment.due + timedelta(days=1))
        summary = commitment.title
        if status in _STATUS_LABEL:
            summary += f" ({_STATUS_LABEL[status]})"
        event.add("summary", summary)
        event.add("description", _description(commitment, status, url))
        if url:
            event.add("url", url)
        if commitment.pillar is not None:
            event.add("categories", [f"Pijler {commitment.pillar}"])
        event.add("status", "CANCELLED" if status == "vervallen" else "CONFIRMED")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    for found in kamervragen if pillar is None else ():
        calendar.add_component(_set_event(found, now))
    data: bytes = calendar.to_ical()
    return data


def _set_event(found: KamervragenSet, now: datetime) -> Event:
    """The deadline of a set of Kamervragen (answered: `STATUS:CANCELLED`, it is done)."""
    event = Event()
    event.add("uid", f"kamervragen-{found.id.lower()}@{UID_DOMAIN}")
    event.add("dtstamp", now)
    event.add("dtstart", found.due)
    event.add("dtend", found.due + timedelta(days=1))
    done = "" if found.is_open else " (beantwoord)"
    event.add("summary", f"Antwoord Kamervragen {', '.join(found.members)}{done}")
    lines = [found.title, "", *(f"{q.number}. {q.text}" for q in found.questions)]
    lines += ["", f"Ingezonden {found.sent.isoformat()}; termijn drie weken, plus uitstel."]
    lines.append(f"id: {found.id}")
    event.add("description", "\n".join(lines))
    if found.url:
        event.add("url", found.url)
    event.add("categories", ["Kamervragen"])
    event.add("status", "CONFIRMED" if found.is_open else "CANCELLED")
    event.add("transp", "TRANSPARENT")
    return event


def calendar_for_content(
    content: Content, statuses: Mapping[str, str], *, pillar: int | None, now: datetime
) -> bytes:
    return build_calendar(
        content.commitments,
        statuses,
        pillar=pillar,
        links=document_links(content),
        now=now,
        kamervragen=content.kamervragen,
    )


def parse_pillar_param(value: str | None) -> int | None:
    """`?pijler=` → 1, 2 or None (absent, empty, "all" or "alles"); ValueError otherwise."""
    if value is None:
        return None
    text = value.strip().lower()
    if text in ("", "all", "alles"):
        return None
    if text in ("1", "2"):
        return int(text)
    raise ValueError(text)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def ics_handler(
    content_provider: Callable[[], Content],
    store: AsyncStore | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
) -> Handler:
    """An aiohttp handler for `GET /agenda.ics?pijler=1|2` (without it: every pillar).

    Statuses come from `store` when given (a database that is away gives 503). A bad
    `pijler` gets 400 with a Dutch sentence.
    """

    now_of = clock or (lambda: datetime.now(UTC))

    async def handle(request: web.Request) -> web.StreamResponse:
        try:
            pillar = parse_pillar_param(request.query.get("pijler"))
        except ValueError:
            return web.Response(
                status=400,
                text="Pijler bestaat niet; gebruik ?pijler=1 of ?pijler=2 (of niets voor alles).\n",
                charset="utf-8",
            )
        statuses: dict[str, str] = {}
        if store is not None:
            try:
                current = await store.statuses.current_statuses()
            except Exception:
                return web.Response(
                    status=503,
                    text="De agenda is even niet beschikbaar; probeer het zo opnieuw.\n",
                    charset="utf-8",
                )
            statuses = {cid: change.status for cid, change in current.items()}
        body = calendar_for_content(content_provider(), statuses, pillar=pillar, now=now_of())
        name = f"agenda-pijler-{pillar}.ics" if pillar else "agenda.ics"
        return web.Response(
            body=body,
            content_type=ICS_CONTENT_TYPE,
            charset="utf-8",
            headers={"Content-Disposition": f'inline; filename="{name}"'},
        )

    return handle


def add_ics_route(
    app: web.Application,
    content_provider: Callable[[], Content],
    store: AsyncStore | None = None,
    *,
    path: str = "/agenda.ics",
) -> None:
    """Mount `GET /agenda.ics` on an aiohttp application."""
    app.router.add_get(path, ics_handler(content_provider, store))
