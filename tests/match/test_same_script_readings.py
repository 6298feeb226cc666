"""Two names written in the same Chinese characters or Hangul are compared by
their characters, not through readings they share (issue 11)."""

from __future__ import annotations

from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.model import Name, Record


def _person(*names: str) -> Entry:
    return entry_from_record(Record("t", "1", "Person", names=[Name(n) for n in names]))


def _score(query: str, *listed: str) -> float:
    return score(Query(query, "Person"), _person(*listed)).score


def test_homophones_of_one_script_do_not_meet_through_a_shared_reading() -> None:
    # 小 and 晓 are both xiao; 승 and 성 both Mandarin sheng (勝, 聖)
    assert _score("王小明", "王晓明") < DEFAULT_THRESHOLD
    assert _score("승위", "성위") < DEFAULT_THRESHOLD
    # Hangul words read as Japanese names, oshita and oshida: near spellings
    assert _score("오시타", "오시다") < DEFAULT_THRESHOLD
    # Japanese readings: 一郎 and 一朗 are both Ichiro
    assert _score("鈴木一郎", "鈴木一朗") < DEFAULT_THRESHOLD


def test_the_same_names_and_their_romanisations_still_meet() -> None:
    assert _score("王小明", "王小明") >= 0.9
    assert _score("승위", "성위", "Chengwei") >= 0.9  # through the Latin name
    assert _score("王小明", "Wang Xiaoming") >= 0.9
    assert _score("승위", "Chengwei") >= 0.9
    # one name in simplified and in traditional characters
    assert _score("习近平", "習近平") >= 0.9
    assert _score("张伟", "張偉") >= 0.9
    # another script: hanja read in Korean meet Hangul
    assert _score("金正恩", "김정은") >= 0.9
    assert _score("김정은", "金正恩") >= 0.9
