"""The core stays pure: no adapters, no I/O libraries, no clock (see docs/architecture.md)."""

from __future__ import annotations

import ast
import re
import statistics
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


# --- docs/architecture.md's map and the tree -----------------------------------------------

PACKAGE = CORE.parent
MAP = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
MAX_LINES = 400
MAX_MEDIAN = 150
MAX_LOOSE = 8


def mapped() -> dict[str, set[str]]:
    """The map's rows: package path ("core/time/", "./") → the modules it names."""
    rows: dict[str, set[str]] = {}
    for line in MAP.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[1].startswith("`") and cells[1].endswith("/`"):
            rows[cells[1].strip("`")] = set(re.findall(r"`([\w.]+\.py)`", cells[2]))
    return rows


def tree() -> dict[str, set[str]]:
    """The source tree: package path → its modules (without `__init__.py`)."""
    found: dict[str, set[str]] = {}
    for init in PACKAGE.rglob("__init__.py"):
        key = init.parent.relative_to(PACKAGE).as_posix()
        found["./" if key == "." else key + "/"] = {
            p.name for p in init.parent.glob("*.py") if p.name != "__init__.py"
        }
    return found


def test_the_map_names_every_package_and_module_of_the_tree() -> None:
    documented, actual = mapped(), tree()
    actual = {package: modules for package, modules in actual.items() if modules}
    assert set(documented) == set(actual), (
        f"packages only in the tree: {sorted(set(actual) - set(documented))}; "
        f"only in docs/architecture.md: {sorted(set(documented) - set(actual))}"
    )
    for package, modules in actual.items():
        assert documented[package] == modules, (
            f"{package}: not in the map {sorted(modules - documented[package])}, "
            f"gone from the tree {sorted(documented[package] - modules)}"
        )


def test_modules_stay_small_and_few_stay_loose() -> None:
    sizes = {
        p.relative_to(PACKAGE).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
        if p.name != "__init__.py"
    }
    too_big = {name: n for name, n in sizes.items() if n > MAX_LINES}
    assert not too_big, f"modules over {MAX_LINES} lines: {too_big}"
    assert statistics.median(sizes.values()) <= MAX_MEDIAN
    loose = [p.name for p in PACKAGE.glob("*.py")]
    assert len(loose) <= MAX_LOOSE, f"loose modules at the top: {sorted(loose)}"
