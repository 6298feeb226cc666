"""Routes the analysts' web page needs beyond the service's reports: list sizes
over time (the data of ``thaw chart``), a what-if over an uploaded results file
(``thaw whatif --results``) or a monitored portfolio (``--portfolio``), and the
analyst's link and unlink decisions (``thaw profiles link|unlink``). Each answers
the JSON of the matching command.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from pydantic import BaseModel, Field

from thaw.api.auth import Principal, require
from thaw.api.deps import audit, snapshot
from thaw.api.runtime import runtime
from thaw.history import Parties, chart_series
from thaw.profiles import ProfileError, Profiles, parse_key
from thaw.sources import SourceError
from thaw.store import Store
from thaw.whatif import Scenario, ScenarioError, for_results

router = APIRouter(tags=["Analysts"])

MAX_RESULTS = 64 * 1024 * 1024
"""Largest results file (bytes) a what-if reads in one request."""


class LinkRequest(BaseModel):
    """An analyst's decision that two listings are (``link``) or are not
    (``unlink``) the same party."""

    a: str = Field(min_length=3, max_length=300, examples=["uk_ofsi:14208"])
    b: str = Field(min_length=3, max_length=300, examples=["us_ofac_sdn:34336"])
    why: str = Field(min_length=1, max_length=2000)


def _store(request: Request) -> Store:
    snapshot(request)  # 503 while the lists load
    return runtime(request).engine.store()


@router.get("/chart")
def chart(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    source: Annotated[str | None, Query(max_length=100)] = None,
    program: Annotated[str | None, Query(max_length=200)] = None,
    top: Annotated[int, Query(ge=1, le=30)] = 8,
) -> dict[str, Any]:
    """The data of ``thaw chart``: listings over time, one series per source (or,
    for one source, its total and its largest programmes); 404 for a source that
    has no publication loaded, as ``GET /changes``."""
    store = _store(request)
    if source and source not in store.sources():
        raise HTTPException(404, f"no publication of {source} loaded")
    series = chart_series(store, source=source, program=program, top=top)
    return {"series": [{"label": s.label, "points": s.points} for s in series]}


@router.post("/whatif/results")
async def whatif_results(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    lift: Annotated[list[str], Query(min_length=1, max_length=200)],
    file: Annotated[UploadFile, File(description="Results: the JSON lines of screen-file")],
) -> dict[str, Any]:
    """A relief scenario over the parties of a screening-results file (the JSON
    lines of ``thaw screen-file`` or ``POST /screen/file``): ``thaw whatif
    --results FILE --json``. Lifts as for ``POST /whatif``."""
    try:
        scenario = Scenario.parse(lift)
    except ScenarioError as exc:
        raise HTTPException(400, str(exc)) from exc
    data = await file.read(MAX_RESULTS + 1)
    if len(data) > MAX_RESULTS:
        raise HTTPException(413, f"results file larger than {MAX_RESULTS:,} bytes")
    parties = Parties(_store(request))
    with tempfile.TemporaryDirectory(prefix="thaw-whatif-") as folder:
        # the upload's own name (no folders): the answer's scope says "results NAME"
        path = Path(folder) / (Path(file.filename or "").name or "results.jsonl")
        path.write_bytes(data)
        try:
            result = for_results(scenario, path, parties)
        except SourceError as exc:
            raise HTTPException(400, str(exc)) from exc
    out: dict[str, Any] = result.to_dict()
    return out


class PortfolioWhatIf(BaseModel):
    """A relief scenario over a monitored portfolio."""

    lift: list[str] = Field(min_length=1, max_length=200, examples=[["us:RUSSIA-EO14024"]])
    portfolio: str = Field(min_length=1, max_length=200)


@router.post("/whatif/portfolio")
def whatif_portfolio(
    request: Request,
    body: PortfolioWhatIf,
    principal: Annotated[Principal, Depends(require("screen"))],
) -> list[dict[str, Any]]:
    """The ``hit_removed`` events a relief scenario would cause in a monitored
    portfolio, each saying who still lists the party: ``thaw whatif --portfolio
    NAME --json`` (404 where the service has no monitoring)."""
    try:
        from thaw.monitor import Monitor, PortfolioError
        from thaw.monitor.relief import lift_events
    except ImportError as exc:  # monitoring is not part of this installation
        raise HTTPException(404, "this service has no monitored portfolios") from exc
    try:
        scenario = Scenario.parse(body.lift)
    except ScenarioError as exc:
        raise HTTPException(400, str(exc)) from exc
    # one process: the server's worker threads must not fork
    with Monitor(_store(request), workers=1) as monitor:
        try:
            monitor.portfolios.portfolio(body.portfolio)
        except PortfolioError as exc:
            raise HTTPException(404, str(exc)) from exc
        events: list[dict[str, Any]] = lift_events(monitor, body.portfolio, scenario)
    return events


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
