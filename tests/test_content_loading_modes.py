"""Content files written by ingest and `content vectors` stay readable by the bot."""

from __future__ import annotations

import stat
from pathlib import Path

from agendabot.content.loading import write_atomically


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_readable_by_others(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.yaml"
    write_atomically(path, "a: 1\n")
    assert path.read_text() == "a: 1\n"
    assert _mode(path) == 0o644, "not mkstemp's 0600"


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "kept.npz"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new" and _mode(path) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["kept.npz"], "no temporary file left"
