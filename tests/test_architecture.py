"""The core stays pure: no adapters, no I/O libraries, no clock (see docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "src" / "agendabot" / "core"
FORBIDDEN_LIBRARIES = (
    "slack_bolt",
    "slack_sdk",
    "sqlalchemy",
    "alembic",
    "aiohttp",
    "apscheduler",
    "psycopg",
    "prometheus_client",
    "argparse",
)
FILE_CALLS = {"read_text", "write_text", "read_bytes", "write_bytes"}
CLOCK_CALLS = {("datetime", "now"), ("datetime", "utcnow"), ("date", "today"), ("time", "time")}


def core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def imported_names(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_core_imports_only_core_and_plain_libraries(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name in imported_names(tree):
        top = name.split(".")[0]
        assert top not in FORBIDDEN_LIBRARIES, f"{path.name} imports {name}"
        if top == "agendabot":
            assert name.startswith("agendabot.core"), f"{path.name} imports adapter {name}"


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_core_never_reads_the_clock(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name):
                assert (owner.id, node.func.attr) not in CLOCK_CALLS, (
                    f"{path.name}:{node.lineno} calls {owner.id}.{node.func.attr}()"
                )


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_core_does_no_file_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            assert not (isinstance(func, ast.Name) and func.id == "open"), (
                f"{path.name}:{node.lineno} opens a file"
            )
            assert not (isinstance(func, ast.Attribute) and func.attr in FILE_CALLS), (
                f"{path.name}:{node.lineno} reads or writes a file"
            )


def test_the_check_sees_the_core() -> None:
    assert len(core_modules()) > 20
