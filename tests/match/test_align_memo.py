"""The one alignment (:class:`thaw.match.names.Aligner`) equals the plain reference
implementation kept here as an oracle, on first and repeated queries."""

from __future__ import annotations

import itertools

from tests.match.alignment_oracle import align_reference

from thaw.match.names import QUERY_MEMOS, Aligner, Alignment, align
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
    ("鈴木 一郎", "Person"),
    ("Suzuki Ichiro", "Person"),
    ("کمالی سروستانی", "Person"),
    ("Kamalisarvestani", "Person"),
    ("أبو بكر محمد", "Person"),
    ("Abubakar Mohammed", "Person"),
    ("HIENG, Hing Bun", "Person"),  # a run in the order the name is said
    ("Hing Bunhieng", "Person"),
]


def test_aligner_agrees_with_the_reference() -> None:
    analysed = [analyze_name(n, s) for n, s in NAMES]
    stats = TokenStats.from_names(analysed * 50)
    for st in (None, stats):
        aligner = Aligner(st)
        for query in analysed:
            for _round, result in itertools.product(range(2), analysed):
                got = aligner.align(query, result)
                assert isinstance(got, Alignment)
                assert got == align_reference(query, result, st)


def test_one_off_alignment_equals_the_memoised_one() -> None:
    analysed = [analyze_name(n, s) for n, s in NAMES]
    for query in analysed:
        aligner = Aligner()
        assert [align(query, r) for r in analysed] == [aligner.align(query, r) for r in analysed]


def test_readings_aligned_in_turn_keep_their_memos() -> None:
    """Screening aligns every reading of a query with each candidate in turn:
    each reading keeps its memo (its listed tokens compared once), and the
    alignments are those of a fresh aligner."""
    readings = [analyze_name(n, s) for n, s in NAMES[:6]]
    listed = [analyze_name(n, s) for n, s in NAMES[6:]]
    aligner = Aligner()
    memos: dict[int, object] = {}
    for result in listed:
        for query in readings:
            assert aligner.align(query, result) == align(query, result)
            memo = aligner._memo
            assert memo is not None and memo.query is query
            assert memos.setdefault(id(query), memo) is memo  # the same memo again


def test_memos_of_past_query_names_are_let_go() -> None:
    queries = [analyze_name(f"Petrov Ivan{k}", "Person") for k in range(QUERY_MEMOS + 8)]
    listed = analyze_name("Ivan Petrov", "Person")
    aligner = Aligner()
    for query in queries:
        assert aligner.align(query, listed) == align(query, listed)
        assert 0 < len(aligner._memos) <= QUERY_MEMOS
    assert len(aligner._memos) < len(queries)
