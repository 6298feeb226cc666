"""Decisions applied to ``thaw screen-file`` rows with an id, as in the API."""

from __future__ import annotations

import json
from pathlib import Path

from tests.api.conftest import UN_LIST, build_home
from tests.cli._cli import ok
from thaw.decisions import query_fingerprint, target_fingerprint
from thaw.screen import make_query
from thaw.store import Store
from thaw.store.state import Decision, open_state

ROWS = (
    "id,name,birth_date,country\n"
    "c1,Andrei Petrovich Volkov,,Russia\n"
    "c2,Andrei Petrovich Volkov,1961,Russia\n"
    "c3,Andrei Petrovich Volkov,,Russia\n"
    ",Andrei Petrovich Volkov,,Russia\n"
)


def screened(home: Path, tmp: Path, *extra: str) -> dict[str, list[dict[str, object]]]:
    (tmp / "in.csv").write_text(ROWS)
    run = ok("screen-file", tmp / "in.csv", "--home", home, "--workers", "1", *extra)
    return {str(r["row"]): r["hits"] for r in map(json.loads, run.out.splitlines())}


def test_false_positive_suppressed_reopened_and_true_match(tmp_path: Path) -> None:
    home = build_home(tmp_path / "home", UN_LIST)
    before = screened(home, tmp_path)
    assert all(before[r] for r in ("1", "2", "3", "4"))
    with Store(home) as store:
        listing_fp = target_fingerprint(store, "un_sc:QDi.101")
    as_screened = query_fingerprint(make_query("Andrei Petrovich Volkov", None, None, "Russia"))
    with open_state(home) as state:
        for customer in ("c1", "c2"):  # c2's data changed since: born 1961 now given
            state.decisions.record(
                Decision(
                    customer,
                    "un_sc:QDi.101",
                    "false_positive",
                    "other person",
                    "Jane",
                    listing_fingerprint=listing_fp,
                    customer_fingerprint=as_screened,
                )
            )
        state.decisions.record(Decision("c3", "un_sc:QDi.101", "true_match", "same", "Jane"))
    after = screened(home, tmp_path)
    assert after["1"] == []
    assert [h.get("decision") for h in after["2"]] == ["reopened"]
    assert [h.get("decision") for h in after["3"]] == ["true_match"]
    assert after["4"] == before["4"]  # no id: no decision applies
    assert screened(home, tmp_path, "--no-decisions") == before


def test_no_state_is_created_without_decisions(tmp_path: Path) -> None:
    home = build_home(tmp_path / "home", UN_LIST)
    screened(home, tmp_path)
    assert not (home / "state.db").exists()
