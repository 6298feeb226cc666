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


FTM_VALUES = [*UNUSUAL, "RU", "Russia", "russian federation", " Germany ", "", "  ", "XX"]
"""Values for FollowTheMoney's country cleaning: codes, names, padding, nothing."""


@pytest.mark.parametrize("value", [*UNUSUAL, "RU", "Russia", "United States"])
def test_ftm_country_of_a_known_name_takes_no_expensive_path(
    value: str, request: pytest.FixtureRequest
) -> None:
    from followthemoney import registry

    expected = registry.country.clean(value, fuzzy=True)
    request.getfixturevalue("no_rigour_table")  # from here on, building it fails
    assert expected is not None
    assert territories.ftm_country(value, fuzzy=True) == expected


@pytest.mark.parametrize("fuzzy", [False, True])
def test_ftm_country_is_followthemoneys(fuzzy: bool) -> None:
    """The same codes as FollowTheMoney's cleaning, including the names only its
    fuzzy search (rigour's, on its own table) resolves, and those it does not."""
    from followthemoney import registry

    for value in [*FTM_VALUES, "Germanyy", "Rusia", "Republic of Nowhere", "Kosovo"]:
        expected = registry.country.clean(value, fuzzy=fuzzy)
        assert territories.ftm_country(value, fuzzy=fuzzy) == expected, value
