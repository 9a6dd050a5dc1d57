"""The baseline of `benchmarks/load.py`: a bare Bolt app that only acknowledges `/vraag`.

    python benchmarks/bare_bolt.py --port 3101

Same stack as agendabot's HTTP mode (slack-bolt `AsyncApp` behind aiohttp, signature
check, `auth.test` on the first request), but `ack()` with no work: what Bolt itself costs.
Settings from the environment: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL.
"""

from __future__ import annotations

import argparse
import os

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient


def build() -> web.Application:
    client = AsyncWebClient(
        token=os.environ["SLACK_BOT_TOKEN"],
        base_url=os.environ.get("SLACK_API_URL") or AsyncWebClient.BASE_URL,
    )
    app = AsyncApp(client=client, signing_secret=os.environ["SLACK_SIGNING_SECRET"])

    @app.command("/vraag")
    async def vraag(ack: AsyncAck) -> None:
        await ack()

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    web_app = web.Application()
    web_app.router.add_post("/slack/events", events)
    web_app.router.add_get("/healthz", healthz)
    return web_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="bare_bolt")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    web.run_app(build(), host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
