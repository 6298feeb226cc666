"""Decisions applied to later screenings, and the audit trail, over HTTP and the CLI."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.api.conftest import Server, copy_home, start_server, stop_server
from tests.cli._cli import thaw
from thaw.store.state import open_state


@pytest.fixture(scope="module")
def server(module_server: Server) -> Server:
    """A server of this module's own, not the shared one: its decisions would apply
    to the other tests."""
    return module_server


CUSTOMER = {
    "id": "cust-42",
    "schema": "Person",
    "properties": {"name": ["Andrei Petrovich Volkov"], "nationality": ["ru"]},
}


def match(server: Server, example: Mapping[str, object]) -> list[dict[str, object]]:
    with server.client() as http:
        resp = http.post("/match/default", json={"queries": {"c": example}})
    assert resp.status_code == 200, resp.text
    results: list[dict[str, object]] = resp.json()["responses"]["c"]["results"]
    return results


def test_false_positive_is_suppressed_until_the_customer_changes(server: Server) -> None:
    first = match(server, CUSTOMER)
    target = str(first[0]["id"])
    analyst = server.create_key("analyst", "Jane (ops)")
    with server.client(analyst) as http:
        resp = http.post(
            "/decisions",
            json={
                "customer_id": "cust-42",
                "target_id": target,
                "verdict": "false_positive",
                "reason": "different person: born 1990",
                "customer": {k: v for k, v in CUSTOMER.items() if k != "id"},
            },
        )
        assert resp.status_code == 201, resp.text
        decision = resp.json()
        assert decision["decided_by"] == "Jane (ops)" and decision["listing_fingerprint"]
        bad = http.post(
            "/decisions",
            json={
                "customer_id": "c",
                "target_id": "un_sc:nope",
                "verdict": "false_positive",
                "reason": "x",
            },
        )
        assert bad.status_code == 400
        wrong = http.post(
            "/decisions",
            json={"customer_id": "c", "target_id": target, "verdict": "maybe", "reason": "x"},
        )
        assert wrong.status_code == 422
    # same customer, same data: suppressed
    assert target not in [r["id"] for r in match(server, CUSTOMER)]
    # another customer with the same name: still reported
    other = {**CUSTOMER, "id": "cust-43"}
    assert target in [r["id"] for r in match(server, other)]
    # no customer id: decisions do not apply
    anonymous = {k: v for k, v in CUSTOMER.items() if k != "id"}
    assert target in [r["id"] for r in match(server, anonymous)]
    # the customer's data changed: reopened
    changed = {**CUSTOMER, "properties": {**CUSTOMER["properties"], "birthDate": ["1961-03-14"]}}  # type: ignore[dict-item]
    reopened = [r for r in match(server, changed) if r["id"] == target]
    assert reopened and reopened[0]["decision"] == "reopened"
    with server.client(analyst) as http:
        listed = [d for d in http.get("/decisions").json() if d["customer_id"] == "cust-42"]
        assert [d["target_id"] for d in listed] == [target]
        assert (
            http.get("/decisions", params={"customer_id": "cust-42"}).json()[0]["id"]
            == decision["id"]
        )
        # the audit trail holds the suppression
        lines = [json.loads(x) for x in http.get("/audit").text.splitlines()]
    suppressed = [
        r
        for r in lines
        if r["action"] == "match"
        and any(x.get("decision") == "suppressed" for x in r["results"]["c"])
    ]
    assert suppressed and suppressed[0]["key_name"] == "test admin"


def test_true_match_is_carried_on_the_hit(fresh_server: Server) -> None:
    server = fresh_server
    target = str(match(server, CUSTOMER)[0]["id"])
    with server.client() as http:
        http.post(
            "/decisions",
            json={
                "customer_id": "cust-42",
                "target_id": target,
                "verdict": "true_match",
                "reason": "same passport",
            },
        ).raise_for_status()
    hit = [r for r in match(server, CUSTOMER) if r["id"] == target][0]
    assert hit["decision"] == "true_match"


def test_cli_decision_applies_to_the_service(fresh_server: Server) -> None:
    """``thaw decide`` on a listing id suppresses the party's alert in the API
    (the fingerprints from the store and from the index agree)."""
    server = fresh_server
    run = thaw(
        "decide",
        "cust-42",
        "un_sc:QDi.101",
        "false_positive",
        "--reason",
        "not him",
        "--home",
        server.home,
    )
    assert run.code == 0, str(run)
    results = match(server, CUSTOMER)
    assert all("un_sc:QDi.101" not in r["referents"] for r in results)  # type: ignore[operator]
    listed = thaw("decisions", "list", "--home", server.home, "--json")
    assert json.loads(listed.out)[0]["reason"] == "not him"
    exported = thaw("decisions", "export", "--home", server.home, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(exported.out)))
    assert rows[0]["customer_id"] == "cust-42" and rows[0]["verdict"] == "false_positive"


def test_every_screening_is_audited_and_the_chain_detects_an_edit(fresh_server: Server) -> None:
    server = fresh_server
    screen = server.create_key("screen", "ops system")
    with server.client(screen) as http:
        for _ in range(3):
            assert http.post("/match/un", json={"queries": {"c": CUSTOMER}}).status_code == 200
        assert http.get("/search/default", params={"q": "Volkov"}).status_code == 200
    with server.client() as http:
        verify = http.get("/audit/verify").json()
        assert verify["ok"] and verify["records"] >= 4
        records = [json.loads(x) for x in http.get("/audit").text.splitlines()]
        matches = [r for r in records if r["action"] == "match"]
        assert len(matches) == 3
        rec = matches[0]
        assert rec["key_name"] == "ops system" and rec["dataset"] == "un"
        assert rec["algorithm"] == "thaw" and rec["threshold"] == 0.7
        assert list(rec["publications"]) == ["un_sc"]
        assert rec["publications"]["un_sc"]["published"].startswith("2026-02-27")
        assert rec["query"]["queries"]["c"]["properties"]["name"] == ["Andrei Petrovich Volkov"]
        assert rec["results"]["c"][0]["score"] > 0.9
        as_csv = http.get("/audit", params={"format": "csv"})
        assert as_csv.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(as_csv.text)))
        assert len(rows) == len(records) and rows[0]["hash"] == records[0]["hash"]
        assert http.get("/audit", params={"since": "2999-01-01"}).text == ""
        for route, param in (("/audit", "since"), ("/audit", "until"), ("/decisions", "since")):
            bad = http.get(route, params={param: "yesterday"})
            assert bad.status_code == 400, (route, param)
            assert f"invalid {param} 'yesterday'" in bad.json()["detail"]
    assert thaw("audit", "verify", "--home", server.home).code == 0
    refused = thaw("audit", "export", "--since", "yesterday", "--home", server.home)
    assert refused.code == 1 and "invalid --since 'yesterday'" in refused.err
    # the server's worker wrote its records to a segment of its own
    segment = matches[1]["segment"]
    assert segment and all(m["segment"] == segment for m in matches)
    opened = [r for r in records if r["action"] == "audit.segment.open"]
    assert [r["query"]["segment"] for r in opened] == [segment]
    # someone edits a record in the database
    with sqlite3.connect(server.home / "audit" / f"{segment}.db") as db:
        db.execute("UPDATE audit SET results = '{}' WHERE seq = ?", (matches[1]["seq"],))
    with server.client() as http:
        verify = http.get("/audit/verify").json()
    assert not verify["ok"]
    assert any(f"segment {segment}: record {matches[1]['seq']}" in p for p in verify["problems"])
    run = thaw("audit", "verify", "--home", server.home)
    assert run.code == 1 and "edited" in run.err
    exported = thaw(
        "audit", "export", "--home", server.home, "--format", "jsonl", "--since", "2000-01-01"
    )
    assert exported.code == 0 and len(exported.out.splitlines()) == len(records)


def test_each_worker_writes_a_segment_closed_at_a_clean_stop(
    base_home: Path, tmp_path: Path
) -> None:
    """With two workers, each writes the records of the requests it answers to a
    segment of its own; SIGTERM closes both on the main chain, and the whole
    trail verifies, with every screening in it."""
    server = start_server(copy_home(base_home, tmp_path / "home"), args=("--workers", "2"))
    try:
        clients = [server.client() for _ in range(8)]  # connections the workers share out
        deadline = time.monotonic() + 90
        for i in range(40):
            example = {**CUSTOMER, "id": f"cust-{i}"}
            while True:  # the second worker may still be loading its lists
                resp = clients[i % 8].post("/match/un", json={"queries": {"c": example}})
                if resp.status_code != 503 or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            assert resp.status_code == 200, resp.text
        for http in clients:
            http.close()
    finally:
        stop_server(server)
    with open_state(server.home) as state:
        report = state.audit.verify()
        records = list(state.audit.export())
    assert report.ok, report.problems
    assert len([r for r in records if r.action == "match"]) == 40
    opened = {r.query["segment"] for r in records if r.action == "audit.segment.open"}
    closed = {r.query["segment"] for r in records if r.action == "audit.segment.close"}
    assert len(opened) == 2 and closed == opened  # one per worker, both closed
    assert {r.segment for r in records if r.action == "match"} <= opened
    assert report.records == len(records)
