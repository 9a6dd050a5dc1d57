"""Exceptions raised by the state layer.

Every message is meant for people: Dutch first where users may see it.
"""

from __future__ import annotations


class StateError(Exception):
    """Base class for problems raised by `agendabot.state`."""


class InvalidValue(StateError, ValueError):
    """A value given to a repository is not acceptable; the message is one Dutch sentence."""


class InvalidDatabaseUrl(StateError, ValueError):
    """`DATABASE_URL` cannot be used; the message names the problem in Dutch and English."""


class SchemaTooNew(StateError):
    """The database was migrated by a newer agendabot than this one: refuse to touch it."""

    def __init__(self, found: str, known_head: str | None) -> None:
        self.found = found
        self.known_head = known_head
        super().__init__(
            f"De database heeft schemaversie {found}, nieuwer dan deze agendabot kent "
            f"(t/m {known_head or 'geen'}): werk agendabot bij — the database schema is newer "
            "than this agendabot, so it refuses to start; upgrade agendabot."
        )
