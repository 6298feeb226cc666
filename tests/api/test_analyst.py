"""thaw's own analyst routes over real HTTP: the JSON of the CLI's --json, clear 4xx
on bad input, roles, and screenings on the audit trail."""

from __future__ import annotations

import json

from tests.api.conftest import Server


def test_screen_one_name_in_any_script(server: Server) -> None:
    with server.client() as http:
        resp = http.post("/screen", json={"name": "Andrei Petrovich Volkov", "schema": "Person"})
        assert resp.status_code == 200, resp.text
        result = resp.json()
        assert result["row"] == 1 and result["name"] == "Andrei Petrovich Volkov"
        hit = result["hits"][0]
        assert hit["name"] == "ANDREI PETROVICH VOLKOV"
        assert {"source": "un_sc", "source_id": "QDi.101"}.items() <= hit["listings"][0].items()
        assert "Volkov" in hit["explanation"] or "volkov" in hit["explanation"]
        cyrillic = http.post("/screen", json={"name": "Андрей Петрович Волков"}).json()
        assert cyrillic["hits"] and cyrillic["hits"][0]["name"] == "ANDREI PETROVICH VOLKOV"
        assert http.post("/screen", json={"name": ""}).status_code == 422
        bad_date = http.post("/screen", json={"name": "Volkov", "birth_date": "yesterday"})
        assert bad_date.status_code == 422 and "date" in bad_date.text
        audit = http.get("/audit").text.splitlines()
    screens = [json.loads(line) for line in audit if '"action": "screen"' in line]
    assert any(r["query"]["name"] == "Andrei Petrovich Volkov" for r in screens)


def test_screen_file_streams_rows_and_skips_bad_ones(server: Server) -> None:
    data = "id,name,birth_date\nc1,Andrei Petrovich Volkov,\nc2,,1980\nc3,Zzyzx Qwertyuiop,\n"
    with server.client() as http:
        resp = http.post("/screen/file", files={"file": ("people.csv", data, "text/csv")})
        assert resp.status_code == 200, resp.text
        assert resp.headers["content-type"].startswith("application/x-ndjson")
        lines = [json.loads(line) for line in resp.text.splitlines()]
        assert [x.get("id") for x in lines if "hits" in x] == ["c1", "c3"]
        assert lines[0]["hits"][0]["name"] == "ANDREI PETROVICH VOLKOV"
        assert any("skipped" in x and x["row"] == 2 for x in lines)
        broken = http.post("/screen/file", files={"file": ("x.xlsx", b"not a workbook")})
        assert broken.status_code == 400 and "XLSX" in broken.text


def test_screen_text_returns_offsets_into_the_text(server: Server) -> None:
    text = "Yesterday Andrei Petrovich Volkov met the press. Volkov said nothing."
    with server.client() as http:
        resp = http.post("/screen/text", files={"file": ("note.txt", text.encode(), "text/plain")})
        assert resp.status_code == 200, resp.text
        out = resp.json()
        assert out["text"] == text and out["kind"] == "text"
        party = out["parties"][0]
        spans = [out["text"][m["start"] : m["end"]] for m in party["mentions"]]
        assert "Andrei Petrovich Volkov" in spans


def test_profile_history_changes_chart_programs(server: Server) -> None:
    with server.client() as http:
        profile = http.get("/profile/un_sc:QDi.101")
        assert profile.status_code == 200, profile.text
        pid = profile.json()["id"]
        assert any(x["source_id"] == "QDi.101" for x in profile.json()["listings"])
        assert http.get("/profile/un_sc:NOPE").status_code == 404
        timeline = http.get(f"/history/{pid}").json()
        assert timeline["listings"][0]["events"][0]["event"] == "listed"
        assert http.get("/history/p-000000000000").status_code == 404
        changes = http.get("/changes", params={"source": "un_sc"}).json()
        assert set(changes) == {"publications", "added", "removed", "amended"}
        assert http.get("/changes", params={"source": "nowhere"}).status_code == 404
        assert http.get("/changes", params={"since": "last week"}).status_code == 422
        series = http.get("/chart", params={"source": "un_sc"}).json()["series"]
        assert series[0]["label"] == "un_sc (all)" and series[0]["points"][-1][1] > 0
        codes = {(p["authority"], p["code"]) for p in http.get("/programs").json()}
        assert ("us", "SDGT") in codes


def test_whatif_answers_like_the_cli(server: Server) -> None:
    with server.client() as http:
        resp = http.get("/whatif", params={"lift": "us:SDGT", "entity": "us_ofac_sdn:12927"})
        assert resp.status_code == 200, resp.text
        result = resp.json()
        assert result["scenario"] == ["us:SDGT"]
        assert result["counts"]["parties"]["evaluated"] == 1
        assert http.get("/whatif", params={"lift": "us:SDGT"}).status_code == 400
        assert http.get("/whatif", params={"lift": "nonsense", "all": "true"}).status_code == 400
        missing = http.get("/whatif", params={"lift": "us:SDGT", "entity": "us_ofac_sdn:0"})
        assert missing.status_code == 404
        results = json.dumps(
            {
                "row": 1,
                "id": "c1",
                "name": "Mahan Air",
                "hits": [
                    {
                        "score": 0.95,
                        "schema": "Organization",
                        "name": "MAHAN AIR",
                        "matched_name": "MAHAN AIR",
                        "listings": [
                            {
                                "source": "us_ofac_sdn",
                                "source_id": "12927",
                                "programs": ["SDGT", "IRGC", "IFSR"],
                                "listed_on": None,
                            }
                        ],
                        "explanation": "",
                    }
                ],
            }
        )
        posted = http.post(
            "/whatif",
            params={"lift": ["us:SDGT", "us:IRGC", "us:IFSR"]},
            files={"file": ("hits.jsonl", results.encode(), "application/x-ndjson")},
        )
        assert posted.status_code == 200, posted.text
        assert posted.json()["counts"]["parties"]["cleared"] == 1


def test_link_needs_an_analyst_and_is_recorded(server: Server) -> None:
    screener = server.create_key("screen", "screen only")
    body = {"a": "un_sc:QDi.101", "b": "us_ofac_sdn:12927", "why": "test: different parties"}
    with server.client(screener) as http:
        assert http.post("/profiles/unlink", json=body).status_code == 403
        assert http.post("/screen", json={"name": "Volkov"}).status_code == 200
    with server.client() as http:
        resp = http.post("/profiles/unlink", json=body)
        assert resp.status_code == 201, resp.text
        out = resp.json()
        assert out["action"] == "unlink" and out["who"] == "test admin"
        assert out["profiles"]["un_sc:QDi.101"] != out["profiles"]["us_ofac_sdn:12927"]
        bad = http.post("/profiles/link", json={**body, "a": "no-colon"})
        assert bad.status_code == 400
