"""Metric labels of Slack requests: a small, known set, with the /agenda aliases under one name."""

from __future__ import annotations

import pytest

from agendabot.observability import classify


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("deadlines pijler 1", "/agenda deadlines"),
        ("termijnen", "/agenda deadlines"),
        ("heropen nationale-dialoog", "/agenda heropen"),  # was counted as "other"
        ("kamervragen", "/agenda kamervragen"),
        ("", "/agenda help"),
        ("<script>", "/agenda other"),
    ],
)
def test_agenda_commands_are_labelled_by_subcommand(text: str, label: str) -> None:
    assert classify({"command": "/agenda", "text": text}) == ("command", label)
