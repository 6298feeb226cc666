"""Retrieval of listings in Latin letters for a foreign name transcribed into
Chinese characters or Hangul (issue 11, 1): the onset keys (``o:``) find a
listed word whose syllables the transcription wrote without their final
consonants (厄森 *Ersan*) or with added vowels (러켓 *Luckett*), and a Latin
query never looks them up."""

from __future__ import annotations

import pytest

from tests.index.fixture_store import screener_of
from thaw.index.candidates import CandidateIndex
from thaw.screen import Screener

LISTED = [
    ("Person", "Ersan YILMAZ"),
    ("Person", "Jack LUCKETT"),
    # listings that share sounds or letters, to compete for the candidates
    ("Person", "Esen ALTUG"),
    ("Person", "Sen HUANG"),
    ("Person", "Ersin TATAR"),
    ("Person", "Lucas KETTLE"),
    ("Person", "Isum"),  # the onsets of Ersan, another vowel
    # an organisation's name is never compared as a transcription
    ("Organization", "ERSAN TRADING"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return screener_of(LISTED)


def _captions(index: CandidateIndex, query: str) -> list[str]:
    return [index.entry(c.position).caption for c in index.candidates(query, schema="Person")]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("厄森·耶尔马兹", "Ersan YILMAZ"),  # 厄 e for Er: a dropped coda, two edits
        ("러켓", "Jack LUCKETT"),  # ㅓ for u, the final t written ㅅ
    ],
)
def test_a_transcription_finds_its_latin_listing(
    screener: Screener, query: str, listed: str
) -> None:
    assert listed in _captions(screener.index, query)
    assert listed in [h.name for h in screener.screen(query, "Person").hits]


def test_onset_keys_propose_people_only(screener: Screener) -> None:
    found = _captions(screener.index, "厄森")
    assert "Ersan YILMAZ" in found
    assert "Ersin TATAR" in found  # the same onsets: the matcher decides
    assert "ERSAN TRADING" not in [
        screener.index.entry(c.position).caption for c in screener.index.candidates("厄森")
    ]


def test_the_vowels_rank_a_transcription_first(screener: Screener) -> None:
    found = _captions(screener.index, "厄森")
    assert found.index("Ersan YILMAZ") < found.index("Isum")


def test_a_latin_query_never_reads_onset_keys(screener: Screener) -> None:
    # the same index without its onset keys proposes the same listings for a
    # Latin query, and fewer for a transcription
    index = screener.index
    state = index.state()
    state["slots"] = {k: v for k, v in state["slots"].items() if k[:2] not in ("o:", "O:")}
    without = CandidateIndex(state)
    for query in ("Ersan Yilmaz", "Esen", "Luckett", "Jack Lucket", "Isum"):
        assert without.candidates(query, schema="Person") == index.candidates(
            query, schema="Person"
        )
    assert "Ersan YILMAZ" not in _captions(without, "厄森·耶尔马兹")
    assert "Ersan YILMAZ" in _captions(index, "厄森·耶尔马兹")
