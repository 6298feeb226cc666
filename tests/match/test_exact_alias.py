"""A listing's name written exactly as the query is the name the query is
compared with, though another of its names aligns nearly as well and comes
first (issue 11, exact names: *AH JOE*, *CHE FONG*, *Zia AGHA*, *VARELA,
Wilber Alirio* pasted as written lost their listings to the penalty that an
earlier, inexact name drew)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thaw.index.entry import Entry, name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.text import analyze_name


def _listing(*names: str) -> Entry:
    """A person's listing publishing ``names``, the first as its primary name."""
    entry = name_entry(names[0], "Person")
    more = tuple((analyze_name(n, "Person"), "alias") for n in names[1:])
    return replace(entry, names=entry.names + more)


@pytest.mark.parametrize(
    ("query", "names"),
    [
        # another Chinese syllable (0.96 aligned) listed before the exact one
        ("AH JOE", ("SAMSAENG, Suthep", "AH CHOU", "AH JOE")),
        ("CHE FONG", ("BOONCHUA, Chanchira", "JEH FONG", "CHE FONG")),
        # a longer name (0.96: one listed word more) before the exact one
        ("Zia AGHA", ("Ahmad Zia AGHA", "Zia AGHA")),
        (
            "VARELA, Wilber Alirio",
            ("VARELA, Wilber", "GARCIA VARELA, Wilber Alirio", "VARELA, Wilber Alirio"),
        ),
    ],
)
def test_the_exact_name_is_compared_though_a_near_one_comes_first(
    query: str, names: tuple[str, ...]
) -> None:
    result = score(Query(query), _listing(*names))
    assert result.matched_name == names[-1]
    assert result.score >= DEFAULT_THRESHOLD
