"""A name of unknown kind written as a legal entity's listed name is read as
the listing reads it (issue 11, exact names: the US export lists publish
persons as legal entities, *ALI ALHAY*, *Haaji Khan*, which pasted as written
were read as a person's name, *al* an article and *Haaji* an honorific, and
missed the listing that reads them as words)."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


@pytest.mark.parametrize(
    "name", ["ALI ALHAY", "ALI ABDULLAH AHMED ALHAY", "Ali Amen Alrowhani", "Haaji Khan"]
)
def test_a_legal_entity_s_name_pasted_as_written_finds_it(name: str) -> None:
    assert score(Query(name), name_entry(name, "LegalEntity")).score >= DEFAULT_THRESHOLD


def test_only_a_name_written_alike_is_read_so() -> None:
    # read as a legal entity's, any word is a word like any other: only a name
    # written as the listed one (but for case and spacing) is read so ("bin" would make
    # Abdullah bin Omar Omar bin Abdullah); a free text's phrase never is
    listed = name_entry("ALI ALHAY", "LegalEntity")
    assert score(Query("ALHAY ALI"), listed).score < DEFAULT_THRESHOLD
    assert score(Query("ali  alhay"), listed).score >= DEFAULT_THRESHOLD
    assert score(Query("ALI ALHAY", as_named=False), listed).score < DEFAULT_THRESHOLD
