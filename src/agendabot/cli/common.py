"""Shared pieces of the CLI: the user-error exception and JSON output."""

from __future__ import annotations

import json
import sys
from typing import Any


class UserError(Exception):
    """Bad input from the person at the terminal; the message is one Dutch sentence."""


class Unchanged(UserError):
    """What was asked is done already (the same set twice): refused alone, skipped in a
    batch."""


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
