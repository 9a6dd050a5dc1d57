"""Dutch month and weekday names, and dates written the Dutch way ("31 maart 2026")."""

from __future__ import annotations

from datetime import date
from typing import Final

MONTH_NAMES: Final = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTH_NUMBERS: Final[dict[str, int]] = {name: n for n, name in enumerate(MONTH_NAMES, start=1)}
WEEKDAYS: Final = ("ma", "di", "wo", "do", "vr", "za", "zo")


def dutch_date(day: date, *, year: bool = True, weekday: bool = False) -> str:
    """'31 maart 2026' (or 'di 31 maart' without the year, with the weekday)."""
    text = f"{day.day} {MONTH_NAMES[day.month - 1]}"
    if year:
        text += f" {day.year}"
    if weekday:
        text = f"{WEEKDAYS[day.weekday()]} {text}"
    return text


def describe_period(start: date, due: date) -> str:
    """'31 maart 2026', or '1 januari 2026 t/m 31 maart 2026' for a period."""
    if start == due:
        return dutch_date(due)
    return f"{dutch_date(start)} t/m {dutch_date(due)}"
