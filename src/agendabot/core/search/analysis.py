"""Text analysis for search: folding, tokenising, stop words, stemming and compound parts.

Index and query go through the same `Analyzer`, so "geïntegreerd" and "geintegreerd",
"startbanen" and "startbaan" meet on the same term. Dutch compounds are split into known
vocabulary parts ("woondiscriminatie" → "woon" + "discriminatie") so a compound in the
query finds the separate words in a text and the other way round.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

import Stemmer


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Snowball's Dutch stop list plus the question and filler words people type in a chat,
# and the verb "gelden" ("welke regels gelden"), whose stem is that of "geld" (money).
DUTCH_STOP_WORDS: frozenset[str] = _word_set(
    """
    aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen
    doet door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij
    hoe hun iemand iets ik in is ja je jij kan kon kunnen maar me meer men met mij mijn moet
    na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot
    u uit uw van veel voor want waren was wat we wel werd wezen wie wil worden wordt zal ze
    zelf zich zij zijn zo zonder zou
    welk welke waarom waar wanneer waarover waarvoor hoeveel hoezo wat welke wie
    zit zitten gaat gaan ga staat staan kun kunt mag mogen moeten zullen zouden wordt werden
    eigenlijk gewoon precies even graag weet weten idee soms straks inmiddels alleen
    daarover daarmee hierover hiermee iemand mensen heel erg echt ongeveer
    er eraan erover ervan u jullie wij ons onze jouw hun hen
    zeggen gezegd zegt stond staat vinden vindt vond per
    daaronder daarvan daarbij hierbij hiervan eruit ervoor erin erbij eraan
    doen gedaan komen komt kwam kwamen gekomen gegaan lopen loopt liep maken maakt gemaakt
    krijgen krijgt kregen gekregen geven geeft gegeven zien ziet gezien houden houdt laten
    laat nemen neemt willen wilt denken denkt dacht tussen volgens deadline deadlines
    geldt gelden golden gegolden
    zat zaten moest moesten krijg kreeg wilde wilden konden zouden mocht mochten ging gingen
    stonden deed deden liet lieten hield hielden vonden dachten
    zodat terwijl waardoor waarbij waarin hoewel indien tenzij zodra nadat voordat doordat
    steeds bijvoorbeeld namelijk echter daarom daardoor vanuit zichzelf
    binnen sinds tijdens vanaf via wegens namens jegens rondom
    """
)

ENGLISH_STOP_WORDS: frozenset[str] = _word_set(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves many much whether yet still already currently actually
    really exactly anyone someone something anything everything say said says tell told
    use used using get gets got make makes made take takes give gives know think thought
    see seen come comes want wants look looks need needs go goes going done there's what's
    it's does don't isn't aren't there's let lets via per
    """
)

# English → Dutch spelling of shared Latin words ("integration" → "integratie"), tried on
# query words the index does not know, before typo correction.
COGNATE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("isations", "isaties"),
    ("izations", "isaties"),
    ("isation", "isatie"),
    ("ization", "isatie"),
    ("ations", "aties"),
    ("ation", "atie"),
    ("tions", "ties"),
    ("tion", "tie"),
    ("sions", "sies"),
    ("sion", "sie"),
    ("ities", "iteiten"),
    ("ity", "iteit"),
    ("isms", "ismen"),
    ("ism", "isme"),
    ("ists", "isten"),
    ("ical", "isch"),
    ("ic", "isch"),
    ("ives", "ieven"),
    ("ive", "ief"),
    ("ised", "iseerd"),
    ("ized", "iseerd"),
    ("ise", "iseren"),
    ("ize", "iseren"),
    ("ies", "ies"),
    ("al", "aal"),
    ("al", "eel"),
    ("ers", "ers"),
    ("s", ""),
)


def cognates(word: str) -> list[str]:
    """Dutch spellings an English word may have ("definitions" → ["definities", …])."""
    found: list[str] = []
    for english, dutch in COGNATE_SUFFIXES:
        if word.endswith(english) and len(word) - len(english) >= 3:
            found.append(word[: len(word) - len(english)] + dutch)
    return found


_COMBINING = re.compile(r"[\u0300-\u036f]")
_APOSTROPHES = re.compile(r"(?<=\w)['’‘`´](?=\w)")
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")


def fold(text: str) -> str:
    """Lower-case and strip diacritics: "Geïntegreerd" → "geintegreerd"."""
    text = text.lower()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def words(text: str) -> list[str]:
    """Folded word tokens; hyphenated words yield their parts, "mbo'ers" stays one word.

    "%" reads as the word "procent", so "0,8%-punt" meets "procentpunten".
    """
    folded = fold(text)
    if "%" in folded:  # "55,1%", "2,4%-punt": the documents' notation for procent(punt)
        folded = folded.replace("%", " procent ")
    if "'" in folded or "’" in folded or "‘" in folded or "`" in folded or "´" in folded:
        folded = _APOSTROPHES.sub("", folded)
    return [
        _normalise_number(tok) if ("," in tok or "." in tok) else tok
        for tok in _TOKEN.findall(folded)
    ]


def _normalise_number(token: str) -> str:
    # "6.1" and "6,1" are the same figure; thousands separators ("100.000") are dropped.
    if token[0].isdigit() and ("." in token or "," in token):
        parts = re.split(r"[.,]", token)
        if all(len(p) == 3 for p in parts[1:]):
            return "".join(parts)
        return ",".join(parts)
    return token


STEM_CACHE = 50_000  # words whose stem is kept (the corpus and glossary need about 4 000)


class Analyzer:
    """Turns text into search terms (stems), with a cache per surface word."""

    MIN_PART = 4
    MIN_COMPOUND = 8
    _LINKS = ("", "s", "e", "en")

    def __init__(self, algorithm: str = "dutch_porter") -> None:
        self._stemmer = Stemmer.Stemmer(algorithm)
        self._stem_cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        cached = self._stem_cache.get(word)
        if cached is None:
            cached = word
            if not word[0].isdigit():
                cached = self._stemmer.stemWord(word)
                if cached in DUTCH_STOP_WORDS and word not in DUTCH_STOP_WORDS:
                    cached = _unstemmed(word)
                # Snowball leaves "voorstell" (voorstellen) apart from "voorstel": undouble
                if len(cached) > 3 and cached[-1] == cached[-2] and cached[-1] not in "aeiou":
                    cached = cached[:-1]
            if len(self._stem_cache) >= STEM_CACHE:
                self._stem_cache.clear()  # bounded: every new typo would stay otherwise
            self._stem_cache[word] = cached
        return cached

    def terms(self, text: str) -> list[str]:
        """Stems of the non-stop words of `text`, in order."""
        stem = self.stem
        return [stem(w) for w in words(text) if w not in DUTCH_STOP_WORDS]


def _unstemmed(word: str) -> str:
    """A word whose Snowball stem is a stop word ("overheid" → "over", like "overige"):
    its own form, with the plural "-heden" as "-heid" and an inflected adjective's "-e" off."""
    if word.endswith("heden"):
        return word[:-5] + "heid"
    if word.endswith("e") and len(word) > 5:
        return word[:-1]
    return word


def make_splitter(
    known: Callable[[str], bool], min_part: int = 4, min_word: int = 8
) -> Callable[[str], tuple[str, ...]]:
    """A compound splitter over a vocabulary test.

    The returned function splits a folded word into the fewest known parts (each at least
    `min_part` letters, a linking "s", "e" or "en" allowed between parts), or returns ()
    when no complete split exists. Results are cached.
    """
    links = ("", "s", "e", "en")

    @lru_cache(maxsize=200_000)
    def split(word: str) -> tuple[str, ...]:
        if len(word) < min_word:
            return ()
        best = _best_split(word, 0)
        return best if best is not None and len(best) > 1 else ()

    @lru_cache(maxsize=400_000)
    def _best_split_cached(word: str, start: int) -> tuple[str, ...] | None:
        return _best_split(word, start)

    def _best_split(word: str, start: int) -> tuple[str, ...] | None:
        rest = word[start:]
        if len(rest) >= min_part and known(rest) and start > 0:
            return (rest,)
        best: tuple[str, ...] | None = None
        # longest head first: prefer "arbeidsmarkt|discriminatie" over "arbeid|smarkt…"
        for end in range(len(word) - min_part, start + min_part - 1, -1):
            head = word[start:end]
            if not known(head):
                continue
            for link in links:
                nxt = end + len(link)
                if link and word[end:nxt] != link:
                    continue
                if len(word) - nxt < min_part:
                    continue
                tail = _best_split_cached(word, nxt)
                if tail is not None and (best is None or len(tail) + 1 < len(best)):
                    best = (head, *tail)
            if best is not None and len(best) == 2:
                break
        return best

    return split


def phrase_keys(text: str, stemmer: Callable[[str], str]) -> tuple[str, ...]:
    """Folded, stemmed word sequence used to match glossary phrases."""
    return tuple(stemmer(w) for w in words(text))


def count(items: Iterable[str]) -> Mapping[str, int]:
    result: dict[str, int] = {}
    for item in items:
        result[item] = result.get(item, 0) + 1
    return result
