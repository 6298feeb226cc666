"""API keys: a name, a role, a hashed secret, an optional rate, revocation."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from thaw.store.state._db import Database

ROLES: tuple[str, ...] = ("screen", "analyst", "admin")
"""The roles, each allowed what the ones before it are: ``screen`` (screening
routes), ``analyst`` (also decisions and reading the audit trail), ``admin`` (also
keys and list updates)."""


def role_allows(have: str, need: str) -> bool:
    """Whether a key of role ``have`` may do what needs role ``need``."""
    if have not in ROLES or need not in ROLES:
        return False
    return ROLES.index(have) >= ROLES.index(need)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _digest(secret: str) -> str:
    # Secrets are 256 random bits, so a plain SHA-256 cannot be brute-forced and
    # keeps verification at microseconds per request (no password-hash stretching).
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """A stored key, without its secret. ``rate`` is its own request rate limit per
    second (``None``: the server's default; ``0``: unlimited)."""

    id: str
    name: str
    role: str
    created_at: str
    revoked_at: str | None = None
    rate: float | None = None

    @property
    def active(self) -> bool:
        """Not revoked."""
        return self.revoked_at is None


_COLUMNS = "id, name, role, created_at, revoked_at, rate"


class Keys:
    """The API keys of a state database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, name: str, role: str, *, rate: float | None = None) -> tuple[KeyInfo, str]:
        """A new key; returns it with its secret, which is not stored and cannot be
        shown again. Raises ``ValueError`` for an unknown role or an empty name."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
        name = " ".join(name.split())
        if not name:
            raise ValueError("a key needs a name (who or what uses it)")
        if rate is not None and rate < 0:
            raise ValueError("a key's rate limit cannot be negative")
        key_id = "k" + secrets.token_hex(6)
        secret = f"thaw_{key_id}_{secrets.token_urlsafe(32)}"
        info = KeyInfo(key_id, name, role, _now(), None, rate)
        self.db.execute(
            "INSERT INTO api_keys (id, name, role, secret_hash, rate, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (info.id, info.name, info.role, _digest(secret), rate, info.created_at),
        )
        return info, secret

    def verify(self, secret: str) -> KeyInfo | None:
        """The active key with this secret, or ``None``."""
        if not secret or len(secret) > 200:
            return None
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL",
            (_digest(secret),),
        )
        return KeyInfo(*rows[0]) if rows else None

    def get(self, key_id: str) -> KeyInfo | None:
        """One key by id (revoked or not)."""
        rows = self.db.query(f"SELECT {_COLUMNS} FROM api_keys WHERE id = ?", (key_id,))
        return KeyInfo(*rows[0]) if rows else None

    def list(self, *, include_revoked: bool = True) -> list[KeyInfo]:
        """Every key, oldest first."""
        where = "" if include_revoked else " WHERE revoked_at IS NULL"
        rows = self.db.query(f"SELECT {_COLUMNS} FROM api_keys{where} ORDER BY created_at, id")
        return [KeyInfo(*r) for r in rows]

    def revoke(self, key_id: str) -> KeyInfo:
        """Revoke a key (it stops working at once); ``KeyError`` if there is no such
        key. Revoking twice keeps the first time."""
        self.db.execute(
            "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            (_now(), key_id),
        )
        info = self.get(key_id)
        if info is None:
            raise KeyError(key_id)
        return info

    def any_active(self) -> bool:
        """Whether at least one key can be used."""
        return bool(self.db.query("SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1"))
