"""The monitoring routes over real HTTP: portfolios, alerts, events and webhooks,
authorised by key role, bad requests answered 4xx with a reason."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.api.conftest import OFAC_CSV, Server, build_home, start_server, stop_server
from tests.update._http import Server as HttpServer
from thaw.monitor import Monitor, RowData
from thaw.store import Store

NEXT_DAY = "Mon, 06 May 2024 20:00:00 GMT"

ROWS = [
    {"id": "c1", "name": "Andrei Petrovich Volkov", "schema": "Person"},
    {"id": "c2", "name": "Acme Bakery Ltd", "schema": "Organization"},
]


def test_portfolio_lifecycle_and_roles(server: Server) -> None:
    screen = server.create_key("screen")
    analyst = server.create_key("analyst")
    with server.client(screen) as c:
        assert c.get("/portfolios").json() == []
        denied = c.post("/portfolios", json={"name": "p", "rows": ROWS})
        assert denied.status_code == 403
    with server.client(analyst) as c:
        made = c.post("/portfolios", json={"name": "p", "rows": ROWS})
        assert made.status_code == 201, made.text
        assert made.json()["rows"] == 2
        assert c.post("/portfolios", json={"name": "p", "rows": ROWS}).status_code == 409
        bad = c.post("/portfolios", json={"name": "q", "rows": [{"name": "No Id"}]})
        assert bad.status_code == 400 and "needs an id" in bad.json()["detail"]
        bad = c.post(
            "/portfolios",
            json={"name": "q", "rows": [{"id": "x", "name": "Ann Lee", "birth_date": "1999-13"}]},
        )
        assert bad.status_code == 400 and "date of birth" in bad.json()["detail"]
        step = c.put("/portfolios/p/rows", json={"rows": [*ROWS, {"id": "c3", "name": "Zed Q"}]})
        assert step.status_code == 200, step.text
        assert c.put("/portfolios/nope/rows", json={"rows": ROWS}).status_code == 404
        assert c.delete("/portfolios/p").status_code == 403
    with server.client(screen) as c:
        shown = c.get("/portfolios/p")
        assert shown.status_code == 200
        assert shown.json()["portfolio"]["rows"] == 3
        found = c.get("/alerts", params={"portfolio": "p"}).json()
        assert [(a["row_id"], a["source_id"]) for a in found] == [("c1", "QDi.101")]
        assert isinstance(c.get("/alerts", params={"events": True}).json(), list)
        assert c.get("/alerts", params={"portfolio": "nope"}).status_code == 404
        bad = c.get("/alerts", params={"since": "last week"})
        assert bad.status_code == 400 and "invalid since 'last week'" in bad.json()["detail"]
        assert c.get("/portfolios/nope").status_code == 404
        assert c.get("/webhooks").status_code == 403
    with server.client() as c:  # admin
        bad = c.post("/webhooks", json={"url": "file:///etc/passwd", "secret": "0123456789"})
        assert bad.status_code == 400
        hook = c.post(
            "/webhooks",
            json={"url": "http://127.0.0.1:9/x", "secret": "0123456789", "portfolio": "p"},
        )
        assert hook.status_code == 201 and "secret" not in hook.json()
        assert [h["id"] for h in c.get("/webhooks").json()] == [hook.json()["id"]]
        assert c.get("/webhooks/log").json() == []
        assert c.delete(f"/webhooks/{hook.json()['id']}").status_code == 204
        assert c.delete("/webhooks/999").status_code == 404
        assert c.delete("/portfolios/p").status_code == 204
        assert c.get("/portfolios").json() == []
    with server.client("not-a-key") as c:
        assert c.get("/portfolios").status_code == 401


NORDLICHT = (
    '40077,"NORDLICHT LOGISTIK GMBH",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '-0- ,"Organization Type: Freight transport; Registration Number HRB 123456 (Germany)."\n'
)


def test_the_scheduled_update_rescreens_portfolios(tmp_path: Path) -> None:
    """``thaw serve --update-every``: the server's own update activates a new SDN
    publication (from a mirror on 127.0.0.1) and the portfolio's new hit is an
    event on ``GET /alerts``, with the publication that caused it."""
    home = build_home(tmp_path / "home", OFAC_CSV)
    rows = [
        ("c1", RowData("Nordlicht Logistik GmbH", "Organization")),
        ("c2", RowData("Acme Bakery Ltd", "Organization")),
    ]
    with Store(home) as store, Monitor(store, workers=1) as monitor:
        monitor.add("p", rows)
        assert monitor.stored_alerts("p") == {}
    mirror = HttpServer()
    for name in ("add.csv", "alt.csv", "sdn_comments.csv"):
        mirror.serve(f"/m/us_ofac_sdn/{name}", OFAC_CSV / name, last_modified=NEXT_DAY)
    # (a listing added before the end-of-file mark OFAC's files close with)
    sdn = (OFAC_CSV / "sdn.csv").read_bytes().rstrip(b"\x1a") + NORDLICHT.encode() + b"\x1a"
    mirror.serve("/m/us_ofac_sdn/sdn.csv", sdn, last_modified=NEXT_DAY)
    mirror.thread.start()
    env = {"THAW_MIRROR": f"{mirror.url}/m"}
    server = start_server(home, env, ("--update-every", "1s"))
    try:
        with server.client(server.create_key("screen")) as c:
            deadline = time.monotonic() + 90
            events: list[dict[str, Any]] = []
            while not events and time.monotonic() < deadline:
                time.sleep(0.5)
                events = c.get("/alerts", params={"portfolio": "p", "events": True}).json()
            assert [(e["type"], e["row_id"]) for e in events] == [("new_hit", "c1")], (
                server.output()
            )
            event = events[0]
            assert event["listing"]["source_id"] == "40077"
            assert event["cause"]["source"] == "us_ofac_sdn"
            assert event["cause"]["published"].startswith("2024-05-06")
            assert event["score"] >= 0.9 and event["explanation"]
            alerts = c.get("/alerts", params={"portfolio": "p"}).json()
            assert [(a["row_id"], a["source_id"]) for a in alerts] == [("c1", "40077")]
    finally:
        stop_server(server)
        mirror.httpd.shutdown()
        mirror.httpd.server_close()
