"""A new document is announced once to every subscriber: "Nieuw: …" with its link; so is
a new set of Kamervragen, and again its postponement ("Uitstel: …").

The real digest job against the state (SQLite and PostgreSQL) and the Slack emulator.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from tests.slack.web_api import SlackWebApi

from agendabot.content import Content
from agendabot.core.agenda.announcements import (
    kamervragen_notice,
    kamervragen_notice_id,
    notice_of,
    notice_reply,
)
from agendabot.core.kamervragen.lifecycle import close, postpone, register
from agendabot.core.kamervragen.model import AnswerLink, KamervragenSet
from agendabot.core.kamervragen.parse import read_notice, read_set
from agendabot.core.time.dutch_dates import dutch_date
from agendabot.slack.poster import SlackPoster
from agendabot.state import Store
from test_digest_job import (  # the module's fixtures `content` and `poster` too
    BEFORE,
    CHANNEL_1,
    CHANNEL_2,
    MONDAY,
    PERSON,
    content,
    make_job,
    poster,
    posts,
    subscribe,
)
from test_documents_library import OTHER

__all__ = ["content", "poster"]


def _with_other(content: Content) -> Content:
    return replace(content, documents={**content.documents, OTHER.meta.id: OTHER})


async def test_a_new_document_is_announced_once_to_each_subscriber(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1")
    subscribe(store, PERSON, "1")
    subscribe(store, PERSON, "2")  # two pillars: still one notice
    current = [content]
    job = make_job(store, poster, content)
    job.content = lambda: current[0]

    assert await job.refresh_updates(BEFORE) == 0  # the baseline: the seeds are not "new"
    assert store.documents.known() == {"32824-451", "32824-456"}
    subscribe(store, CHANNEL_2, "2")
    current[0] = _with_other(content)  # a reload brought a new list

    assert await job.refresh_updates(MONDAY) == 3
    run = await job.send_updates(MONDAY)
    assert sorted(run.sent) == [CHANNEL_1, CHANNEL_2, PERSON]
    texts = {call.args["channel"]: call.all_text() for call in posts(slack_web_api)}
    for text in texts.values():
        assert "Nieuw: " in text and "Kamerstuk 31 749, nr. 8" in text
        assert OTHER.meta.url in text

    assert await job.refresh_updates(MONDAY) == 0  # announced: never again
    assert (await job.send_updates(MONDAY)).sent == {}
    assert len(posts(slack_web_api)) == 3


async def test_two_replicas_announce_a_document_once(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1")
    a = make_job(store, poster, content, replica="r-a")
    await a.refresh_updates(BEFORE)
    newer = _with_other(content)
    a = make_job(store, poster, newer, replica="r-a")
    b = make_job(store, poster, newer, replica="r-b")
    counts = await asyncio.gather(a.refresh_updates(MONDAY), b.refresh_updates(MONDAY))
    assert sum(counts) == 1
    await asyncio.gather(a.send_updates(MONDAY), b.send_updates(MONDAY))
    assert len(posts(slack_web_api)) == 1


async def test_a_status_change_and_a_new_document_go_out_in_one_message(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    subscribe(store, CHANNEL_1, "1")
    job = make_job(store, poster, content)
    await job.refresh_updates(BEFORE)
    store.statuses.record("nationale-dialoog", "afgerond", by="U0ADMIN001", now=BEFORE)
    job = make_job(store, poster, _with_other(content))
    assert await job.refresh_updates(MONDAY) == 2
    run = await job.send_updates(MONDAY)
    assert run.sent == {CHANNEL_1: 2}
    [call] = posts(slack_web_api)
    assert "is afgerond" in call.all_text() and "Kamerstuk 31 749, nr. 8" in call.all_text()


# --- new Kamervragen: announced when registered, and again when their deadline moves ------

KV_FIXTURES = Path(__file__).parent / "fixtures" / "kamervragen"


def _open_set() -> KamervragenSet:
    parsed = read_set((KV_FIXTURES / "open-kv-20261120-jansen.txt").read_text("utf-8"))
    return register(parsed, {})


def _with_sets(content: Content, *sets: KamervragenSet) -> Content:
    return replace(content, kamervragen=tuple(sets))


async def _baseline(store: Store, poster: SlackPoster, content: Content) -> KamervragenSet:
    """Channel 1 follows pillar 1, the person pillar 2; the first run records the set that
    is already open, and announces nothing."""
    subscribe(store, CHANNEL_1, "1")
    subscribe(store, PERSON, "2")
    older = _open_set()
    job = make_job(store, poster, _with_sets(content, older))
    assert await job.refresh_updates(BEFORE) == 0  # the baseline: sets already open are known
    return older


def _second_set(older: KamervragenSet, *, pillar: int | None = None) -> KamervragenSet:
    parsed = read_set((KV_FIXTURES / "open-2026Z21234.txt").read_text("utf-8"))
    return register(parsed, {older.id: older}, pillar=pillar)


async def test_new_kamervragen_and_their_postponement_are_announced_once_each(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    older = await _baseline(store, poster, content)

    # a new set is registered (another member, the same rule): "Nieuw: …" to everyone once
    fresh = _second_set(older)
    job = make_job(store, poster, _with_sets(content, older, fresh))
    assert await job.refresh_updates(MONDAY) == 2
    run = await job.send_updates(MONDAY)
    assert sorted(run.sent) == [CHANNEL_1, PERSON]
    for call in posts(slack_web_api):
        text = call.all_text()
        assert "Nieuwe Kamervragen" in text and "Nieuw: " in text
        assert f"antwoord uiterlijk {dutch_date(fresh.due)}" in text
        assert "/agenda kamervragen" in text
        assert older.members[0] not in text, "the set known before is not announced"
    assert await job.refresh_updates(MONDAY) == 0

    # a mededeling moves its deadline: "Uitstel: …" with the new date, once
    notice = read_notice((KV_FIXTURES / "mededeling-2026Z21234-datum.txt").read_text("utf-8"))
    moved, _ = postpone(notice, {fresh.id: fresh, older.id: older})
    assert moved.due != fresh.due
    job = make_job(store, poster, _with_sets(content, older, moved))
    assert await job.refresh_updates(MONDAY) == 2
    await job.send_updates(MONDAY)
    later = posts(slack_web_api)[2:]
    assert len(later) == 2
    for call in later:
        text = call.all_text()
        assert "Uitstel voor Kamervragen" in text and "Uitstel: " in text
        assert f"antwoord uiterlijk {dutch_date(moved.due)}" in text

    # answered: nothing more
    link = AnswerLink(
        document="kst-2026-1",
        citation="Aanhangsel 1",
        url="https://zoek.officielebekendmakingen.nl/ah-tk-2026-1.html",
        date=moved.due,
    )
    job = make_job(store, poster, _with_sets(content, older, close(moved, link)))
    assert await job.refresh_updates(MONDAY) == 0


def test_a_kamervragen_notice_reads_as_one_message() -> None:
    found = _open_set()
    reply = notice_reply([kamervragen_notice(found, postponed=False)])
    assert reply.text.startswith(f"Nieuw: Kamervragen {found.members[0]}")
    assert len(kamervragen_notice_id(found)) <= 64
    both = notice_reply([kamervragen_notice(found, postponed=True), notice_of(OTHER)])
    assert "2 meldingen" in both.text


async def test_a_set_with_a_pillar_is_announced_to_that_pillar_only(
    store: Store, poster: SlackPoster, slack_web_api: SlackWebApi, content: Content
) -> None:
    older = await _baseline(store, poster, content)
    fresh = _second_set(older, pillar=2)
    job = make_job(store, poster, _with_sets(content, older, fresh))
    assert await job.refresh_updates(MONDAY) == 1
    run = await job.send_updates(MONDAY)
    assert list(run.sent) == [PERSON], "the pillar-1 channel is not told of a pillar-2 set"
