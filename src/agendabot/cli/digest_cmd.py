"""`agendabot digest`: show the weekly digest, or send this week's digests now.

    agendabot digest --dry-run [--now ISO] [--pillar 1|2|all] [--weeks N] [--json]
    agendabot digest --send [--now ISO]

`--dry-run` prints the digest a subscriber of the pillar would get at `--now` (default: now),
with the current statuses from the database; `--json` gives the items (`id`, `title`,
`pillar`, `due`, `status`, …). `--send` posts this ISO week's digest to every subscriber
that has not had it yet (the same ledger as the scheduler, so running it twice, or next to
`agendabot serve`, sends nothing twice); it needs `SLACK_BOT_TOKEN`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from agendabot.cli.common import UserError, print_json
from agendabot.cli.state_access import (
    cli_settings,
    digest_config,
    open_store,
    parse_now,
    parse_pillar,
    parse_weeks,
)
from agendabot.core.agenda.digest import compose_digest, digest_record
from agendabot.core.kamervragen.present import set_record
from agendabot.core.reply.render_text import render_text
from agendabot.core.time.dutch_dates import dutch_date
from agendabot.settings import MissingSetting, Settings, require_secret

if TYPE_CHECKING:
    from agendabot.content import Content
    from agendabot.jobs.digest_config import DigestConfig
    from agendabot.jobs.digest_sender import DigestRun
    from agendabot.state import Store


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "digest",
        help="het weekoverzicht tonen (--dry-run) of nu versturen (--send)",
        description="Het weekoverzicht van deadlines: tonen zoals het verstuurd zou worden "
        "(--dry-run), of het overzicht van deze week nu naar alle abonnees sturen (--send).",
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="alleen tonen, niets versturen")
    mode.add_argument("--send", action="store_true", help="nu versturen (eenmaal per week)")
    parser.add_argument(
        "--now",
        metavar="ISO",
        help="doe alsof het nu dit tijdstip is, bv. 2026-01-05T09:00:00+01:00",
    )
    parser.add_argument("--pillar", metavar="1|2|all", help="pijler (alleen bij --dry-run)")
    parser.add_argument("--weeks", metavar="N", help="weken vooruit (alleen bij --dry-run)")
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")
    parser.set_defaults(func=run_digest)


def run_digest(args: argparse.Namespace) -> int:
    settings = cli_settings()
    config = digest_config(settings)
    now = parse_now(args.now, config.tz) or datetime.now(UTC)
    if args.send:
        if args.pillar is not None or args.weeks is not None:
            raise UserError(
                "--pillar en --weeks horen bij --dry-run; --send stuurt elke abonnee "
                "het overzicht van de eigen pijler."
            )
        return _send(settings, config, now, as_json=args.json)
    pillar = parse_pillar(args.pillar)
    weeks = parse_weeks(args.weeks, config.weeks_ahead)
    return _dry_run(settings, config, now, pillar=pillar, weeks=weeks, as_json=args.json)


def _dry_run(
    settings: Settings,
    config: DigestConfig,
    now: datetime,
    *,
    pillar: int | None,
    weeks: int,
    as_json: bool,
) -> int:
    from agendabot.content import ContentError, load_content
    from agendabot.jobs.delivery import document_links

    try:
        content = load_content(settings.content_dir)
    except ContentError as exc:
        raise UserError(f"De content is ongeldig:\n{exc}") from None
    with open_store(settings) as store:
        statuses = {cid: s.status for cid, s in store.statuses.current_statuses().items()}
    digest = compose_digest(
        content.commitments,
        statuses,
        pillar=pillar,
        now=now,
        options=config.options(weeks=weeks),
        links=document_links(content),
        kamervragen=content.kamervragen,
    )
    if as_json:
        print_json(
            {
                "week": digest.week,
                "today": digest.today.isoformat(),
                "until": digest.until.isoformat(),
                "pillar": pillar if pillar is not None else "all",
                "weeks": weeks,
                "overdue": len(digest.overdue),
                "upcoming": len(digest.upcoming),
                "items": [digest_record(item) for item in digest.items],
                "kamervragen": [set_record(s, today=digest.today) for s in digest.kamervragen],
            }
        )
        return 0
    if digest.reply is None:
        scope = f"pijler {pillar}" if pillar is not None else "alle pijlers"
        sys.stdout.write(
            f"Niets te melden voor {scope}: niets over de datum en geen deadlines t/m "
            f"{dutch_date(digest.until)}. Er gaat geen overzicht uit "
            "(zet send_when_empty in config/digest.yaml om toch één regel te sturen).\n"
        )
        return 0
    sys.stdout.write(render_text(digest.reply) + "\n")
    return 0


def _send(settings: Settings, config: DigestConfig, now: datetime, *, as_json: bool) -> int:
    try:
        token = require_secret(settings, "SLACK_BOT_TOKEN")
    except MissingSetting as exc:
        raise UserError(str(exc)) from None
    from agendabot.content import ContentError, load_content
    from agendabot.logs import configure_logging, secrets_from_settings

    # Talks to Slack: JSON logs on stderr, tokens and passwords masked (as in serve).
    configure_logging(settings.log_level, secrets=secrets_from_settings(settings))

    try:
        content = load_content(settings.content_dir)
    except ContentError as exc:
        raise UserError(f"De content is ongeldig:\n{exc}") from None
    with open_store(settings) as store:
        run = asyncio.run(_send_async(store, token, settings, config, content, now))
    if as_json:
        print_json(
            {
                "week": run.week,
                "sent": run.sent,
                "empty": run.empty,
                "not_claimed": run.not_claimed,
                "taken_over": run.taken_over,
                "failed": run.failed,
                "gave_up": run.gave_up,
            }
        )
    else:
        print(
            f"Week {run.week}: {len(run.sent)} verstuurd, {len(run.empty)} leeg (niets gestuurd), "
            f"{len(run.not_claimed)} al verstuurd of bezig, {len(run.failed)} mislukt."
        )
        for recipient, error in run.failed.items():
            print(f"  mislukt: {recipient}: {error}")
    return 1 if run.failed else 0


async def _send_async(
    store: Store,
    token: str,
    settings: Settings,
    config: DigestConfig,
    content: Content,
    now: datetime,
) -> DigestRun:
    from agendabot.jobs.digest_sender import DigestJob
    from agendabot.slack.poster import SlackPoster
    from agendabot.state import AsyncStore

    poster = SlackPoster.from_token(token, base_url=settings.slack_api_url)
    job = DigestJob(AsyncStore(store), poster, lambda: content, config)
    try:
        return await job.send_digests(now, force=True)
    finally:
        await poster.close()
