"""Deadline questions in words go to `/agenda deadlines`; questions on a subject stay searches."""

from __future__ import annotations

import pytest
from tests.eval_queries import eval_queries

from agendabot.core.bot.agenda_commands import (
    AgendaDeadlines,
    AgendaKamervragen,
    AgendaSubscriptions,
)
from agendabot.core.bot.agenda_questions import agenda_question


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
        ("open kamervragen?", AgendaKamervragen()),
        ("wat moet er deze maand af? :eyes:", AgendaDeadlines(weeks=4)),
        ("welke kamervragen moeten we nog beantwoorden?", AgendaKamervragen()),
        ("hoeveel dagen hebben we nog voor de kamervragen", AgendaKamervragen()),
        ("kamervragen over de taaleis?", None),
        ("wat volg ik?", AgendaSubscriptions()),
        ("What does this channel follow?", AgendaSubscriptions()),
        ("welke abonnementen heb ik", AgendaSubscriptions()),
        ("volg ik de taaleis?", None),
        # a subject, or no ask for deadlines: a search
        ("wanneer is de nationale dialoog?", None),
        ("welke toezeggingen zijn er over de taaleis?", None),
        ("wanneer is de deadline?", None),
        ("welke datum?", None),
        ("af", None),
        ("", None),
    ],
)
def test_agenda_question(text: str, expected: object) -> None:
    assert agenda_question(text) == expected


def test_no_evaluation_query_is_an_agenda_question() -> None:
    queries = eval_queries()
    assert len(queries) > 1000
    assert [q for q in queries if agenda_question(q) is not None] == []
