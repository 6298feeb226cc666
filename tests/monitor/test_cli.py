"""The monitoring commands end to end: portfolio add/update/list/show, alerts,
webhooks, whatif --portfolio, and bad input refused with a reason and nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli._cli import UN_BASE, as_json, ok, thaw
from thaw.monitor import service

ROWS = """id,name,schema,birth_date
c1,Andrei Petrovich Volkov,Person,
c2,Acme Bakery Ltd,Organization,
"""


def test_portfolio_commands(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ok("load", UN_BASE, "--home", home)
    rows = tmp_path / "rows.csv"
    rows.write_text(ROWS)
    made = as_json("portfolio", "add", "p", rows, "--home", home)
    assert made["rows"] == 2 and made["alerts"] == 1
    listed = as_json("portfolio", "list", "--home", home)
    assert [p["name"] for p in listed] == ["p"] and listed[0]["publications"]
    shown = as_json("portfolio", "show", "p", "--home", home)
    assert [(a["row_id"], a["source_id"]) for a in shown["alerts"]] == [("c1", "QDi.101")]
    alerts = as_json("alerts", "--portfolio", "p", "--home", home)
    assert alerts[0]["matched_name"] and alerts[0]["explanation"]
    # an update that changes c2 into a listed name: a row_changed event
    rows.write_text(ROWS.replace("Acme Bakery Ltd,Organization", "Andrei Petrovich Volkov,Person"))
    step = as_json("portfolio", "update", "p", rows, "--home", home)
    assert step["events"] == 1
    events = as_json("alerts", "--events", "--home", home)
    assert [(e["type"], e["row_id"]) for e in events] == [("row_changed", "c2")]
    assert as_json("alerts", "--since", "2000-01-01", "--home", home) == events
    run = thaw("alerts", "--since", "last week", "--home", home)
    assert run.code == 1 and "invalid --since 'last week'" in run.err, str(run)
    hook = as_json(
        "webhooks",
        "add",
        "http://127.0.0.1:9/x",
        "--secret",
        "abcdefgh",
        "--portfolio",
        "p",
        "--home",
        home,
    )
    assert "secret" not in hook
    assert as_json("webhooks", "log", "--home", home) == []
    result = as_json("whatif", "--lift", "un:*", "--portfolio", "p", "--home", home)
    assert {e["row_id"] for e in result} == {"c1", "c2"}
    assert all(e["type"] == "hit_removed" and e["still_listed"] is False for e in result)


def test_bad_portfolio_files_are_refused_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    ok("load", UN_BASE, "--home", home)
    good = tmp_path / "good.csv"
    good.write_text(ROWS)
    ok("portfolio", "add", "p", good, "--home", home)
    for text, reason in (
        ("name\nAlice\n", "no id"),
        ("id,name\nx,Alice\nx,Bob\n", "already used"),
        ("id,name,birth_date\nx,Alice,1999-13-01\n", "date of birth"),
        ("id,name\n", "no rows"),
    ):
        bad = tmp_path / "bad.csv"
        bad.write_text(text)
        run = thaw("portfolio", "update", "p", bad, "--home", home)
        assert run.code == 1 and reason in run.err, str(run)
        run = thaw("portfolio", "add", "q", bad, "--home", home)
        assert run.code == 1 and reason in run.err, str(run)
    # a bad row after rows already stored (a page of one row): refused whole too
    monkeypatch.setattr(service, "STEP_CHUNK", 1)
    bad.write_text(ROWS + "c3,Ann Lee,Person,1999-13-01\n")
    run = thaw("portfolio", "add", "q", bad, "--home", home)
    assert run.code == 1 and "line 4" in run.err and "date of birth" in run.err, str(run)
    # nothing was lost: the portfolio is as it was, and no other was left behind
    assert [p["name"] for p in as_json("portfolio", "list", "--home", home)] == ["p"]
    assert as_json("portfolio", "show", "p", "--home", home)["portfolio"]["rows"] == 2
    run = thaw("portfolio", "add", "p", good, "--home", home)
    assert run.code == 1 and "exists already" in run.err
    run = thaw("portfolio", "show", "nope", "--home", home)
    assert run.code == 1 and "no portfolio" in run.err
    run = thaw("webhooks", "add", "ftp://x", "--secret", "s", "--home", home)
    assert run.code == 1 and "not an http(s) URL" in run.err


def test_a_portfolio_is_not_screened_against_no_lists(tmp_path: Path) -> None:
    """Issue 11: "0 alerts" against a store with no lists is the most dangerous
    answer; ``portfolio add`` fails as every screening command does, and keeps
    nothing."""
    home = tmp_path / "home"
    rows = tmp_path / "rows.csv"
    rows.write_text(ROWS)
    run = thaw("portfolio", "add", "p", rows, "--home", home)
    assert run.code == 1 and "no lists are loaded" in run.err, str(run)
    assert "alert" not in run.out
    ok("load", UN_BASE, "--home", home)
    assert as_json("portfolio", "list", "--home", home) == []
    ok("portfolio", "add", "p", rows, "--home", home)
