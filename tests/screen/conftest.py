"""Fixtures shared by the screening tests: the twelve fixture listings as a
screener and as a store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.index.fixture_store import fill, fixture_records
from thaw.index import entry_from_record
from thaw.screen import Screener
from thaw.store import Store


@pytest.fixture(scope="module")
def screener() -> Screener:
    """A screener over the fixture listings (one per test module)."""
    return Screener.from_entries(entry_from_record(r) for r in fixture_records())


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A store holding the fixture listings, new for each test."""
    home = tmp_path / "home"
    with Store(home) as store:
        fill(store, fixture_records())
    return home
