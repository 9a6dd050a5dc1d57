"""What the machine did during a measurement: the share of CPU time the hypervisor took
(steal). On a shared virtual machine a latency tail often comes from there, not from the
code; the benchmarks print it beside their figures.

    before = cpu_times()
    ...
    print(f"steal {steal_share(before, cpu_times()):.0%}")
"""

from __future__ import annotations

from pathlib import Path


def cpu_times() -> list[int]:
    """The machine-wide CPU counters of /proc/stat (empty where there is none)."""
    try:
        line = Path("/proc/stat").read_text().splitlines()[0]
    except (OSError, IndexError):
        return []
    return [int(field) for field in line.split()[1:]]


def steal_share(before: list[int], after: list[int]) -> float:
    """Share of CPU time stolen by the hypervisor between two `cpu_times()` (0 if unknown)."""
    if len(before) < 8 or len(after) < 8:
        return 0.0
    spent = [b - a for a, b in zip(before, after, strict=False)]
    total = sum(spent)
    return spent[7] / total if total > 0 else 0.0
