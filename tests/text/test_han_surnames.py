from __future__ import annotations

import re

from thaw.text.chinese import han_edges, han_spellings
from thaw.text.han_surnames import SURNAMES, surname_spellings


def test_surnames_in_both_forms() -> None:
    assert surname_spellings("張") == surname_spellings("张")
    assert {"teo", "tiong", "chong"} <= set(surname_spellings("张"))  # Teochew, Hokchiu, Hakka
    assert "heng" in surname_spellings("王")  # Teochew
    assert {"wee", "oei", "uy"} <= set(surname_spellings("黄"))
    assert {"gwee", "wee"} <= set(surname_spellings("魏"))  # Malaysia's Wee (魏家祥)
    assert surname_spellings("瑞") == () and surname_spellings("a") == ()


def test_wei_spelt_wee_as_malaysia_spells_it() -> None:
    from thaw.index import entry_from_record
    from thaw.match import DEFAULT_THRESHOLD, Query, score
    from thaw.model import Name, Record

    def scored(query: str, listed: str) -> float:
        entry = entry_from_record(Record("t", "1", "Person", names=[Name(listed)]))
        return score(Query(query, "Person"), entry).score

    assert scored("魏家祥", "Wee Ka Siong") >= DEFAULT_THRESHOLD  # 0.23 before
    assert scored("魏家祥", "Wee Ka Seng") < DEFAULT_THRESHOLD
    assert scored("魏家祥", "Wee Siong") < DEFAULT_THRESHOLD


def test_the_table_is_lower_case_letters_of_one_character_each() -> None:
    for ch, spellings in SURNAMES.items():
        assert len(ch) == 1 and spellings
        assert all(re.fullmatch("[a-z]+", sp) for sp in spellings), ch


def test_a_family_name_is_spelt_so_only_where_chinese_writes_it() -> None:
    # first in a word: the family name, with its Mandarin spellings first
    first = han_edges("张志贤")[0]
    assert first[:2] == (0, 1) and first[2][0] == "zhang" and "teo" in first[2][:6]
    # elsewhere, only the character's readings (王 in a given name is no Heng)
    assert han_edges("李王")[1][2] == han_spellings("王")
    assert "heng" not in han_spellings("王")
    assert [e[:2] for e in han_edges("王瑞杰")] == [(0, 1), (1, 2), (2, 3)]
