"""A small HTTP client for the official services: timeouts, retries and a user agent.

`get(url)` answers the body, or raises `NotFound` (404, 410) or `FetchError` (one Dutch
sentence). Timeouts, dropped connections, 429 (its `Retry-After` is honoured, capped) and 5xx
are retried with exponential backoff, at most `attempts` times in all; other answers are not.
aiohttp is already the project's HTTP library; this adds only the retry rule.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Final

import aiohttp

from agendabot import __version__

USER_AGENT: Final = f"agendabot/{__version__} (+https://github.com/szw/agendabot)"
RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER_S: Final = 30.0


class FetchError(Exception):
    """Downloading failed; the message is one Dutch sentence."""


class NotFound(FetchError):
    """The service has no such document."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    body: bytes
    content_type: str


@dataclass(frozen=True)
class Client:
    """Settings of one download: per-attempt timeouts, attempts and the first backoff."""

    connect_timeout: float = 5.0
    total_timeout: float = 30.0
    attempts: int = 3
    backoff: float = 1.0

    async def get(self, url: str, *, params: dict[str, str] | None = None) -> Fetched:
        timeout = aiohttp.ClientTimeout(total=self.total_timeout, connect=self.connect_timeout)
        headers = {"User-Agent": USER_AGENT, "Accept": "text/html, application/xml, */*"}
        last = "geen antwoord"
        async with aiohttp.ClientSession(timeout=timeout, headers=headers) as session:
            for attempt in range(1, self.attempts + 1):
                wait = self.backoff * 2 ** (attempt - 1)
                try:
                    async with session.get(url, params=params) as response:
                        if response.status in (404, 410):
                            raise NotFound(f"{url} bestaat niet (HTTP {response.status}).")
                        if response.status in RETRY_STATUSES:
                            last = f"HTTP {response.status}"
                            wait = max(wait, _retry_after(response.headers.get("Retry-After")))
                        elif response.status >= 400:
                            raise FetchError(f"{url} weigert de download (HTTP {response.status}).")
                        else:
                            body = await response.read()
                            kind = response.headers.get("Content-Type", "")
                            return Fetched(str(response.url), body, kind)
                except (
                    TimeoutError,
                    aiohttp.ClientConnectionError,
                    aiohttp.ClientPayloadError,
                ) as exc:
                    last = (
                        "geen antwoord op tijd"
                        if isinstance(exc, TimeoutError)
                        else "verbinding verbroken"
                    )
                if attempt < self.attempts:
                    await asyncio.sleep(wait)
        raise FetchError(f"{url} is niet te downloaden na {self.attempts} pogingen ({last}).")


def _retry_after(value: str | None) -> float:
    try:
        return min(MAX_RETRY_AFTER_S, max(0.0, float(value))) if value else 0.0
    except ValueError:
        return 0.0
