"""Questions in words that `/agenda deadlines` or `/agenda kamervragen` answer, not the search.

"@agendabot wat moet er deze maand af?" and "welke toezeggingen zijn over de datum?" were
searched, and got three unrelated answers as "Bedoel je een van deze?"; so was "open
kamervragen?". A question counts only when every word of it is such talk (below) and one of
them asks for the list; "wanneer is de nationale dialoog?" and "kamervragen over de
taaleis?" name a subject, so they stay a search.
"""

from __future__ import annotations

import re
from typing import Final

from agendabot.core.bot.agenda_commands import (
    AgendaDeadlines,
    AgendaKamervragen,
    AgendaSubscriptions,
)
from agendabot.core.bot.small_talk import plain_words, strip_emoji, word_set
from agendabot.core.search.analysis import fold

# Words that ask for the list of deadlines.
_ASKS: Final = word_set(
    "deadline deadlines termijn termijnen toezegging toezeggingen verlopen achterstallig "
    "overdue due laat binnenkort agenda commitments af"
)
# Words that may go with them without naming a subject.
_TALK: Final = word_set(
    "wat welke welk er is s zijn staat staan datum moet moeten we wij ons onze team nog open al nu "
    "de het een deze die volgende komende eerstvolgende week weken maand maanden over te "
    "voor op in van gepland lopen loopt zo allemaal alle what which are the this next coming "
    "upcoming our for month weeks pijler 1 2 3 4 5 6 7 8 9 10 11 12"
)
# Words that ask for the open sets of Kamervragen, and what may go with them.
_KAMERVRAGEN: Final = word_set("kamervragen kamervraag")
_KAMERVRAGEN_TALK: Final = word_set(
    "beantwoorden beantwoord antwoorden antwoord nieuwe binnen binnengekomen openstaande "
    "ingediend gesteld hoeveel dagen hebben heeft written questions parliamentary answer"
)
# Words that ask what a channel (or in a DM: someone) follows, and what may go with them.
_FOLLOWS: Final = word_set(
    "volg volgt volgen abonnement abonnementen geabonneerd follow follows following "
    "subscribed subscription subscriptions"
)
_FOLLOWS_TALK: Final = word_set(
    "wat welke welk ik we wij jij je dit kanaal hier mijn onze ben zijn heb hebben op "
    "nu al voor what which do does am is are i this channel my our to here"
)
_WEEKS: Final = re.compile(r"\b(?:komende|volgende|next|coming)\s+(\d{1,2})\s+(?:weken|weeks)\b")


def agenda_question(
    text: str,
) -> AgendaDeadlines | AgendaKamervragen | AgendaSubscriptions | None:
    """ "wat moet er deze maand af?" → deadlines for four weeks, "welke kamervragen staan
    open?" → the open Kamervragen, "wat volgt dit kanaal?" → its subscriptions; a question
    on a subject → None."""
    text = strip_emoji(text)
    words = plain_words(text)
    if _only_asks(words, _FOLLOWS, _FOLLOWS_TALK):
        return AgendaSubscriptions()
    if _only_asks(words, _KAMERVRAGEN, _KAMERVRAGEN_TALK | _TALK):
        return AgendaKamervragen()
    return _deadline_question(text, words)


def _only_asks(words: list[str], asks: frozenset[str], talk: frozenset[str]) -> bool:
    """One of `words` asks (`asks`), and every other goes with it (`talk`)."""
    return any(w in asks for w in words) and all(w in asks or w in talk for w in words)


def _deadline_question(text: str, words: list[str]) -> AgendaDeadlines | None:
    folded = fold(text)
    if not words or not all(w in _ASKS or w in _TALK for w in words):
        return None
    if not (any(w in _ASKS for w in words) or "over de datum" in folded) or words == ["af"]:
        return None
    pillar = re.search(r"\bpijler\s*([12])\b", folded)
    weeks: int | None = None
    if match := _WEEKS.search(folded):
        weeks = int(match.group(1))
    elif "week" in words:
        weeks = 2 if "volgende" in words or "next" in words else 1
    elif "maand" in words or "month" in words:
        weeks = 8 if "volgende" in words or "next" in words else 4
    return AgendaDeadlines(pillar=int(pillar.group(1)) if pillar else None, weeks=weeks)
