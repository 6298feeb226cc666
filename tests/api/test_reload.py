"""Lists change under a running server: a newly activated publication is served
within seconds, and a refused one leaves the previous data served."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from tests.api.conftest import UN_LIST, Server
from tests.cli._cli import thaw


def volkov_renamed(tmp_path: Path, date: str, surname: str) -> Path:
    """The UN fixture, published on ``date``, with VOLKOV renamed."""
    text = UN_LIST.read_text(encoding="utf-8")
    text = text.replace('dateGenerated="2026-02-27', f'dateGenerated="{date}')
    text = text.replace("<THIRD_NAME>VOLKOV</THIRD_NAME>", f"<THIRD_NAME>{surname}</THIRD_NAME>")
    folder = tmp_path / date
    folder.mkdir()
    path = folder / "consolidated.xml"
    path.write_text(text, encoding="utf-8")
    return path


def top_caption(http: httpx.Client, name: str) -> str | None:
    body = {"queries": {"q": {"schema": "Person", "properties": {"name": [name]}}}}
    results = http.post("/match/un_sc", json=body).json()["responses"]["q"]["results"]
    return results[0]["caption"] if results else None


def wait_for(check: object, seconds: float = 20.0) -> float:
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        if check():  # type: ignore[operator]
            return time.monotonic() - began
        time.sleep(0.2)
    raise AssertionError("not served in time")


def test_new_publication_is_served_and_a_refused_one_is_not(
    fresh_server: Server, tmp_path: Path
) -> None:
    server = fresh_server
    with server.client() as http:
        before = http.get("/readyz").json()["lists"]
        assert top_caption(http, "Andrei Petrovich Volkov") == "ANDREI PETROVICH VOLKOV"
        newer = volkov_renamed(tmp_path, "2026-03-05", "VOLKOVSKY")
        run = thaw("load", newer, "--home", server.home)
        assert run.code == 0, str(run)
        took = wait_for(lambda: http.get("/readyz").json()["lists"] != before)
        assert took < 10
        assert top_caption(http, "Andrei Petrovich Volkovsky") == "ANDREI PETROVICH VOLKOVSKY"
        catalog = {d["name"]: d for d in http.get("/catalog").json()["datasets"]}
        assert catalog["un_sc"]["publication"]["published"].startswith("2026-03-05")
        served = http.get("/readyz").json()["lists"]
        # an older publication is refused by the load: nothing changes
        older = volkov_renamed(tmp_path, "2026-01-01", "WOLKOW")
        refused = thaw("load", older, "--home", server.home)
        assert refused.code != 0
        broken = tmp_path / "broken.xml"
        broken.write_text("<CONSOLIDATED_LIST><INDIVIDUAL>", encoding="utf-8")
        assert thaw("load", broken, "--home", server.home).code != 0
        time.sleep(2)
        assert http.get("/readyz").json()["lists"] == served
        assert top_caption(http, "Andrei Petrovich Volkovsky") == "ANDREI PETROVICH VOLKOVSKY"
