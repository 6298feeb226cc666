"""Ownership exposure over HTTP: ``GET /ownership/exposure`` and
``GET /ownership/publications``.

``/ownership/exposure?party=…`` answers with the same list of
:class:`~thaw.schemas.ownership.ExposureModel` as ``thaw exposure --json``: the
party found by key, identifier or name, and its status and explanation under the
US 50 % rule and the EU and UK ownership-and-control tests. The graph is built
from the store's active ownership publications with the current snapshot's index
(nothing is reloaded per request) and kept for the next requests until the lists
or the ownership data change. Requests are recorded in the audit trail.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from thaw.api.auth import Principal, require
from thaw.api.deps import audit, snapshot
from thaw.api.engine import Snapshot
from thaw.api.runtime import runtime
from thaw.ownership import Analysis, PartyFinder, analyse_with
from thaw.schemas.ownership import ExposureModel
from thaw.schemas.yente import ErrorResponse
from thaw.store import Store, default_home
from thaw.store.ownership import OwnershipStore

router = APIRouter(tags=["Ownership"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Invalid query"},
    401: {"model": ErrorResponse, "description": "No valid API key"},
    404: {"model": ErrorResponse, "description": "No ownership data, or no such party"},
}
_CACHE: dict[tuple[str, str, str, bool, bool], Analysis] = {}
_LOCK = threading.Lock()
CACHED = 8
"""Analyses kept (per lists, ownership data, day and options)."""


def _analysis(
    request: Request, snap: Snapshot, as_of: str | None, agg_eu: bool, agg_uk: bool
) -> Analysis:
    home = default_home(runtime(request).settings.home)
    with Store(home) as store:
        own = OwnershipStore(store)
        if not own.active():
            raise HTTPException(404, "no ownership data is loaded (thaw ownership load)")
        key = (snap.fingerprint, own.fingerprint(), as_of or "", agg_eu, agg_uk)
        with _LOCK:
            cached = _CACHE.get(key)
        if cached is not None:
            return cached
        analysis = analyse_with(
            store,
            snap.screener.index,
            snap.screener.profile_of,
            as_of=as_of,
            aggregate_eu=agg_eu,
            aggregate_uk=agg_uk,
        )
    with _LOCK:
        while len(_CACHE) >= CACHED:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = analysis
    return analysis


@router.get(
    "/ownership/exposure",
    summary="Is this party owned or controlled by listed persons, under whose rule?",
    response_model=list[ExposureModel],
    response_model_exclude_none=True,
    responses=_ERRORS,
)
def exposure(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    party: Annotated[
        str,
        Query(min_length=1, max_length=500, description="A party key, an identifier or a name."),
    ],
    country: Annotated[str | None, Query(max_length=100)] = None,
    id_number: Annotated[str | None, Query(max_length=100)] = None,
    as_of: Annotated[
        str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Day of evaluation.")
    ] = None,
    aggregate_eu: bool = False,
    aggregate_uk: bool = False,
) -> list[dict[str, Any]]:
    """The party's status and explanation per authority (see docs/OWNERSHIP.md)."""
    snap = snapshot(request, screening=True)
    analysis = _analysis(request, snap, as_of, aggregate_eu, aggregate_uk)
    try:
        found = PartyFinder(analysis.og).find(party, country=country, id_number=id_number)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    out = []
    for item in found:
        data = analysis.explain(item.node.index).to_dict()
        data["match"] = item.to_dict()
        out.append(ExposureModel.model_validate(data).to_dict())
    audit(
        runtime(request),
        principal,
        "ownership.exposure",
        {"party": party, "country": country, "id_number": id_number, "as_of": as_of},
        snap=snap,
        results=[{"party": x["party"]["key"], "blocked_by": x["blocked_by"]} for x in out],
    )
    if not out:
        raise HTTPException(404, f"no party of the ownership data matches {party!r}")
    return out


@router.get("/ownership/publications", responses=_ERRORS)
def publications(
    request: Request, principal: Annotated[Principal, Depends(require("screen"))]
) -> list[dict[str, object]]:
    """Every stored ownership publication; the active one of each source is marked."""
    home = default_home(runtime(request).settings.home)
    with Store(home) as store:
        return [p.to_dict() for p in OwnershipStore(store).publications()]
