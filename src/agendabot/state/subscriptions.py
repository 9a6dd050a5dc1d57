"""Subscriptions: a channel or person following pillar 1, 2 or all."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, delete, or_, select

from agendabot.state.db import insert_ignore
from agendabot.state.records import Subscription
from agendabot.state.repo_base import Repository, audit
from agendabot.state.tables import SubscriptionRow
from agendabot.state.values import (
    check_aware,
    check_identifier,
    normalize_pillar,
    normalize_target,
)


class Subscriptions(Repository):
    """Targets are validated Slack ids (`C…`, `G…`, `U…`, `W…`); pillars "1", "2" or "all".

    Changes are audited ("subscription.add" / "subscription.remove") in the same transaction.
    """

    def subscribe(self, target: str, pillar: str | int, *, by: str, now: datetime) -> bool:
        """Subscribe `target` to `pillar`; True when new, False when it already was (idempotent)."""
        target, pillar = normalize_target(target), normalize_pillar(pillar)
        by = check_identifier(by, "gebruiker")
        check_aware(now)
        with self._write() as conn:
            values = {"target": target, "pillar": pillar, "created_by": by, "created_at": now}
            added = insert_ignore(conn, SubscriptionRow, values)
            if added:
                audit(conn, by, "subscription.add", now, {"target": target, "pillar": pillar})
        return added

    def unsubscribe(self, target: str, pillar: str | int, *, by: str, now: datetime) -> bool:
        """Remove the subscription; True when there was one to remove."""
        target, pillar = normalize_target(target), normalize_pillar(pillar)
        by = check_identifier(by, "gebruiker")
        check_aware(now)
        with self._write() as conn:
            removed = (
                conn.execute(
                    delete(SubscriptionRow).where(
                        SubscriptionRow.target == target, SubscriptionRow.pillar == pillar
                    )
                ).rowcount
                > 0
            )
            if removed:
                audit(conn, by, "subscription.remove", now, {"target": target, "pillar": pillar})
        return removed

    def for_target(self, target: str) -> list[Subscription]:
        """The subscriptions of one channel or person, pillar order."""
        target = normalize_target(target)
        return self._select(SubscriptionRow.target == target)

    def for_pillar(self, pillar: str | int) -> list[Subscription]:
        """Who follows `pillar` ("1" or "2"): its own subscribers and those of "all"."""
        wanted = normalize_pillar(pillar)
        if wanted == "all":
            return self.all()
        return self._select(or_(SubscriptionRow.pillar == wanted, SubscriptionRow.pillar == "all"))

    def all(self) -> list[Subscription]:
        """Every subscription, by target then pillar."""
        return self._select(None)

    def _select(self, condition: ColumnElement[bool] | None) -> list[Subscription]:
        stmt = select(SubscriptionRow).order_by(SubscriptionRow.target, SubscriptionRow.pillar)
        if condition is not None:
            stmt = stmt.where(condition)
        with self._read() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [
            Subscription(
                target=row["target"],
                pillar=normalize_pillar(row["pillar"]),
                created_by=row["created_by"],
                created_at=row["created_at"],
            )
            for row in rows
        ]
