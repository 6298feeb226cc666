"""text.spellings: each language's spellings of a word in Chinese characters or Hangul."""

from __future__ import annotations

import re
from collections.abc import Sequence

from thaw.text import analyze_name
from thaw.text.spellings import Edge, languages, query_chars, run_spellings, spelling_script


def _edges(word: str) -> Sequence[Edge]:
    table = {"宗": ("so", "sou"), "一": ("ichi",), "郎": ("ro", "rou")}
    out: list[Edge] = [(i, i + 1, table.get(ch, ())) for i, ch in enumerate(word)]
    if "一郎" in word:  # a dictionary name over two characters
        at = word.index("一郎")
        out.append((at, at + 2, ("ichiro",)))
    return out


def test_languages_by_script() -> None:
    assert len(languages("Hangul")) == 1
    assert len(languages("Han")) == 3  # Chinese, Japanese, Korean hanja
    assert len(languages("Kana")) == 1
    assert languages("") == ()


def test_spelling_script() -> None:
    assert spelling_script("이재명") == "Hangul"
    assert spelling_script("山田太郎") == "Han"
    assert spelling_script("つかこうへい") == "Kana"
    assert spelling_script("小泉 ひろみ") == "Kana"
    assert spelling_script("Kim Jong Un") == ""
    assert spelling_script("アレクサンドル・ルカシェンコ") == "Kana"
    assert spelling_script("Иван") == ""


def test_query_chars_splits_words_where_the_name_does() -> None:
    written = query_chars(analyze_name("山田 太郎", "Person"))
    assert written is not None
    assert (written.chars, written.words) == ("山田太郎", ((0, 2), (2, 4)))
    assert written.owners == ((0,), (1,), (2,), (3,))  # a token per character
    written = query_chars(analyze_name("이재명", "Person"))
    assert written is not None and written.words == ((0, 3),)
    assert query_chars(analyze_name("Kim Jong Un", "Person")) is None


def test_kana_characters_belong_to_the_tokens_read_from_their_word() -> None:
    written = query_chars(analyze_name("やまだ たろう", "Person"))
    assert written is not None
    assert written.chars == "やまだたろう"
    assert written.owners == ((0,),) * 3 + ((1,),) * 3


def test_run_spellings_joins_each_run() -> None:
    runs = {(s, e): spellings for s, e, spellings in run_spellings("宗一郎", _edges, 3, 100)}
    assert runs[(0, 1)] == ["so", "sou"]
    assert "soichiro" in runs[(0, 3)]  # 宗 + the dictionary name 一郎
    assert "souichirou" in runs[(0, 3)]
    assert (0, 3) in runs and (1, 3) in runs


def test_run_spellings_bounds_runs_and_spellings() -> None:
    runs = list(run_spellings("宗一郎", _edges, 2, 3))
    assert all(e - s <= 2 for s, e, _ in runs)
    assert all(len(spellings) <= 3 for _, _, spellings in runs)


def test_run_spellings_asks_keep_only_of_runs_that_can_grow() -> None:
    asked: list[str] = []

    def keep(text: str) -> bool:
        asked.append(text)
        return True

    runs = run_spellings("宗一郎", _edges, 3, 100, keep, cuts=(2,))
    # a run ending at the cut (宗一, 一) or the word's end is not extended, so
    # its spelling is not asked (*soichi*, *ichi*); 宗 may grow into 宗一
    assert sorted(asked) == ["so", "sou"]
    assert runs == run_spellings("宗一郎", _edges, 3, 100, None, cuts=(2,))
    assert (0, 2) in {(s, e) for s, e, _ in runs} and (0, 3) not in {(s, e) for s, e, _ in runs}


def test_run_spellings_leaves_out_edges_without_spellings() -> None:
    runs = run_spellings("宗x郎", _edges, 3, 100)
    assert all(spellings for _, _, spellings in runs)
    assert {(s, e) for s, e, _ in runs} == {(0, 1), (2, 3)}


def test_run_spellings_width_bounds_joins_not_a_character_alone() -> None:
    # (a run of one character costs a lookup per spelling: all of them; the
    # joins of several take the first ``width`` of each, as they multiply)
    runs = {(s, e): spellings for s, e, spellings in run_spellings("宗郎", _edges, 3, 100, width=1)}
    assert runs[(0, 1)] == ["so", "sou"]
    assert runs[(1, 2)] == ["ro", "rou"]
    assert runs[(0, 2)] == ["soro"]


def test_run_spellings_of_a_word_spelt_whole() -> None:
    # (a word spelt by its sounds is spelt whole, however long: one run)
    runs = run_spellings("宗一郎", _edges, 3, 100, whole=True)
    assert [(s, e) for s, e, _ in runs] == [(0, 3)]
    assert "souichirou" in runs[0][2] and "soichiro" in runs[0][2]


def test_run_spellings_charges_spellings_that_look_up_alike_once() -> None:
    # (a word spelt whole by its sounds: its last letter's spellings fold alike,
    # wl/wll/wlll one lookup; charged once each, the budget reaches wh-)
    def edges(word: str) -> Sequence[Edge]:
        return [(0, 1, ("w", "wh")), (1, 2, ("l", "ll", "lll", "llll"))]

    def collapsed(text: str) -> str:
        return re.sub(r"(.)\1+", r"\1", text)

    plain = run_spellings("уl", edges, 2, 6, whole=True)
    assert not any("whl" in spellings for _, _, spellings in plain)
    alike = run_spellings("уl", edges, 2, 6, whole=True, same=collapsed)
    assert alike == [(0, 2, ["wl", "whl"])]


def _sounds(word: str) -> Sequence[Edge]:
    """Σιράκ's letters, each with its spellings, most usual first."""
    return [
        (0, 1, ("s", "ss", "c", "z", "sh", "sch", "ch")),
        (1, 2, ("i", "y", "ee")),
        (2, 3, ("r", "rr", "rh")),
        (3, 4, ("a", "u", "e")),
        (4, 5, ("k", "c", "ck", "q", "que")),
    ]


def test_a_word_spelt_whole_is_spelt_likeliest_first() -> None:
    # (every letter spelt otherwise alone, the others as usual, before two
    # letters are: a walk depth first spelt s- every way before ch-)
    [(_, _, spellings)] = run_spellings("σιρακ", _sounds, 5, 1000, whole=True)
    assert spellings[0] == "sirak"
    assert spellings.index("chirak") < spellings.index("syrrak")
    assert spellings.index("sirac") < spellings.index("chirak") < spellings.index("chirac")


def test_a_word_spelt_whole_spends_its_budget_on_every_letter() -> None:
    # listed words that begin as the usual spellings of σ do (sira-, syr-)
    # spent a walk depth first's budget before ch- was tried
    vocabulary = ["sirakov", "siracusa", "sirrah", "sirukov", "syrakov", "syrrup"]
    vocabulary += ["ssirakov", "siera", "sirekin", "sirrek", "chirac"]
    beginnings = {w[:k] for w in vocabulary for k in range(1, len(w) + 1)}
    [(_, _, spellings)] = run_spellings(
        "σιρακ", _sounds, 5, 60, beginnings.__contains__, whole=True
    )
    assert "chirac" in spellings
