"""Plain, immutable records that repositories return (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from agendabot.state.values import CommitmentStatus, Pillar

LedgerState = Literal["claimed", "failed", "sent"]


@dataclass(frozen=True, slots=True)
class Subscription:
    target: str
    pillar: Pillar
    created_by: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A commitment's status as set by someone: `by` is a Slack user id (or "cli:<name>")."""

    commitment_id: str
    status: CommitmentStatus
    by: str
    at: datetime
    link: str | None = None
    note: str | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What subscribers last heard about a commitment (see `Snapshots`)."""

    commitment_id: str
    pillar: str
    due: date | None
    status: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    recipient: str
    iso_week: str
    state: LedgerState
    claimed_at: datetime | None
    claimed_by: str | None
    sent_at: datetime | None
    attempts: int  # claims (each a try, whatever its outcome)
    last_error: str | None
    message_ref: str | None
    permanent_failures: int = 0  # failures marked permanent (Slack refused the recipient)


@dataclass(frozen=True, slots=True)
class NewMessage:
    """An update notification to enqueue; `dedupe_key` makes enqueueing idempotent."""

    recipient: str
    payload: dict[str, Any]
    dedupe_key: str | None = None


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    id: int
    recipient: str
    payload: dict[str, Any]
    dedupe_key: str | None
    created_at: datetime
    claimed_at: datetime | None
    claimed_by: str | None
    sent_at: datetime | None
    attempts: int
    last_error: str | None
    permanent_failures: int = 0  # failures marked permanent (Slack refused the recipient)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    actor: str
    at: datetime
    action: str
    details: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
