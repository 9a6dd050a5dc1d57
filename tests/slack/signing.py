"""Signed HTTP requests as Slack sends them, made with slack_sdk's own `SignatureVerifier`.

    request = signed(fixtures.slash_command_body("47"))          # correct
    request = forged(body)                                       # signed with another secret
    request = stale(body)                                        # correct, but 5½ minutes old
    status, text = await post(f"{server}/slack/events", request)

`X-Slack-Signature = "v0=" + HMAC-SHA256(secret, "v0:{timestamp}:{raw body}")`, with
`X-Slack-Request-Timestamp`; Slack retries carry `X-Slack-Retry-Num` / `-Reason`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

import aiohttp
from slack_sdk.signature import SignatureVerifier
from tests.slack import ids

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
STALE_SECONDS = 5 * 60 + 30  # Slack and bolt refuse requests older than five minutes


@dataclass(frozen=True)
class SignedRequest:
    body: bytes
    headers: dict[str, str]

    def with_headers(self, **headers: str) -> SignedRequest:
        return replace(self, headers={**self.headers, **headers})


def _content_type(body: str) -> str:
    return JSON if body.lstrip().startswith("{") else FORM


def signed(
    body: str,
    *,
    secret: str = ids.SIGNING_SECRET,
    timestamp: int | None = None,
    content_type: str | None = None,
    retry_num: int | None = None,
    retry_reason: str | None = None,
) -> SignedRequest:
    """`body` with a correct Slack signature (timestamp: now unless given)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(signing_secret=secret).generate_signature(
        timestamp=stamp, body=body
    )
    assert signature is not None
    headers = {
        "Content-Type": content_type or _content_type(body),
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
        "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    }
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = retry_reason or "http_timeout"
    return SignedRequest(body=body.encode("utf-8"), headers=headers)


def forged(body: str, **kwargs: Any) -> SignedRequest:
    """`body` signed with a secret that is not the app's."""
    kwargs["secret"] = "not-" + str(kwargs.get("secret", ids.SIGNING_SECRET))
    return signed(body, **kwargs)


def stale(body: str, *, age: int = STALE_SECONDS, **kwargs: Any) -> SignedRequest:
    """`body` correctly signed, but `age` seconds ago (default five and a half minutes)."""
    return signed(body, timestamp=int(time.time()) - age, **kwargs)


def tampered(body: str, other_body: str, **kwargs: Any) -> SignedRequest:
    """The signature of `body`, sent with `other_body`."""
    request = signed(body, **kwargs)
    return SignedRequest(body=other_body.encode("utf-8"), headers=request.headers)


async def post(
    url: str, request: SignedRequest, *, session: aiohttp.ClientSession | None = None
) -> tuple[int, str, dict[str, str]]:
    """POST the request; `(status, body text, headers)`. Never goes through a proxy."""
    own = session is None
    client = session or aiohttp.ClientSession(trust_env=False)
    try:
        async with client.post(url, data=request.body, headers=request.headers) as response:
            return response.status, await response.text(), dict(response.headers)
    finally:
        if own:
            await client.close()
