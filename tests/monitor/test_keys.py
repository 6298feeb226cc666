"""The row index's probes for a name read as a romanised Korean name: the other
spellings of each syllable that retrieval looks up
(:func:`thaw.index.candidates.respelt_keys`), so that a listing added later in
the North's spelling (*KIM Jong Un*) reaches a row in the South's (*Kim Jong
Eun*)."""

from __future__ import annotations

from tests.index.fixture_store import screener_of
from thaw.index.candidates import RESPELLING_CREDIT
from thaw.monitor.keys import probe_keys


def test_a_korean_name_probes_the_other_spellings_of_its_syllables() -> None:
    keyer = screener_of(["John SMITH"]).index
    probes, _, _ = probe_keys("Kim Jong Eun", "Person", (), keyer)
    keys = {key: share for key, _unit, share in probes}
    assert "t:un" in keys and "t:eun" in keys
    assert keys["t:un"] == RESPELLING_CREDIT * keys["t:eun"]
    # a name that reads as no Korean name probes no respelling
    probes, _, _ = probe_keys("Eun Brown", "Person", (), keyer)
    assert "t:un" not in {key for key, _unit, _share in probes}
