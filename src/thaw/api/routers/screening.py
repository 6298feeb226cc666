"""thaw's own screening routes, with the CLI's JSON contracts:

* ``POST /screen``: one name (the object ``thaw screen --json`` prints);
* ``POST /screen/file``: a CSV, JSON lines, Parquet or XLSX upload, answered as a
  stream of JSON lines (one ``screen-file`` object per row, in input order; rows
  that cannot be screened as ``{"problem": …}`` lines; what ``thaw screen-file``
  says once about the file, such as which column was read as what, as
  ``{"note": …}`` lines), any size;
* ``POST /screen/document``: a text, HTML, PDF or DOCX upload, answered with the
  parties it mentions and the mention offsets (``thaw screen-text --json``).

Rows and names with an ``id`` get analysts' decisions applied (see
:mod:`thaw.decisions`); every request is audited.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from thaw.api.auth import Principal, require
from thaw.api.deps import audit, snapshot
from thaw.api.engine import Scope, Snapshot
from thaw.api.matching import QueryError, resolve_algorithm
from thaw.api.runtime import Runtime, runtime
from thaw.api.uploads import UploadError, spool, upload_format
from thaw.decisions import Judge, query_fingerprint
from thaw.schemas import HitModel, ScreenResultModel
from thaw.schemas.yente import ErrorResponse
from thaw.screen import ScreenInputError, ScreenResult, make_query
from thaw.screen.batch import BatchError, check_row, open_source
from thaw.screen.dates import DATE_ORDERS
from thaw.screen.inputs import parse_schema
from thaw.store.state import Decision

router = APIRouter(tags=["Screening"])
_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse, "description": "Invalid input"},
    401: {"model": ErrorResponse, "description": "No valid API key"},
    413: {"model": ErrorResponse, "description": "Too large"},
    415: {"model": ErrorResponse, "description": "Unsupported file"},
    429: {"model": ErrorResponse, "description": "Rate limit exceeded"},
}
MAX_DOCUMENT = 20_000_000
"""Largest document (bytes) screened in one request."""


class ScreenRequest(BaseModel):
    """One name to screen (as ``thaw screen``)."""

    name: str = Field(min_length=1, max_length=1000, examples=["Kirill Dmitriev"])
    schema_: str | None = Field(None, alias="schema", examples=["Person"])
    birth_date: str | None = Field(None, examples=["1975-04-12"])
    country: str | None = Field(None, examples=["Russia"])
    id_number: str | None = None
    id: str | None = Field(None, description="Customer id: analysts' decisions apply.")
    threshold: float | None = Field(None, ge=0, le=1)
    limit: int = Field(10, ge=0, le=500)
    algorithm: str = "thaw"


def decide_hits(
    judge: Judge,
    result: ScreenResult,
    decisions: dict[str, Decision],
    customer_fp: str,
) -> tuple[ScreenResultModel, list[dict[str, Any]]]:
    """The result with decisions applied (suppressed hits removed, others marked),
    and what the audit trail keeps of it."""
    hits: list[HitModel] = []
    kept: list[dict[str, Any]] = []
    for hit in result.hits:
        keys = [f"{x.source}:{x.source_id}" for x in hit.listings]
        record: dict[str, Any] = {"id": hit.profile_id or keys[0], "score": hit.score}
        applied = judge.outcome(decisions, hit.profile_id, keys, customer_fp)
        outcome = None if applied is None else applied.outcome
        if applied is not None:
            record["decision"] = outcome
            record["decision_id"] = applied.decision.id
        kept.append(record)
        if outcome != "suppressed":
            hits.append(HitModel.of(hit, outcome))
    model = ScreenResultModel(row=result.row, id=result.id, name=result.name, hits=hits)
    return model, kept


@router.post("/screen", response_model=ScreenResultModel, responses=_ERRORS)
def screen_name(
    request: Request,
    body: ScreenRequest,
    principal: Annotated[Principal, Depends(require("screen"))],
) -> JSONResponse:
    """Screen one name against every loaded list (``thaw screen --json``)."""
    rt = runtime(request)
    snap = snapshot(request, screening=True)
    try:
        algorithm = resolve_algorithm(body.algorithm)
        query = make_query(body.name, body.schema_, body.birth_date, body.country, body.id_number)
    except QueryError as exc:
        raise HTTPException(exc.status, exc.detail) from exc
    except ScreenInputError as exc:
        raise HTTPException(400, str(exc)) from exc
    result = snap.screener.screen_query(
        query, threshold=body.threshold, limit=body.limit, algorithm=algorithm, id=body.id
    )
    judge = Judge(rt.state.decisions, snap.screener.index, snap.members)
    model, kept = decide_hits(judge, result, judge.of(body.id), query_fingerprint(query))
    audit(
        rt,
        principal,
        "screen",
        body.model_dump(by_alias=True),
        snap=snap,
        scope=Scope("default"),
        algorithm=algorithm,
        threshold=body.threshold,
        results=kept,
    )
    return JSONResponse(model.to_dict())


def _line(data: Any) -> str:
    """One JSON line of a ``/screen/file`` answer, written as ``thaw screen-file``
    writes its lines: compact, UTF-8 text rather than ASCII escapes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _file_lines(
    rt: Runtime,
    snap: Snapshot,
    principal: Principal,
    folder: Path,
    path: Path,
    fmt: str,
    options: dict[str, Any],
    reading: dict[str, str | None],
) -> Iterator[bytes]:
    """Screen every row, yielding JSON lines; audit the whole file at the end.

    ``reading`` holds the file's ``schema`` (of rows that give none) and
    ``date_order``, as ``thaw screen-file --schema --date-order``."""
    rows: list[Any] = []
    counts = {"rows": 0, "screened": 0, "skipped": 0}
    judge = Judge(rt.state.decisions, snap.screener.index, snap.members)
    try:
        source = open_source(path, fmt, reading["date_order"])
        try:
            for raw in source.rows():
                counts["rows"] += 1
                job, problems = check_row(raw, reading["schema"])
                for note in source.notes:
                    yield (_line({"note": note}) + "\n").encode()
                source.notes.clear()
                for problem in problems:
                    counts["skipped"] += problem.skipped
                    item = {
                        "row": problem.row,
                        "where": problem.where.rsplit(": ", 1)[-1],
                        "reason": problem.reason,
                        "skipped": problem.skipped,
                    }
                    yield (_line({"problem": item}) + "\n").encode()
                if job is None:
                    continue
                row, ident, query = job.row, job.id, job.query()
                result = snap.screener.screen_query(query, row=row, id=ident, **options)
                decisions = judge.of(ident)
                model, kept = decide_hits(judge, result, decisions, query_fingerprint(query))
                counts["screened"] += 1
                if kept:
                    rows.append({"row": row, "id": ident, "hits": kept})
                yield (_line(model.to_dict()) + "\n").encode()
        finally:
            source.close()
    except BatchError as exc:
        yield (_line({"error": str(exc).rsplit(": ", 2)[-1]}) + "\n").encode()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        audit(
            rt,
            principal,
            "screen-file",
            {"format": fmt, **counts, **options, **reading},
            snap=snap,
            scope=Scope("default"),
            algorithm=options["algorithm"],
            threshold=options["threshold"],
            results=rows,
        )


@router.post(
    "/screen/file",
    responses={
        **_ERRORS,
        200: {"content": {"application/x-ndjson": {}}, "description": "One JSON line per row"},
    },
)
def screen_upload(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    file: Annotated[UploadFile, File(description="CSV, JSON lines, Parquet or XLSX (.gz ok)")],
    format: Annotated[str | None, Query(description="csv, jsonl, parquet or xlsx")] = None,
    threshold: Annotated[float | None, Query(ge=0, le=1)] = None,
    limit: Annotated[int, Query(ge=0, le=500)] = 10,
    algorithm: Annotated[str, Query()] = "thaw",
    schema: Annotated[
        str | None,
        Query(
            description="Schema of rows that give none (Person, Organization, Vessel, "
            "…, or `any`); by default a row with a gender, a date of birth or a given "
            "name is a Person and other rows may be any kind of party."
        ),
    ] = None,
    date_order: Annotated[
        str | None,
        Query(
            description="How to read dates such as 05/10/1976: dmy, mdy or ymd "
            "(by default the file's rows or its header decide)."
        ),
    ] = None,
) -> StreamingResponse:
    """Screen every row of an uploaded file (columns as ``thaw screen-file``); the
    answer streams one JSON object per screened row, in input order, a
    ``{"problem": …}`` line for each row that is skipped or read with a warning,
    and a ``{"note": …}`` line for what is said once about the file (which
    column was read as what, the order of its dates)."""
    rt = runtime(request)
    snap = snapshot(request, screening=True)
    try:
        algo = resolve_algorithm(algorithm)
        fmt, gz = upload_format(file.filename or "", format)
    except (QueryError, UploadError) as exc:
        raise HTTPException(exc.status, exc.detail) from exc
    if date_order is not None and date_order not in DATE_ORDERS:
        raise HTTPException(
            400, f"unknown date_order {date_order!r} (use {', '.join(DATE_ORDERS)})"
        )
    if schema is not None:
        try:
            parse_schema(schema)
        except ScreenInputError as exc:
            raise HTTPException(400, str(exc)) from exc
    folder = Path(tempfile.mkdtemp(prefix="thaw-upload-"))
    try:
        path = spool(
            file.file,
            fmt,
            gz,
            folder,
            max_total=rt.settings.max_upload,
            max_line=rt.settings.max_line,
        )
    except UploadError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(exc.status, exc.detail) from exc
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    options = {"threshold": threshold, "limit": limit, "algorithm": algo}
    return StreamingResponse(
        _file_lines(
            rt,
            snap,
            principal,
            folder,
            path,
            fmt,
            options,
            {"schema": schema, "date_order": date_order},
        ),
        media_type="application/x-ndjson",
    )


@router.post("/screen/document", responses=_ERRORS)
def screen_document(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    file: Annotated[UploadFile, File(description="Text, HTML, PDF or DOCX")],
    threshold: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> JSONResponse:
    """The parties a document mentions, with mention offsets and snippets
    (``thaw screen-text --json``)."""
    from thaw.api.uploads import check_zip
    from thaw.screen.text import ExtractError, TextScreener, extract_text

    rt = runtime(request)
    snap = snapshot(request, screening=True)
    data = file.file.read(MAX_DOCUMENT + 1)
    if len(data) > MAX_DOCUMENT:
        raise HTTPException(413, f"document larger than {MAX_DOCUMENT:,} bytes")
    if data.startswith(b"PK\x03\x04"):
        with tempfile.NamedTemporaryFile(suffix=".zip") as tmp:
            tmp.write(data)
            tmp.flush()
            try:
                check_zip(Path(tmp.name), 5 * MAX_DOCUMENT)
            except UploadError as exc:
                raise HTTPException(exc.status, exc.detail) from exc
    try:
        kind, text = extract_text(data)
    except ExtractError as exc:
        raise HTTPException(400, f"cannot read the document: {exc}") from exc
    result = TextScreener(snap.screener, threshold=threshold).screen_text(text, kind)
    payload = json.loads(result.to_json())
    payload["text"] = result.text  # the extracted text the offsets refer to (the web page)
    audit(
        rt,
        principal,
        "screen-document",
        {"filename": file.filename, "kind": kind, "characters": len(text), "threshold": threshold},
        snap=snap,
        scope=Scope("default"),
        threshold=threshold,
        results=[
            {"id": p.get("profile_id") or p.get("name"), "score": p.get("score")}
            for p in payload.get("parties", [])
        ],
    )
    return JSONResponse(payload)
