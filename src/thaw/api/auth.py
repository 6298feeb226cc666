"""Who is calling: API keys with roles, and a rate limit per key.

Clients send a key as ``Authorization: Bearer KEY`` or ``Authorization: ApiKey
KEY`` (what OpenSanctions' clients send); the web pages send it in the
``thaw_session`` cookie; OpenRefine, which cannot send headers, may pass it as
``?api_key=KEY`` (the reconciliation manifest carries it along). :func:`require`
makes a FastAPI dependency that answers 401 without a valid key, 403 when the
key's role is below the route's, and 429 (with ``Retry-After``) when the key
exceeds its rate. With authentication off
(``thaw serve --no-auth``) every caller is an anonymous admin.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import HTTPException, Request

from thaw.store.state import KeyInfo, role_allows

SESSION_COOKIE = "thaw_session"
"""The cookie holding a key for browser sessions (set by the web pages)."""


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller of a request: its key's id, name and role."""

    key_id: str
    name: str
    role: str


ANONYMOUS = Principal("anonymous", "anonymous", "admin")
"""The caller when authentication is off."""


class RateLimiter:
    """A token bucket per key: ``rate`` requests per second, bursts of
    ``rate * burst`` (per server process)."""

    def __init__(self, burst: float) -> None:
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key_id: str, rate: float) -> float:
        """Spend one token; 0.0 if allowed, else the seconds until one is available."""
        if rate <= 0:
            return 0.0
        capacity = max(1.0, rate * self.burst)
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[key_id] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key_id] = (tokens, now)
            return (1.0 - tokens) / rate


def key_from_request(request: Request) -> str | None:
    """The key a request carries, if any (header first, then the session cookie)."""
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.strip().partition(" ")
        if scheme.lower() in ("bearer", "apikey") and value.strip():
            return value.strip()
        return None
    return request.cookies.get(SESSION_COOKIE) or request.query_params.get("api_key") or None


def require(role: str) -> Callable[[Request], Awaitable[Principal]]:
    """A dependency admitting keys of ``role`` or above (see the module docs). It
    is ``async`` (its look-up takes microseconds), so that ``async`` routes run
    without a hop through the thread pool."""

    async def dependency(request: Request) -> Principal:
        from thaw.api.runtime import runtime

        rt = runtime(request)
        if not rt.settings.auth:
            return ANONYMOUS
        secret = key_from_request(request)
        if not secret:
            raise HTTPException(
                401,
                "an API key is required (Authorization: Bearer KEY)",
                headers={"WWW-Authenticate": "Bearer"},
            )
        key: KeyInfo | None = rt.state.keys.verify(secret)
        if key is None:
            raise HTTPException(
                401, "invalid or revoked API key", headers={"WWW-Authenticate": "Bearer"}
            )
        if not role_allows(key.role, role):
            raise HTTPException(403, f"this route needs a key of role {role!r} or above")
        rate = rt.settings.rate_limit if key.rate is None else key.rate
        wait = rt.limiter.take(key.id, rate)
        if wait > 0:
            raise HTTPException(
                429,
                f"rate limit of {rate:g} requests/s exceeded for this key",
                headers={"Retry-After": str(max(1, math.ceil(wait)))},
            )
        principal = Principal(key.id, key.name, key.role)
        request.state.principal = principal
        return principal

    dependency.__name__ = f"require_{role}"
    return dependency
