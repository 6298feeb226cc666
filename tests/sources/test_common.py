"""Value cleaning shared by the readers: country names to ISO codes."""

from __future__ import annotations

import pytest

from thaw.sources.common import country_code, country_codes


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Russia", "ru"),
        ("Russian Federation", "ru"),
        ("Ivory Coast", "ci"),
        ("Turkey", "tr"),
        ("Kyiv, Ukraine", "ua"),
        ("USSR", "su"),
        ("Congo", "cg"),
        # OFSI's "Country (qualifier)" form: the qualifier can name another country
        ("Congo (Democratic Republic)", "cd"),
        ("Congo (Republic)", "cg"),
        ("Sudan (South)", "ss"),
        ("Korea (North)", "kp"),
        ("Iran (Islamic Republic of)", "ir"),
        ("Virgin Islands (British)", "vg"),
        ("Gambia (The)", "gm"),
    ],
)
def test_country_names_resolve_to_iso_codes(value: str, code: str) -> None:
    assert country_code(value) == code


def test_unknown_and_several_countries() -> None:
    assert country_code("Atlantis") is None
    assert country_code(None) is None
    assert country_codes("Russia; Ukraine") == ["ru", "ua"]
