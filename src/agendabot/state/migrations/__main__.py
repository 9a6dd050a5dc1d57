"""`python -m agendabot.state.migrations <alembic command>`: Alembic's CLI on the package's
migrations and the database in `DATABASE_URL` (default the SQLite file), without alembic.ini.

Example: `python -m agendabot.state.migrations revision --autogenerate -m "add x"`.
"""

from __future__ import annotations

import os
import sys

from alembic.config import CommandLine

from agendabot.state.db import create_db_engine
from agendabot.state.migrate import alembic_config


def main(argv: list[str] | None = None) -> int:
    cli = CommandLine(prog="python -m agendabot.state.migrations")
    options = cli.parser.parse_args(argv)
    if not hasattr(options, "cmd"):
        cli.parser.error("too few arguments")
    engine = create_db_engine(os.environ.get("DATABASE_URL"))
    try:
        with engine.begin() as conn:
            config = alembic_config(conn)
            config.cmd_opts = options
            cli.run_cmd(config, options)
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
