"""Announced documents: which documents subscribers have heard of ("Nieuw: …").

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "announced_documents",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("announced_at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_announced_documents")),
    )


def downgrade() -> None:
    op.drop_table("announced_documents")
