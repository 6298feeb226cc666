"""The OFAC Sanctions List Search reproduction."""

from __future__ import annotations

from thaw.cli.compare import pair_entry
from thaw.match import Query, score, threshold_for
from thaw.match.ofac import ofac_name_score


def test_exact_and_near_names() -> None:
    assert ofac_name_score("Vladimir Putin", "PUTIN, Vladimir") > 0.85
    assert ofac_name_score("Vladimir Putin", "Vladimir Putin") == 1.0
    assert ofac_name_score("Vladimr Putin", "Vladimir Putin") > 0.9


def test_soundex_lifts_phonetic_parts() -> None:
    # Soundex R163 for both
    assert ofac_name_score("Robert", "Rupert") >= 0.9


def test_first_letter_gate_and_unrelated_names() -> None:
    assert ofac_name_score("Xavier", "Bush") == 0.0
    assert ofac_name_score("John Smith", "Kim Jong Un") < 0.85


def test_algorithm_option() -> None:
    result = score(Query("George Bush"), pair_entry("George W. Bush", "Person"), "ofac")
    assert result.score >= threshold_for("ofac")
    assert "ofac" in result.explanation
    assert set(result.features) == {"ofac_name"}
