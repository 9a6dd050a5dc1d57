"""Deadline questions in words go to `/agenda deadlines`; questions on a subject stay searches."""

from __future__ import annotations

import pytest
from tests.eval_queries import eval_queries

from agendabot.core.bot.agenda_commands import AgendaDeadlines
from agendabot.core.bot.agenda_questions import deadline_question


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wat moet er deze maand af?", AgendaDeadlines(weeks=4)),
        ("Welke toezeggingen zijn over de datum?", AgendaDeadlines()),
        ("wat is er verlopen?", AgendaDeadlines()),
        ("wat staat er de komende 6 weken op de agenda?", AgendaDeadlines(weeks=6)),
        ("wat moet er volgende week af voor pijler 2", AgendaDeadlines(pillar=2, weeks=2)),
        ("what's due this month?", AgendaDeadlines(weeks=4)),
        ("deadlines", AgendaDeadlines()),
        # a subject, or no ask for deadlines: a search
        ("wanneer is de nationale dialoog?", None),
        ("welke toezeggingen zijn er over de taaleis?", None),
        ("wanneer is de deadline?", None),
        ("welke datum?", None),
        ("af", None),
        ("", None),
    ],
)
def test_deadline_question(text: str, expected: AgendaDeadlines | None) -> None:
    assert deadline_question(text) == expected


def test_no_evaluation_query_is_a_deadline_question() -> None:
    queries = eval_queries()
    assert len(queries) > 1000
    assert [q for q in queries if deadline_question(q) is not None] == []
