"""Digest composition (pure core): selection, grouping, summarising, the empty case, limits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tests.slack.web_api import check_message

from agendabot.content import Content, load_content
from agendabot.core.agenda.commitments import Commitment
from agendabot.core.agenda.digest import (
    Digest,
    DigestOptions,
    compose_digest,
    digest_record,
    iso_week_of,
)
from agendabot.core.reply.model import Link, Paragraph, Strong, plain
from agendabot.core.reply.render_text import render_text
from agendabot.slack.blocks import render_message

AMS = ZoneInfo("Europe/Amsterdam")
JAN_5 = datetime(2026, 1, 5, 9, 0, tzinfo=AMS)
LINKS = {"32824-456": "https://zoek.officielebekendmakingen.nl/kst-32824-456.html"}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def make(cid: str, due: date, pillar: int | None = 1, status: str = "open") -> Commitment:
    data: dict[str, Any] = {
        "id": cid,
        "title": f"Toezegging {cid}",
        "pillar": pillar,
        "sources": [{"document": "32824-456", "section": "1.1"}],
        "quote": "Dit gebeurt in het eerste kwartaal van 2026, zo is toegezegd.",
        "when_text": "het eerste kwartaal van 2026",
        "start": due,
        "due": due,
        "kind": "event",
        "status": status,
    }
    return Commitment.model_validate(data)


def upcoming_ids(digest: Digest) -> list[str]:
    return [item.commitment.id for item in digest.upcoming]


def test_the_nationale_dialoog_is_listed_thirteen_weeks_ahead(content: Content) -> None:
    digest = compose_digest(
        content.commitments,
        {},
        pillar=1,
        now=JAN_5,
        options=DigestOptions(weeks=13),
        links=LINKS,
    )
    assert digest.week == "2026-W02"
    assert digest.until == date(2026, 4, 5)  # the Sunday that ends the 13th week
    [item] = [i for i in digest.upcoming if i.commitment.id == "nationale-dialoog"]
    assert (item.commitment.due, item.week, item.status) == (date(2026, 3, 31), "2026-W14", "open")
    assert all(i.commitment.pillar == 1 for i in digest.items)
    assert digest.reply is not None
    text = render_text(digest.reply)
    assert "Nationale dialoog met sleutelfiguren" in text and "di 31 maart" in text
    assert "Kamerstuk 32 824, nr. 456, §1.6 en §4" in text
    assert LINKS["32824-456"] in text
    # Six weeks (the default) do not reach the end of March.
    short = compose_digest(content.commitments, {}, pillar=1, now=JAN_5)
    assert "nationale-dialoog" not in upcoming_ids(short)


def test_recorded_statuses_beat_the_content(content: Content) -> None:
    now = datetime(2026, 3, 2, 9, 0, tzinfo=AMS)
    before = compose_digest(content.commitments, {}, pillar=1, now=now)
    assert "nationale-dialoog" in upcoming_ids(before)
    after = compose_digest(
        content.commitments, {"nationale-dialoog": "afgerond"}, pillar=1, now=now
    )
    assert "nationale-dialoog" not in [i.commitment.id for i in after.items]
    reopened = [make("weer-open", date(2026, 3, 4), status="afgerond")]
    assert compose_digest(reopened, {}, pillar=1, now=now).empty
    assert not compose_digest(reopened, {"weer-open": "open"}, pillar=1, now=now).empty


def test_window_runs_to_the_sunday_of_the_last_week_and_overdue_is_before_today() -> None:
    wednesday = datetime(2026, 1, 7, 12, 0, tzinfo=AMS)
    commitments = [
        make("maandag", date(2026, 1, 5)),  # this week, but before today: overdue
        make("vandaag", date(2026, 1, 7)),
        make("zondag", date(2026, 1, 11)),
        make("volgende-maandag", date(2026, 1, 12)),
    ]
    digest = compose_digest(
        commitments, {}, pillar=1, now=wednesday, options=DigestOptions(weeks=1)
    )
    assert [i.commitment.id for i in digest.overdue] == ["maandag"]
    assert upcoming_ids(digest) == ["vandaag", "zondag"]
    assert digest.until == date(2026, 1, 11)


def test_the_day_is_taken_in_amsterdam_time() -> None:
    commitments = [make("dinsdag", date(2026, 1, 6))]
    # 23:30 UTC on Monday is already Tuesday in Amsterdam.
    late = datetime(2026, 1, 5, 23, 30, tzinfo=UTC)
    digest = compose_digest(commitments, {}, pillar=1, now=late)
    assert digest.today == date(2026, 1, 6) and upcoming_ids(digest) == ["dinsdag"]
    with pytest.raises(ValueError, match="timezone-aware"):
        compose_digest(commitments, {}, pillar=1, now=datetime(2026, 1, 5, 9))


def test_grouped_by_week_then_pillar_when_following_everything() -> None:
    commitments = [
        make("b-week3-p2", date(2026, 1, 14), pillar=2),
        make("a-week3-p1", date(2026, 1, 15), pillar=1),
        make("c-week3-geen", date(2026, 1, 13), pillar=None),
        make("d-week5-p1", date(2026, 1, 27), pillar=1),
    ]
    digest = compose_digest(commitments, {}, pillar=None, now=JAN_5, links=LINKS)
    assert digest.reply is not None
    weeks = [
        part
        for part in digest.reply.parts
        if isinstance(part, Paragraph) and plain(part.text).startswith("Week ")
    ]
    assert [plain(p.text).split(" · ")[0] for p in weeks] == ["Week 3", "Week 5"]
    week3 = plain(weeks[0].text)
    assert week3.index("Pijler 1:") < week3.index("a-week3-p1") < week3.index("Pijler 2:")
    assert week3.index("Pijler 2:") < week3.index("b-week3-p2") < week3.index("Zonder pijler:")
    assert week3.index("Zonder pijler:") < week3.index("c-week3-geen")
    # Each item names its source as a link to the official document.
    spans = list(weeks[0].text) if not isinstance(weeks[0].text, str) else []
    assert any(isinstance(s, Link) and s.url == LINKS["32824-456"] for s in spans)
    assert any(isinstance(s, Strong) and s.text == "Toezegging a-week3-p1" for s in spans)
    # A single-pillar subscriber sees only that pillar, without pillar headings.
    pillar_2 = compose_digest(commitments, {}, pillar=2, now=JAN_5)
    assert [i.commitment.id for i in pillar_2.items] == ["b-week3-p2"]
    assert pillar_2.reply is not None and "Pijler 2:\n" not in render_text(pillar_2.reply)


def test_a_long_overdue_list_is_summarised_with_the_oldest_first() -> None:
    overdue = [make(f"laat-{n:02d}", date(2025, 1, 1) + timedelta(days=n)) for n in range(12)]
    digest = compose_digest(overdue, {}, pillar=1, now=JAN_5)
    assert len(digest.overdue) == 12
    assert digest.reply is not None
    text = render_text(digest.reply)
    assert "Over de datum (12)" in text and "De oudste 3 van 12:" in text
    assert "nog 9 andere" in text
    shown = [f"laat-{n:02d}" for n in range(12) if f"({f'laat-{n:02d}'})" in text]
    assert shown == ["laat-00", "laat-01", "laat-02"]
    few = compose_digest(overdue[:4], {}, pillar=1, now=JAN_5)
    assert few.reply is not None
    few_text = render_text(few.reply)
    assert all(f"(laat-{n:02d})" in few_text for n in range(4)) and "oudste" not in few_text
    everything = DigestOptions(overdue_list_max=20)
    full = compose_digest(overdue, {}, pillar=1, now=JAN_5, options=everything)
    assert full.reply is not None
    assert all(f"(laat-{n:02d})" in render_text(full.reply) for n in range(12))


def test_nothing_due_is_one_line_or_nothing() -> None:
    later = [make("ver-weg", date(2027, 6, 1))]
    quiet = compose_digest(later, {}, pillar=1, now=JAN_5)
    assert quiet.empty and quiet.reply is None
    loud = compose_digest(later, {}, pillar=1, now=JAN_5, options=DigestOptions(send_empty=True))
    assert loud.reply is not None
    assert loud.reply.text.count("\n") == 0
    assert "niets over de datum" in loud.reply.text and "15 februari 2026" in loud.reply.text


def test_json_records_carry_the_fields_the_cli_prints(content: Content) -> None:
    digest = compose_digest(content.commitments, {}, pillar=1, now=JAN_5, links=LINKS)
    record = digest_record(digest.items[0])
    assert {"id", "title", "pillar", "due", "status", "overdue", "week", "source", "url"} <= set(
        record
    )
    assert record["due"] == digest.items[0].commitment.due.isoformat()


@pytest.mark.parametrize("pillar", [1, 2, None])
def test_every_weekly_digest_of_2025_to_2027_fits_slack(
    content: Content, pillar: int | None
) -> None:
    monday = datetime(2025, 1, 6, 9, 0, tzinfo=AMS)
    checked = 0
    for week in range(3 * 52):
        now = monday + timedelta(weeks=week)
        for options in (DigestOptions(), DigestOptions(weeks=52, overdue_list_max=50)):
            digest = compose_digest(
                content.commitments, {}, pillar=pillar, now=now, options=options
            )
            if digest.reply is None:
                continue
            rendered = render_message(digest.reply)
            assert check_message(rendered.to_dict()) is None, (now, pillar)
            if options.weeks == 6:  # the default digest is never cut short
                assert not rendered.truncated, (now, pillar)
            assert iso_week_of(now.date()) in (digest.week,)
            checked += 1
    assert checked > 100
