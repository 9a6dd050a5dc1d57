"""Greetings, thanks, tests and "what can you do": a short reply, not a search.

"@agendabot bedankt!" was searched as a question, and "thank you" got answer 151 with
confidence 0.96 ("thank" read as a typo of "thans"). A message is small talk only when
every word of it is one of the words below, so "bedankt, en wanneer is de nationale
dialoog?" is still a search.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

from agendabot.core.search.analysis import fold

_NOT_A_WORD: Final = re.compile(r"[^a-z0-9]+")
# Slack sends an emoji as its name between colons: ":+1:", ":pray::skin-tone-2:"
_EMOJI: Final = re.compile(r":(?=[^:\s]*[a-z+])[a-z0-9_+'-]+:(?::skin-tone-\d:)?")


def strip_emoji(text: str) -> str:
    """`text` without Slack's emoji names: "taaleis? :thinking_face:" → "taaleis?" (they
    were searched as the words "thinking" and "face")."""
    return " ".join(_EMOJI.sub(" ", text).split()) if ":" in text else text


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string: "dank bedankt thanks" → its words."""
    return frozenset(text.split())


def plain_words(text: str) -> list[str]:
    """The folded words and numbers of `text`, punctuation dropped: "Dank je!" → dank, je."""
    return _NOT_A_WORD.sub(" ", fold(text)).split()


SmallTalk = Literal["help", "hoi", "dank", "ok"]

_THANKS: Final = word_set("dank dankje dankjewel dankuwel bedankt thanks thank thx tnx ty merci")
_GREETINGS: Final = word_set(
    "hallo hoi hey hi hai hello goedemorgen goedemiddag goedenavond morgen middag dag yo "
    "good morning afternoon evening test testje testing ping"
)
# Words that may go with a greeting or thanks without making it a question.
_FILLERS: Final = word_set(
    "je u jij wel you very much so a lot heel erg hartelijk hartstikke super top mooi "
    "fijn prima alvast nogmaals veel ok oke okay goed zo hoor weer allemaal iedereen team "
    "en agendabot bot daar there all"
)
# An acknowledgement on its own ("ok", "top, helder"): a thumbs up, not a search for "top".
_ACKS: Final = word_set(
    "ok oke okay okido top prima helder duidelijk mooi fijn goed super cool nice great perfect "
    "akkoord gezien genoteerd noted check thumbs"
)
_HELP: Final = frozenset(
    {
        "help",
        "hulp",
        "uitleg",
        "help me",
        "kun je me helpen",
        "kan je me helpen",
        "kunt u me helpen",
        "wat kun je",
        "wat kan je",
        "wat kun jij",
        "wat kan jij",
        "wat kun je allemaal",
        "wat kan je allemaal",
        "wat kun je doen",
        "hoe werkt dit",
        "hoe werk je",
        "ben je er",
        "what can you do",
        "how does this work",
    }
)


def small_talk(text: str) -> SmallTalk | None:
    """ "hallo" → "hoi", "dank je wel!" → "dank", "wat kun je?" → "help", "top" → "ok",
    else None."""
    emoji = _EMOJI.search(text) is not None or any(_is_symbol(c) for c in text)
    text = strip_emoji(text)
    words = plain_words(text)
    phrase = " ".join(w for w in words if w not in ("agendabot", "bot"))
    if not any(c.isalnum() for c in text):
        # "" or "?" asks what the bot does; "👍" or "🙏" only acknowledges
        return "ok" if emoji else "help"
    if phrase in _HELP:
        return "help"
    if not words:  # letters of another script: a search, which says it found nothing
        return None
    if not all(w in _THANKS or w in _GREETINGS or w in _FILLERS or w in _ACKS for w in words):
        return None
    if any(w in _THANKS for w in words):
        return "dank"
    if any(w in _GREETINGS for w in words):
        return "hoi"
    if any(w in _ACKS for w in words):
        return "ok"
    return None


def _is_symbol(char: str) -> bool:
    """An emoji or another pictograph (Unicode category So), not punctuation or a sign."""
    return unicodedata.category(char) == "So"
