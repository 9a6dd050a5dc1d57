"""Parsing what people type: Slack markup and `/vraag …` (pure functions; `/agenda …` is in
`agenda_commands.py`).

Text arrives as Slack sends it: `&`, `<` and `>` escaped as entities, users as `<@U123>`,
channels as `<#C123|naam>`, broadcasts as `<!channel>`, links as `<https://…|label>`.
`clean_text` turns that into plain words for the search; the parsers never raise, they
return a command or a `ParseError` with one short Dutch sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from agendabot.core.bot.small_talk import SmallTalk, small_talk, strip_emoji

MAX_QUERY_CHARS: Final = 500
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
    r"(?:(?:kamer)?vra(?:ag|gen)|nr\.?|nummer|v\.?|#)?\s*(?:nr\.?|nummer)?\s*#?\s*([-−–]?)\s*([0-9]+)\s*[?.!]?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class VraagNumber:
    """`/vraag 47`, `/vraag #47`, `/vraag vraag 47`: one question by number (negative for
    "-3", which then does not exist)."""

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


@dataclass(frozen=True, slots=True)
class VraagDocument:
    """`/vraag brief`, `/vraag vragenlijst 451`, `/vraag kamerstuk 32824-456`: a document as
    a whole. `kind` None: either kind; `reference` None: the default of `kind`."""

    kind: Literal["brief", "lijst"] | None
    reference: str | None = None


VraagCommand: TypeAlias = VraagNumber | VraagAddress | VraagDocument | VraagSearch | VraagHelp

_DOCUMENT_KINDS: Final[dict[str, Literal["brief", "lijst"] | None]] = {
    **dict.fromkeys(("brief", "voortgangsbrief", "kamerbrief", "letter"), "brief"),
    **dict.fromkeys(
        ("vragenlijst", "lijst van vragen en antwoorden", "vragen en antwoorden"), "lijst"
    ),
    **dict.fromkeys(("kamerstuk", "document"), None),
}
# "de voortgangsbrief", "inhoud van de brief", "vragenlijst 451", "kamerstuk 32 824, nr. 456"
_DOCUMENT: Final = re.compile(
    r"(?:(?:toon|open|geef)\s+)?(?:(?:de\s+)?(?:inhoud|inhoudsopgave|overzicht|samenvatting)"
    r"\s+van\s+)?(?:de\s+|het\s+)?(?P<kind>" + "|".join(_DOCUMENT_KINDS) + r")"
    r"(?:\s*(?:32\s?\.?824\s*[,-]?\s*)?(?:nr\.?|nummer)?\s*"
    r"(?P<ref>[0-9]{1,5}(?:-[0-9]{1,4})?))?\s*[?.!]?",
    re.IGNORECASE,
)


def parse_vraag(text: str, *, max_chars: int = MAX_QUERY_CHARS) -> VraagCommand:
    """What `/vraag` (or a mention) asks for. Never fails: anything else is a search."""
    cleaned = clean_text(text)
    chat = small_talk(cleaned)
    if chat is not None:
        return VraagHelp(chat)
    cleaned = strip_emoji(cleaned)
    number = _NUMBER_ONLY.fullmatch(cleaned)
    if number is not None and number.group(2).isascii():
        digits = number.group(2).lstrip("0") or "0"
        # A very long number cannot be a question; keep it small so it is shown safely.
        value = int(digits) if len(digits) <= MAX_NUMBER_DIGITS else 10**MAX_NUMBER_DIGITS
        return VraagNumber(-value if number.group(1) else value)  # "-3": "bestaat niet"
    section = _SECTION_ADDRESS.fullmatch(cleaned)
    if section is not None:
        return VraagAddress(section["doc"], section["local"], section=True)
    address = _ADDRESS_QUERY.fullmatch(cleaned)
    if address is not None:
        local = address["local"]
        if "." in local:  # "456:1.7": a section, as "brief 456:1.7"
            return VraagAddress(address["doc"], local, section=True)
        return VraagAddress(address["doc"], local.lstrip("0") or "0")
    document = _DOCUMENT.fullmatch(cleaned)
    if document is not None and (document["ref"] or _DOCUMENT_KINDS[document["kind"].lower()]):
        return VraagDocument(_DOCUMENT_KINDS[document["kind"].lower()], document["ref"])
    query = shorten_query(cleaned, max_chars)
    return VraagSearch(query=query, truncated=len(query) < len(cleaned))
