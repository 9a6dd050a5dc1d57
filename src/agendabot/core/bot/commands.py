"""Parsing what people type: `/vraag …`, `/agenda …` and mentions (pure functions).

Text arrives as Slack sends it: `&`, `<` and `>` escaped as entities, users as `<@U123>`,
channels as `<#C123|naam>`, broadcasts as `<!channel>`, links as `<https://…|label>`.
`clean_text` turns that into plain words for the search; the parsers never raise, they
return a command or a `ParseError` with one short Dutch sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from agendabot.core.bot.small_talk import SmallTalk, small_talk

MAX_QUERY_CHARS: Final = 500
MAX_WEEKS: Final = 104
MAX_NUMBER_DIGITS: Final = 6

# --------------------------------------------------------------------------- Slack markup

_USER: Final = re.compile(r"<@[A-Za-z0-9]+(?:\|[^<>]*)?>")
_CHANNEL: Final = re.compile(r"<#[A-Za-z0-9]+(?:\|([^<>]*))?>")
_SPECIAL: Final = re.compile(r"<![^<>]*>")
_LINK: Final = re.compile(r"<([^<>|]+)(?:\|([^<>]*))?>")
_SPACE: Final = re.compile(r"\s+")
# What is left of a mention or broadcast after unescaping ("&lt;!channel", "<@" alone).
_PING_OPENER: Final = re.compile(r"<(?=[!@])")
_CONTROL: Final = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u2028-\u202e\ufeff]")


def unescape_slack(text: str) -> str:
    """Slack's three entities back to characters (`&lt;` → `<`, …)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clean_text(text: str) -> str:
    """Slack text as plain words: mentions and broadcasts dropped, `<#C…|naam>` → "#naam",
    `<url|label>` → label (`<url>` → url), entities unescaped, control characters and
    runs of whitespace collapsed. Mentions typed as entities (`&lt;!channel&gt;`) are
    dropped as well, and no `<!` or `<@` is left in the result."""
    text = _USER.sub(" ", text)
    text = _SPECIAL.sub(" ", text)
    text = _CHANNEL.sub(lambda m: f" #{m.group(1)} " if m.group(1) else " ", text)
    text = _LINK.sub(lambda m: m.group(2) if m.group(2) else m.group(1), text)
    text = unescape_slack(text)
    text = _SPECIAL.sub(" ", _USER.sub(" ", text))
    text = _PING_OPENER.sub(" ", text)
    text = _CONTROL.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def shorten_query(text: str, limit: int = MAX_QUERY_CHARS) -> str:
    """At most `limit` characters, cut at a word boundary when there is one nearby."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    if space >= limit * 0.8:
        head = head[:space]
    return head.rstrip()


@dataclass(frozen=True, slots=True)
class ParseError:
    """Input that does not fit: `message` is one Dutch sentence for the user."""

    message: str


# --------------------------------------------------------------------------- /vraag

_NUMBER_ONLY: Final = re.compile(
    r"(?:(?:kamer)?vra(?:ag|gen)|nr\.?|nummer|v\.?|#)?\s*(?:nr\.?|nummer)?\s*#?\s*([0-9]+)\s*[?.!]?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class VraagNumber:
    """`/vraag 47`, `/vraag #47`, `/vraag vraag 47`: one question by number."""

    number: int


@dataclass(frozen=True, slots=True)
class VraagAddress:
    """`/vraag 451:47`, `/vraag 31749-8:1`, `/vraag brief 456:1.7`: in a named document."""

    document: str
    local: str  # a question number, or a section number ("1.7")
    section: bool = False


# "451:47", "31749-8:1", "ah-tk-20142015-1365:2", "456:1.7"; "brief 456:1.7", "§ 456:2"
_ADDRESS_QUERY: Final = re.compile(
    r"(?:vraag\s+)?(?P<doc>[A-Za-z0-9][A-Za-z0-9-]{0,40})\s*:\s*"
    r"(?P<local>[0-9]{1,6}(?:\.[0-9]{1,3})*)\s*[?.!]?",
    re.IGNORECASE,
)
_SECTION_ADDRESS: Final = re.compile(
    r"(?:brief|paragraaf|par\.?|§)\s*(?P<doc>[A-Za-z0-9][A-Za-z0-9-]{0,40})\s*:\s*"
    r"(?P<local>[0-9]{1,3}(?:\.[0-9]{1,3})*)\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class VraagSearch:
    """`/vraag <tekst>`: search; `query` is cleaned and at most `MAX_QUERY_CHARS` long."""

    query: str
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class VraagHelp:
    """Nothing to look up: empty text, only markup, "help", or small talk ("hoi", "dank")."""

    small_talk: SmallTalk = "help"


VraagCommand: TypeAlias = VraagNumber | VraagAddress | VraagSearch | VraagHelp


def parse_vraag(text: str, *, max_chars: int = MAX_QUERY_CHARS) -> VraagCommand:
    """What `/vraag` (or a mention) asks for. Never fails: anything else is a search."""
    cleaned = clean_text(text)
    chat = small_talk(cleaned)
    if chat is not None:
        return VraagHelp(chat)
    number = _NUMBER_ONLY.fullmatch(cleaned)
    if number is not None and number.group(1).isascii():
        digits = number.group(1).lstrip("0") or "0"
        # A very long number cannot be a question; keep it small so it is shown safely.
        value = int(digits) if len(digits) <= MAX_NUMBER_DIGITS else 10**MAX_NUMBER_DIGITS
        return VraagNumber(value)
    section = _SECTION_ADDRESS.fullmatch(cleaned)
    if section is not None:
        return VraagAddress(section["doc"], section["local"], section=True)
    address = _ADDRESS_QUERY.fullmatch(cleaned)
    if address is not None:
        local = address["local"]
        if "." in local:  # "456:1.7": a section, as "brief 456:1.7"
            return VraagAddress(address["doc"], local, section=True)
        return VraagAddress(address["doc"], local.lstrip("0") or "0")
    query = shorten_query(cleaned, max_chars)
    return VraagSearch(query=query, truncated=len(query) < len(cleaned))


# --------------------------------------------------------------------------- /agenda

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
    "toezegging": "toezegging",
    **dict.fromkeys(("abonneer", "aanmelden", "volg"), "abonneer"),
    **dict.fromkeys(("opzeggen", "afmelden", "stop"), "opzeggen"),
    "abonnementen": "abonnementen",
    **dict.fromkeys(("afgerond", "klaar"), "afgerond"),
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
}


def tokens(text: str) -> list[str]:
    """Words of a command; a Slack `<…>` sequence stays one token."""
    return _TOKEN.findall(text.strip())


def _word(token: str) -> str:
    return clean_text(token).lower()


def _pillar_choice(args: list[str], *, allow_all: bool) -> PillarChoice | ParseError:
    words = [_word(a) for a in args]
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
