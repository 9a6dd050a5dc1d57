"""Acknowledgement latency of `/vraag` against `agendabot serve --mode http`.

    .venv/bin/python benchmarks/ack_latency.py [--requests 400] [--concurrency 1] [--warmup 20]

Starts the Slack Web API emulator (`tests.slack`) and `agendabot serve --mode http` as a
subprocess (real content, a fresh SQLite state database, `SLACK_API_URL` on the
emulator), then sends signed `/vraag` slash commands, alternating question numbers
(47, then 1–235 in turn) and free-text questions ("wanneer is de nationale dialoog?", …), over
real HTTP on localhost. agendabot puts the answer in the acknowledgement, so the time
from sending a request to receiving the complete HTTP response is the acknowledgement
latency Slack sees (minus the network between Slack and the bot). The bot memoises
answers and search results, so repeated questions are cheap; `--unique-text` gives every
free-text question a made-up word of its own to measure the search itself. Prints a Markdown
table with median, p90, p99 and max per kind and overall.

`--concurrency N` keeps N requests in flight (closed loop); the default 1 measures the
latency of one request on an idle bot. For the comparison at 30 concurrent against a bare
Bolt app see `benchmarks/load.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `tests.slack`: the emulator and the request signing

from tests.slack import fixtures, ids, signing  # noqa: E402
from tests.slack.web_api import SlackWebApi  # noqa: E402

FREE_TEXT = [
    "wanneer is de nationale dialoog?",
    "wat zijn gesloten gemeenschappen?",
    "hoeveel geld gaat naar inburgering?",
    "wat doet het kabinet tegen discriminatie op de arbeidsmarkt?",
    "welke maatregelen zijn er voor statushouders?",
    "what is the budget for civic integration?",
]
LISTENING = re.compile(r"op http://([\d.]+):(\d+)")
SETTING_VARIABLES = (
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_API_URL",
    "DATABASE_URL",
    "PORT",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


@dataclass
class Sample:
    kind: str  # "number" or "text"
    seconds: float
    status: int


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def _start_bot(api: SlackWebApi, workdir: Path) -> tuple[asyncio.subprocess.Process, str]:
    env = {k: v for k, v in os.environ.items() if k not in SETTING_VARIABLES}
    env.update(
        SLACK_BOT_TOKEN=ids.BOT_TOKEN,
        SLACK_SIGNING_SECRET=ids.SIGNING_SECRET,
        SLACK_API_URL=api.api_url,
        DATABASE_URL=f"sqlite:///{workdir / 'agendabot.sqlite3'}",
        LOG_LEVEL="WARNING",
        NO_PROXY="127.0.0.1,localhost",
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "agendabot", "serve", "--mode", "http",
        "--host", "127.0.0.1", "--port", "0",
        cwd=workdir, env=env, stdout=asyncio.subprocess.PIPE,
        stderr=(workdir / "serve.log").open("w"),
    )  # fmt: skip
    assert process.stdout is not None
    line = (await asyncio.wait_for(process.stdout.readline(), 120)).decode()
    match = LISTENING.search(line)
    if not match:
        process.kill()
        raise SystemExit(f"agendabot serve did not start: {line!r}")
    return process, f"http://{match[1]}:{match[2]}/slack/events"


async def _one(session: aiohttp.ClientSession, url: str, kind: str, text: str) -> Sample:
    request = signing.signed(fixtures.slash_command_body(text))
    started = time.perf_counter()
    async with session.post(url, data=request.body, headers=request.headers) as response:
        body = await response.read()
    seconds = time.perf_counter() - started
    if response.status == 200 and b'"text"' not in body:
        raise SystemExit(f"no answer in the acknowledgement of /vraag {text!r}: {body[:200]!r}")
    return Sample(kind, seconds, response.status)


def _workload(count: int, *, unique_text: bool, start: int = 0) -> list[tuple[str, str]]:
    """Alternately a question number (47, then round-robin over 1–235) and a free-text
    question; with `unique_text` each text gets a made-up word of its own, so the bot's
    memo of search results never helps (the answer found stays the same)."""
    work: list[tuple[str, str]] = []
    for n in range(start, start + count):
        if n % 2 == 0:
            work.append(("number", "47" if n == 0 else str((n // 2) % 235 + 1)))
        else:
            text = FREE_TEXT[(n // 2) % len(FREE_TEXT)]
            work.append(("text", f"{text} zq{n:x}" if unique_text else text))
    return work


async def _load(url: str, work: list[tuple[str, str]], concurrency: int) -> list[Sample]:
    queue = list(reversed(work))
    samples: list[Sample] = []
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, trust_env=False) as session:

        async def worker() -> None:
            while queue:
                kind, text = queue.pop()
                samples.append(await _one(session, url, kind, text))

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return samples


def _row(label: str, samples: list[Sample]) -> str:
    ms = [s.seconds * 1000 for s in samples]
    return (
        f"| {label} | {len(ms)} | {statistics.median(ms):.1f} | {_percentile(ms, 90):.1f} "
        f"| {_percentile(ms, 99):.1f} | {max(ms):.1f} |"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument(
        "--unique-text",
        action="store_true",
        help="make every free-text question unique (the search runs every time, no memo)",
    )
    args = parser.parse_args()
    for name in SETTING_VARIABLES:
        os.environ.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="agendabot-bench-") as tmp:
        async with SlackWebApi() as api:
            process, url = await _start_bot(api, Path(tmp))
            try:
                warmup = _workload(args.warmup, unique_text=True, start=10**6)
                await _load(url, warmup, 1)  # auth.test, first imports
                work = _workload(args.requests, unique_text=args.unique_text)
                samples = await _load(url, work, args.concurrency)
            finally:
                process.terminate()
                await process.wait()
    errors = [s for s in samples if s.status != 200]
    print(
        f"`/vraag` acknowledgement latency, agendabot serve --mode http, "
        f"{args.requests} requests, concurrency {args.concurrency}"
        f"{', every free text unique' if args.unique_text else ''} (ms)\n"
    )
    print("| requests | n | median | p90 | p99 | max |")
    print("|---|---|---|---|---|---|")
    print(_row("question number (`/vraag 47`)", [s for s in samples if s.kind == "number"]))
    print(_row("free text (`/vraag wanneer …`)", [s for s in samples if s.kind == "text"]))
    print(_row("all", samples))
    print(f"\nnon-200 responses: {len(errors)}")


if __name__ == "__main__":
    asyncio.run(main())
