"""Conversational filler, hedges and idioms ("per definitie": necessarily) and the frame of a
question for a figure ("hoe groot is …"): said around a question, never what it is about.
Dropped from the query (when RankParams.fillers is on) unless nothing would be left."""

from __future__ import annotations

from agendabot.core.search.analysis import (
    DUTCH_STOP_WORDS,
    ENGLISH_STOP_WORDS,
    words,
)

FILLER_PHRASES: tuple[str, ...] = (
    # Dutch
    "in principe",
    "in feite",
    "op zich",
    "an sich",
    "uberhaupt",
    "nou",
    "eventjes",
    "sowieso",
    "trouwens",
    "zeg maar",
    "als het ware",
    "min of meer",
    "in het algemeen",
    "over het algemeen",
    "hoe zit het met",
    "hoe zit het",
    "hoe staat het met",
    "wat weten we over",
    "wat zeiden we over",
    "wat hebben we gezegd over",
    "wat is er gezegd over",
    "wat staat er over",
    "kun je me vertellen",
    "kunt u me vertellen",
    "ik vroeg me af",
    "in de actieagenda",
    "per definitie",
    "in elk geval",
    "in ieder geval",
    "als zodanig",
    # the frame of a question for a figure: what it is about follows
    "hoe groot",
    "hoe hoog",
    "hoe klein",
    "hoe laag",
    "hoe vaak",
    # English
    "what did we say about",
    "what do we say about",
    "what have we said about",
    "what does it say about",
    "tell me about",
    "can you tell me",
    "i was wondering",
    "in principle",
    "in fact",
    "basically",
    "in the action agenda",
    "how big",
    "how large",
    "how high",
    "how often",
)


_FILLERS: dict[str, list[tuple[str, ...]]] = {}

for _phrase in sorted({tuple(words(p)) for p in FILLER_PHRASES}, key=len, reverse=True):
    _FILLERS.setdefault(_phrase[0], []).append(_phrase)  # by first word, longest first


def drop_fillers(tokens: list[str]) -> list[str]:
    """`tokens` without filler phrases (longest first); unchanged if nothing would be left."""
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase in _FILLERS.get(tokens[i], ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                i += len(phrase)
                break
        else:
            kept.append(tokens[i])
            i += 1
    if not any(w not in DUTCH_STOP_WORDS and w not in ENGLISH_STOP_WORDS for w in kept):
        return tokens
    return kept
