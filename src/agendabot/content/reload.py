"""Content updates without downtime: validate a content directory, then swap atomically.

    holder = KnowledgeHolder(load_knowledge(settings.content_dir), settings.content_dir)
    bot = Bot(holder, state, config)          # the bot calls holder() for every request
    result = await holder.reload()            # SIGHUP, `/agenda herlaad`
    result.ok, result.message                 # Dutch: what changed, or why it was refused

Loading and validating the YAML and building the search index take a while (CPU-bound,
~0.5 s), so `reload` does them in a worker thread (`asyncio.to_thread`): the event loop
keeps acknowledging and answering Slack meanwhile, from the knowledge it has. Only when the
new `Knowledge` is complete and valid is the one reference replaced; a request sees either
the old knowledge or the new one, never a mix. Invalid content is refused with the
validation messages (each naming file, entry and field), and the last good knowledge stays.
Reloads are serialised: a second one waits for the first.

Garbage collection: the knowledge is ~100 000 long-lived objects, and a full (generation 2)
collection that walks them all holds the GIL for ~0.2 s, stalling every request at a random
moment, and stalling the loop during a reload. `settle_heap()` at start-up and a `gc.freeze()`
after each swap move the live knowledge out of the collector's way (the old knowledge is
still freed by reference counting when the last request using it is done).

Memory: building the index allocates far more than it keeps, and the freed pages stay in
the process unless given back. `settle_heap()` and each swap give them back
(`release_freed_memory`).
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from agendabot.content import ContentError
from agendabot.content.knowledge import load_knowledge
from agendabot.core.bot.knowledge import Knowledge
from agendabot.observability import record_reload

__all__ = [
    "MAX_PROBLEMS_SHOWN",
    "KnowledgeHolder",
    "ReloadResult",
    "describe",
    "release_freed_memory",
    "settle_heap",
]

log = logging.getLogger(__name__)

MAX_PROBLEMS_SHOWN = 10

Loader = Callable[[Path], Knowledge]


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """The outcome of one reload. `message` is Dutch, ready to show to an admin;
    `problems` are the validation messages when the content was refused."""

    ok: bool
    message: str
    content_dir: Path
    seconds: float
    problems: tuple[str, ...] = ()


def describe(knowledge: Knowledge) -> str:
    """ "235 vragen, 58 toezeggingen" for the confirmation message."""
    content = knowledge.content
    try:
        questions = len(content.qa.questions)
    except (LookupError, AttributeError):
        questions = 0
    return f"{questions} vragen, {len(content.commitments)} toezeggingen"


def settle_heap() -> None:
    """Collect once, give the freed memory back, then freeze everything alive (call after
    start-up, before serving)."""
    gc.collect()
    release_freed_memory()
    gc.freeze()


def release_freed_memory() -> None:
    """Return the heap's free pages to the system (glibc's `malloc_trim`; nothing elsewhere).

    Building the index allocates far more than it keeps (per-document counters, postings
    before they become arrays). glibc keeps the freed pages in the process, so without this
    the resident memory stays at the build's peak: at 100 000 Q&As about 160 MB more than
    the index holds (`benchmarks/search_bench.py`). No library does this one call; it takes
    a few milliseconds, and ctypes lets go of the GIL meanwhile."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, looked up once among the symbols the process already has
    (None on another C library: musl, macOS)."""
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


class KnowledgeHolder:
    """Holds the active `Knowledge`; callable, so it is what `Bot(knowledge=…)` takes."""

    def __init__(
        self, knowledge: Knowledge, content_dir: Path, *, loader: Loader = load_knowledge
    ) -> None:
        self._knowledge = knowledge
        self.content_dir = Path(content_dir)
        self._loader = loader
        self._lock = asyncio.Lock()
        self.generation = 1  # how many knowledges have been active (1 = the start-up one)

    def current(self) -> Knowledge:
        """The active knowledge (cheap: one attribute read)."""
        return self._knowledge

    __call__ = current

    async def reload(self, content_dir: Path | None = None) -> ReloadResult:
        """Load, validate and index `content_dir` (default: the directory it was started
        with) off the event loop; switch to it only when valid."""
        directory = Path(content_dir) if content_dir is not None else self.content_dir
        async with self._lock:
            started = time.perf_counter()
            try:
                knowledge = await asyncio.to_thread(self._loader, directory)
            except ContentError as exc:
                return self._refused(directory, started, [str(p) for p in exc.problems])
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                return self._refused(directory, started, [f"{directory}: {reason}"])
            self._knowledge = knowledge
            self.content_dir = directory
            self.generation += 1
            gc.freeze()  # the new knowledge joins the old in the permanent generation
            release_freed_memory()  # what the build used and let go of
            seconds = time.perf_counter() - started
        record_reload(ok=True)
        summary = describe(knowledge)
        log.info(
            "content reloaded",
            extra={"content_dir": str(directory), "seconds": round(seconds, 3), "summary": summary},
        )
        return ReloadResult(
            ok=True,
            message=f"Content opnieuw geladen: {summary} ({seconds:.1f} s).",
            content_dir=directory,
            seconds=seconds,
        )

    def _refused(self, directory: Path, started: float, problems: list[str]) -> ReloadResult:
        seconds = time.perf_counter() - started
        record_reload(ok=False)
        log.warning(
            "content reload refused",
            extra={"content_dir": str(directory), "problems": problems[:MAX_PROBLEMS_SHOWN]},
        )
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        lines = [
            "De nieuwe content is niet geladen; ik gebruik de vorige nog. "
            f"{'Dit klopt' if len(problems) == 1 else 'Deze punten kloppen'} niet:",
            *(f"• {problem}" for problem in shown),
        ]
        if more > 0:
            lines.append(f"… en nog {more}.")
        return ReloadResult(
            ok=False,
            message="\n".join(lines),
            content_dir=directory,
            seconds=seconds,
            problems=tuple(problems),
        )
