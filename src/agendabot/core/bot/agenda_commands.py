"""Parsing `/agenda …` (pure functions): a command, or a `ParseError` saying how to type it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from agendabot.core.bot.commands import ParseError, clean_text, shorten_query, unescape_slack
from agendabot.core.bot.small_talk import word_set

MAX_WEEKS: Final = 104

PillarChoice = Literal["1", "2", "all"]
MarkStatus = Literal["afgerond", "vervallen", "open"]


@dataclass(frozen=True, slots=True)
class AgendaDeadlines:
    """`deadlines [pijler 1|2] [weken N]`: `weeks` None means the configured default."""

    pillar: int | None = None
    weeks: int | None = None


@dataclass(frozen=True, slots=True)
class AgendaCommitment:
    """`toezegging ID`."""

    commitment_id: str


@dataclass(frozen=True, slots=True)
class AgendaSubscribe:
    """`abonneer pijler 1|2|alles`."""

    pillar: PillarChoice


@dataclass(frozen=True, slots=True)
class AgendaUnsubscribe:
    """`opzeggen pijler 1|2|alles`."""

    pillar: PillarChoice


@dataclass(frozen=True, slots=True)
class AgendaSubscriptions:
    """`abonnementen`."""


@dataclass(frozen=True, slots=True)
class AgendaMark:
    """`afgerond ID [link]`, `vervallen ID [reden]`, or `heropen ID [reden]` (status "open":
    a commitment marked by mistake, or taken up again)."""

    commitment_id: str
    status: MarkStatus
    link: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AgendaKamervragen:
    """`kamervragen`: the open sets of new Kamervragen with their days left."""


@dataclass(frozen=True, slots=True)
class AgendaReload:
    """`herlaad`: load the content again (admins only)."""


@dataclass(frozen=True, slots=True)
class AgendaHelp:
    """`help`, nothing, or an unknown subcommand (`unknown` holds what was typed)."""

    unknown: str | None = None


AgendaCommand: TypeAlias = (
    AgendaDeadlines
    | AgendaCommitment
    | AgendaSubscribe
    | AgendaUnsubscribe
    | AgendaSubscriptions
    | AgendaMark
    | AgendaReload
    | AgendaKamervragen
    | AgendaHelp
)

# A Slack control sequence (<…>, may hold spaces in its label) or a run of non-space.
_TOKEN: Final = re.compile(r"<[^<>]*>|[^\s<]+|<")
_URL: Final = re.compile(r"https?://\S+", re.IGNORECASE)

_SUBCOMMANDS: Final[dict[str, str]] = {
    **dict.fromkeys(("deadlines", "deadline", "termijnen", "toezeggingen"), "deadlines"),
    **dict.fromkeys(("toezegging", "promise", "commitment"), "toezegging"),
    **dict.fromkeys(("abonneer", "aanmelden", "volg", "subscribe", "follow"), "abonneer"),
    **dict.fromkeys(("opzeggen", "afmelden", "stop", "unsubscribe", "unfollow"), "opzeggen"),
    **dict.fromkeys(("abonnementen", "subscriptions"), "abonnementen"),
    **dict.fromkeys(("afgerond", "klaar", "voldaan", "gedaan", "done"), "afgerond"),
    **dict.fromkeys(("vervallen", "vervalt"), "vervallen"),
    **dict.fromkeys(("heropen", "heropenen", "heropend"), "heropen"),
    "kamervragen": "kamervragen",
    **dict.fromkeys(("herlaad", "herladen"), "herlaad"),
    **dict.fromkeys(("help", "hulp", "?"), "help"),
}

_PILLARS: Final[dict[str, PillarChoice]] = {
    "1": "1",
    "2": "2",
    "alles": "all",
    "alle": "all",
    "all": "all",
    "beide": "all",
    "both": "all",
}


def subcommand(word: str) -> str | None:
    """The /agenda subcommand a word names ("termijnen" → "deadlines"), or None."""
    return _SUBCOMMANDS.get(word.lower())


def tokens(text: str) -> list[str]:
    """Words of a command; a Slack `<…>` sequence stays one token."""
    return _TOKEN.findall(text.strip())


def _word(token: str) -> str:
    return clean_text(token).lower()


# Words around a pillar that say nothing more: "abonneer mij op pijler 2", "subscribe this
# channel to pillar 2".
_PILLAR_FILLERS: Final = word_set(
    "me mij ons dit kanaal hier op voor aan naar van de het pijlers "
    "us this channel to for on from the"
)


def _pillar_choice(args: list[str], *, allow_all: bool) -> PillarChoice | ParseError:
    words = [w for a in args if (w := _word(a).replace("pillar", "pijler")) not in _PILLAR_FILLERS]
    if words and words[0] in ("pijler", "p"):
        words = words[1:]
    if len(words) == 1 and words[0].startswith("pijler"):
        words = [words[0].removeprefix("pijler")]
    hint = "Kies pijler 1, 2 of alles." if allow_all else "Kies pijler 1 of 2."
    if len(words) != 1:
        return ParseError(hint)
    choice = _PILLARS.get(words[0])
    if choice is None or (choice == "all" and not allow_all):
        return ParseError(hint)
    return choice


def _deadlines(args: list[str]) -> AgendaDeadlines | ParseError:
    pillar: int | None = None
    weeks: int | None = None
    words = [_word(a) for a in args]
    i = 0
    while i < len(words):
        word = words[i]
        if word in ("pijler", "p") or word.startswith("pijler"):
            value = word.removeprefix("pijler") or (words[i + 1] if i + 1 < len(words) else "")
            i += 1 if word != "pijler" and word != "p" else 2
            if value not in ("1", "2"):
                return ParseError("Kies pijler 1 of 2, bijvoorbeeld: /agenda deadlines pijler 1")
            pillar = int(value)
        elif word in ("weken", "week", "w"):
            value = words[i + 1] if i + 1 < len(words) else ""
            i += 2
            if not (value.isascii() and value.isdigit()) or int(value) > MAX_WEEKS:
                return ParseError(
                    f"Geef een aantal weken van 0 tot en met {MAX_WEEKS}, "
                    "bijvoorbeeld: /agenda deadlines weken 4"
                )
            weeks = int(value)
        elif word.isascii() and word.isdigit() and words[i + 1 : i + 2] in (["weken"], ["week"]):
            if int(word) > MAX_WEEKS:
                return ParseError(f"Geef een aantal weken van 0 tot en met {MAX_WEEKS}.")
            weeks = int(word)
            i += 2
        else:
            return ParseError(
                "Dat begrijp ik niet bij deadlines; probeer: /agenda deadlines pijler 1 weken 4"
            )
    return AgendaDeadlines(pillar=pillar, weeks=weeks)


def _commitment_id(args: list[str], usage: str) -> str | ParseError:
    if not args:
        return ParseError(f"Welke toezegging? Bijvoorbeeld: {usage}")
    return clean_text(args[0]).strip().lower()


def _link(token: str) -> str | None:
    """A URL typed as `<https://…|label>`, `<https://…>` or plain `https://…`."""
    text = token.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].split("|", 1)[0]
    text = unescape_slack(text)
    return text if _URL.fullmatch(text) else None


def _mark(args: list[str], status: MarkStatus) -> AgendaMark | ParseError:
    word = "heropen" if status == "open" else status
    usage = f"/agenda {word} nationale-dialoog {'https://…' if status == 'afgerond' else 'reden'}"
    found = _commitment_id(args, usage)
    if isinstance(found, ParseError):
        return found
    link: str | None = None
    rest: list[str] = []
    for token in args[1:]:
        url = _link(token)
        if url is not None and link is None:
            link = url
        else:
            rest.append(token)
    note = clean_text(" ".join(rest)) or None
    return AgendaMark(commitment_id=found, status=status, link=link, note=note)


# What a mention may start with to be an /agenda command without the word "agenda".
_MENTION_HEADS: Final = frozenset(
    [
        "deadlines",
        "deadline",
        "termijnen",
        "toezegging",
        "abonneer",
        "opzeggen",
        "abonnementen",
        "subscribe",
        "unsubscribe",
        "subscriptions",
        "afgerond",
        "vervallen",
        "heropen",
        "kamervragen",
    ]
)


def agenda_in_mention(text: str) -> bool:
    """ "@agendabot deadlines pijler 1" means `/agenda deadlines pijler 1`; a question that
    only starts with such a word ("kamervragen over de taaleis?") does not."""
    parts = tokens(text)
    if not parts or _word(parts[0]) not in _MENTION_HEADS:
        return False
    parsed = parse_agenda(text)
    if isinstance(parsed, AgendaKamervragen | AgendaSubscriptions):
        return len(parts) == 1
    return not isinstance(parsed, ParseError | AgendaHelp)


def mention_agenda(text: str) -> str | None:
    """What a mention asks of `/agenda`, or None: "agenda deadlines" and "/agenda deadlines"
    → "deadlines"; "deadlines pijler 1" (`agenda_in_mention`) → itself."""
    lowered = text.lower()
    if lowered.startswith(("/agenda", "agenda ")) or lowered == "agenda":
        return text.split(None, 1)[1] if " " in text else ""
    return text if agenda_in_mention(text) else None


def parse_agenda(text: str) -> AgendaCommand | ParseError:
    """What `/agenda …` asks for, or a `ParseError` saying how to type it."""
    parts = tokens(text)
    if not parts:
        return AgendaHelp()
    head = _word(parts[0])
    args = parts[1:]
    sub = _SUBCOMMANDS.get(head)
    if sub is None:
        return AgendaHelp(unknown=shorten_query(clean_text(parts[0]), 40) or "?")
    if sub == "help":
        return AgendaHelp()
    if sub == "deadlines":
        return _deadlines(args)
    if sub == "toezegging":
        # "toezegging nationale dialoog": an id typed with spaces for its hyphens
        found = _commitment_id(
            ["-".join(args)] if args else [], "/agenda toezegging nationale-dialoog"
        )
        return found if isinstance(found, ParseError) else AgendaCommitment(found)
    if sub in ("abonneer", "opzeggen"):
        choice = _pillar_choice(args, allow_all=True)
        if isinstance(choice, ParseError):
            return choice
        return AgendaSubscribe(choice) if sub == "abonneer" else AgendaUnsubscribe(choice)
    if sub == "abonnementen":
        return AgendaSubscriptions()
    if sub == "herlaad":
        return AgendaReload()
    if sub == "kamervragen":
        return AgendaKamervragen()
    if sub == "afgerond":
        return _mark(args, "afgerond")
    if sub == "heropen":
        return _mark(args, "open")
    return _mark(args, "vervallen")
