"""The iCalendar export: one all-day event per commitment, stable UIDs, and GET /agenda.ics."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from icalendar import Calendar

from agendabot.content import Content, load_content
from agendabot.state import AsyncStore, Store
from agendabot.web.calendar_ics import add_ics_route, build_calendar, calendar_for_content

NOW = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_one_all_day_event_per_commitment_with_quote_source_and_link(content: Content) -> None:
    data = calendar_for_content(content, {}, pillar=None, now=NOW)
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and "agendabot" in str(calendar["PRODID"])
    found = events(data)
    assert len(found) == len(content.commitments)
    event = found["nationale-dialoog@agendabot.szw"]
    start = event["DTSTART"]  # type: ignore[index]
    assert start.dt == date(2026, 3, 31) and start.params.get("VALUE") == "DATE"
    assert event["DTEND"].dt == date(2026, 4, 1)  # type: ignore[index]
    assert str(event["SUMMARY"]) == "Nationale dialoog met sleutelfiguren (motie-Ceder)"  # type: ignore[index]
    description = str(event["DESCRIPTION"])  # type: ignore[index]
    assert "eerste kwartaal van 2026" in description
    assert "Bron: Kamerstuk 32 824, nr. 456, §1.6 en §4" in description
    assert str(event["URL"]) == "https://zoek.officielebekendmakingen.nl/kst-32824-456.html"  # type: ignore[index]
    assert event["DTSTAMP"].dt == NOW  # type: ignore[index]
    # Lines are folded at 75 octets, CRLF-terminated: what RFC 5545 (and Outlook) expect.
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_uids_are_stable_and_statuses_show(content: Content) -> None:
    first = events(calendar_for_content(content, {}, pillar=1, now=NOW))
    later = datetime(2026, 2, 1, tzinfo=UTC)
    statuses = {"nationale-dialoog": "afgerond", "pharos-plan-meerjarige-aanpak": "vervallen"}
    second = events(calendar_for_content(content, statuses, pillar=1, now=later))
    assert set(first) == set(second)
    assert {c.id for c in content.commitments if c.pillar == 1} == {
        uid.split("@")[0] for uid in first
    }
    done = second["nationale-dialoog@agendabot.szw"]
    assert str(done["SUMMARY"]).endswith("(afgerond)")  # type: ignore[index]
    assert str(done["STATUS"]) == "CONFIRMED"  # type: ignore[index]
    withdrawn = second["pharos-plan-meerjarige-aanpak@agendabot.szw"]
    assert str(withdrawn["STATUS"]) == "CANCELLED"  # type: ignore[index]


def test_the_calendar_needs_an_aware_now(content: Content) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        build_calendar(content.commitments, {}, now=datetime(2026, 1, 5))


@pytest.fixture
async def ics_client(store: Store, content: Content) -> AsyncIterator[TestClient]:
    app = web.Application()
    add_ics_route(app, lambda: content, AsyncStore(store))
    async with TestClient(TestServer(app)) as client:
        yield client


async def test_get_agenda_ics_over_http(
    ics_client: TestClient, store: Store, content: Content
) -> None:
    store.statuses.record("nationale-dialoog", "afgerond", by="U0ADMIN001", now=NOW)
    response = await ics_client.get("/agenda.ics", params={"pijler": "1"})
    assert response.status == 200
    assert response.content_type == "text/calendar" and response.charset == "utf-8"
    assert 'filename="agenda-pijler-1.ics"' in response.headers["Content-Disposition"]
    found = events(await response.read())
    assert len(found) == sum(1 for c in content.commitments if c.pillar == 1)
    summary = str(found["nationale-dialoog@agendabot.szw"]["SUMMARY"])  # type: ignore[index]
    assert summary.endswith("(afgerond)")

    everything = await ics_client.get("/agenda.ics")
    assert len(events(await everything.read())) == len(content.commitments)


@pytest.mark.parametrize("value", ["3", "nul", "1;DROP"])
async def test_a_bad_pillar_gets_400_in_dutch(ics_client: TestClient, value: str) -> None:
    response = await ics_client.get("/agenda.ics", params={"pijler": value})
    assert response.status == 400
    assert "Pijler bestaat niet" in await response.text()
