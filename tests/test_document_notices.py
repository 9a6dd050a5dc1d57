"""A new document is announced once to every subscriber: "Nieuw: …" with its link.

The real digest job against the state (SQLite and PostgreSQL) and the Slack emulator.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from tests.slack.web_api import SlackWebApi

from agendabot.content import Content
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
