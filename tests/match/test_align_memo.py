"""The memoised alignment (a query aligned with many listed names) equals the direct one."""

from __future__ import annotations

import itertools

from thaw.match.names import _align_direct, _align_memo, _QueryMemo, align
from thaw.text import TokenStats, analyze_name

NAMES = [
    ("Kirill Aleksandrovich Dmitriev", "Person"),
    ("DMITRIEV, Kirill", "Person"),
    ("Кирилл Дмитриев", "Person"),
    ("Abdul Rahman bin Omar al-Rashid", "Person"),
    ("Abdulrahman Omar Rashid", "Person"),
    ("عبد الرحمن بن عمر", None),
    ("Omar bin Abdullah", "Person"),
    ("Hua Wei Technologies Co., Ltd.", "Organization"),
    ("HUAWEI TECHNOLOGIES", "Organization"),
    ("华为技术有限公司", "Organization"),
    ("김정은", "Person"),
    ("Kim Jong Un", "Person"),
    ("Alex Petrov", "Person"),
    ("Alexander Petrov", "Person"),
    ("J. C. Juncker", "Person"),
    ("Jean Claude Juncker", "Person"),
    ("Bank Melli Iran", None),
    ("بانک ملی ایران", None),
    ("Ao ba ma", None),
    ("Obama", None),
    ("VERY LONG NAME OF AN ORGANISATION CUT OFF AT THIRTY FIVE", None),
    ("Very Long Name of an Organisation Cut Off at Thirty Five Characters", None),
    ("Fund No 3 LP", "Organization"),
    ("Fund Number 4 LP", "Organization"),
]


def test_memoised_and_direct_alignments_agree() -> None:
    analysed = [analyze_name(n, s) for n, s in NAMES]
    stats = TokenStats.from_names(analysed * 50)
    for st in (None, stats):
        for query in analysed:
            memo = _QueryMemo(query, st)
            for _round, result in itertools.product(range(2), analysed):
                assert _align_memo(memo, result) == _align_direct(query, result, st)


def test_align_entry_point_agrees_across_repeated_queries() -> None:
    analysed = [analyze_name(n, s) for n, s in NAMES]
    for query in analysed:
        got = [align(query, r) for r in analysed]  # first direct, then memoised
        assert got == [_align_direct(query, r) for r in analysed]
