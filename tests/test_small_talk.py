"""Small talk is recognised only when every word is small talk."""

from __future__ import annotations

import pytest
from tests.eval_queries import eval_queries

from agendabot.core.bot.small_talk import small_talk


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hallo", "hoi"),
        ("Goedemorgen agendabot!", "hoi"),
        ("test", "hoi"),
        ("dank je wel!", "dank"),
        ("Thank you very much", "dank"),
        ("super, bedankt", "dank"),
        ("hoi, dank je", "dank"),
        ("wat kun je?", "help"),
        ("Kun je me helpen", "help"),
        ("", "help"),
        ("👍", "ok"),
        ("?", "help"),
        ("help", "help"),
        ("ok", "ok"),
        ("Top, helder!", "ok"),
        ("oké", "ok"),
        ("top, bedankt", "dank"),
        ("ok, wat is de taaleis", None),
        ("goed", "ok"),
        ("47", None),
        ("dank je, wanneer is de nationale dialoog?", None),
        ("goede morgen, wat is de taaleis", None),
        ("wat is de taaleis", None),
    ],
)
def test_small_talk(text: str, kind: str | None) -> None:
    assert small_talk(text) == kind


def test_no_evaluation_query_is_small_talk() -> None:
    """Every query the team wrote as a question stays a search."""
    queries = eval_queries()
    assert len(queries) > 1000
    assert [q for q in queries if small_talk(q) is not None] == []
