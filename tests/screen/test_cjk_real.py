"""Foreign sanctioned people written in Hangul and in Chinese characters, as
Korean and Chinese news write them, screened against the real lists (the newest
publication of every source in ../shared): candidate retrieval must find the
listings through the names' readings (:func:`thaw.text.name_variants`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from thaw.screen import Screener

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def screener(real_home: Path) -> Screener:
    return Screener(real_home)


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("블라디미르 푸틴", "putin"),
        ("세르게이 라브로프", "lavrov"),
        ("람잔 카디로프", "kadyrov"),
        ("알렉산드르 루카셴코", "lukashenk"),
        ("오사마 빈 라덴", "bin ladin"),
        ("谢尔盖·拉夫罗夫", "lavrov"),
        ("拉姆赞·卡德罗夫", "kadyrov"),
    ],
)
def test_foreign_people_in_hangul_and_han_find_their_listing(
    screener: Screener, name: str, listed: str
) -> None:
    hits = screener.screen(name, "Person").hits
    assert hits, name
    assert listed in hits[0].name.lower(), (name, hits[0].name)
