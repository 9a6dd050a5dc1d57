"""Questions in words that `/agenda deadlines` answers, not the search.

"@agendabot wat moet er deze maand af?" and "welke toezeggingen zijn over de datum?" were
searched, and got three unrelated answers as "Bedoel je een van deze?". A question counts
only when every word of it is deadline talk (below) and one of them asks for deadlines;
"wanneer is de nationale dialoog?" names a subject, so it stays a search.
"""

from __future__ import annotations

import re
from typing import Final

from agendabot.core.bot.agenda_commands import AgendaDeadlines
from agendabot.core.bot.small_talk import plain_words, word_set
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
_WEEKS: Final = re.compile(r"\b(?:komende|volgende|next|coming)\s+(\d{1,2})\s+(?:weken|weeks)\b")


def deadline_question(text: str) -> AgendaDeadlines | None:
    """ "wat moet er deze maand af?" → deadlines for four weeks; a question on a subject → None."""
    folded = fold(text)
    words = plain_words(text)
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
