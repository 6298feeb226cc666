"""A service started over a store with no lists refuses to screen (503 with the
reason) rather than answer "no hits", and screens as soon as lists are loaded."""

from __future__ import annotations

from pathlib import Path

from tests.api.conftest import UN_LIST, start_server, stop_server
from tests.api.test_reload import wait_for
from tests.cli._cli import thaw

MATCH = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Andrei Volkov"]}}}}


def test_no_lists_no_screening_then_screening(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    server = start_server(home)
    try:
        with server.client() as http:
            refused = [
                http.post("/screen", json={"name": "Andrei Petrovich Volkov"}),
                http.post("/match/default", json=MATCH),
                http.get("/search/default", params={"q": "Volkov"}),
                http.post("/screen/file", files={"file": ("p.csv", b"name\nAndrei Volkov\n")}),
                http.post("/portfolios", json={"name": "p", "rows": [{"id": "1", "name": "A B"}]}),
            ]
            for answer in refused:
                assert answer.status_code == 503, answer.text
                assert "no lists are loaded" in answer.json()["detail"]
            # what does not screen still answers
            assert http.get("/healthz").status_code == 200
            assert http.get("/catalog").status_code == 200
            assert http.get("/portfolios").json() == []
            assert thaw("load", UN_LIST, "--home", home).code == 0
            wait_for(lambda: http.get("/readyz").json()["listings"] > 0)
            hits = http.post("/screen", json={"name": "Andrei Petrovich Volkov"}).json()["hits"]
            assert hits and hits[0]["name"] == "ANDREI PETROVICH VOLKOV"
    finally:
        stop_server(server)
