"""A set's life: registered once, postponed by a *mededeling*, closed by its answers.

Pure functions over the sets already known (id → set); the adapter
(`agendabot.content.kamervragen`) reads and writes the files. Each refusal is a `Refused`
with one short Dutch sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from agendabot.core.kamervragen.model import AnswerLink, KamervragenSet, Postponement, expected_due
from agendabot.core.kamervragen.parse import ParsedNotice, ParsedSet
from agendabot.core.time.dutch_dates import dutch_date

__all__ = [
    "SAME_QUESTION",
    "Refused",
    "answered_sets",
    "close",
    "postpone",
    "register",
    "same_questions",
]

# Two questions are the same when their texts agree this much (rapidfuzz ratio, 0–100) …
SAME_QUESTION: Final = 90.0
# … and two sets are the same when this share of the open set's questions is in the other.
SAME_SHARE: Final = 0.8


class Refused(ValueError):
    """Nothing was changed; the message is one short Dutch sentence."""


class AlreadyKnown(Refused):
    """The set is registered already (by its id or its questions): nothing to do."""


def _same(a: str, b: str) -> bool:
    return fuzz.ratio(a, b, processor=default_process) >= SAME_QUESTION


def same_questions(open_set: KamervragenSet, texts: Sequence[str]) -> bool:
    """Do `texts` hold (nearly all of) the set's questions, in about the same number?"""
    if not texts or abs(len(texts) - len(open_set.questions)) > max(1, len(texts) // 5):
        return False
    found = sum(1 for q in open_set.questions if any(_same(q.text, t) for t in texts))
    return found >= SAME_SHARE * len(open_set.questions)


def register(
    parsed: ParsedSet,
    known: Mapping[str, KamervragenSet],
    *,
    source: str | None = None,
    url: str | None = None,
    pillar: int | None = None,
) -> KamervragenSet:
    """A new open set, due `ingezonden` plus three weeks; `Refused` when it is known."""
    texts = [q.text for q in parsed.questions]
    for other in known.values():
        if other.id.lower() == parsed.id.lower() or same_questions(other, texts):
            return _refuse_twice(other)
    return KamervragenSet(
        id=parsed.id,
        title=parsed.title,
        members=parsed.members,
        addressed=parsed.addressed,
        subject=parsed.subject,
        sent=parsed.sent,
        due=expected_due(parsed.sent),
        questions=parsed.questions,
        url=url,
        source=source,
        pillar=pillar,
    )


def _refuse_twice(other: KamervragenSet) -> KamervragenSet:
    state = (
        f"termijn {dutch_date(other.due)}"
        if other.is_open
        else f"beantwoord in {other.answer.citation}"
        if other.answer
        else ""
    )
    raise AlreadyKnown(
        f"Deze Kamervragen ({other.id}) staan al geregistreerd ({state}); er is niets "
        "dubbel opgeslagen."
    )


def _find(notice: ParsedNotice, known: Mapping[str, KamervragenSet]) -> KamervragenSet | None:
    if notice.set_id is not None:
        for other in known.values():
            if other.id.lower() == notice.set_id.lower():
                return other
    return None


def postpone(
    notice: ParsedNotice, known: Mapping[str, KamervragenSet], *, source: str | None = None
) -> tuple[KamervragenSet, str]:
    """The set with its deadline moved (to the named date, else by three weeks), and a
    sentence saying so; `Refused` for an unknown, answered or already postponed set."""
    found = _find(notice, known)
    if found is None:
        which = f" ({notice.set_id})" if notice.set_id else ""
        raise Refused(
            f"Deze mededeling gaat over Kamervragen{which} die ik niet ken; "
            "registreer eerst de vragen met agendabot ingest."
        )
    if not found.is_open:
        raise Refused(f"De Kamervragen {found.id} zijn al beantwoord; er is niets veranderd.")
    if any(p.source == source and p.received == notice.received for p in found.postponements):
        raise Refused(
            f"Deze mededeling over {found.id} is al verwerkt (termijn {dutch_date(found.due)}); "
            "er is niets veranderd."
        )
    before = found.due
    entry = Postponement(
        received=notice.received,
        named_date=notice.named_date,
        due=expected_due(found.sent, (*found.postponements, _draft(notice))),
        source=source,
    )
    moved = KamervragenSet.model_validate(
        found.model_dump()
        | {
            "postponements": [p.model_dump() for p in (*found.postponements, entry)],
            "due": entry.due,
        }
    )
    how = (
        f"naar {dutch_date(entry.due)}, de datum die de mededeling noemt"
        if notice.named_date
        else f"met drie weken naar {dutch_date(entry.due)} (de mededeling noemt geen datum)"
    )
    return moved, f"Uitstel voor {found.id}: de termijn schuift van {dutch_date(before)} {how}."


def _draft(notice: ParsedNotice) -> Postponement:
    """A stand-in for `expected_due` (its `due` is not read)."""
    return Postponement(named_date=notice.named_date, due=dt.date.min)


def answered_sets(
    known: Iterable[KamervragenSet], *, ids: Iterable[str], questions: Sequence[str]
) -> list[KamervragenSet]:
    """The open sets an answer document answers: by id (its own, or one its header names),
    or by carrying the same questions."""
    wanted = {identifier.lower() for identifier in ids if identifier}
    return [
        s for s in known if s.is_open and (s.id.lower() in wanted or same_questions(s, questions))
    ]


def close(open_set: KamervragenSet, link: AnswerLink) -> KamervragenSet:
    """The set, answered by `link`."""
    return KamervragenSet.model_validate(open_set.model_dump() | {"answer": link.model_dump()})
