"""A public joint-stock company and a closed one are two firms: analysis reads
*PJSC*, *OAO*, *CJSC* and *ZAO* all as one form (*jsc*), but *public* and
*closed* contradict each other (match.names.other_company_kind)."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import Query, score
from thaw.match.names import other_company_kind, token_similarity
from thaw.text import Token, analyze_name


def _form(name: str) -> Token:
    (token,) = [t for t in analyze_name(name, "Company").tokens if t.role == "legal_form"]
    return token


@pytest.mark.parametrize(
    ("a", "b"),
    [("X PJSC", "X CJSC"), ("OAO X", "ZAO X"), ("X PJSC", "X Closed Joint-Stock Company")],
)
def test_a_public_and_a_closed_company_form_do_not_align(a: str, b: str) -> None:
    x, y = _form(a), _form(b)
    assert x.text == y.text  # (folded alike)
    assert other_company_kind(x, y)
    assert token_similarity(x, y)[0] == 0.0  # was 1.0


@pytest.mark.parametrize(
    ("a", "b"), [("X PJSC", "OAO X"), ("X PAO", "X Public Joint Stock Company"), ("X JSC", "ZAO X")]
)
def test_forms_that_do_not_contradict_still_align(a: str, b: str) -> None:
    x, y = _form(a), _form(b)
    assert not other_company_kind(x, y)
    assert token_similarity(x, y)[0] == 1.0


def test_the_public_bank_ranks_before_the_closed_one() -> None:
    # Bank Mellat of Iran (listed without a form) and Mellat Bank CJSC of
    # Armenia: both 0.95 for "Bank Mellat PJSC", the closed one first
    query = Query("Bank Mellat PJSC", schema="Organization")
    public = score(query, name_entry("BANK MELLAT", "Organization")).score
    closed = score(query, name_entry("MELLAT BANK CLOSED JOINT-STOCK COMPANY", "Organization"))
    assert closed.score < public, closed.explanation
