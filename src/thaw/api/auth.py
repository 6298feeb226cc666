"""Who is calling: API keys with roles, and a rate limit per key.

Clients send a key as ``Authorization: Bearer KEY`` or ``Authorization: ApiKey
KEY`` (what OpenSanctions' clients send); the web pages send it in the
``thaw_session`` cookie; OpenRefine, which cannot send headers, may pass it as
``?api_key=KEY`` (the reconciliation manifest carries it along). :func:`require`
makes a FastAPI dependency that answers 401 without a valid key, 403 when the
key's role is below the route's, and 429 (with ``Retry-After``) when the key
exceeds its rate (:mod:`thaw.api.ratelimit`: one budget per key across the
worker processes). Verified keys are cached for a second (:class:`KeyCache`).
With authentication off
(``thaw serve --no-auth``) every caller is an anonymous admin.
"""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastapi import HTTPException, Request

from thaw.store.state import KeyInfo, Keys, role_allows

if TYPE_CHECKING:
    from thaw.api.runtime import Runtime

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


class KeyCache:
    """Verified keys, kept for ``ttl`` seconds so that a request costs no database
    look-up. A revocation made through this process (``DELETE /keys/{id}``) clears
    the cache at once; one made elsewhere (another worker, ``thaw keys revoke``,
    another instance sharing PostgreSQL) takes effect within ``ttl`` seconds.
    Unknown secrets are not cached (each one is looked up), so a flood of bad keys
    cannot fill the cache."""

    def __init__(self, keys: Keys, ttl: float, max_size: int = 10_000) -> None:
        self.keys = keys
        self.ttl = ttl
        self.max_size = max_size
        self._cache: dict[str, tuple[KeyInfo, float]] = {}

    def verify(self, secret: str) -> KeyInfo | None:
        """The active key with this secret, or ``None`` (see the class docs)."""
        now = time.monotonic()
        hit = self._cache.get(secret)
        if hit is not None and hit[1] > now:
            return hit[0]
        info = self.keys.verify(secret)
        if info is None:
            self._cache.pop(secret, None)
            return None
        if self.ttl > 0:
            if len(self._cache) >= self.max_size:
                self._cache.clear()
            self._cache[secret] = (info, now + self.ttl)
        return info

    def forget(self) -> None:
        """Drop every cached key (after a revocation)."""
        self._cache.clear()


def key_from_request(request: Request) -> str | None:
    """The key a request carries, if any (header first, then the session cookie)."""
    header = request.headers.get("authorization")
    if header:
        return parse_authorization(header)
    return request.cookies.get(SESSION_COOKIE) or request.query_params.get("api_key") or None


def parse_authorization(header: str) -> str | None:
    """The key of an ``Authorization: Bearer KEY`` (or ``ApiKey KEY``) header."""
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() in ("bearer", "apikey") and value.strip():
        return value.strip()
    return None


def authenticate(rt: Runtime, secret: str | None, role: str) -> Principal:
    """The caller holding ``secret``, admitted to routes of ``role``: raises
    ``HTTPException`` 401 (no or bad key), 403 (role too low) or 429 (rate
    exceeded, with ``Retry-After``). Anyone is :data:`ANONYMOUS` with
    authentication off."""
    if not rt.settings.auth:
        return ANONYMOUS
    if not secret:
        raise HTTPException(
            401,
            "an API key is required (Authorization: Bearer KEY)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    key: KeyInfo | None = rt.keys.verify(secret)
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
    return Principal(key.id, key.name, key.role)


def require(role: str) -> Callable[[Request], Awaitable[Principal]]:
    """A dependency admitting keys of ``role`` or above (see :func:`authenticate`).
    It is ``async`` (its look-up takes microseconds), so that ``async`` routes run
    without a hop through the thread pool."""

    async def dependency(request: Request) -> Principal:
        from thaw.api.runtime import runtime

        rt = runtime(request)
        principal = authenticate(rt, key_from_request(request) if rt.settings.auth else None, role)
        request.state.principal = principal
        return principal

    dependency.__name__ = f"require_{role}"
    return dependency
