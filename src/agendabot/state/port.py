"""`StatePort` (what the bot needs) implemented over the state layer's `AsyncStore`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from agendabot.core.bot.ports import StateRefused, StatusInfo, SubscriptionInfo
from agendabot.state import AsyncStore, InvalidValue, StatusChange


def _status(change: StatusChange) -> StatusInfo:
    return StatusInfo(
        commitment_id=change.commitment_id,
        status=change.status,
        by=change.by,
        at=change.at,
        link=change.link,
        note=change.note,
    )


class StoreStatePort:
    """The bot's `StatePort` over an `AsyncStore`; `InvalidValue` becomes `StateRefused`."""

    def __init__(self, store: AsyncStore) -> None:
        self.store = store

    async def subscribe(self, target: str, pillar: str, *, by: str, now: datetime) -> bool:
        try:
            return await self.store.subscriptions.subscribe(target, pillar, by=by, now=now)
        except InvalidValue as exc:
            raise StateRefused(str(exc)) from None

    async def unsubscribe(self, target: str, pillar: str, *, by: str, now: datetime) -> bool:
        try:
            return await self.store.subscriptions.unsubscribe(target, pillar, by=by, now=now)
        except InvalidValue as exc:
            raise StateRefused(str(exc)) from None

    async def subscriptions_of(self, target: str) -> list[SubscriptionInfo]:
        try:
            found = await self.store.subscriptions.for_target(target)
        except InvalidValue as exc:
            raise StateRefused(str(exc)) from None
        return [SubscriptionInfo(target=s.target, pillar=s.pillar) for s in found]

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
        try:
            change = await self.store.statuses.record(
                commitment_id, status, by=by, now=now, link=link, note=note
            )
        except InvalidValue as exc:
            raise StateRefused(str(exc)) from None
        return _status(change)

    async def current_statuses(self) -> dict[str, StatusInfo]:
        changes = await self.store.statuses.current_statuses()
        return {key: _status(change) for key, change in changes.items()}

    async def audit(
        self,
        actor: str,
        action: str,
        *,
        now: datetime,
        details: Mapping[str, object] | None = None,
    ) -> None:
        try:
            await self.store.audit.record(
                actor, action, now=now, details=dict(details) if details else None
            )
        except InvalidValue as exc:
            raise StateRefused(str(exc)) from None
