"""Country names resolve from thaw's shipped territory table, never by building
rigour's (seconds of CPU per process on the first unusual name)."""

from __future__ import annotations

import pytest
import rigour.territories.lookup as rigour_lookup
from rigour.territories import lookup_territory

from thaw.screen.text import mentions
from thaw.sources import common, territories

UNUSUAL = {
    "Kyiv": "ua",  # a place
    "Deutschland": "de",  # a name in another language
    "Россия": "ru",  # another script
    "Islamic Republic of Iran": "ir",
    "Ivory Coast": "ci",
}


@pytest.fixture
def no_rigour_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if anything builds rigour's name table (the expensive path), with thaw's
    caches emptied so the look-ups really run."""

    def expensive() -> None:
        raise AssertionError("rigour's territory name table was built")

    monkeypatch.setattr(rigour_lookup, "_get_territory_names", expensive)
    common._country_code_cached.cache_clear()
    mentions._is_place.cache_clear()


@pytest.mark.usefixtures("no_rigour_table")
@pytest.mark.parametrize(("name", "code"), sorted(UNUSUAL.items()))
def test_an_unusual_country_name_takes_no_expensive_path(name: str, code: str) -> None:
    assert common.country_code(name) == code
    assert common.country_code(f"{name} (Republic of Nowhere)") == code


@pytest.mark.usefixtures("no_rigour_table")
def test_text_screening_finds_places_without_the_expensive_path() -> None:
    assert mentions._is_place("Kyiv")
    assert not mentions._is_place("Kirill Dmitriev")


def test_the_shipped_table_is_rigours() -> None:
    """The table equals what the installed rigour builds (regenerate it with
    ``python -m thaw.sources.territories`` after a rigour upgrade)."""
    assert territories._names() == territories.build_table()
    for name in [*UNUSUAL, "RU", "Republic of Nowhere", "Sudan (South)", "Kosovo"]:
        assert territories.lookup(name) == lookup_territory(name), name
