"""Many documents, and how people point at one of them.

People write a document as its id ("31749-8", "30560-XV-4", "ah-tk-20142015-1365",
"2024D18824"), with officielebekendmakingen's prefix ("kst-31749-8"), or as a bare number
("451"), which means that number in the main dossier (32 824 unless configured). A question
or section inside it follows a colon: "451:47", "31749-8:1", "456:1.7". Without a document,
`/vraag 47` reads the default list: the configured one, else the most recent Q&A list of the
main dossier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from agendabot.core.documents.models import DocumentKind, Letter, QADocument
from agendabot.core.documents.present import numbers_phrase

__all__ = [
    "MAIN_DOSSIER",
    "Address",
    "Library",
    "UnknownDocument",
    "parse_address",
]

MAIN_DOSSIER: Final = "32 824"

Doc = TypeVar("Doc", QADocument, Letter)

# "451:47", "31749-8:1", "ah-tk-20142015-1365:2", "kst-30560-XV-4:3", "456:1.7"
_ADDRESS = re.compile(r"^(?P<document>[A-Za-z0-9][A-Za-z0-9 -]*?)\s*:\s*(?P<local>\S+)$")


@dataclass(frozen=True, slots=True)
class Address:
    """A question or section, with the document it is in (None: the default one)."""

    document: str | None
    local: str


def parse_address(text: str) -> Address:
    """ "451:47" → Address("451", "47"); "47" → Address(None, "47")."""
    stripped = text.strip()
    match = _ADDRESS.match(stripped)
    if match:
        return Address(match["document"].strip(), match["local"])
    return Address(None, stripped)


class UnknownDocument(LookupError):
    """No document answers to a reference; the message is one Dutch sentence listing them."""


def _squash(text: str) -> str:
    """ "32 824-451" → "32824-451", "30 560 XV-4" → "30560-xv-4"."""
    joined = re.sub(r"(?<=\d)\s+(?=\d)", "", text.strip())
    return re.sub(r"[\s-]+", "-", joined).strip("-").lower()


@dataclass(frozen=True)
class Library:
    """The documents in the store, oldest first, with the defaults people rely on."""

    qa_lists: tuple[QADocument, ...]
    letters: tuple[Letter, ...]
    main_dossier: str = MAIN_DOSSIER
    default_qa_id: str | None = None

    @classmethod
    def of(
        cls,
        documents: Iterable[QADocument | Letter],
        *,
        main_dossier: str = MAIN_DOSSIER,
        default_qa_id: str | None = None,
    ) -> Library:
        ordered = sorted(documents, key=lambda d: d.meta.order)
        return cls(
            qa_lists=tuple(d for d in ordered if isinstance(d, QADocument)),
            letters=tuple(d for d in ordered if isinstance(d, Letter)),
            main_dossier=main_dossier,
            default_qa_id=default_qa_id,
        )

    # --- defaults ----------------------------------------------------------------------------
    @property
    def default_qa(self) -> QADocument:
        """The list `/vraag 47` reads: configured, else the newest list of the main dossier."""
        if self.default_qa_id is not None:
            return self.qa(self.default_qa_id)
        return _newest(self.qa_lists, self.main_dossier, "lijst van vragen en antwoorden")

    @property
    def default_letter(self) -> Letter:
        """The letter `brief 1.7` reads: the newest letter of the main dossier."""
        return _newest(self.letters, self.main_dossier, "Kamerbrief")

    # --- lookups -----------------------------------------------------------------------------
    def qa(self, reference: str | None) -> QADocument:
        """The Q&A list or Kamervragen answer `reference` names (None: the default list)."""
        if reference is None:
            return self.default_qa
        try:
            return self._find(self.qa_lists, reference, "vragenlijst")
        except UnknownDocument as exc:
            raise self._other_kind(reference) or exc from None

    def letter(self, reference: str | None) -> Letter:
        """The letter `reference` names (None: the default letter)."""
        if reference is None:
            return self.default_letter
        try:
            return self._find(self.letters, reference, "brief")
        except UnknownDocument as exc:
            raise self._other_kind(reference) or exc from None

    def document(self, reference: str) -> QADocument | Letter:
        """The list or letter `reference` names ("456", "kst-32824-451"), of either kind."""
        found = self._either(reference)
        if found is not None:
            return found
        every: list[QADocument | Letter] = [*self.qa_lists, *self.letters]
        known = numbers_phrase([self.short_ref(d) for d in every])
        raise UnknownDocument(
            f"Document '{reference.strip()[:40]}' ken ik niet; bekend zijn: {known}."
        )

    def _either(self, reference: str) -> QADocument | Letter | None:
        """The list, else the letter, that `reference` names; None: neither."""
        try:
            return self._find(self.qa_lists, reference, "")
        except UnknownDocument:
            pass
        try:
            return self._find(self.letters, reference, "")
        except UnknownDocument:
            return None

    def is_default(self, document: QADocument | Letter) -> bool:
        try:
            default = self.default_qa if isinstance(document, QADocument) else self.default_letter
        except LookupError:
            return False
        return default.meta.id == document.meta.id

    def short_ref(self, document: QADocument | Letter) -> str:
        """How to name `document` in an address: "451" in the main dossier, else its id."""
        meta = document.meta
        if meta.dossier == self.main_dossier and meta.number is not None:
            every: list[QADocument | Letter] = [*self.qa_lists, *self.letters]
            same_number = [d for d in every if d.meta.number == meta.number]
            if len(same_number) == 1:
                return str(meta.number)
        return meta.id

    def address(self, document: QADocument | Letter, local: str | int) -> str:
        """ "47" for the default document, else "451:47" or "31749-8:1"."""
        if self.is_default(document):
            return str(local)
        return f"{self.short_ref(document)}:{local}"

    def lists_with_question(self, number: int) -> list[QADocument]:
        """Every Q&A list that has a question `number`, oldest first."""
        return [d for d in self.qa_lists if number in d]

    def _other_kind(self, reference: str) -> UnknownDocument | None:
        """A Q&A list asked for as a letter ("brief 451:1.7"), or a letter asked for as a list
        ("456:47"): say what it is, and where the other thing is."""
        found = self._either(reference)
        if found is None:
            return None
        ref = self.short_ref(found)
        if isinstance(found, QADocument):
            where = self._where("Paragrafen", self.letters, "brief", "brieven")
            return UnknownDocument(f"{ref} is een vragenlijst, geen brief.{where}")
        where = self._where("Vragen", self.qa_lists, "vragenlijst", "vragenlijsten")
        return UnknownDocument(f"{ref} is een brief, geen vragenlijst.{where}")

    def _where(
        self, what: str, documents: Sequence[QADocument | Letter], one: str, many: str
    ) -> str:
        """ " Paragrafen staan in brief 456.", or nothing when there is no such document."""
        if not documents:
            return ""
        kind = many if len(documents) > 1 else one
        return f" {what} staan in {kind} {numbers_phrase([self.short_ref(d) for d in documents])}."

    def _find(self, documents: Sequence[Doc], reference: str, what: str) -> Doc:
        wanted = _squash(reference).removeprefix("kst-").removeprefix("kamerstuk-")
        exact = [d for d in documents if d.meta.id.lower() == wanted]
        if exact:
            return exact[0]
        if wanted.isdigit():
            number = int(wanted)
            main = [
                d
                for d in documents
                if d.meta.number == number and d.meta.dossier == self.main_dossier
            ]
            anywhere = [d for d in documents if d.meta.number == number]
            found = main or (anywhere if len(anywhere) == 1 else [])
            if found:
                return found[-1]
        known = [self.short_ref(d) for d in documents]
        listed = numbers_phrase(known)
        raise UnknownDocument(
            f"Document '{reference.strip()}' ken ik niet; "
            + (
                f"er is alleen {what} {listed}."
                if len(known) == 1
                else f"bekend zijn: {listed}."
                if known
                else f"er is geen enkele {what}."
            )
        )


def _newest(documents: Sequence[Doc], dossier: str, what: str) -> Doc:
    main = [d for d in documents if d.meta.dossier == dossier]
    if main:
        return main[-1]
    if documents:
        return documents[-1]
    raise UnknownDocument(f"Er staat geen {what} in de content.")


def kind_label(kind: DocumentKind) -> str:
    """ "lijst van vragen en antwoorden", "antwoorden op Kamervragen", "Kamerbrief"."""
    return {
        DocumentKind.QA_LIST: "lijst van vragen en antwoorden",
        DocumentKind.KAMERVRAGEN: "antwoorden op Kamervragen",
        DocumentKind.LETTER: "Kamerbrief",
    }[kind]
