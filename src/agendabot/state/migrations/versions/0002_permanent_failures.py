"""Digest ledger and outbox: count the failures that will not pass by themselves.

`permanent_failures` on `digest_ledger` and `outbox`: a Slack outage (429, 5xx, dropped
connections) only delays a message; senders cap the permanent refusals (`channel_not_found`,
`not_in_channel`, …) instead of every attempt.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


TABLES = ("digest_ledger", "outbox")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("permanent_failures", sa.Integer(), server_default="0", nullable=False)
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("permanent_failures")
