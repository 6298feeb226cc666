"""thaw's own routes for analysts (beyond yente's): screening one name, a file or a
document, a party's profile and history, changes between publications, list sizes
over time, the programme catalogue, what-if scenarios and link/unlink decisions.

Each answers the JSON of the matching CLI command's ``--json`` (``thaw screen``,
``screen-file``, ``screen-text``, ``profile``, ``history``, ``changes``,
``programs``, ``whatif``), so that the web page, scripts and the terminal see the
same numbers. Screenings are written to the audit trail like ``/match``.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from thaw.api.auth import Principal, require
from thaw.api.deps import audit, snapshot
from thaw.api.engine import Snapshot
from thaw.api.runtime import runtime
from thaw.catalogue import build as build_catalogue
from thaw.history import Parties, Timeline, changes, chart_series, listing_timeline, party_timeline
from thaw.match import Query as MatchQuery
from thaw.profiles import ProfileError, Profiles, parse_key
from thaw.schemas.screening import ScreenResultModel
from thaw.screen import ScreenInputError
from thaw.screen.batch import BatchError, check_row, open_source
from thaw.screen.text import ExtractError, TextScreener, extract_text
from thaw.sources import SourceError
from thaw.store import Store
from thaw.whatif import Scenario, ScenarioError, for_entity, for_party, for_results, for_store

router = APIRouter(tags=["Analysts"])

MAX_FILE_ROWS = 200_000
"""Rows screened from one uploaded file (larger files: ``thaw screen-file``)."""


class ScreenRequest(BaseModel):
    """One name to screen, with what else is known about the party."""

    name: str = Field(min_length=1, max_length=500, examples=["Kirill Dmitriev"])
    schema_: str | None = Field(None, alias="schema", examples=["Person"])
    birth_date: str | None = Field(None, max_length=10, examples=["1975-04-12"])
    country: str | None = Field(None, max_length=100, examples=["RU"])
    id_number: str | None = Field(None, max_length=100)
    threshold: float | None = Field(None, ge=0, le=1)
    limit: int = Field(10, ge=1, le=100)
    id: str | None = Field(None, max_length=500, description="The customer id (for the audit).")


class LinkRequest(BaseModel):
    """An analyst's decision that two listings are (``link``) or are not
    (``unlink``) the same party."""

    a: str = Field(min_length=3, max_length=300, examples=["uk_ofsi:14208"])
    b: str = Field(min_length=3, max_length=300, examples=["us_ofac_sdn:34336"])
    why: str = Field(min_length=1, max_length=2000)


def _hits_for_audit(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "name": h["name"],
            "score": h["score"],
            "profile_id": h.get("profile_id"),
            "listings": [f"{x['source']}:{x['source_id']}" for x in h["listings"]],
        }
        for h in result["hits"]
    ]


@router.post("/screen", response_model=ScreenResultModel)
def screen_name(
    request: Request,
    body: ScreenRequest,
    principal: Annotated[Principal, Depends(require("screen"))],
) -> dict[str, Any]:
    """Screen one name (any script) against every active list: the object of
    ``thaw screen --json``."""
    rt = runtime(request)
    snap = snapshot(request)
    try:
        result = snap.screener.screen(
            body.name,
            schema=body.schema_,
            birth_date=body.birth_date,
            country=body.country,
            id_number=body.id_number,
            threshold=body.threshold,
            limit=body.limit,
            id=body.id,
        )
    except ScreenInputError as exc:
        raise HTTPException(422, str(exc)) from exc
    data = result.to_dict()
    audit(
        rt,
        principal,
        "screen",
        body.model_dump(by_alias=True, exclude_none=True),
        snap=snap,
        threshold=body.threshold,
        results=_hits_for_audit(data),
    )
    return data


def _xlsx_to_csv(data: bytes, target: Path) -> None:
    """The first sheet of a workbook as UTF-8 CSV (values only, never formulas)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise HTTPException(400, f"not a readable XLSX workbook ({exc})") from exc
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if v is None else str(v) for v in row])
    workbook.close()


def _stream_file(
    path: Path, fmt: str, snap: Snapshot, threshold: float | None, limit: int
) -> Iterator[tuple[str | None, dict[str, Any] | None]]:
    """(JSON line, result) per screened row; (problem line, None) per skipped row."""
    source = open_source(path, fmt)
    try:
        for n, raw in enumerate(source.rows()):
            if n >= MAX_FILE_ROWS:
                yield json.dumps({"error": f"stopped after {MAX_FILE_ROWS} rows"}), None
                return
            job, problems = check_row(raw)
            for p in problems:
                if p.skipped:
                    yield json.dumps({"row": p.row, "skipped": str(p)}), None
            if job is None:
                continue
            row, _where, ident, name, schema, birth_date, countries, numbers = job
            query = MatchQuery(name, schema, birth_date, countries, None, numbers)
            result = snap.screener.screen_query(
                query, row=row, id=ident, threshold=threshold, limit=limit
            )
            data = result.to_dict()
            yield json.dumps(data, ensure_ascii=False), data
    finally:
        source.close()


@router.post("/screen/file")
async def screen_upload(
    request: Request,
    file: Annotated[UploadFile, File(description="CSV, XLSX or JSON lines (.gz accepted)")],
    principal: Annotated[Principal, Depends(require("screen"))],
    threshold: Annotated[float | None, Query(ge=0, le=1)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> StreamingResponse:
    """Screen every row of an uploaded file; JSON lines out, one per row, in input
    order, as they are screened (the lines of ``thaw screen-file``). A row that
    cannot be screened yields ``{"row": N, "skipped": "why"}``."""
    rt = runtime(request)
    snap = snapshot(request)
    name = (file.filename or "upload").lower()
    data = await file.read()
    workdir = Path(tempfile.mkdtemp(prefix="thaw-upload-"))
    if name.endswith(".xlsx"):
        path, fmt = workdir / "upload.csv", "csv"
        _xlsx_to_csv(data, path)
    else:
        fmt = "jsonl" if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".json")) else "csv"
        path = workdir / ("upload.gz" if name.endswith(".gz") else "upload")
        path.write_bytes(data)
    try:
        lines = _stream_file(path, fmt, snap, threshold, limit)
        first = next(lines, None)
    except (BatchError, SourceError, UnicodeDecodeError, ValueError) as exc:
        _cleanup(workdir)
        raise HTTPException(400, f"{file.filename}: {exc}") from exc

    def body() -> Iterator[str]:
        screened: list[dict[str, Any]] = []
        try:
            item = first
            while item is not None:
                line, result = item
                if result is not None:
                    screened.append(
                        {
                            "row": result["row"],
                            "id": result["id"],
                            "hits": _hits_for_audit(result),
                        }
                    )
                yield (line or "") + "\n"
                try:
                    item = next(lines, None)
                except (BatchError, SourceError, UnicodeDecodeError, ValueError) as exc:
                    yield json.dumps({"error": str(exc)}) + "\n"
                    break
            audit(
                rt,
                principal,
                "screen_file",
                {"file": file.filename, "rows": len(screened)},
                snap=snap,
                threshold=threshold,
                results=[r for r in screened if r["hits"]],
            )
        finally:
            _cleanup(workdir)

    return StreamingResponse(body(), media_type="application/x-ndjson")


def _cleanup(workdir: Path) -> None:
    for child in workdir.iterdir():
        child.unlink(missing_ok=True)
    workdir.rmdir()


@router.post("/screen/text")
async def screen_document(
    request: Request,
    file: Annotated[UploadFile, File(description="Text, HTML, PDF or DOCX")],
    principal: Annotated[Principal, Depends(require("screen"))],
    threshold: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> dict[str, Any]:
    """Every listed party mentioned in a document, with the mentions' character
    offsets into ``text`` (the extracted text): ``thaw screen-text --json`` plus
    ``text``."""
    rt = runtime(request)
    snap = snapshot(request)
    data = await file.read()
    try:
        kind, text = extract_text(data)
    except ExtractError as exc:
        raise HTTPException(400, f"{file.filename}: {exc}") from exc
    result = TextScreener(snap.screener, threshold=threshold).screen_text(text, kind)
    out = result.to_dict()
    out["text"] = result.text
    audit(
        rt,
        principal,
        "screen_text",
        {"file": file.filename, "kind": kind, "characters": len(text)},
        snap=snap,
        threshold=threshold,
        results=[
            {"name": p["name"], "score": p["score"], "mentions": len(p["mentions"])}
            for p in out["parties"]
        ],
    )
    return out


def _store(request: Request) -> Store:
    snapshot(request)  # 503 while the lists load
    return runtime(request).engine.store()


@router.get("/profile/{ref:path}")
def profile(
    request: Request,
    ref: str,
    principal: Annotated[Principal, Depends(require("screen"))],
) -> dict[str, Any]:
    """One party across authorities (profile id, or a member listing SOURCE:ID):
    ``thaw profile --json``."""
    try:
        found = Profiles(_store(request), auto_refresh=False).resolve(ref)
    except ProfileError as exc:
        raise HTTPException(400, str(exc)) from exc
    if found is None:
        raise HTTPException(404, f"no profile or active listing {ref!r}")
    data: dict[str, Any] = found.to_dict()
    return data


@router.get("/history/{ref:path}")
def history(
    request: Request,
    ref: str,
    principal: Annotated[Principal, Depends(require("screen"))],
) -> dict[str, Any]:
    """When each authority listed, amended, delisted and re-listed a party (profile
    id) or a listing (SOURCE:ID): ``thaw history --json``."""
    store = _store(request)
    source, sep, source_id = ref.partition(":")
    if sep and source_id:
        listing = listing_timeline(store, source, source_id)
        if listing is None:
            raise HTTPException(404, f"the store never held a listing {ref!r}")
        timeline = Timeline(f"{listing.source}:{listing.source_id}", listing.caption, [listing])
    else:
        party = Parties(store).get(ref)
        if party is None:
            raise HTTPException(404, f"no profile {ref!r}; use SOURCE:ID for a listing")
        timeline = party_timeline(store, party)
    data: dict[str, Any] = timeline.to_dict()
    return data


@router.get("/changes")
def list_changes(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    source: Annotated[str | None, Query(max_length=100)] = None,
    since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}")] = None,
    until: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}")] = None,
) -> dict[str, Any]:
    """Listings added, removed and amended (field by field) between two
    publications of each source: ``thaw changes --json``."""
    store = _store(request)
    if source and source not in store.sources():
        raise HTTPException(404, f"no publication of {source!r} loaded")
    reports = changes(store, source, since, until)
    return {
        "publications": [r.summary() for r in reports],
        "added": [c.to_dict() for r in reports for c in r.added],
        "removed": [c.to_dict() for r in reports for c in r.removed],
        "amended": [c.to_dict() for r in reports for c in r.amended],
    }


@router.get("/chart")
def chart(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    source: Annotated[str | None, Query(max_length=100)] = None,
    program: Annotated[str | None, Query(max_length=200)] = None,
    top: Annotated[int, Query(ge=1, le=30)] = 8,
) -> dict[str, Any]:
    """The data of ``thaw chart``: listings over time, one series per source (or,
    for one source, its total and its largest programmes)."""
    series = chart_series(_store(request), source=source, program=program, top=top)
    return {"series": [{"label": s.label, "points": s.points} for s in series]}


@router.get("/programs")
def programs(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    source: Annotated[str | None, Query(max_length=100)] = None,
) -> list[dict[str, Any]]:
    """Every authority's programmes in the active publications with their counts:
    ``thaw programs --json``."""
    return [e.to_dict() for e in build_catalogue(_store(request), source)]


@router.api_route("/whatif", methods=["GET", "POST"])
async def whatif(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    lift: Annotated[list[str], Query(min_length=1, max_length=200)],
    entity: Annotated[str | None, Query(max_length=300)] = None,
    profile_id: Annotated[str | None, Query(alias="profile", max_length=100)] = None,
    all_: Annotated[bool, Query(alias="all")] = False,
    file: Annotated[UploadFile | None, File(description="Results JSONL (POST)")] = None,
) -> dict[str, Any]:
    """A relief scenario: listings lifted, parties cleared and parties still listed
    (by whom), for one party (``entity`` SOURCE:ID or ``profile``), every party
    (``all``) or the parties of an uploaded results file (POST, JSON lines of
    ``screen-file``): ``thaw whatif --json``."""
    chosen = [x for x in (entity, profile_id, all_ or None, file) if x]
    if len(chosen) != 1:
        raise HTTPException(400, "choose exactly one of entity, profile, all or a results file")
    try:
        scenario = Scenario.parse(lift)
    except ScenarioError as exc:
        raise HTTPException(400, str(exc)) from exc
    store = _store(request)
    parties = Parties(store)
    if file is not None:
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as tmp:
            tmp.write(await file.read())
            tmp.flush()
            try:
                result = for_results(scenario, Path(tmp.name), parties)
            except SourceError as exc:
                raise HTTPException(400, str(exc)) from exc
    elif all_:
        result = for_store(store, scenario, parties)
    elif entity:
        source, sep, source_id = entity.partition(":")
        if not sep or not source_id:
            raise HTTPException(400, f"expected SOURCE:ID, got {entity!r}")
        if parties.get(entity) is None:
            raise HTTPException(404, f"the store holds no listing {entity!r}")
        result = for_entity(store, scenario, source, source_id, parties)
    else:
        assert profile_id is not None
        party = parties.get(profile_id)
        if party is None:
            raise HTTPException(404, f"no profile {profile_id!r}")
        result = for_party(store, scenario, party, scope=f"profile {profile_id}")
    data: dict[str, Any] = result.to_dict()
    return data


def _decide(
    request: Request, action: Literal["link", "unlink"], body: LinkRequest, who: Principal
) -> dict[str, Any]:
    rt = runtime(request)
    with Store(rt.engine.home) as store:
        profiles = Profiles(store)
        try:
            parse_key(body.a)
            parse_key(body.b)
            decide = profiles.link if action == "link" else profiles.unlink
            decision = decide(body.a, body.b, who.name, body.why)
        except (ProfileError, ValueError) as exc:
            raise HTTPException(400, str(exc)) from exc
        profiles.refresh()
        pa = profiles.profile_id_of(*parse_key(body.a))
        pb = profiles.profile_id_of(*parse_key(body.b))
    audit(rt, who, f"profiles.{action}", body.model_dump())
    return {
        "id": decision.id,
        "action": decision.action,
        "a": decision.a,
        "b": decision.b,
        "who": decision.who,
        "why": decision.why,
        "at": decision.at,
        "profiles": {body.a: pa, body.b: pb},
    }


@router.post("/profiles/link", status_code=201)
def link(
    request: Request,
    body: LinkRequest,
    principal: Annotated[Principal, Depends(require("analyst"))],
) -> dict[str, Any]:
    """Record that two listings are the same party (kept across reloads), then
    re-link: ``thaw profiles link``."""
    return _decide(request, "link", body, principal)


@router.post("/profiles/unlink", status_code=201)
def unlink(
    request: Request,
    body: LinkRequest,
    principal: Annotated[Principal, Depends(require("analyst"))],
) -> dict[str, Any]:
    """Record that two listings are different parties, then re-link:
    ``thaw profiles unlink``."""
    return _decide(request, "unlink", body, principal)
