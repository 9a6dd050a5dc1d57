"""What the bot needs from the outside world, as small protocols (ports).

The core never imports the state layer; `agendabot.state.port.StoreStatePort` implements
`StatePort` over `agendabot.state.AsyncStore`. The records here are plain values so the
core can read them without knowing the database.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class StateRefused(Exception):
    """The state layer refused a value (bad id, bad link, …); the message is one Dutch
    sentence that can be shown to the user as it is."""


@dataclass(frozen=True, slots=True)
class SubscriptionInfo:
    """A channel or person (`target`) following pillar "1", "2" or "all"."""

    target: str
    pillar: str


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """A commitment's status as last set by someone (`by` a Slack user id, `at` when)."""

    commitment_id: str
    status: str  # "open", "afgerond" or "vervallen"
    by: str
    at: datetime
    link: str | None = None
    note: str | None = None


class ReloadOutcome(Protocol):
    """What a content reload reports: `ok`, and a Dutch `message` for the admin (what was
    loaded, or the validation problems when the new content was refused)."""

    @property
    def ok(self) -> bool: ...

    @property
    def message(self) -> str: ...


# Reloads the content (validated, swapped atomically); see `agendabot.content.reload`.
ContentReloader = Callable[[], Awaitable[ReloadOutcome]]


class StatePort(Protocol):
    """Subscriptions, commitment statuses and the audit log.

    Methods raise `StateRefused` (Dutch message) for values the state layer rejects.
    """

    async def subscribe(self, target: str, pillar: str, *, by: str, now: datetime) -> bool:
        """Subscribe `target` to `pillar` ("1", "2", "all"); True when it was new."""
        ...

    async def unsubscribe(self, target: str, pillar: str, *, by: str, now: datetime) -> bool:
        """Remove the subscription; True when there was one."""
        ...

    async def subscriptions_of(self, target: str) -> list[SubscriptionInfo]:
        """The subscriptions of one channel or person."""
        ...

    async def mark_status(
        self,
        commitment_id: str,
        status: str,
        *,
        by: str,
        now: datetime,
        link: str | None = None,
        note: str | None = None,
    ) -> StatusInfo:
        """Record a status change (who and when are kept) and return it."""
        ...

    async def current_statuses(self) -> dict[str, StatusInfo]:
        """The latest status of every commitment that has one."""
        ...

    async def audit(
        self,
        actor: str,
        action: str,
        *,
        now: datetime,
        details: Mapping[str, object] | None = None,
    ) -> None:
        """Append an entry to the audit log (e.g. a refused status change)."""
        ...
