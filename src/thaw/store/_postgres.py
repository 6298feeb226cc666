"""Connecting to PostgreSQL (``THAW_DATABASE_URL``): the one place that imports
the optional driver, so that a missing ``psycopg`` reads the same everywhere."""

from __future__ import annotations

from typing import Any


def connect(url: str) -> Any:
    """An autocommit ``psycopg`` connection to ``url``; a clear error naming the
    extra to install when the driver is missing."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            "THAW_DATABASE_URL names PostgreSQL but psycopg is not installed "
            "(pip install 'thaw[postgres]')"
        ) from exc
    return psycopg.connect(url, autocommit=True)
