"""Every setting of the HTTP service, read from the environment in this one place.

``thaw serve`` turns its options into these variables before starting the
workers, so that each worker process reads the same settings.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


class Settings(BaseModel):
    """The service's settings (see :meth:`from_env` for the variables)."""

    home: Path | None = Field(None, description="THAW_HOME: the data directory.")
    database_url: str | None = Field(
        None, description="THAW_DATABASE_URL: team state in PostgreSQL (default: SQLite)."
    )
    auth: bool = Field(True, description="THAW_AUTH: require API keys (off only with --no-auth).")
    rate_limit: float = Field(
        50.0,
        description="THAW_RATE_LIMIT: requests per second per key (0: none), "
        "unless the key has its own rate; one budget across the workers of the machine "
        "(thaw.api.ratelimit).",
    )
    rate_burst: float = Field(
        2.0, description="THAW_RATE_BURST: burst allowance, in seconds of the rate."
    )
    key_cache_ttl: float = Field(
        1.0,
        description="THAW_KEY_CACHE_TTL: seconds a verified key is trusted without a "
        "database look-up (a revocation elsewhere takes effect within this time).",
    )
    max_body: int = Field(
        2_000_000, description="THAW_MAX_BODY: largest JSON request body, in bytes."
    )
    max_upload: int = Field(
        200_000_000, description="THAW_MAX_UPLOAD: largest uploaded file, in bytes."
    )
    max_line: int = Field(
        1_000_000, description="THAW_MAX_LINE: longest line (or row) of an uploaded file."
    )
    max_batch: int = Field(
        100, description="THAW_MAX_BATCH: most queries in one /match call (yente: 100)."
    )
    match_limit: int = Field(5, description="THAW_MATCH_LIMIT: default results per query.")
    max_matches: int = Field(500, description="THAW_MAX_MATCHES: most results per query.")
    cors_origins: list[str] = Field(
        default_factory=list,
        description="THAW_CORS_ORIGINS: comma-separated allowed origins (default: CORS off).",
    )
    audit: bool = Field(True, description="THAW_AUDIT: record every screening request.")
    audit_commit: Literal["turn", "after", "now"] = Field(
        "turn",
        description="THAW_AUDIT_COMMIT: with SQLite, when a /match record is committed. "
        "turn (the default): before the answer, together with the records of the "
        "requests that finished in the same event-loop turn. after: the answer does "
        "not wait; the records that queue up in 10 ms are committed together (a "
        "kill -9 loses at most the records of the answers of those last 10 ms, a "
        "clean stop nothing; while the trail cannot be written, requests get 503). "
        "now: before the answer, each record alone (thaw.api.runtime.AuditWriter).",
    )
    audit_compact_at: int = Field(
        16,
        description="THAW_AUDIT_COMPACT_AT: with SQLite, when a worker starts and the "
        "trail holds at least this many segment files (two per start of a two-worker "
        "server), roll the closed ones into the archive (`thaw audit compact`, in a "
        "child process, once per start; 0: never).",
    )
    reload_every: float = Field(
        2.0, description="THAW_RELOAD_EVERY: seconds between checks for newly active lists."
    )
    update_every: float = Field(
        0.0, description="THAW_UPDATE_EVERY: seconds between `thaw update` runs (0: never)."
    )
    deliver_webhooks: bool = Field(
        True,
        description="THAW_DELIVER_WEBHOOKS: one worker delivers the monitor's webhook "
        "outbox while the server runs, as `thaw webhooks deliver --loop` does (0: "
        "leave it to a separate deliverer).",
    )

    batch_processes: int = Field(
        default_factory=lambda: _default_processes(),
        description="THAW_BATCH_PROCESSES: processes that screen one large /match batch "
        "together: the worker and THAW_BATCH_PROCESSES - 1 processes forked from it "
        "(default: the CPU cores, at most 8; 1: the worker alone).",
    )
    batch_split: int = Field(
        16,
        description="THAW_BATCH_SPLIT: fewest names in one /match call that are split "
        "across the batch processes.",
    )

    @classmethod
    def from_env(cls) -> Settings:
        """The settings from ``THAW_*`` environment variables (defaults above)."""
        home = os.environ.get("THAW_HOME")
        origins = [o.strip() for o in _env("THAW_CORS_ORIGINS", "").split(",") if o.strip()]
        return cls(
            home=Path(home) if home else None,
            database_url=os.environ.get("THAW_DATABASE_URL") or None,
            auth=_flag("THAW_AUTH", True),
            rate_limit=float(_env("THAW_RATE_LIMIT", "50")),
            rate_burst=float(_env("THAW_RATE_BURST", "2")),
            key_cache_ttl=float(_env("THAW_KEY_CACHE_TTL", "1")),
            max_body=int(_env("THAW_MAX_BODY", "2000000")),
            max_upload=int(_env("THAW_MAX_UPLOAD", "200000000")),
            max_line=int(_env("THAW_MAX_LINE", "1000000")),
            max_batch=int(_env("THAW_MAX_BATCH", "100")),
            match_limit=int(_env("THAW_MATCH_LIMIT", "5")),
            max_matches=int(_env("THAW_MAX_MATCHES", "500")),
            cors_origins=origins,
            audit=_flag("THAW_AUDIT", True),
            audit_commit=_audit_commit(_env("THAW_AUDIT_COMMIT", "turn")),
            audit_compact_at=int(_env("THAW_AUDIT_COMPACT_AT", "16")),
            reload_every=float(_env("THAW_RELOAD_EVERY", "2")),
            update_every=float(_env("THAW_UPDATE_EVERY", "0")),
            deliver_webhooks=_flag("THAW_DELIVER_WEBHOOKS", True),
            batch_processes=int(_env("THAW_BATCH_PROCESSES", str(_default_processes()))),
            batch_split=int(_env("THAW_BATCH_SPLIT", "16")),
        )


def _audit_commit(value: str) -> Literal["turn", "after", "now"]:
    """``THAW_AUDIT_COMMIT`` (an unknown value is refused, not silently replaced)."""
    if value not in ("turn", "after", "now"):
        raise ValueError(f"THAW_AUDIT_COMMIT must be turn, after or now, not {value!r}")
    return value  # type: ignore[return-value]


def _default_processes() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
