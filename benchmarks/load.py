"""Load benchmark: acknowledgement latency of `/vraag` under 30 concurrent requests.

    .venv/bin/python benchmarks/load.py [--concurrency 30] [--requests 600] [--rounds 6]

Starts, on this machine and in one run:
- the Slack Web API emulator (`tests.slack`; the apps call `auth.test` on it once),
- `agendabot serve --mode http` with the real content and a SQLite state database,
- a bare Bolt app that only acknowledges (`benchmarks/bare_bolt.py`), as the baseline,
then sends both the same mix of signed `/vraag` slash commands (half question numbers,
half free-text questions), `--concurrency` in flight at all times (closed loop), in
alternating rounds so that both see the same machine conditions. Latency is measured
from sending a request to receiving the whole HTTP response, which for a slash command is
the acknowledgement (agendabot puts the answer in it). Prints a Markdown table: median,
p90, p99 and max per app, the ratio of the medians, the 5xx count, and the resident memory
(RSS now and peak) of the running bot. `--check` exits 1 when a target is missed:
p99 < 300 ms, median within 2x the bare app, zero 5xx, RSS < 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `tests.slack`: the emulator and the request signing

from tests.slack import fixtures, ids, signing  # noqa: E402
from tests.slack.web_api import SlackWebApi  # noqa: E402

P99_TARGET_MS = 300.0
MEDIAN_RATIO_TARGET = 2.0
RSS_TARGET_MB = 200.0

FREE_TEXT = [
    "wanneer is de nationale dialoog?",
    "hoe zit het met de taaleis in de bijstand?",
    "definitie nieuwkomer",
    "wat doet het kabinet tegen gesloten gemeenschappen?",
    "startbanen voor statushouders",
    "what did we say about forced marriage?",
    "welke maatregelen tegen discriminatie op de arbeidsmarkt?",
    "hoeveel statushouders hebben werk na vijf jaar?",
    "informele scholing en ongewenste buitenlandse financiering",
    "wanneer komt de voortgangsbrief?",
    "schadelijke praktijken zoals huwelijksdwang en achterlating",
    "inburgering en het leerbaar niveau B1",
    "wat is de rol van gemeenten bij de brede intake?",
    "onderzoek naar radicalisering in het onderwijs",
    "nieuwkommer",
    "pijler 2 open en vrije samenleving",
    "vrouwen met een migratieachtergrond en arbeidsparticipatie",
    "evaluatie van de Wet inburgering 2021",
    "wat gebeurt er voor de zomer van 2026?",
    "Turks-Nederlandse en Marokkaans-Nederlandse jongeren in het mbo",
]

PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


@dataclass
class Target:
    name: str
    url: str  # http://127.0.0.1:PORT
    process: subprocess.Popen[bytes]
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    failures: int = 0  # connection errors / timeouts

    @property
    def events_url(self) -> str:
        return f"{self.url}/slack/events"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(api_url: str, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    env.pop("SLACK_APP_TOKEN", None)
    env.update(
        NO_PROXY="127.0.0.1,localhost",
        SLACK_BOT_TOKEN=ids.BOT_TOKEN,
        SLACK_SIGNING_SECRET=ids.SIGNING_SECRET,
        SLACK_API_URL=api_url,
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB: resident memory now and at its peak."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", float("nan")), values.get("VmHWM", float("nan"))


async def wait_healthy(session: aiohttp.ClientSession, target: Target, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if target.process.poll() is not None:
            raise SystemExit(
                f"{target.name} stopped at start-up (exit {target.process.returncode})"
            )
        try:
            async with session.get(f"{target.url}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit(f"{target.name} not healthy after {timeout:.0f} s")


def requests_for(
    count: int, rng: random.Random, queries: Sequence[str], *, unique: bool = False
) -> list[signing.SignedRequest]:
    """`count` signed `/vraag` commands: half numbers (1–235), half free text. With `unique`,
    every free-text question gets a made-up word of its own, so no two are the same text
    (the bot's memo of search results never helps; the answers found stay the same)."""
    made = []
    for index in range(count):
        text = str(rng.randint(1, 235)) if index % 2 == 0 else rng.choice(queries)
        if unique and index % 2:
            text += f" zq{rng.randrange(10**9):x}"
        made.append(signing.signed(fixtures.slash_command_body(text)))
    return made


async def run_batch(
    session: aiohttp.ClientSession,
    target: Target,
    batch: list[signing.SignedRequest],
    concurrency: int,
    *,
    record: bool = True,
) -> None:
    pending = iter(batch)

    async def worker() -> None:
        for request in pending:
            started = time.perf_counter()
            try:
                async with session.post(
                    target.events_url, data=request.body, headers=request.headers
                ) as response:
                    await response.read()
                    status = response.status
            except (aiohttp.ClientError, TimeoutError):
                target.failures += 1
                continue
            if record:
                target.latencies.append(time.perf_counter() - started)
                target.statuses[status] = target.statuses.get(status, 0) + 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))


def summary(target: Target) -> dict[str, float]:
    ms = np.array(target.latencies) * 1000
    return {
        "n": float(len(ms)),
        "median": float(np.percentile(ms, 50)),
        "p90": float(np.percentile(ms, 90)),
        "p99": float(np.percentile(ms, 99)),
        "max": float(ms.max()),
        "5xx": float(sum(n for s, n in target.statuses.items() if s >= 500)),
        "non_200": float(sum(n for s, n in target.statuses.items() if s != 200)),
        "failures": float(target.failures),
    }


def start(command: list[str], env: dict[str, str], cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    handle = log.open("wb")
    return subprocess.Popen(command, env=env, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT)


async def main_async(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    load_before = os.getloadavg()[0]
    queries = FREE_TEXT
    if args.queries:
        lines = Path(args.queries).read_text(encoding="utf-8").splitlines()
        queries = [json.loads(line)["query"] for line in lines if line.strip()]
    work = Path(tempfile.mkdtemp(prefix="agendabot-load-"))
    targets: list[Target] = []
    async with SlackWebApi() as api:
        bot_port, bare_port = free_port(), free_port()
        # cProfile writes its file when the bot exits normally (SIGTERM drains and returns).
        profiler = (
            ["-m", "cProfile", "-o", str(Path(args.profile).resolve())] if args.profile else []
        )
        bot_env = clean_env(
            api.api_url,
            {"DATABASE_URL": f"sqlite:///{work / 'state.sqlite3'}", "LOG_LEVEL": args.log_level},
        )
        bot = Target(
            "agendabot serve --mode http",
            f"http://127.0.0.1:{bot_port}",
            start(
                [sys.executable, *profiler, "-m", "agendabot", "serve", "--mode", "http",
                 "--host", "127.0.0.1", "--port", str(bot_port)],
                bot_env, work, work / "bot.log",
            ),
        )  # fmt: skip
        bare = Target(
            "bare Bolt app (ack only)",
            f"http://127.0.0.1:{bare_port}",
            start(
                [sys.executable, str(ROOT / "benchmarks" / "bare_bolt.py"),
                 "--port", str(bare_port)],
                clean_env(api.api_url, {}), work, work / "bare.log",
            ),
        )  # fmt: skip
        targets = [bare, bot]
        try:
            connector = aiohttp.TCPConnector(limit=args.concurrency * 2)
            timeout = aiohttp.ClientTimeout(total=30)
            async with aiohttp.ClientSession(
                connector=connector, timeout=timeout, trust_env=False
            ) as session:
                for target in targets:
                    await wait_healthy(session, target, timeout=90)
                idle_rss = memory_mb(bot.process.pid)[0]
                for target in targets:  # warm-up: auth.test, caches, connections
                    await run_batch(
                        session, target, requests_for(args.warmup, rng, queries),
                        args.concurrency, record=False,
                    )  # fmt: skip
                for _ in range(args.rounds):
                    for target in targets:
                        batch = requests_for(args.requests, rng, queries, unique=args.unique_text)
                        await run_batch(session, target, batch, args.concurrency)
                rss, peak = memory_mb(bot.process.pid)
                bare_rss, _ = memory_mb(bare.process.pid)
                alive = bot.process.poll() is None
        finally:
            for target in targets:
                target.process.terminate()
            for target in targets:
                try:
                    target.process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    target.process.kill()
    results = {target.name: summary(target) for target in targets}
    errors_logged = sum(
        1 for line in (work / "bot.log").read_text(errors="replace").splitlines()
        if '"level": "ERROR"' in line or "Traceback" in line
    )  # fmt: skip
    ratio = results[bot.name]["median"] / results[bare.name]["median"]
    p99_ratio = results[bot.name]["p99"] / results[bare.name]["p99"]
    print(
        f"\n/vraag acknowledgement latency, {args.concurrency} concurrent, "
        f"{args.rounds} x {args.requests} requests per app (half numbers, half free text"
        f"{', every text unique' if args.unique_text else ''}), {os.cpu_count()} CPUs, "
        f"load average before the run {load_before:.1f}\n"
    )
    print("| app | requests | median ms | p90 ms | p99 ms | max ms | 5xx | non-200 | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(
            f"| {name} | {r['n']:.0f} | {r['median']:.1f} | {r['p90']:.1f} | {r['p99']:.1f} "
            f"| {r['max']:.1f} | {r['5xx']:.0f} | {r['non_200']:.0f} | {r['failures']:.0f} |"
        )
    print(f"| ratio agendabot / bare | | {ratio:.2f}x | | {p99_ratio:.2f}x | | | | |")
    print(
        f"\nagendabot RSS: {idle_rss:.0f} MB after start-up, {rss:.0f} MB after the load, "
        f"peak {peak:.0f} MB (bare Bolt app: {bare_rss:.0f} MB). "
        f"Errors in the bot's log: {errors_logged}. Bot still running: {alive}."
    )
    checks = {
        f"p99 < {P99_TARGET_MS:.0f} ms": results[bot.name]["p99"] < P99_TARGET_MS,
        f"median within {MEDIAN_RATIO_TARGET:.0f}x bare Bolt": ratio <= MEDIAN_RATIO_TARGET,
        "zero 5xx": results[bot.name]["5xx"] == 0 and results[bot.name]["failures"] == 0,
        f"RSS < {RSS_TARGET_MB:.0f} MB": peak < RSS_TARGET_MB,
        "no errors logged": errors_logged == 0,
    }
    print()
    for name, ok in checks.items():
        print(f"- {'PASS' if ok else 'FAIL'}: {name}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"results": results, "ratio_median": ratio, "ratio_p99": p99_ratio,
                 "rss_mb": rss, "rss_peak_mb": peak, "rss_idle_mb": idle_rss,
                 "checks": checks, "concurrency": args.concurrency},
                indent=2,
            )
        )  # fmt: skip
    print(f"\nlogs: {work}")
    return 0 if (all(checks.values()) or not args.check) else 1


def main() -> None:
    parser = argparse.ArgumentParser(prog="benchmarks/load.py", description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, default=30)
    parser.add_argument("--requests", type=int, default=600, help="per app and round")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--warmup", type=int, default=120, help="unmeasured requests per app")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--log-level", default="INFO", help="LOG_LEVEL of the bot")
    parser.add_argument("--queries", help="JSONL file with a 'query' per line (free text)")
    parser.add_argument(
        "--unique-text",
        action="store_true",
        help="make every free-text question unique (measures the search without its memo)",
    )
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="run the bot under cProfile and write its profile here (slows it down; "
        "read with python -m pstats FILE)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main_async(args)))


if __name__ == "__main__":
    main()
