"""`Store`: the state layer's one entry point — an engine plus one object per repository."""

from __future__ import annotations

import os
import secrets
import socket

from sqlalchemy import Engine

from agendabot.state import db
from agendabot.state.audit import AuditLog
from agendabot.state.documents import AnnouncedDocuments
from agendabot.state.events import HandledEvents
from agendabot.state.ledger import DigestLedger
from agendabot.state.migrate import migrate
from agendabot.state.outbox import Outbox
from agendabot.state.replicas import Replicas
from agendabot.state.snapshots import Snapshots
from agendabot.state.statuses import Statuses
from agendabot.state.subscriptions import Subscriptions


class Store:
    """Synchronous repositories over one engine; see `AsyncStore` for async callers.

    >>> store = Store.open("sqlite:///data/agendabot.sqlite3")   # migrates to the newest schema
    >>> store.subscriptions.subscribe("C0123ABCD", "1", by="U0123ABCD", now=now)
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.subscriptions = Subscriptions(engine)
        self.statuses = Statuses(engine)
        self.snapshots = Snapshots(engine)
        self.ledger = DigestLedger(engine)
        self.outbox = Outbox(engine)
        self.events = HandledEvents(engine)
        self.audit = AuditLog(engine)
        self.replicas = Replicas(engine)
        self.documents = AnnouncedDocuments(engine)

    @classmethod
    def open(cls, url: str | None = None, *, run_migrations: bool = True) -> Store:
        """Connect to `url` (None: the SQLite default) and, unless told not to, migrate it.

        Raises `SchemaTooNew` for a database migrated by a newer agendabot and
        `InvalidDatabaseUrl` for a URL it cannot use.
        """
        engine = db.create_db_engine(url)
        try:
            if run_migrations:
                migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def ping(self) -> bool:
        """True when the database answers; False (never an exception) when it is away."""
        return db.ping(self.engine)

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def new_replica_id() -> str:
    """A replica id for the ledger and outbox: host, process and a random part (≤ 64 chars)."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{secrets.token_hex(4)}"
