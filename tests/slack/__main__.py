"""Run the Slack emulators by hand: `python -m tests.slack [--port N]` from the checkout.

Prints the settings that point agendabot at them, then logs every Web API call and
response_url post until Ctrl-C. Handy for `agendabot serve` without a workspace.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json

from tests.slack import ids
from tests.slack.socket_mode import SocketModeEmulator
from tests.slack.web_api import SlackWebApi


async def _run(port: int) -> None:
    async with SlackWebApi(port=port) as api, SocketModeEmulator(api):
        print(f"SLACK_API_URL={api.api_url}")
        print(f"SLACK_BOT_TOKEN={ids.BOT_TOKEN}")
        print(f"SLACK_APP_TOKEN={ids.APP_TOKEN}")
        print(f"SLACK_SIGNING_SECRET={ids.SIGNING_SECRET}", flush=True)
        seen = 0
        while True:
            await asyncio.sleep(0.2)
            for call in api.calls[seen:]:
                text = call.args.get("text", "")
                print(f"{call.method} {json.dumps(text, ensure_ascii=False)[:200]}", flush=True)
            seen = len(api.calls)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.slack")
    parser.add_argument("--port", type=int, default=0, help="Web API port (default: any)")
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_run(args.port))


if __name__ == "__main__":
    main()
