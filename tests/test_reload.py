"""Content reloads: validated off the event loop, swapped atomically, refused when invalid."""

from __future__ import annotations

import asyncio
import gc
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from agendabot.content import default_content_dir
from agendabot.content.knowledge import load_knowledge
from agendabot.content.reload import KnowledgeHolder, release_freed_memory, settle_heap
from agendabot.core.bot.knowledge import Knowledge
from agendabot.observability import REGISTRY


@pytest.fixture(scope="module")
def started_knowledge() -> Knowledge:
    return load_knowledge(default_content_dir())


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(default_content_dir(), target, ignore=shutil.ignore_patterns("sources"))
    return target


def break_first_pillar(content_dir: Path) -> None:
    """Give the first commitment an impossible pillar."""
    path = content_dir / "commitments.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    pillar: 1\n" in text
    path.write_text(text.replace("    pillar: 1\n", "    pillar: zeven\n", 1), encoding="utf-8")


def retitle_question_47(content_dir: Path) -> str:
    """Change the wording of the answer of question 47; return a word only the new text has."""
    path = content_dir / "documents" / "kamerstuk-32824-451.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "Gesloten gemeenschappen kunnen"
    assert marker in text
    path.write_text(text.replace(marker, "Herladen gemeenschappen kunnen", 1), encoding="utf-8")
    return "Herladen"


def reloads(outcome: str) -> float:
    return REGISTRY.get_sample_value("agendabot_content_reloads_total", {"outcome": outcome}) or 0


async def test_valid_content_is_swapped_in_for_the_next_call(
    started_knowledge: Knowledge, content_copy: Path
) -> None:
    holder = KnowledgeHolder(started_knowledge, content_copy)
    word = retitle_question_47(content_copy)
    before = reloads("ok")
    result = await holder.reload()
    assert result.ok, result.message
    assert "235 vragen" in result.message and "toezeggingen" in result.message
    assert holder() is not started_knowledge
    assert holder.current() is holder()
    assert holder.generation == 2
    assert word in holder().content.qa.resolve(47).text
    assert reloads("ok") == before + 1
    hits = holder().search.search(word)
    assert hits is not None


async def test_invalid_content_is_refused_and_the_old_knowledge_keeps_serving(
    started_knowledge: Knowledge, content_copy: Path
) -> None:
    holder = KnowledgeHolder(started_knowledge, content_copy)
    break_first_pillar(content_copy)
    before = reloads("refused")
    result = await holder.reload()
    assert not result.ok
    assert holder() is started_knowledge
    assert holder.generation == 1
    assert reloads("refused") == before + 1
    [problem] = result.problems
    # file, entry and field are named, and the bad value
    assert "commitments.yaml" in problem
    assert "toezegging mannenproject-schadelijke-praktijken" in problem
    assert "veld 'pillar'" in problem and "zeven" in problem
    assert result.message.startswith("De nieuwe content is niet geladen; ik gebruik de vorige")
    assert problem in result.message


async def test_a_missing_directory_is_refused(started_knowledge: Knowledge, tmp_path: Path) -> None:
    holder = KnowledgeHolder(started_knowledge, tmp_path / "bestaat-niet")
    result = await holder.reload()
    assert not result.ok and holder() is started_knowledge
    assert "documents" in result.message


async def test_the_event_loop_keeps_running_during_a_reload(
    started_knowledge: Knowledge, content_copy: Path
) -> None:
    holder = KnowledgeHolder(started_knowledge, content_copy)
    settle_heap()  # as `agendabot serve` does before serving
    gaps: list[float] = []
    seen: list[Knowledge] = []
    done = asyncio.Event()

    async def ticker() -> None:
        last = time.perf_counter()
        while not done.is_set():
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            seen.append(holder())
            last = now

    task = asyncio.create_task(ticker())
    started = time.perf_counter()
    result = await holder.reload()
    took = time.perf_counter() - started
    done.set()
    await task
    assert result.ok, result.message
    assert len(gaps) >= 10, f"the loop ticked {len(gaps)} times in {took:.2f} s"
    assert max(gaps) < 0.25, f"the loop stalled for {max(gaps):.3f} s"
    # every tick saw a complete knowledge: the old one, then (after the swap) the new one
    switch = (
        next(i for i, k in enumerate(seen) if k is not started_knowledge)
        if (any(k is not started_knowledge for k in seen))
        else len(seen)
    )
    assert all(k is started_knowledge for k in seen[:switch])
    assert all(k is holder() for k in seen[switch:])


async def test_reloads_are_serialised(started_knowledge: Knowledge, content_copy: Path) -> None:
    holder = KnowledgeHolder(started_knowledge, content_copy)
    first, second = await asyncio.gather(holder.reload(), holder.reload())
    assert first.ok and second.ok
    assert holder.generation == 3


def _resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux, glibc)")
def test_memory_freed_after_a_build_is_given_back() -> None:
    # as the index build leaves it: 200 MB of blocks freed, a few survivors among them (so
    # the heap cannot just shrink from its top when they are freed)
    blocks = [bytearray(4000) for _ in range(50_000)]
    survivors = [*blocks[::100], blocks[-1]]
    del blocks
    gc.collect()
    before = _resident_mb()
    release_freed_memory()
    after = _resident_mb()
    assert len(survivors) == 501
    assert before - after > 100, f"resident {before:.0f} MB before, {after:.0f} MB after"
