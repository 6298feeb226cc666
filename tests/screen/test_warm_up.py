"""``Screener.warm_up`` pauses the garbage collector and gives it back as it was,
and loads the matcher's tables that batch workers would otherwise each load."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tests.index.fixture_store import fixture_records
from thaw.index import entry_from_record
from thaw.match import given_genders, han_latin
from thaw.screen import Screener


@pytest.fixture
def screener() -> Screener:
    return Screener.from_entries(entry_from_record(r) for r in fixture_records())


@pytest.fixture
def collector_state() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_warm_up_runs_without_the_collector_and_restores_it(
    screener: Screener, collector_state: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    screen = screener.screen

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return screen(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(screener, "screen", spy)
    gc.enable()
    screener.warm_up(japanese=False)
    assert seen and not any(seen)
    assert gc.isenabled()
    gc.disable()
    screener.warm_up(japanese=False)
    assert not gc.isenabled()


def test_warm_up_restores_the_collector_when_screening_fails(
    screener: Screener, collector_state: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(screener, "screen", broken)
    gc.enable()
    with pytest.raises(RuntimeError):
        screener.warm_up(japanese=False)
    assert gc.isenabled()


@pytest.mark.parametrize("japanese", [False, True])
def test_warm_up_loads_the_matchers_tables(screener: Screener, japanese: bool) -> None:
    """The sexes of given names (and, for names in Chinese characters, the
    spellings of Chinese family names) are loaded by the warm-up, whatever the
    made-up names' candidates: a batch worker forked after it does not load
    them again on its first chunks."""
    given_genders._table.cache_clear()
    han_latin.family_spellings.cache_clear()
    screener.warm_up(japanese=japanese)
    assert given_genders._table.cache_info().currsize == 1
    assert han_latin.family_spellings.cache_info().currsize == int(japanese)
