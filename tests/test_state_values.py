"""Validation of the values the state layer stores (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest

from agendabot.state import InvalidValue, iso_week, normalize_pillar, normalize_status
from agendabot.state import normalize_target as target
from agendabot.state.values import check_iso_week, check_link


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("C0123ABCD", "C0123ABCD"),
        (" g0123abcd ", "G0123ABCD"),
        ("U0123ABCD", "U0123ABCD"),
        ("W0123ABCD", "W0123ABCD"),
        ("<#C0123ABCD|algemeen>", "C0123ABCD"),
        ("<@U0123ABCD>", "U0123ABCD"),
    ],
)
def test_targets_are_slack_ids(given: str, expected: str) -> None:
    assert target(given) == expected


@pytest.mark.parametrize(
    "given",
    ["", "X0123", "#algemeen", "C", "C01 23", "@jan", "C0123-ABC", "<!channel>", "D0123ABCD"],
)
def test_bad_targets_get_a_dutch_message(given: str) -> None:
    with pytest.raises(InvalidValue, match="Slack-kanaal-id"):
        target(given)


def test_pillars() -> None:
    assert [normalize_pillar(v) for v in ("1", 2, "all", "Alles", " 2 ")] == [
        "1",
        "2",
        "all",
        "all",
        "2",
    ]
    for bad in ("3", "0", "", "pijler", "1,2"):
        with pytest.raises(InvalidValue, match="pijler 1, 2 of alles"):
            normalize_pillar(bad)


def test_statuses() -> None:
    assert normalize_status(" Afgerond ") == "afgerond"
    with pytest.raises(InvalidValue, match="open, afgerond of vervallen"):
        normalize_status("klaar")


def test_links() -> None:
    assert check_link(None) is None
    assert check_link("  ") is None
    assert check_link("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert check_link("<https://example.org/x|verslag>") == "https://example.org/x"
    for bad in ("ftp://example.org", "example.org", "https://a b", "javascript:alert(1)"):
        with pytest.raises(InvalidValue, match="http"):
            check_link(bad)


def test_iso_weeks() -> None:
    assert iso_week(date(2026, 1, 5)) == "2026-W02"
    assert iso_week(date(2027, 1, 1)) == "2026-W53"  # 2026 has 53 ISO weeks
    assert check_iso_week("2026-W53") == "2026-W53"
    for bad in ("2025-W53", "2026-W00", "2026-W2", "2026W02", "week 2"):
        with pytest.raises(InvalidValue, match="2026-W02"):
            check_iso_week(bad)
