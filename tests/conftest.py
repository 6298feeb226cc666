"""Shared fixtures: an isolated store, the path to the real publications."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from thaw.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
LISTS = SHARED / "lists"
BENCH = SHARED / "bench"


def require_shared() -> Path:
    """The official publications folder; skip (clearly) where it is absent, fail
    in CI, where it must be present."""
    if LISTS.is_dir():
        return LISTS
    if os.environ.get("CI"):
        pytest.fail(f"CI must have the shared publications at {LISTS}")
    pytest.skip(f"shared publications not found at {LISTS}")


@pytest.fixture
def lists_dir() -> Path:
    return require_shared()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "home") as s:
        yield s
