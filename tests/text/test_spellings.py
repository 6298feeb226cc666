"""text.spellings: each language's spellings of a word in Chinese characters or Hangul."""

from __future__ import annotations

from collections.abc import Sequence

from thaw.text import analyze_name
from thaw.text.spellings import Edge, languages, query_chars, run_spellings


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
    assert languages("") == ()


def test_query_chars_splits_words_where_the_name_does() -> None:
    assert query_chars(analyze_name("山田 太郎", "Person")) == ("山田太郎", [(0, 2), (2, 4)])
    assert query_chars(analyze_name("이재명", "Person")) == ("이재명", [(0, 3)])
    assert query_chars(analyze_name("Kim Jong Un", "Person")) is None


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
