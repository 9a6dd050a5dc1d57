"""From query text to a query plan: direct look-ups, or weighted term clauses.

A clause is one idea of the query; its alternatives are ways the documents may word it
(a term, an English glossary term's Dutch equivalents, a synonym or abbreviation). A
document scores the best alternative of each clause (dismax), weighted by how sure we
are of the clause: typed word 1.0, typo correction and compound parts less.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

import Stemmer
from rapidfuzz import fuzz, process

from agendabot.core.search.analysis import (
    DUTCH_STOP_WORDS,
    ENGLISH_STOP_WORDS,
    cognates,
    fold,
    words,
)
from agendabot.core.search.answer_type import question_type
from agendabot.core.search.fillers import drop_fillers
from agendabot.core.search.glossary import Glossary
from agendabot.core.search.index import SearchIndex

# Weights: a typed word counts 1; another wording of it (its compound parts, a synonym)
# counts less, and so does a typo correction, by how sure the correction is.
W_TERM = 1.0
W_SYNONYM = 0.9
W_PARTS = 0.8
W_TYPO = 0.85
W_INFLECTION = 0.7  # a known word's participle reading: "gekort" also as "korten"
W_DERIVATION = 0.0  # default off; set by RankParams ("probleem" → "problematisch")
MAX_DERIVATION_SUFFIX = 6
MAX_DERIVATIONS = 4
TYPO_CUTOFF = 84.0
TYPO_MIN_LEN = 5
MAX_PHRASE = 4
WORD_CACHE = 8192  # words whose clauses an engine keeps (cleared when full)

_QUESTION_REF = re.compile(
    r"(?:\b(?:kamer)?vra(?:ag|gen)\s*(?:nr\.?|nummer)?\s*|\bquestions?\s*|\bv\.?\s?|#|\bq\s?)"
    r"(\d{1,4})\b((?:\s*(?:,|en|and|&|/)\s*(?:#|v)?\d{1,4}\b)*)"
)
_BARE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[?.!]?\s*$")
# Nothing but question numbers: "47, 48", "47 48 49", "47 en 48", "47 t/m 50".
_NUMBER_LIST = re.compile(
    r"\s*(?:(?:(?:kamer)?vra(?:ag|gen)|questions?|nrs?\.?|nummers?)\s*)?#?\d{1,4}"
    r"(?:\s*(?:[,;&+/]|\ben\b|\band\b|t/m|tot en met|\s)\s*#?\d{1,4})+\s*[?.!]?\s*"
)
_RANGE = re.compile(r"(\d{1,4})\s*(?:t/m|tot en met)\s*(\d{1,4})")
# "1-5", "vragen 12–14": a dash between two short numbers, and nothing else ("2022-2025"
# and "31749-8" are years and document numbers)
_DASH_RANGE = re.compile(r"\s*(?:vra(?:ag|gen)\s*)?(\d{1,3})\s*[-–]\s*(\d{1,3})\s*[?.!]?\s*")
MAX_RANGE = 10  # a range yields at most this many numbers ("47 t/m 99" → 47 … 56)
_SECTION_REF = re.compile(
    r"^\s*(?:§|paragraaf|par\.?|sectie|hoofdstuk|brief)?\s*(\d{1,2}\.\d{1,2})\s*$"
)
# A section named inside a sentence ("wat staat er in paragraaf 2.3?"); a bare "2.3" there
# may be a figure, so only with its marker.
_SECTION_IN_TEXT = re.compile(
    r"(?:§|\bparagraaf|\bpar\.|\bsectie|\bsection)\s*(\d{1,2}\.\d{1,2})\b"
)


_TIMING = re.compile(
    r"\b(?:wanneer|deadlines?|per wanneer|tijdpad|tijdlijn|planning|uiterlijk|"
    r"welke datum|hoe lang nog|when|due date|timeline)\b"
)


@dataclass(frozen=True, slots=True)
class Alternative:
    """One wording of a clause: its terms' scores are summed, then weighted."""

    terms: tuple[str, ...]
    weight: float = 1.0
    complete: bool = False  # counts only where all its terms occur (a glossary phrase)


@dataclass(frozen=True, slots=True)
class Clause:
    """One idea of the query; a document scores its best-matching alternative."""

    weight: float
    alternatives: tuple[Alternative, ...]
    source: str  # the query words it came from

    @property
    def terms(self) -> set[str]:
        return {t for alt in self.alternatives for t in alt.terms}


@dataclass(frozen=True, slots=True)
class QueryPlan:
    question_numbers: tuple[int, ...] = ()
    section_keys: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()
    unmatched: tuple[str, ...] = ()  # content words the index does not know at all
    timing: bool = False
    bigrams: tuple[tuple[str, str], ...] = ()  # adjacent known query terms, in order
    answer_type: int = 0  # what the query asks for: answer_type.QUANTITY, NAME or 0

    @property
    def is_lookup(self) -> bool:
        return bool(self.question_numbers or self.section_keys)


@dataclass(slots=True)
class GlossaryMatcher:
    """Glossary phrases keyed by their stemmed content words."""

    english: dict[tuple[str, ...], list[tuple[str, ...]]] = field(default_factory=dict)
    dutch: dict[tuple[str, ...], list[tuple[str, ...]]] = field(default_factory=dict)
    en_stemmer: Stemmer.Stemmer = field(default_factory=lambda: Stemmer.Stemmer("english"))
    # The first stem of every key above: a phrase can only start at a word whose stem is
    # here, so most query words are passed over at once (filled by `compile_glossary`).
    english_starts: frozenset[str] = frozenset()
    dutch_starts: frozenset[str] = frozenset()

    def en_key(self, tokens: list[str]) -> tuple[str, ...]:
        return tuple(self.en_stemmer.stemWords(tokens))

    def may_start(self, token: str, dutch_stem: str) -> bool:
        """Whether some phrase may start at `token` (False: certainly none does)."""
        return dutch_stem in self.dutch_starts or (
            bool(self.english_starts) and self.en_stemmer.stemWord(token) in self.english_starts
        )


def content_words(text: str, *, fillers: bool = False) -> list[str]:
    tokens = drop_fillers(words(text)) if fillers else words(text)
    return [w for w in tokens if w not in DUTCH_STOP_WORDS and w not in ENGLISH_STOP_WORDS]


def compile_glossary(glossary: Glossary | None, index: SearchIndex) -> GlossaryMatcher:
    matcher = GlossaryMatcher()
    if glossary is None:
        return matcher
    stem = index.analyzer.stem

    def dutch_terms(text: str) -> tuple[str, ...]:
        return tuple(stem(w) for w in words(text) if w not in DUTCH_STOP_WORDS)

    for entry in glossary.english:
        alts = [t for t in (dutch_terms(nl) for nl in entry.nl) if t]
        for en in entry.en:
            key = matcher.en_key(content_words(en))
            if key:
                matcher.english.setdefault(key, []).extend(alts)
    for syn in glossary.synonyms:
        alts = [t for t in (dutch_terms(term) for term in syn.terms) if t]
        for term in syn.terms:
            key = tuple(stem(w) for w in content_words(term))
            if key:
                matcher.dutch.setdefault(key, []).extend(a for a in alts if a != key)
    matcher.english_starts = frozenset(key[0] for key in matcher.english)
    matcher.dutch_starts = frozenset(key[0] for key in matcher.dutch)
    return matcher


def parse_lookup(query: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Question numbers or section numbers the query asks for directly."""
    folded = fold(query)
    bare = _BARE_NUMBER.match(folded)
    if bare:
        return (int(bare.group(1)),), ()
    section = _SECTION_REF.match(folded)
    if section:
        return (), (section.group(1),)
    numbers: list[int] = []
    dash = _DASH_RANGE.fullmatch(folded)
    if dash and int(dash.group(1)) < int(dash.group(2)):
        return _listed_numbers(f"{dash.group(1)} t/m {dash.group(2)}"), ()
    if _NUMBER_LIST.fullmatch(folded):
        return _listed_numbers(folded), ()
    for match in _QUESTION_REF.finditer(folded):
        numbers.append(int(match.group(1)))
        numbers.extend(int(n) for n in re.findall(r"\d{1,4}", match.group(2)))
    sections = (m.group(1) for m in _SECTION_IN_TEXT.finditer(folded))
    return tuple(dict.fromkeys(numbers)), tuple(dict.fromkeys(sections))


def _listed_numbers(folded: str) -> tuple[int, ...]:
    """The numbers of a question list in order, a range "47 t/m 50" spelled out."""
    numbers: list[int] = []
    end = 0
    for match in _RANGE.finditer(folded):
        numbers += [int(n) for n in re.findall(r"\d{1,4}", folded[end : match.start()])]
        first, last = int(match.group(1)), int(match.group(2))
        numbers += (
            range(first, min(last, first + MAX_RANGE - 1) + 1) if last > first else (first, last)
        )
        end = match.end()
    numbers += [int(n) for n in re.findall(r"\d{1,4}", folded[end:])]
    return tuple(dict.fromkeys(numbers))


def plan_query(
    query: str,
    index: SearchIndex,
    matcher: GlossaryMatcher,
    derivation: float = W_DERIVATION,
    *,
    fillers: bool = False,
    word_cache: dict[tuple[str, float], tuple[tuple[Clause, ...], bool]] | None = None,
) -> QueryPlan:
    """`word_cache` keeps the clauses of single words between calls (for one index):
    the same plan, made faster; the engine holds one."""
    numbers, sections = parse_lookup(query)
    if numbers or sections:
        return QueryPlan(question_numbers=numbers, section_keys=sections)
    timing = bool(_TIMING.search(fold(query)))
    tokens = content_words(query, fillers=fillers)
    clauses: list[Clause] = []
    unmatched: list[str] = []
    bigrams: list[tuple[str, str]] = []
    previous: str | None = None
    for token in tokens:
        term = index.analyzer.stem(token)
        if term not in index.term_ids:
            previous = None
            continue
        if previous is not None and previous != term:
            bigrams.append((previous, term))
        previous = term
    i = 0
    while i < len(tokens):
        matched = _glossary_clause(tokens, i, index, matcher)
        if matched is not None:
            clause, length = matched
            clauses.append(clause)
            i += length
            continue
        token = tokens[i]
        i += 1
        if word_cache is None:
            clauses_for, missing = _token_clauses(token, index, derivation)
        else:
            cached = word_cache.get((token, derivation))
            if cached is None:
                made, missing = _token_clauses(token, index, derivation)
                cached = (tuple(made), missing)
                if len(word_cache) >= WORD_CACHE:
                    word_cache.clear()
                word_cache[(token, derivation)] = cached
            clauses_for, missing = list(cached[0]), cached[1]
        clauses.extend(clauses_for)
        if missing:
            unmatched.append(token)
    return QueryPlan(
        clauses=_dedupe(clauses),
        unmatched=tuple(unmatched),
        timing=timing,
        bigrams=tuple(dict.fromkeys(bigrams)),
        answer_type=question_type(query),
    )


def _glossary_clause(
    tokens: list[str], i: int, index: SearchIndex, matcher: GlossaryMatcher
) -> tuple[Clause, int] | None:
    """The longest glossary phrase starting at token `i`, as a clause.

    A phrase is worth as many words as were typed: a longer translation does not count
    more ("fgm" → "vrouwelijke genitale verminking" weighs as one word).
    """
    stem = index.analyzer.stem
    if not matcher.may_start(tokens[i], stem(tokens[i])):
        return None
    for length in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
        span = tokens[i : i + length]
        source = " ".join(span)
        own = tuple(stem(w) for w in span)
        own_known = all(t in index.term_ids for t in own)
        en_alts = matcher.english.get(matcher.en_key(span))
        if en_alts:
            alts = [
                Alternative(a, min(1.0, length / len(a)), complete=True)
                for a in dict.fromkeys(en_alts)
            ]
            if own_known:
                alts.append(Alternative(own))
            return Clause(W_TERM, tuple(alts), source), length
        nl_alts = matcher.dutch.get(own)
        if nl_alts:
            alts = [Alternative(own)] + [
                Alternative(a, W_SYNONYM * min(1.0, length / len(a)), complete=True)
                for a in dict.fromkeys(nl_alts)
            ]
            return Clause(W_TERM, tuple(alts), source), length
    return None


SEPARABLE_PREFIXES = ("", "aan", "af", "in", "mee", "om", "op", "over", "toe", "uit", "voor")


def inflections(word: str, stem: Callable[[str], str], *, known: bool) -> list[str]:
    """Stems of verb forms Snowball leaves apart from their verb.

    A past participle: "gekort" → "kort" (korten), "gewerkt" → "werk", "opgegroeid" →
    "opgroei" (opgroeien). For a word the index does not know, also the present tense:
    "weigert" → "weiger" (weigeren); a known word keeps its own meaning first ("kant").
    """
    found: list[str] = []
    if len(word) < 5 or not word.isalpha() or word[-1] not in "td":
        return found
    for prefix in SEPARABLE_PREFIXES:
        if word.startswith(prefix + "ge") and len(word) - len(prefix) >= 6:
            core = prefix + word[len(prefix) + 2 :]
            found += [stem(core), stem(core[:-1]), stem(core + "en")]
    if not known and word[-2] not in "td":
        found.append(stem(word[:-1]))
    own = stem(word)
    return [f for f in dict.fromkeys(found) if f != own and len(f) >= 3]


def derivations(term: str, index: SearchIndex) -> list[str]:
    """Known terms that extend `term` by a short suffix ("problem" → "problematisch"),
    not by another word (so "polarisatie" does not reach "polarisatiemonitor")."""
    if len(term) < 5 or not term.isalpha():
        return []
    terms = index.typo_terms_by_initial.get(term[0], [])
    found: list[tuple[float, str]] = []
    i = bisect_left(terms, term)
    while i < len(terms) and terms[i].startswith(term):
        other = terms[i]
        i += 1
        rest = other[len(term) :]
        if not rest or len(rest) > MAX_DERIVATION_SUFFIX:
            continue
        if len(rest) >= 4 and rest in index.known_parts:
            continue  # a compound, not a derivation
        found.append((index.term_idf(other), other))
    found.sort()  # the commonest derivations first
    return [t for _idf, t in found[:MAX_DERIVATIONS]]


def _token_clauses(
    token: str, index: SearchIndex, derivation: float = W_DERIVATION
) -> tuple[list[Clause], bool]:
    """The clause for one query word; (clauses, whether the word stayed unknown).

    A known word also matches its compound parts standing apart ("woondiscriminatie"
    finds "discriminatie op de woningmarkt"), its other verb forms and, more weakly, its
    derivations, as alternatives. An unknown word is tried as a verb form, split into
    known parts, or else corrected to the closest known term.
    """
    stem = index.analyzer.stem
    term = stem(token)
    parts = tuple(stem(p) for p in index.split_compound(token)) if token.isalpha() else ()
    parts_alt = (Alternative(parts, W_PARTS),) if parts else ()
    known = term in index.term_ids
    forms = [f for f in inflections(token, stem, known=known) if f in index.term_ids]
    if not known and forms:
        term, forms = forms[0], forms[1:]
    if term in index.term_ids:
        alts = [Alternative((term,)), *parts_alt]
        alts += [Alternative((f,), W_INFLECTION) for f in forms]
        if derivation > 0:
            alts += [Alternative((d,), derivation) for d in derivations(term, index)]
        return [Clause(W_TERM, tuple(dict.fromkeys(alts)), token)], False
    if parts_alt:
        return [Clause(W_TERM, parts_alt, token)], False
    for cognate in cognates(token):
        if stem(cognate) in index.term_ids:
            return [Clause(W_TERM, (Alternative((stem(cognate),)),), token)], False
    if token.isalpha() and len(token) >= TYPO_MIN_LEN:
        # compare stems, so a typo in an inflected form still finds the word; typos
        # rarely hit the first letter, so only terms sharing it are candidates
        candidates = index.typo_terms_by_initial.get(term[0], [])
        best = process.extractOne(term, candidates, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        if best is not None:
            weight = W_TYPO * float(best[1]) / 100.0
            return [Clause(weight, (Alternative((str(best[0]),)),), token)], False
    return [], True


def _dedupe(clauses: list[Clause]) -> tuple[Clause, ...]:
    best: dict[tuple[Alternative, ...], Clause] = {}
    for clause in clauses:
        seen = best.get(clause.alternatives)
        if seen is None or clause.weight > seen.weight:
            best[clause.alternatives] = clause
    return tuple(best.values())
