"""PostgreSQL's own tools for backup and restore: `pg_dump`, `pg_restore` and `psql`.

Why not dump rows through SQLAlchemy: `pg_dump` is the format every PostgreSQL operator can
read and restore with standard tools, it keeps sequences, indexes and types exactly, and
with `--snapshot` it copies the same consistent view the manifest's row counts are taken in.

Connection details go to the tools as libpq environment variables (`PGHOST`, `PGPASSWORD`,
…), never on the command line, where `ps` would show a password.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from sqlalchemy.engine import URL

from agendabot.state.errors import StateError

TOOL_TIMEOUT_S: Final = 1800


class ToolMissing(StateError):
    """A PostgreSQL client tool (pg_dump, pg_restore, psql) is not installed."""


class ToolFailed(StateError):
    """A PostgreSQL client tool ended with an error; `detail` is its last stderr line."""

    def __init__(self, tool: str, detail: str) -> None:
        self.tool = tool
        self.detail = detail
        super().__init__(f"{tool} faalde: {detail}")


def find_tool(name: str, server_major: int | None = None) -> Path:
    """The newest `name` from the OS packages, preferring the server's major version.

    `pg_dump` refuses a server newer than itself, so `/usr/lib/postgresql/<major>/bin` comes
    first, then the newest installed version, then PATH.
    """
    candidates = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")

    def version(path: str) -> int:
        match = re.search(r"/postgresql/(\d+)", path)
        return int(match.group(1)) if match else 0

    if server_major is not None:
        exact = [path for path in candidates if version(path) == server_major]
        if exact:
            return Path(exact[0])
    if candidates:
        return Path(max(candidates, key=version))
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    raise ToolMissing(
        f"{name} is niet geïnstalleerd; installeer het pakket postgresql-client "
        f"(versie {server_major or 'van de server'} of nieuwer)."
    )


def libpq_env(url: URL) -> dict[str, str]:
    """The environment for a client tool connecting to `url` (password included, not argv)."""
    env = dict(os.environ)
    parts = {
        "PGHOST": url.host,
        "PGPORT": str(url.port) if url.port else None,
        "PGUSER": url.username,
        "PGPASSWORD": url.password if isinstance(url.password, str) else None,
        "PGDATABASE": url.database,
    }
    env.update({key: value for key, value in parts.items() if value})
    for key, value in url.query.items():  # e.g. ?sslmode=require
        if key == "sslmode" and isinstance(value, str):
            env["PGSSLMODE"] = value
    env["PGCONNECT_TIMEOUT"] = env.get("PGCONNECT_TIMEOUT", "5")
    return env


def run_tool(
    tool: Path,
    args: Sequence[str],
    env: Mapping[str, str],
    *,
    stdin: bytes | None = None,
) -> bytes:
    """Run `tool args`; its stdout, or `ToolFailed` with the last line it wrote on stderr."""
    try:
        done = subprocess.run(
            [str(tool), *args],
            env=dict(env),
            input=stdin,
            capture_output=True,
            timeout=TOOL_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ToolFailed(tool.name, f"geen antwoord binnen {TOOL_TIMEOUT_S} s") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ToolFailed(tool.name, lines[-1] if lines else f"exitcode {done.returncode}")
    return done.stdout
