"""thaw's own routes answer exactly what the matching commands print with --json,
and uploads (including hostile ones) get results or a clear 4xx."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tests.api.conftest import Server
from tests.cli._cli import ok, thaw
from tests.screen.test_workbook import sparse_workbook

CSV = (
    "id,name,birth_date,country\n"
    "c1,Andrei Petrovich Volkov,1961,Russia\n"
    "c2,John Smith,,\n"
    "c3,,1980,\n"
    "c4,Andrei Volkov,19xx,\n"
)


def gzip_bomb(chunk: bytes, times: int) -> bytes:
    """``chunk`` repeated ``times`` once inflated: one gzip member, repeated (gzip
    readers join concatenated members), so the test never holds the whole."""
    return gzip.compress(chunk, compresslevel=9) * times


def cli_json(server: Server, *args: str) -> Any:
    return json.loads(ok(*args, "--home", server.home, "--json").out)


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_screen_is_the_cli_contract(server: Server) -> None:
    with server.client() as http:
        resp = http.post("/screen", json={"name": "Andrei Petrovich Volkov", "schema": "Person"})
        assert resp.status_code == 200, resp.text
        assert resp.json() == cli_json(
            server, "screen", "Andrei Petrovich Volkov", "--schema", "Person"
        )
        bad = http.post("/screen", json={"name": "Ann Lee", "birth_date": "yesterday"})
        assert bad.status_code == 400 and "date of birth" in bad.json()["detail"]
        assert (
            http.post("/screen", json={"name": "Ann Lee", "algorithm": "magic"}).status_code == 400
        )


def test_profile_history_changes_programs_whatif_match_the_cli(server: Server) -> None:
    with server.client() as http:
        prof = http.get("/profiles/un_sc:QDi.101")
        assert prof.status_code == 200
        assert prof.json() == cli_json(server, "profile", "un_sc:QDi.101")
        assert http.get("/profiles/un_sc:nope").status_code == 404
        hist = http.get("/history/un_sc:QDi.101")
        assert hist.status_code == 200
        assert hist.json() == cli_json(server, "history", "un_sc:QDi.101")
        assert http.get("/history/un_sc:nope").status_code == 404
        ch = http.get("/changes", params={"source": "un_sc"})
        assert ch.status_code == 200
        assert ch.json() == cli_json(server, "changes", "--source", "un_sc")
        assert http.get("/changes", params={"source": "nowhere"}).status_code == 404
        progs = http.get("/programs", params={"authority": "un"})
        assert progs.status_code == 200 and progs.json()
        assert progs.json() == cli_json(server, "programs", "--authority", "un")
        assert http.get("/programs", params={"theme": "nonsense"}).status_code == 400
        wi = http.post("/whatif", json={"lift": ["un:*"], "entity": "un_sc:QDi.101"})
        assert wi.status_code == 200, wi.text
        assert wi.json() == cli_json(
            server, "whatif", "--lift", "un:*", "--entity", "un_sc:QDi.101"
        )
        assert http.post("/whatif", json={"lift": ["un:*"]}).status_code == 400
        assert http.post("/whatif", json={"lift": ["bogus"], "all": True}).status_code == 400


def test_screen_file_streams_rows_in_order(server: Server, tmp_path: Any) -> None:
    (tmp_path / "in.csv").write_text(CSV)
    run = thaw("screen-file", tmp_path / "in.csv", "--home", server.home, "--workers", "1")
    assert run.code == 2, str(run)  # a row skipped (no name), the others screened
    expected = [json.loads(x) for x in run.out.splitlines()]
    with server.client() as http:
        resp = http.post("/screen/file", files={"file": ("people.csv", CSV.encode(), "text/csv")})
        assert resp.status_code == 200, resp.text
        assert resp.headers["content-type"].startswith("application/x-ndjson")
    got = lines(resp.text)
    rows = [x for x in got if "problem" not in x and "note" not in x]
    problems = [x["problem"] for x in got if "problem" in x]
    assert rows == expected
    # the same bytes as the CLI's lines, compact
    row_lines = [x for x in resp.text.splitlines() if not x.startswith(('{"problem"', '{"note"'))]
    assert row_lines == run.out.splitlines()
    # what the command says once on stderr (the columns read) is a note line, first
    assert got[0] == {"note": next(x for x in run.err.splitlines() if "→" in x)}
    assert [r["id"] for r in rows] == ["c1", "c2", "c4"]  # c4 without its date 19xx
    assert rows[0]["hits"] and rows[0]["hits"][0]["name"] == "ANDREI PETROVICH VOLKOV"
    assert [(p["row"], p["skipped"]) for p in problems] == [(3, True), (4, False)]
    assert problems[1]["reason"].startswith("unreadable date of birth '19xx'")


def customer_workbook() -> bytes:
    """A workbook that opens on its second sheet (a title, a blank row, then the
    header), the first an old sheet of other customers; with a whole number
    written as a float, a date cell, an error cell and a row without a name."""
    book = Workbook()
    old = book.active
    old.title = "Archive"
    old.append(["id", "name"])
    old.append(["a1", "John Smith"])
    sheet = book.create_sheet("Customers")
    sheet.append(["Customer list, 1 Dec"])
    sheet.append([])
    sheet.append(["id", "name", "birth_date"])
    sheet.append([7.0, "Andrei Petrovich Volkov", dt.datetime(1961, 5, 10)])
    sheet.append([8, None, dt.datetime(1980, 1, 2)])
    sheet.append([9, "#N/A"])  # an error cell (openpyxl writes this text as one)
    sheet.append([10, "Jane Doe"])
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_workbook_screens_the_same_rows_by_the_api_and_the_command(
    server: Server, tmp_path: Any
) -> None:
    """The upload is read by ``screen-file``'s reader: the sheet the workbook
    opens on, its cells and its row numbers, as the command reads them."""
    data = customer_workbook()
    (tmp_path / "customers.xlsx").write_bytes(data)
    run = thaw("screen-file", tmp_path / "customers.xlsx", "--home", server.home, "--workers", "1")
    assert run.code == 2, str(run)  # rows skipped (no name), the others screened
    with server.client() as http:
        resp = http.post("/screen/file", files={"file": ("customers.xlsx", data)})
    assert resp.status_code == 200, resp.text
    got = lines(resp.text)
    row_lines = [x for x in resp.text.splitlines() if not x.startswith(('{"problem"', '{"note"'))]
    assert row_lines == run.out.splitlines()
    rows = [x for x in got if "hits" in x]
    assert [r["id"] for r in rows] == [7, 10]  # the active sheet's, 7 not 7.0
    assert rows[0]["hits"][0]["name"] == "ANDREI PETROVICH VOLKOV"
    problems = [x["problem"] for x in got if "problem" in x]
    assert [(p["where"], p["skipped"]) for p in problems] == [("row 5", True), ("row 6", True)]
    for problem in problems:  # said as the command says it
        assert problem["where"] in run.err and problem["reason"] in run.err
    notes = [x["note"] for x in got if "note" in x]
    assert any("row 3 as the header" in n for n in notes), notes


def test_screen_file_reads_a_bank_export_as_the_command_does(server: Server) -> None:
    """A bank's export: notes say which column was read as what; ``date_order``
    and ``schema`` are the command's --date-order and --schema; bad values of
    either are a 400 with the accepted ones."""
    export = (
        b"Kundennummer;Nachname;Vorname;Geburtsdatum\n"
        b"k1;Volkov;Andrei Petrovich;05/10/1961\n"
        b"k2;Smith;John;03/07/1988\n"
    )
    with server.client() as http:

        def post(**params: str) -> list[dict[str, Any]]:
            resp = http.post("/screen/file", params=params, files={"file": ("k.csv", export)})
            assert resp.status_code == 200, resp.text
            return lines(resp.text)

        plain = post()
        notes = [x["note"] for x in plain if "note" in x]
        assert any('"Nachname" → last_name' in n and '"Vorname" → first_name' in n for n in notes)
        rows = [x for x in plain if "hits" in x]
        assert [r["id"] for r in rows] == ["k1", "k2"]
        assert rows[0]["hits"][0]["name"] == "ANDREI PETROVICH VOLKOV"
        undecided = [x["problem"] for x in plain if "problem" in x]
        assert undecided and not any(p["skipped"] for p in undecided)  # year only, said

        ordered = post(date_order="dmy")
        assert not [x for x in ordered if "problem" in x]  # the order is given
        assert [x for x in ordered if "hits" in x][0]["hits"]

        # --schema overrides what the columns suggest: Volkov is no vessel
        vessels = [x for x in post(schema="Vessel") if "hits" in x]
        assert [r["id"] for r in vessels] == ["k1", "k2"]
        assert all(h["schema"] == "Vessel" for r in vessels for h in r["hits"])
        assert not any(h["name"] == "ANDREI PETROVICH VOLKOV" for h in vessels[0]["hits"])

        for params, word in (({"date_order": "dd/mm"}, "dmy"), ({"schema": "Ship"}, "Vessel")):
            bad = http.post("/screen/file", params=params, files={"file": ("k.csv", export)})
            assert bad.status_code == 400 and word in bad.json()["detail"], bad.text


def test_screen_file_formats(server: Server) -> None:
    jsonl = b'{"id": 1, "name": "Andrei Petrovich Volkov"}\n{"name": "Jane Doe"}\n'
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "name"])
    sheet.append(["x1", "Andrei Petrovich Volkov"])
    buffer = io.BytesIO()
    book.save(buffer)
    with server.client() as http:
        for name, data in (
            ("a.jsonl", jsonl),
            ("a.jsonl.gz", gzip.compress(jsonl)),
            ("a.xlsx", buffer.getvalue()),
            # a bank's tab-delimited export, named as screen-file reads it
            (
                "Kunden.tsv",
                b"Kundennummer\tNachname\tVorname\nx1\tVolkov\tAndrei Petrovich\n",
            ),
        ):
            resp = http.post("/screen/file", files={"file": (name, data)})
            assert resp.status_code == 200, (name, resp.text)
            first = next(x for x in lines(resp.text) if "hits" in x)
            assert first["hits"][0]["name"] == "ANDREI PETROVICH VOLKOV", name
        assert http.post("/screen/file", files={"file": ("a.exe", b"MZ")}).status_code == 415
        old_book = http.post("/screen/file", files={"file": ("a.xls", b"\xd0\xcf\x11\xe0")})
        assert old_book.status_code == 415 and "save the sheet as .xlsx" in old_book.text
        forced = http.post(
            "/screen/file", params={"format": "jsonl"}, files={"file": ("upload", jsonl)}
        )
        assert forced.status_code == 200


def test_hostile_uploads_are_refused(server: Server, tmp_path: Path) -> None:
    with server.client() as http:
        # a gzip bomb: 300 MB of zeros in a few hundred kB
        bomb = gzip_bomb(b"0" * 1_000_000, 300)
        resp = http.post("/screen/file", files={"file": ("bomb.csv.gz", bomb)})
        assert resp.status_code == 413, resp.text
        # one endless line (2 MB here, beyond the 1 MB line cap; a 1 GB line is
        # refused the same way, after reading at most the cap)
        long_line = b"name\n" + b"A" * 2_000_000 + b"\n"
        resp = http.post("/screen/file", files={"file": ("long.csv", long_line)})
        assert resp.status_code == 413 and "line 2" in resp.json()["detail"]
        line_bomb = gzip.compress(b"name\n") + gzip_bomb(b"B" * 1_000_000, 1000)  # 1 GB line
        resp = http.post("/screen/file", files={"file": ("line.csv.gz", line_bomb)})
        assert resp.status_code == 413 and "line 2" in resp.json()["detail"]
        # a zip bomb posing as a workbook
        zbuf = io.BytesIO()
        with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("xl/worksheets/sheet1.xml", b"0" * 20_000_000)  # ratio ~1000
        resp = http.post("/screen/file", files={"file": ("bomb.xlsx", zbuf.getvalue())})
        assert resp.status_code == 413
        resp = http.post("/screen/document", files={"file": ("bomb.docx", zbuf.getvalue())})
        assert resp.status_code in (400, 413)
        # a zip that is no workbook, and a workbook with a row over the line cap
        # (40 cells of 30,000 characters that do not compress): refused before
        # anything is screened
        nobook = io.BytesIO()
        with zipfile.ZipFile(nobook, "w") as zf:
            zf.writestr("readme.txt", b"not a workbook")
        resp = http.post("/screen/file", files={"file": ("nobook.xlsx", nobook.getvalue())})
        assert resp.status_code == 400 and "not a readable XLSX" in resp.json()["detail"]
        book = Workbook()
        book.active.append(["name"])
        book.active.append(["Jane Doe"])
        book.active.append([os.urandom(15_000).hex() for _ in range(40)])
        wide = io.BytesIO()
        book.save(wide)
        resp = http.post("/screen/file", files={"file": ("wide.xlsx", wide.getvalue())})
        assert resp.status_code == 413 and "row 3" in resp.json()["detail"], resp.text
        # a few kilobytes spanning Excel's whole grid (calamine would abort)
        sparse = sparse_workbook(tmp_path / "sparse.xlsx").read_bytes()
        resp = http.post("/screen/file", files={"file": ("sparse.xlsx", sparse)})
        assert resp.status_code == 413 and "16,384 columns" in resp.json()["detail"], resp.text
        # not gzip at all
        resp = http.post("/screen/file", files={"file": ("x.csv.gz", b"\x1f\x8bnot gzip")})
        assert resp.status_code == 400
        # the server is still well
        assert http.get("/readyz").status_code == 200


@pytest.mark.parametrize("kind", ["text", "html"])
def test_screen_document(server: Server, kind: str) -> None:
    body = "Reports say Andrei Petrovich Volkov met bankers in Vienna. Volkov denied it."
    if kind == "html":
        body = f"<html><body><p>{body}</p></body></html>"
    with server.client() as http:
        resp = http.post("/screen/document", files={"file": (f"a.{kind}", body.encode())})
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["kind"] == kind
    assert data["parties"], data
    party = data["parties"][0]
    assert party["name"] == "ANDREI PETROVICH VOLKOV" and party["profile_id"]
    texts = [m["text"] for m in party["mentions"]]
    assert texts == ["Andrei Petrovich Volkov", "Volkov"]
    if kind == "text":
        for m in party["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"]
