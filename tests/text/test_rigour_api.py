"""The contract of rigour's native functions that name analysis relies on
(:mod:`thaw.text._rigour`): a rigour release that changes them fails here."""

from __future__ import annotations

from importlib import metadata

import pytest

from thaw.text import _rigour
from thaw.text._rigour import (
    TESTED,
    RigourAPIError,
    extract_org_types,
    ordinals_dict,
    person_name_prefixes_list,
)
from thaw.text.analyze import analyze_name


def test_installed_rigour_is_the_tested_series() -> None:
    assert metadata.version("rigour").startswith(TESTED + "."), metadata.version("rigour")


def test_casefold_flag_value() -> None:
    from rigour.text.normalize import Normalize

    assert int(Normalize.CASEFOLD) == 4  # thaw.text.analyze._CASEFOLD


def test_extract_org_types_contract() -> None:
    assert ("llc", "llc") in extract_org_types("acme trading llc", 4, 0, True)
    found = dict(
        extract_org_types("obshchestvo s ogranichennoy otvetstvennostyu romashka", 4, 0, True)
    )
    assert found, "rigour no longer knows the Russian long form of LLC"
    assert extract_org_types("kirill dmitriev", 4, 0, True) == []


def test_ordinals_and_prefixes_contract() -> None:
    ordinals = ordinals_dict()
    assert "First" in ordinals[1] and "XXIIIrd" in ordinals[23] and "LXXII" in ordinals[72]
    prefixes = {p.lower() for p in person_name_prefixes_list()}
    assert {"mr", "ambassador"} <= prefixes


def test_legal_forms_still_reach_name_analysis() -> None:
    """What the silent ``except Exception`` used to hide: legal forms recognised."""
    analysed = analyze_name("Rosneft Oil Company LLC", "Organization")
    assert [t.text for t in analysed.tokens if t.role == "legal_form"] == ["llc"]


def test_missing_function_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    from rigour import _core

    monkeypatch.delattr(_core, "ordinals_dict")
    with pytest.raises(RigourAPIError, match=r"lacks rigour._core.ordinals_dict.*rigour~=2\.6"):
        _rigour._native("ordinals_dict")
