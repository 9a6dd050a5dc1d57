"""The database tables, as SQLAlchemy 2 declarative models.

Repositories use these classes in Core-style statements (`select(SubscriptionRow)`, `insert(...)`)
and hand plain records (`agendabot.state.records`) to callers, never live ORM objects.
Changing a table means adding an Alembic revision under `migrations/versions/`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from agendabot.state.coltypes import JSONValue, UTCDateTime

# Deterministic constraint names, so migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SubscriptionRow(Base):
    """A channel or person following pillar 1, 2 or all."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("target", "pillar"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    target: Mapped[str] = mapped_column(String(32))
    pillar: Mapped[str] = mapped_column(String(3))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StatusChangeRow(Base):
    """One status change of a commitment; append-only, the latest row (highest id) is current."""

    __tablename__ = "status_changes"
    __table_args__ = (Index("ix_status_changes_commitment_id_id", "commitment_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    commitment_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    link: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str | None] = mapped_column(Text)


class SnapshotRow(Base):
    """What subscribers were last told about a commitment: due date, status and a content hash."""

    __tablename__ = "commitment_snapshots"

    commitment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    pillar: Mapped[str] = mapped_column(String(3))
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(128))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LedgerRow(Base):
    """One weekly digest per (recipient, ISO week): claimed before posting, sent after."""

    __tablename__ = "digest_ledger"
    __table_args__ = (Index("ix_digest_ledger_iso_week_state", "iso_week", "state"),)

    recipient: Mapped[str] = mapped_column(String(32), primary_key=True)
    iso_week: Mapped[str] = mapped_column(String(8), primary_key=True)
    state: Mapped[str] = mapped_column(String(8))  # claimed | failed | sent
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    message_ref: Mapped[str | None] = mapped_column(String(64))
    # Failed posts that will fail again (Slack refused the recipient); a capped count.
    permanent_failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class OutboxRow(Base):
    """An update notification waiting for (or done with) delivery to one recipient."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_sent_at_id", "sent_at", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    dedupe_key: Mapped[str | None] = mapped_column(String(255), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    permanent_failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class HandledEventRow(Base):
    """A Slack event id already handled; pruned after the retention period."""

    __tablename__ = "handled_events"

    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class AuditRow(Base):
    """Who did what, when: status changes, subscriptions, content reloads."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    action: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSONValue)


class ReplicaRow(Base):
    """A running `agendabot serve` process: its last sign of life (restore refuses it)."""

    __tablename__ = "replicas"

    replica: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AnnouncedDocumentRow(Base):
    """A document subscribers have been told about (or that was there at the baseline)."""

    __tablename__ = "announced_documents"

    document_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    announced_at: Mapped[datetime] = mapped_column(UTCDateTime())
