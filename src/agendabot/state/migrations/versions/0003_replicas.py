"""Replicas: each running bot's last sign of life, so a restore can refuse a live database.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "replicas",
        sa.Column("replica", sa.String(length=64), nullable=False),
        sa.Column("started_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("seen_at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("replica", name=op.f("pk_replicas")),
    )


def downgrade() -> None:
    op.drop_table("replicas")
