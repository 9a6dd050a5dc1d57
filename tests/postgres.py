"""A throwaway PostgreSQL cluster for the test session.

`postgres_url` (session-scoped fixture) runs `initdb` + `pg_ctl start` from the OS packages
(`/usr/lib/postgresql/*/bin`, newest first, or `initdb` on PATH) in a fresh temporary
directory, listening only on 127.0.0.1 on a free ephemeral port with `fsync=off`, and stops
and deletes it at the end of the session. It yields the URL of the cluster's `postgres`
database (superuser `postgres`, trust authentication on localhost).

PostgreSQL refuses to run as root: when the tests run as root (CI, containers), the cluster
runs as the `postgres` OS user that the Debian package creates, through `runuser`.

When no cluster can be started the fixture skips with the reason, except when the `CI`
environment variable is set: then it fails, because CI must test PostgreSQL.

`create_database(admin_url)` / `drop_database(url)` make and remove an empty database from
`template0` (a few milliseconds), so every test gets its own.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest
from sqlalchemy.engine import make_url

PG_USER = "postgres"
START_TIMEOUT_S = 60


class PostgresUnavailable(Exception):
    """No PostgreSQL cluster could be started here; the message says why."""


def _bin_dir() -> Path:
    candidates = glob.glob("/usr/lib/postgresql/*/bin/initdb")

    def version(path: str) -> tuple[int, ...]:
        match = re.search(r"/postgresql/([\d.]+)/", path)
        return tuple(int(part) for part in match.group(1).split(".")) if match else (0,)

    if candidates:
        return Path(max(candidates, key=version)).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise PostgresUnavailable(
        "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/initdb, no initdb "
        "on PATH); install the `postgresql` package"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """One running cluster; `start()` then `stop()`."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="agendabot-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        if self.as_root:
            try:
                user = pwd.getpwnam(PG_USER)
            except KeyError:
                raise PostgresUnavailable(
                    f"running as root and there is no '{PG_USER}' OS user to run PostgreSQL as"
                ) from None
            os.chown(self.root, user.pw_uid, user.pw_gid)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, timeout: float = START_TIMEOUT_S) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", PG_USER, "--", *command]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, cwd=self.root
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise PostgresUnavailable(
                f"{args[0]} failed ({result.returncode}): {result.stderr.strip()[-2000:]}\n{log}"
            )

    def start(self) -> None:
        """initdb, then start the server on a free port."""
        self._run(
            "initdb", "-D", str(self.data), "-U", PG_USER, "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync", "--no-instructions",
        )  # fmt: skip
        for attempt in range(3):  # the free port can be taken between probing and binding
            self.port = _free_port()
            try:
                self.start_server()
                return
            except PostgresUnavailable:
                if attempt == 2:
                    raise

    def start_server(self) -> None:
        """(Re)start the server of an initialised cluster on `self.port`."""
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -c fsync=off "
            f"-c synchronous_commit=off -c full_page_writes=off "
            f"-c unix_socket_directories={self.root} -c max_connections=200"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w",
                  "-t", str(START_TIMEOUT_S), "-o", options, "start")  # fmt: skip

    def stop_server(self, mode: str = "fast") -> None:
        """Stop the server, keeping the data directory for a restart.

        "fast" disconnects clients and shuts down cleanly; "immediate" is like a crash and,
        with `synchronous_commit=off`, may lose the last commits.
        """
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def stop(self) -> None:
        """Stop the server and delete the cluster."""
        try:
            self.stop_server("immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def create_database(admin_url: str) -> str:
    """Create an empty database on the cluster of `admin_url`; return its SQLAlchemy URL."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """Drop the database of `url`, disconnecting anyone still connected."""
    parsed = make_url(url)
    admin = parsed.set(database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(_libpq(admin), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of the `postgres` database of a throwaway cluster (see module docstring)."""
    started = time.perf_counter()
    with started_cluster() as cluster:
        STARTUP_SECONDS.append(time.perf_counter() - started)
        yield cluster.url


# How long `postgres_url` took to start the cluster (for the report line of the test run).
STARTUP_SECONDS: list[float] = []


@contextmanager
def started_cluster() -> Iterator[Cluster]:
    """A started cluster of its own, stopped and deleted afterwards (skip/fail as above).

    For tests that stop and restart the server; others share `postgres_url`.
    """
    try:
        cluster = Cluster()
    except PostgresUnavailable as exc:
        _unavailable(str(exc))
    try:
        cluster.start()
    except (PostgresUnavailable, OSError, subprocess.TimeoutExpired) as exc:
        cluster.stop()
        _unavailable(str(exc))
    try:
        yield cluster
    finally:
        cluster.stop()


def _unavailable(reason: str) -> NoReturn:
    message = f"PostgreSQL test cluster unavailable: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this is a failure)", pytrace=False)
    pytest.skip(message)
