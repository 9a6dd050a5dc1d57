"""Is this HTTP request from Slack? Checked before anything reads the body.

Slack signs every request: `X-Slack-Signature` is `v0=` + HMAC-SHA256 of
`v0:{X-Slack-Request-Timestamp}:{body}` with the app's signing secret. The signature itself
is computed by slack_sdk's `SignatureVerifier`; what this module adds is a *reason* for
every refusal, so that each one answers 401, is logged once without the body, and is counted
by reason (`agendabot_verification_failures_total`). Bolt's own verifier raises `ValueError`
on a timestamp that is not an integer, and logs the whole body when a signature is wrong.

    reason = verify(body, headers, secret, now=time.time())   # None: genuine
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Final, Literal

from slack_sdk.signature import SignatureVerifier

Reason = Literal[
    "no_secret",
    "missing_timestamp",
    "bad_timestamp",
    "stale_timestamp",
    "future_timestamp",
    "missing_signature",
    "bad_signature",
]
REASONS: Final[tuple[Reason, ...]] = (
    "no_secret",
    "missing_timestamp",
    "bad_timestamp",
    "stale_timestamp",
    "future_timestamp",
    "missing_signature",
    "bad_signature",
)
# Slack's rule (and Bolt's): a request more than five minutes away from our clock is refused.
MAX_SKEW_SECONDS: Final = 60 * 5
_MAX_TIMESTAMP_DIGITS: Final = 12


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def verify(body: bytes, headers: Mapping[str, str], secret: str, *, now: float) -> Reason | None:
    """None when `body` was signed by Slack with `secret` within five minutes of `now`;
    otherwise why not. Never raises, whatever the headers hold."""
    if not secret:
        return "no_secret"
    timestamp = _header(headers, "x-slack-request-timestamp")
    if timestamp is None or not timestamp.strip():
        return "missing_timestamp"
    # Only plain decimal digits: int() would also take "+1", " 1 ", "1_000" and "١٢".
    if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > _MAX_TIMESTAMP_DIGITS:
        return "bad_timestamp"
    seconds = int(timestamp)
    if now - seconds > MAX_SKEW_SECONDS:
        return "stale_timestamp"
    if seconds - now > MAX_SKEW_SECONDS:
        return "future_timestamp"
    signature = _header(headers, "x-slack-signature")
    if not signature:
        return "missing_signature"
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "bad_signature"  # Slack sends UTF-8; nothing else can carry its signature
    expected = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=text)
    if expected is None or not hmac.compare_digest(expected.encode(), signature.encode()):
        return "bad_signature"
    return None
