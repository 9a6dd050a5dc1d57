"""The weekly deadline digest: which commitments to mention and the message that says so.

Pure composition: commitments, their current statuses, the pillar a subscriber follows, the
moment and the options go in; a `Digest` (its items and a neutral `Reply`) comes out. No
clock, no database, no Slack: the adapter (`agendabot.jobs.digest_sender`) supplies all of them.

What a digest holds, for a day `today` in ISO week W:

* **over de datum**: open commitments whose due date lies before `today`. When there are
  more than `overdue_list_max`, the message gives the count and only the `overdue_oldest`
  oldest, so a long backlog does not flood the channel;
* **binnenkort**: open commitments due from `today` up to the Sunday that ends the
  `weeks`-th week counted from W (W itself included), grouped by ISO week and, within a
  week, by pillar;
* each with its title, deadline, source (citation) and a link to the official document.

When nothing qualifies the digest is a one-line message, or `None` when
`send_empty` is off.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Final
from zoneinfo import ZoneInfo

from agendabot.core.agenda.commitments import OPEN, Commitment, current_status
from agendabot.core.kamervragen.model import KamervragenSet
from agendabot.core.kamervragen.present import set_lines
from agendabot.core.reply.model import Context, Header, Link, Paragraph, Reply, Span, Strong
from agendabot.core.time.dutch_dates import dutch_date

__all__ = [
    "DEFAULT_TIMEZONE",
    "Digest",
    "DigestItem",
    "DigestOptions",
    "compose_digest",
    "digest_record",
    "iso_week_of",
    "item_spans",
    "pillar_label",
    "week_bounds",
]

DEFAULT_TIMEZONE: Final = "Europe/Amsterdam"

AMSTERDAM: Final[tzinfo] = ZoneInfo(DEFAULT_TIMEZONE)


@dataclass(frozen=True, slots=True)
class DigestOptions:
    """How a digest is composed (see `agendabot.jobs.digest_config` for where they come from)."""

    weeks: int = 6
    overdue_list_max: int = 5  # list every overdue commitment up to this many …
    overdue_oldest: int = 3  # … beyond that: the count and this many oldest
    send_empty: bool = False
    timezone: tzinfo = AMSTERDAM

    def __post_init__(self) -> None:
        if not 1 <= self.weeks <= 520:
            raise ValueError(f"weeks must be 1..520, got {self.weeks}")
        if self.overdue_list_max < 0 or self.overdue_oldest < 0:
            raise ValueError("overdue_list_max and overdue_oldest must be >= 0")


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One commitment in a digest."""

    commitment: Commitment
    status: str
    overdue: bool
    week: str  # ISO week of the due date, "2026-W14"
    url: str | None  # the official document the commitment is stated in


@dataclass(frozen=True, slots=True)
class Digest:
    """A composed digest: what it lists, and the message (None: nothing to send)."""

    week: str  # ISO week of `today`
    today: date
    until: date  # last due date in the window
    pillar: int | None  # None: every pillar
    overdue: tuple[DigestItem, ...]
    upcoming: tuple[DigestItem, ...]
    reply: Reply | None
    kamervragen: tuple[KamervragenSet, ...] = ()  # open sets due t/m `until`, by deadline

    @property
    def items(self) -> tuple[DigestItem, ...]:
        """Every item: overdue ones first (oldest first), then the upcoming ones by due date."""
        return self.overdue + self.upcoming

    @property
    def empty(self) -> bool:
        return not self.overdue and not self.upcoming and not self.kamervragen


# ------------------------------------------------------------------------------ dates


def iso_week_of(day: date) -> str:
    """'2026-W02' (the format of the digest ledger)."""
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def week_bounds(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week of `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def local_day(now: datetime, timezone: tzinfo) -> date:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be timezone-aware, got {now!r}")
    return now.astimezone(timezone).date()


def describe_week(week_start: date) -> str:
    """'Week 14 · 30 maart t/m 5 april 2026'."""
    end = week_start + timedelta(days=6)
    number = week_start.isocalendar()[1]
    start_text = dutch_date(week_start, year=week_start.year != end.year)
    return f"Week {number} · {start_text} t/m {dutch_date(end)}"


def pillar_label(pillar: int | None) -> str:
    return f"Pijler {pillar}" if pillar is not None else "Zonder pijler"


def _scope_label(pillar: int | None) -> str:
    return f"pijler {pillar}" if pillar is not None else "alle pijlers"


# ------------------------------------------------------------------------------ selection


def _select(
    commitments: Iterable[Commitment],
    statuses: Mapping[str, str],
    *,
    pillar: int | None,
    today: date,
    until: date,
    links: Mapping[str, str],
) -> tuple[list[DigestItem], list[DigestItem]]:
    overdue: list[DigestItem] = []
    upcoming: list[DigestItem] = []
    for commitment in commitments:
        if pillar is not None and commitment.pillar != pillar:
            continue
        status = current_status(commitment, statuses)
        if status != OPEN:
            continue
        item = DigestItem(
            commitment=commitment,
            status=status,
            overdue=commitment.due < today,
            week=iso_week_of(commitment.due),
            url=links.get(commitment.document),
        )
        if item.overdue:
            overdue.append(item)
        elif commitment.due <= until:
            upcoming.append(item)

    def order(item: DigestItem) -> tuple[date, date, str]:
        return (item.commitment.due, item.commitment.start, item.commitment.id)

    return sorted(overdue, key=order), sorted(upcoming, key=order)


# ------------------------------------------------------------------------------ message


def item_spans(item: DigestItem, *, today: date, with_year: bool = False) -> list[Span]:
    """'• *Title* — di 31 maart · Kamerstuk 32 824, nr. 456, §1.6 (nationale-dialoog)'."""
    c = item.commitment
    when = dutch_date(c.due, year=with_year or c.due.year != today.year, weekday=not with_year)
    source: Span = Link(c.citation(), item.url) if item.url else c.citation()
    return ["• ", Strong(c.title), f" — {when} · ", source, f" ({c.id})"]


def _lines(items: Sequence[DigestItem], *, today: date, with_year: bool = False) -> list[Span]:
    out: list[Span] = []
    for index, item in enumerate(items):
        if index:
            out.append("\n")
        out.extend(item_spans(item, today=today, with_year=with_year))
    return out


def _overdue_paragraph(
    items: Sequence[DigestItem], options: DigestOptions, today: date
) -> Paragraph:
    head: list[Span] = [Strong(f"Over de datum ({len(items)})"), "\n"]
    if len(items) <= options.overdue_list_max:
        return Paragraph([*head, *_lines(items, today=today, with_year=True)])
    shown = items[: options.overdue_oldest]
    rest = len(items) - len(shown)
    intro = f"De oudste {len(shown)} van {len(items)}:" if shown else "Te veel om op te noemen."
    tail = (
        f"\n… en nog {rest} andere. Bekijk ze allemaal met /agenda deadlines "
        "of agendabot deadlines --overdue."
    )
    return Paragraph([*head, intro, "\n", *_lines(shown, today=today, with_year=True), tail])


def _week_paragraph(week_items: Sequence[DigestItem], *, by_pillar: bool, today: date) -> Paragraph:
    week_start = week_bounds(week_items[0].commitment.due)[0]
    spans: list[Span] = [Strong(describe_week(week_start))]
    if not by_pillar:
        return Paragraph([*spans, "\n", *_lines(week_items, today=today)])
    groups: dict[int | None, list[DigestItem]] = {}
    for item in week_items:
        groups.setdefault(item.commitment.pillar, []).append(item)
    for pillar in sorted(groups, key=lambda p: (p is None, p or 0)):
        spans += ["\n", f"{pillar_label(pillar)}:", "\n", *_lines(groups[pillar], today=today)]
    return Paragraph(spans)


def _summary(overdue: int, upcoming: int, weeks: int, kamervragen: int = 0) -> str:
    parts = []
    if overdue:
        parts.append(f"{overdue} over de datum")
    if upcoming:
        parts.append(f"{upcoming} in de komende {weeks} {'week' if weeks == 1 else 'weken'}")
    if kamervragen:
        parts.append(f"{kamervragen} open set{'' if kamervragen == 1 else 's'} Kamervragen")
    return " en ".join(parts) if parts else "niets"


def _compose_reply(
    *,
    week: str,
    today: date,
    until: date,
    pillar: int | None,
    overdue: Sequence[DigestItem],
    upcoming: Sequence[DigestItem],
    options: DigestOptions,
    kamervragen: Sequence[KamervragenSet] = (),
) -> Reply | None:
    week_number = int(week.split("-W")[1])
    scope = _scope_label(pillar)
    if not overdue and not upcoming and not kamervragen:
        if not options.send_empty:
            return None
        text = (
            f"Weekoverzicht toezeggingen ({scope}), week {week_number}: niets over de datum "
            f"en geen deadlines t/m {dutch_date(until)}."
        )
        return Reply(text=text, parts=(Paragraph(text),))
    summary = _summary(len(overdue), len(upcoming), options.weeks, len(kamervragen))
    text = f"Weekoverzicht toezeggingen ({scope}), week {week_number}: {summary}."
    parts: list[Any] = [
        Header(f"Weekoverzicht toezeggingen · week {week_number}"),
        Paragraph(f"{scope.capitalize()}: {summary}."),
    ]
    if overdue:
        parts.append(_overdue_paragraph(overdue, options, today))
    by_week: dict[str, list[DigestItem]] = {}
    for item in upcoming:
        by_week.setdefault(item.week, []).append(item)
    for week_items in by_week.values():
        parts.append(_week_paragraph(week_items, by_pillar=pillar is None, today=today))
    if kamervragen:
        head: list[Span] = [Strong(f"Kamervragen ({len(kamervragen)})"), "\n"]
        parts.append(Paragraph([*head, *set_lines(kamervragen, today)]))
    parts.append(
        Context(
            (
                f"Open toezeggingen van {scope} met een deadline t/m {dutch_date(until)}.",
                "Afgerond? Meld het met /agenda afgerond ID [link]. "
                "Eén toezegging bekijken: /agenda toezegging ID.",
            )
        )
    )
    return Reply(text=text, parts=tuple(parts))


# ------------------------------------------------------------------------------ entry points


def compose_digest(
    commitments: Iterable[Commitment],
    statuses: Mapping[str, str],
    *,
    pillar: int | None,
    now: datetime,
    options: DigestOptions | None = None,
    links: Mapping[str, str] | None = None,
    kamervragen: Iterable[KamervragenSet] = (),
) -> Digest:
    """The digest for a subscriber of `pillar` (1, 2, or None for every pillar) at `now`.

    `statuses` maps commitment ids to their current status where the state layer has one
    (others keep the content's status); `links` maps document keys ("32824-456") to the
    URL of the official publication. `now` must be timezone-aware; the calendar day is
    taken in `options.timezone`. Open `kamervragen` due up to the window's end (or over
    the date) are listed too: those of `pillar`, and those without a pillar.
    """
    options = options or DigestOptions()
    if pillar not in (None, 1, 2):
        raise ValueError(f"pillar must be 1, 2 or None, got {pillar!r}")
    today = local_day(now, options.timezone)
    week = iso_week_of(today)
    until = week_bounds(today)[0] + timedelta(weeks=options.weeks, days=-1)
    overdue, upcoming = _select(
        commitments, statuses, pillar=pillar, today=today, until=until, links=links or {}
    )
    sets = sorted(
        (s for s in kamervragen if s.is_open and s.due <= until and s.for_pillar(pillar)),
        key=lambda s: s.due,
    )
    reply = _compose_reply(
        week=week,
        today=today,
        until=until,
        pillar=pillar,
        overdue=overdue,
        upcoming=upcoming,
        options=options,
        kamervragen=sets,
    )
    return Digest(
        week=week,
        today=today,
        until=until,
        pillar=pillar,
        overdue=tuple(overdue),
        upcoming=tuple(upcoming),
        reply=reply,
        kamervragen=tuple(sets),
    )


def digest_record(item: DigestItem) -> dict[str, Any]:
    """A JSON-ready item: id, title, pillar, due, status, plus overdue, week, source and url."""
    c = item.commitment
    return {
        "id": c.id,
        "title": c.title,
        "pillar": c.pillar,
        "due": c.due.isoformat(),
        "status": item.status,
        "overdue": item.overdue,
        "week": item.week,
        "source": c.citation(),
        "url": item.url,
    }
