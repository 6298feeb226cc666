"""The onset key of a name word (:func:`thaw.text.sounds.onset_key`): a Latin
word and its transcription into Chinese characters or Hangul share it, though
the transcription drops the codas or writes them with syllables of their own."""

from __future__ import annotations

import pytest

from thaw.text.sounds import cjk_onset_keys, cjk_sounds, latin_sounds, onset_key


@pytest.mark.parametrize(
    ("word", "latin", "key"),
    [
        ("厄森", "ersan", "-s"),  # er: a coda dropped; a first syllable with no onset
        ("坎迪斯", "candace", "kt"),  # 斯 writes the coda s; c read k, d as t
        ("내치불", "knatchbull", "np"),  # 치 writes tch; the k of kn silent
        ("러켓", "luckett", "lk"),  # the final ㅅ writes t: a coda
        ("克里斯", "chris", "l"),  # 克 writes k before r
        ("석일", "seogil", "sk"),  # the final ㄱ begins the next syllable
        ("穆罕默迪恩", "mohammadian", "mmt"),  # h no onset; no mark inside a word
    ],
)
def test_a_transcription_keeps_the_onsets(word: str, latin: str, key: str) -> None:
    assert onset_key(cjk_sounds(word), True) == key
    assert onset_key(latin_sounds(latin), False) == key


def test_other_onsets_give_other_keys() -> None:
    assert onset_key(latin_sounds("ersan"), False) != onset_key(latin_sounds("erkan"), False)
    assert onset_key(cjk_sounds("卡默"), True) != onset_key(cjk_sounds("厄森"), True)


def test_a_consonant_column_character_may_be_a_syllable() -> None:
    # 普 pu writes the coda p (普拉特 *Pratt*) or a syllable (馬普拉 *Mapula*)
    keys = cjk_onset_keys("馬普拉", 8)
    assert keys[0] == "ml"
    assert onset_key(latin_sounds("mapula"), False) in keys
    assert len(cjk_onset_keys("斯特斯特斯", 3)) == 3


def test_no_sounds_no_key() -> None:
    assert onset_key(latin_sounds("o'neil"), False) == ""
    assert cjk_onset_keys("abc", 8) == []


def test_the_fine_key_adds_the_vowel_classes() -> None:
    assert onset_key(latin_sounds("ersan"), False, True) == "-asa"
    assert cjk_onset_keys("厄森", 8, True) == ["-asa"]  # 森 sen writes san
    assert onset_key(latin_sounds("malesa"), False, True) == "malasa"
    assert onset_key(latin_sounds("molesa"), False, True) != "malasa"
    # Korean ㅓ writes any vowel: both classes are looked up
    assert cjk_onset_keys("러켓", 8, True) == ["laka", "luka"]
    assert onset_key(latin_sounds("luckett"), False, True) == "luka"
