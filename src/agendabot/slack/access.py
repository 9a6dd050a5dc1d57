"""Who may change things: mark commitments afgerond/vervallen (or open again), reload content.

Two sources, combined:
- `ADMIN_USERS` in the environment (comma-separated `U…` ids), and
- `config/access.yaml`: `admins.users` (user ids) and `admins.usergroup` (a Slack user
  group id `S…`, e.g. the team's `@actieagenda-beheer`; its members are read from Slack
  with `usergroups.users.list`, scope `usergroups:read`, at start-up and every
  `refresh_minutes`).

    policy = load_access_policy(settings)          # AccessError: one Dutch sentence
    admins = Admins(policy)
    await admins.refresh(client)                   # resolve the user group (if any)
    "U123" in admins                               # live membership, for BotConfig.admins

When the user group cannot be read (Slack down, missing scope) the last known members stay
and the explicitly listed users keep their rights; the failure is logged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from agendabot.settings import Settings

__all__ = [
    "ACCESS_FILE",
    "AccessError",
    "AccessPolicy",
    "Admins",
    "load_access_policy",
]

log = logging.getLogger(__name__)

ACCESS_FILE: Final = "access.yaml"
_USER: Final = re.compile(r"^[UW][A-Z0-9]{2,}$")
_GROUP: Final = re.compile(r"^S[A-Z0-9]{2,}$")


class AccessError(Exception):
    """`config/access.yaml` cannot be used; the message is one Dutch sentence."""


class _AdminsSection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    users: tuple[str, ...] = ()
    usergroup: str | None = None

    @field_validator("users", mode="before")
    @classmethod
    def _users(cls, value: Any) -> Any:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        for item in value:
            if not isinstance(item, str) or not _USER.match(item):
                raise ValueError(f"'{item}' is geen Slack-gebruikers-id (U…)")
        return value

    @field_validator("usergroup")
    @classmethod
    def _group(cls, value: str | None) -> str | None:
        if value is not None and not _GROUP.match(value):
            raise ValueError(f"'{value}' is geen id van een Slack-gebruikersgroep (S…)")
        return value


class _AccessFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    admins: _AdminsSection = Field(default_factory=_AdminsSection)
    refresh_minutes: int = Field(10, ge=1, le=1440)


@dataclass(frozen=True, slots=True)
class AccessPolicy:
    """Configured admins: user ids and (optionally) one Slack user group."""

    users: frozenset[str] = frozenset()
    usergroup: str | None = None
    refresh_minutes: int = 10

    @property
    def configured(self) -> bool:
        return bool(self.users or self.usergroup)


def load_access_policy(settings: Settings, path: Path | None = None) -> AccessPolicy:
    """`ADMIN_USERS` plus `config/access.yaml` (a missing file means only `ADMIN_USERS`)."""
    path = path or settings.config_dir / ACCESS_FILE
    data: Any = None
    if path.exists():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, ValueError):  # ValueError: a date like 2025-13-01
            raise AccessError(f"{path.name} is geen leesbaar YAML-bestand.") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise AccessError(f"{path.name} moet een blok met velden zijn (admins: …).")
    try:
        parsed = _AccessFile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        reason = error.get("ctx", {}).get("error", error["msg"])
        raise AccessError(f"{path.name}, veld '{where}': {reason}.") from None
    return AccessPolicy(
        users=frozenset(settings.admin_users) | frozenset(parsed.admins.users),
        usergroup=parsed.admins.usergroup,
        refresh_minutes=parsed.refresh_minutes,
    )


class Admins:
    """The current set of admins: listed users plus the user group's last known members.

    Behaves as a read-only set of user ids (`in`, `len`, iteration), so it can stand where
    the bot expects its admin ids; the user group part changes on `refresh`.
    """

    def __init__(self, policy: AccessPolicy) -> None:
        self.policy = policy
        self._group_members: frozenset[str] = frozenset()
        self.refreshed = False

    def __contains__(self, user_id: object) -> bool:
        return user_id in self.policy.users or user_id in self._group_members

    def __bool__(self) -> bool:
        """True as soon as admins are configured, even before the user group is read:
        an unread group must not look like "no admins configured" (which lets everyone)."""
        return self.policy.configured

    def __iter__(self) -> Iterator[str]:
        return iter(self.snapshot())

    def __len__(self) -> int:
        return len(self.snapshot())

    def snapshot(self) -> frozenset[str]:
        return self.policy.users | self._group_members

    async def refresh(self, client: AsyncWebClient) -> bool:
        """Read the user group's members from Slack; False (members kept) when that fails."""
        group = self.policy.usergroup
        if group is None:
            return True
        try:
            response = await client.usergroups_users_list(usergroup=group)
        except SlackApiError as exc:
            error = exc.response.get("error") if exc.response is not None else None
            log.warning(
                "could not read the admin user group", extra={"usergroup": group, "error": error}
            )
            return False
        except Exception as exc:  # connection failures after the client's own retries
            log.warning(
                "could not read the admin user group",
                extra={"usergroup": group, "error": type(exc).__name__},
            )
            return False
        users = response.get("users") or []
        self._group_members = frozenset(str(user) for user in users if _USER.match(str(user)))
        self.refreshed = True
        log.info(
            "admin user group read", extra={"usergroup": group, "members": len(self._group_members)}
        )
        return True
