"""`agendabot console`: try the bot in a terminal, without a Slack workspace.

Every line goes through the same `Bot.handle` as Slack messages, with the real state
store on `DATABASE_URL`, and the reply is shown as plain text:

    /vraag 47                       a question by number
    /vraag wanneer is de dialoog?   a search
    /agenda deadlines               any /agenda subcommand
    @agendabot vraag 47             a mention (answered "in the thread")
    klik show_answer 47             press a button (action id and value, as shown)
    home                            the App Home tab
    help                            this list; stop (or Ctrl-D) ends the session

A line without a leading command is a question, as if typed after /vraag. With piped
input every line is one request; `--eenmalig TEKST` (`-c`) answers one and exits.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, TextIO

from agendabot.bot import config_from_settings, create_bot
from agendabot.cli.common import UserError
from agendabot.content import ContentError
from agendabot.content.knowledge import settings_loader
from agendabot.core.bot.dispatch import Bot
from agendabot.core.bot.requests import Action, Command, HomeOpened, Mention, Request
from agendabot.core.reply.model import Reply
from agendabot.core.reply.render_text import render_text
from agendabot.settings import SettingsError, load_settings
from agendabot.state import AsyncStore, StateError

CONSOLE_USER: Final = "UCONSOLE"
CONSOLE_CHANNEL: Final = "DCONSOLE"
BOT_USER: Final = "UAGENDABOT"
QUIT_WORDS: Final = frozenset({"stop", "exit", "quit", "einde", "klaar", ":q"})

HELP: Final = """\
Typ wat je in Slack zou typen:
  /vraag 47                          vraag 47 met het antwoord
  /vraag wanneer is de nationale dialoog?
  /agenda deadlines                  of een ander /agenda-commando (/agenda help)
  @agendabot vraag 47                een vermelding in een kanaal
  klik show_answer 47                een knop indrukken (actie en waarde zoals getoond)
  home                               het App Home-tabblad
  stop                               klaar (of Ctrl-D)
Een regel zonder commando is een vraag, alsof je /vraag ervoor typt."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "console",
        help="probeer de bot in de terminal (zonder Slack)",
        description="Stuur /vraag, /agenda en @agendabot naar de bot en zie de antwoorden "
        "als tekst. Zonder --eenmalig leest de console regel voor regel van de invoer.",
    )
    parser.add_argument(
        "-c", "--eenmalig", metavar="TEKST", help="beantwoord alleen deze regel en stop"
    )
    parser.add_argument(
        "--gebruiker",
        default=CONSOLE_USER,
        metavar="ID",
        help=f"Slack-gebruikers-id waarmee je werkt (standaard {CONSOLE_USER})",
    )
    parser.set_defaults(func=run_console)


@dataclass
class Session:
    """Turns typed lines into requests; keeps the message counter for mention timestamps."""

    user_id: str = CONSOLE_USER
    channel_id: str = CONSOLE_CHANNEL
    _ts: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def request(self, line: str) -> Request | str | None:
        """The request for `line`; a string to print instead; None to stop."""
        text = line.strip()
        lowered = text.lower()
        if lowered in QUIT_WORDS:
            return None
        if not text:
            return ""
        if lowered in ("help", "hulp", "?"):
            return HELP
        if lowered == "home":
            return HomeOpened(self.user_id)
        head, _, rest = text.partition(" ")
        command = head.lower()
        if command in ("/vraag", "/agenda"):
            return Command(command, rest.strip(), self.user_id, self.channel_id)
        if command.startswith("@"):
            ts = f"{1700000000 + next(self._ts)}.000100"
            return Mention(f"<@{BOT_USER}> {rest}", self.user_id, "CCONSOLE", ts, None)
        if command == "klik":
            action_id, _, value = rest.strip().partition(" ")
            if not action_id:
                return "Welke knop? Bijvoorbeeld: klik show_answer 47"
            return Action(action_id, value.strip(), self.user_id, self.channel_id)
        if command.startswith("/"):
            return f"{head} ken ik niet; probeer /vraag, /agenda of help."
        return Command("/vraag", text, self.user_id, self.channel_id)


def describe(reply: Reply, request: Request) -> str:
    """Where Slack would show the reply."""
    if isinstance(request, HomeOpened):
        return "[App Home]"
    if reply.in_thread:
        return "[in de draad, voor iedereen]"
    if reply.ephemeral:
        return "[alleen voor jou]"
    return "[in het kanaal, voor iedereen]"


def show(reply: Reply, request: Request, out: TextIO, width: int | None) -> None:
    out.write(f"{describe(reply, request)}\n{render_text(reply, width=width)}\n\n")
    out.flush()


def lines_from(stream: TextIO, interactive: bool) -> Iterable[str]:
    if not interactive:
        yield from stream
        return
    while True:
        try:
            yield input("agendabot> ")
        except EOFError:
            sys.stdout.write("\n")
            return


def run_console(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
    except SettingsError as exc:
        raise UserError(str(exc)) from None
    try:
        knowledge = settings_loader(settings)(settings.content_dir)
    except ContentError as exc:
        raise UserError(
            f"De content is ongeldig ({len(exc.problems)} probleem/problemen); "
            "draai 'agendabot content check' voor de details."
        ) from None
    session = Session(user_id=args.gebruiker.strip() or CONSOLE_USER)
    interactive = args.eenmalig is None and sys.stdin.isatty()
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    with asyncio.Runner() as runner:
        try:
            store = runner.run(AsyncStore.open(settings.database_url.get_secret_value()))
        except StateError as exc:
            raise UserError(str(exc)) from None
        try:
            bot = create_bot(lambda: knowledge, store, config_from_settings(settings))
            if interactive:
                sys.stdout.write("agendabot console — typ help voor uitleg, stop om te stoppen.\n")
            source = (
                [args.eenmalig] if args.eenmalig is not None else lines_from(sys.stdin, interactive)
            )
            _loop(runner, bot, session, source, width)
        except KeyboardInterrupt:
            sys.stdout.write("\n")
        finally:
            runner.run(store.close())
    return 0


def _loop(
    runner: asyncio.Runner, bot: Bot, session: Session, source: Iterable[str], width: int | None
) -> None:
    for line in source:
        request = session.request(line)
        if request is None:
            return
        if isinstance(request, str):
            if request:
                sys.stdout.write(f"{request}\n\n")
            continue
        reply = runner.run(bot.handle(request, now=datetime.now(UTC)))
        show(reply, request, sys.stdout, width)
