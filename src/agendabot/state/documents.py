"""Documents already announced to subscribers, recorded with their notices in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select

from agendabot.state.db import insert_ignore
from agendabot.state.outbox import enqueue_in
from agendabot.state.records import NewMessage
from agendabot.state.repo_base import Repository
from agendabot.state.tables import AnnouncedDocumentRow
from agendabot.state.values import check_aware


class AnnouncedDocuments(Repository):
    def known(self) -> set[str]:
        """The ids of every document announced (or recorded at the baseline)."""
        with self._read() as conn:
            return set(conn.execute(select(AnnouncedDocumentRow.document_id)).scalars())

    def record(
        self, document_ids: Sequence[str], *, now: datetime, messages: Iterable[NewMessage] = ()
    ) -> int:
        """Record `document_ids` as announced and enqueue `messages` atomically; returns how
        many messages were new (a replica that got there first makes the rest duplicates)."""
        check_aware(now)
        with self._write() as conn:
            for document_id in document_ids:
                values = {"document_id": document_id[:64], "announced_at": now}
                insert_ignore(conn, AnnouncedDocumentRow, values)
            return enqueue_in(conn, messages, now)
