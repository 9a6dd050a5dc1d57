"""Load benchmark: acknowledgement and answer latency of `/vraag` under 30 concurrent users.

    .venv/bin/python benchmarks/load.py [--concurrency 30] [--requests 600] [--rounds 6]

Starts, on this machine and in one run:
- the Slack Web API emulator (`tests.slack`; the apps call `auth.test` on it once),
- `agendabot serve --mode http` with the real content and a SQLite state database,
- a bare Bolt app that only acknowledges (`benchmarks/bare_bolt.py`), as the baseline,
- a `response_url` receiver (each command gets a URL of its own),
then sends both the same mix of signed `/vraag` slash commands (half question numbers,
half free-text questions) from `--concurrency` users, in alternating rounds so that both
apps see the same machine conditions. Each user waits for its answer before asking again
(closed loop). Two latencies per request, from sending it:
- the acknowledgement: the whole HTTP response;
- the answer: the acknowledgement when it holds the answer, else the `response_url` post
  that follows an empty acknowledgement (the bare app's answer is its acknowledgement).
Prints Markdown tables (median, p90, p99, max), the ratio of the acknowledgement medians,
how many answers came late, the 5xx count, the CPU time per request (event loop and whole
process, from /proc) and the bot's resident memory (RSS now and
peak). `--check` exits 1 when a target is missed: acknowledgement p99 <= 300 ms and median
within 2x the bare app, answer p99 <= 1500 ms, zero 5xx, RSS < 220 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
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

from aiohttp import web  # noqa: E402
from machine import cpu_times, steal_share  # noqa: E402
from tests.slack import fixtures, ids, signing  # noqa: E402
from tests.slack.web_api import SlackWebApi  # noqa: E402

P99_TARGET_MS = 300.0
ANSWER_P99_TARGET_MS = 1500.0
MEDIAN_RATIO_TARGET = 2.0
# 200 MB until the phrasings (2026-12-07): their ~7 000 vectors (float32, 11 MB; float16
# would cost ~3 ms of CPU per query) and texts added ~20 MB to the process.
RSS_TARGET_MB = 220.0

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
    replies_late: bool = False  # an empty acknowledgement means: the answer follows
    latencies: list[float] = field(default_factory=list)  # the acknowledgements
    answers: list[float] = field(default_factory=list)  # the answers, wherever they came
    late: int = 0  # answers that came through response_url
    lost: int = 0  # "even geduld" and then no answer within the timeout
    statuses: dict[int, int] = field(default_factory=dict)
    failures: int = 0  # connection errors / timeouts
    loop_cpu: float = 0.0  # CPU seconds of the main thread during the measured rounds
    process_cpu: float = 0.0  # CPU seconds of the whole process during them

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


def cpu_seconds(pid: int) -> tuple[float, float]:
    """(main thread, whole process) CPU seconds (user + system) of a process so far. The
    main thread runs the event loop; the rest is worker threads (the model's among them)."""
    tick = os.sysconf("SC_CLK_TCK")

    def used(stat: Path) -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick  # utime, stime

    return used(Path(f"/proc/{pid}/task/{pid}/stat")), used(Path(f"/proc/{pid}/stat"))


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


class Responses:
    """The `response_url` side of Slack: a URL per command, and when its post arrived."""

    def __init__(self) -> None:
        self.url = ""
        self._waiting: dict[str, asyncio.Future[float]] = {}
        self._runner: web.AppRunner | None = None
        self._count = 0

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/response/{key}", self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}/response"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def new(self) -> tuple[str, asyncio.Future[float]]:
        self._count += 1
        key = str(self._count)
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiting[key] = future
        return f"{self.url}/{key}", future

    def forget(self, url: str) -> None:
        self._waiting.pop(url.rsplit("/", 1)[1], None)

    async def _receive(self, request: web.Request) -> web.Response:
        arrived = time.perf_counter()
        await request.read()
        future = self._waiting.pop(request.match_info["key"], None)
        if future is not None and not future.done():
            future.set_result(arrived)
        return web.Response(text="ok")


def questions_for(
    count: int, rng: random.Random, queries: Sequence[str], *, unique: bool = False
) -> list[str]:
    """`count` `/vraag` texts: half numbers (1–235), half free text. With `unique`, every
    free-text question gets a made-up word of its own, so no two are the same text (the
    bot's memo of search results never helps; the answers found stay the same)."""
    made = []
    for index in range(count):
        text = str(rng.randint(1, 235)) if index % 2 == 0 else rng.choice(queries)
        if unique and index % 2:
            text += f" zq{rng.randrange(10**9):x}"
        made.append(text)
    return made


async def run_batch(
    session: aiohttp.ClientSession,
    target: Target,
    batch: list[str],
    concurrency: int,
    responses: Responses,
    *,
    record: bool = True,
) -> None:
    pending = iter(batch)

    async def worker() -> None:
        for text in pending:
            url, answered = responses.new()
            request = signing.signed(fixtures.slash_command_body(text, response_url=url))
            started = time.perf_counter()
            try:
                async with session.post(
                    target.events_url, data=request.body, headers=request.headers
                ) as response:
                    body = await response.read()
                    status = response.status
            except (aiohttp.ClientError, TimeoutError):
                target.failures += 1
                responses.forget(url)
                continue
            acked = time.perf_counter()
            late = target.replies_late and not body.strip()  # empty: the answer follows
            if late:
                try:
                    arrived = await asyncio.wait_for(answered, timeout=30)
                except TimeoutError:
                    target.lost += 1
                    continue
            else:
                responses.forget(url)
                arrived = acked
            if record:
                target.latencies.append(acked - started)
                target.answers.append(arrived - started)
                target.late += late
                target.statuses[status] = target.statuses.get(status, 0) + 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    ms = np.array(seconds) * 1000
    return {
        "median": float(np.percentile(ms, 50)),
        "p90": float(np.percentile(ms, 90)),
        "p99": float(np.percentile(ms, 99)),
        "max": float(ms.max()),
    }


async def query_vectors(session: aiohttp.ClientSession, target: Target) -> dict[str, float]:
    """The bot's `agendabot_query_vectors_total` by outcome (embedded, shed, failed)."""
    async with session.get(f"{target.url}/metrics") as response:
        text = await response.text()
    found = re.findall(r'^agendabot_query_vectors_total\{outcome="(\w+)"\} (\S+)$', text, re.M)
    return {outcome: float(value) for outcome, value in found}


def summary(target: Target) -> dict[str, float]:
    return {
        "n": float(len(target.latencies)),
        **percentiles(target.latencies),
        **{f"answer_{k}": v for k, v in percentiles(target.answers).items()},
        "late": float(target.late),
        "lost": float(target.lost),
        "5xx": float(sum(n for s, n in target.statuses.items() if s >= 500)),
        "non_200": float(sum(n for s, n in target.statuses.items() if s != 200)),
        "failures": float(target.failures),
        "loop_cpu_ms": 1000 * target.loop_cpu / max(1, len(target.latencies)),
        "process_cpu_ms": 1000 * target.process_cpu / max(1, len(target.latencies)),
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
    responses = Responses()
    await responses.start()
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
            replies_late=True,
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
                        session, target, questions_for(args.warmup, rng, queries),
                        args.concurrency, responses, record=False,
                    )  # fmt: skip
                cpu_before = cpu_times()
                for _ in range(args.rounds):
                    for target in targets:
                        batch = questions_for(args.requests, rng, queries, unique=args.unique_text)
                        loop_before, process_before = cpu_seconds(target.process.pid)
                        await run_batch(session, target, batch, args.concurrency, responses)
                        loop_after, process_after = cpu_seconds(target.process.pid)
                        target.loop_cpu += loop_after - loop_before
                        target.process_cpu += process_after - process_before
                steal = steal_share(cpu_before, cpu_times())
                rss, peak = memory_mb(bot.process.pid)
                vectors = await query_vectors(session, bot)
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
            await responses.stop()
    results = {target.name: summary(target) for target in targets}
    errors_logged = sum(
        1 for line in (work / "bot.log").read_text(errors="replace").splitlines()
        if '"level": "ERROR"' in line or "Traceback" in line
    )  # fmt: skip
    ratio = results[bot.name]["median"] / results[bare.name]["median"]
    p99_ratio = results[bot.name]["p99"] / results[bare.name]["p99"]
    print(
        f"\n/vraag latency, {args.concurrency} concurrent users, "
        f"{args.rounds} x {args.requests} requests per app (half numbers, half free text"
        f"{', every text unique' if args.unique_text else ''}), {os.cpu_count()} CPUs, "
        f"load average before the run {load_before:.1f}, CPU time stolen by the hypervisor "
        f"during it {steal:.0%}\n"
    )
    print("Acknowledgement (the HTTP response to the command):\n")
    print("| app | requests | median ms | p90 ms | p99 ms | max ms | 5xx | non-200 | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(
            f"| {name} | {r['n']:.0f} | {r['median']:.1f} | {r['p90']:.1f} | {r['p99']:.1f} "
            f"| {r['max']:.1f} | {r['5xx']:.0f} | {r['non_200']:.0f} | {r['failures']:.0f} |"
        )
    print(f"| ratio agendabot / bare | | {ratio:.2f}x | | {p99_ratio:.2f}x | | | | |")
    print("\nAnswer (in the acknowledgement, or through response_url after it):\n")
    print("| app | median ms | p90 ms | p99 ms | max ms | through response_url | lost |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(
            f"| {name} | {r['answer_median']:.1f} | {r['answer_p90']:.1f} "
            f"| {r['answer_p99']:.1f} | {r['answer_max']:.1f} | {r['late']:.0f} | {r['lost']:.0f} |"
        )
    print("\nCPU per request (user + system, measured rounds):\n")
    print("| app | event loop (main thread) ms | whole process ms |")
    print("|---|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['loop_cpu_ms']:.2f} | {r['process_cpu_ms']:.2f} |")
    print(
        f"\nagendabot RSS: {idle_rss:.0f} MB after start-up, {rss:.0f} MB after the load, "
        f"peak {peak:.0f} MB (bare Bolt app: {bare_rss:.0f} MB). "
        f"Errors in the bot's log: {errors_logged}. Bot still running: {alive}."
    )
    print(
        "Query vectors (warm-up included): "
        + ", ".join(f"{outcome} {count:.0f}" for outcome, count in vectors.items())
        + " (shed: answered by the lexical search alone, the model being busy)."
    )
    checks = {
        f"acknowledgement p99 <= {P99_TARGET_MS:.0f} ms": results[bot.name]["p99"] <= P99_TARGET_MS,
        f"acknowledgement median within {MEDIAN_RATIO_TARGET:.0f}x bare Bolt": ratio
        <= MEDIAN_RATIO_TARGET,
        f"answer p99 <= {ANSWER_P99_TARGET_MS:.0f} ms": results[bot.name]["answer_p99"]
        <= ANSWER_P99_TARGET_MS,
        "every answer delivered": results[bot.name]["lost"] == 0,
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
                 "query_vectors": vectors, "steal": steal, "rss_mb": rss, "rss_peak_mb": peak,
                 "rss_idle_mb": idle_rss,
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
