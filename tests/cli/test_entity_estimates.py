"""``thaw entity`` shows a birth year published as an estimate as such."""

from __future__ import annotations

from pathlib import Path

from tests.cli._cli import FIXTURES, ok

UN = FIXTURES / "un_sc" / "consolidated.xml"


def test_a_circa_year_reads_circa(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ok("load", "--home", home, UN)
    shown = ok("entity", "un_sc:KPi.999", "--home", home).out
    assert "circa 1968" in shown  # UN: APPROXIMATELY 1968
    assert "1970-01-25" in shown and "circa 1970-01-25" not in shown
