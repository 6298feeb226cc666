"""thaw's analysis routes, with the JSON contracts of the matching commands:

``GET /profiles/{ref}`` (``thaw profile --json``), ``GET /history/{key}``
(``thaw history --json``), ``GET /changes`` (``thaw changes --json``),
``GET /programs`` (``thaw programs --json``) and ``POST /whatif``
(``thaw whatif --json``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from thaw.api.auth import Principal, require
from thaw.api.deps import snapshot
from thaw.api.runtime import runtime
from thaw.schemas.reports import changes_dict
from thaw.schemas.yente import ErrorResponse

router = APIRouter(tags=["Analysis"])
_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse, "description": "Invalid request"},
    401: {"model": ErrorResponse, "description": "No valid API key"},
    404: {"model": ErrorResponse, "description": "Not found"},
}


@router.get("/profiles/{ref:path}", responses=_ERRORS)
def profile(
    request: Request, ref: str, principal: Annotated[Principal, Depends(require("screen"))]
) -> dict[str, Any]:
    """One party across all authorities, by profile id or member ``SOURCE:ID``."""
    from thaw.profiles import Profiles
    from thaw.profiles.service import ProfileError

    snapshot(request)
    store = runtime(request).engine.store()
    try:
        found = Profiles(store, auto_refresh=False).resolve(ref)
    except ProfileError as exc:
        raise HTTPException(400, str(exc)) from exc
    if found is None:
        raise HTTPException(404, f"no profile {ref} (a listing must be in an active publication)")
    data: dict[str, Any] = found.to_dict()
    return data


@router.get("/history/{key:path}", responses=_ERRORS)
def history(
    request: Request, key: str, principal: Annotated[Principal, Depends(require("screen"))]
) -> dict[str, Any]:
    """When a listing (``SOURCE:ID``) or a party (profile id) was listed, amended,
    delisted and re-listed, per authority."""
    from thaw.history import Parties, Timeline, listing_timeline, party_timeline
    from thaw.profiles import Profiles

    store = runtime(request).engine.store()
    source, sep, source_id = key.partition(":")
    profile_id = None
    if sep and source_id:
        listing = listing_timeline(store, source, source_id)
        if listing is None:
            for src, sid in store.search_ids(source, source_id):
                listing = listing_timeline(store, src, sid)
        if listing is None:
            raise HTTPException(404, f"the store never held a listing {key}")
        timeline = Timeline(f"{listing.source}:{listing.source_id}", listing.caption, [listing])
        profile_id = Profiles(store, auto_refresh=False).profile_id_of(
            listing.source, listing.source_id
        )
    else:
        party = Parties(store).get(key)
        if party is None:
            raise HTTPException(404, f"no profile {key}; use SOURCE:ID for a listing")
        timeline = party_timeline(store, party)
    data: dict[str, Any] = timeline.to_dict()
    if profile_id:
        data["profile"] = profile_id
    return data


@router.get("/changes", responses=_ERRORS)
def changes(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    source: Annotated[str | None, Query(description="Only this source")] = None,
    since: Annotated[str | None, Query(description="From the publication in force then")] = None,
    until: Annotated[str | None, Query(description="To the publication in force then")] = None,
) -> dict[str, Any]:
    """Listings added, removed and amended between two publications (default: the
    two newest of each source)."""
    from thaw.history import changes as compute

    store = runtime(request).engine.store()
    if source and source not in store.sources():
        raise HTTPException(404, f"no publication of {source} loaded")
    try:
        reports = compute(store, source, since, until)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    return changes_dict(reports)


@router.get("/programs", responses=_ERRORS)
def programs(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    source: Annotated[str | None, Query()] = None,
    authority: Annotated[str | None, Query()] = None,
    theme: Annotated[str | None, Query()] = None,
) -> list[dict[str, Any]]:
    """Every authority's programmes in the active publications, with listing counts
    and the country or theme each targets."""
    from thaw.catalogue import build, themes

    if theme and theme.lower() not in themes():
        raise HTTPException(400, f"unknown theme {theme!r}; themes: {', '.join(themes())}")
    entries = build(runtime(request).engine.store(), source)
    return [
        e.to_dict()
        for e in entries
        if (authority is None or e.programme.authority == authority.lower())
        and (theme is None or theme.lower() in e.programme.themes)
    ]


class WhatIfRequest(BaseModel):
    """A relief scenario and what to apply it to (exactly one of ``entity``,
    ``profile``, ``all``)."""

    lift: list[str] = Field(
        min_length=1, max_length=200, examples=[["us:RUSSIA-EO14024", "uk:russia"]]
    )
    entity: str | None = Field(None, examples=["us_ofac_sdn:34336"])
    profile: str | None = None
    all: bool = False
    no_profiles: bool = False


@router.post("/whatif", responses=_ERRORS)
def whatif(
    request: Request,
    body: WhatIfRequest,
    principal: Annotated[Principal, Depends(require("screen"))],
) -> dict[str, Any]:
    """What a relief scenario would lift (``thaw whatif --json``)."""
    from thaw.history import Parties
    from thaw.whatif import Scenario, ScenarioError, for_entity, for_party, for_store

    chosen = [x for x in (body.entity, body.profile, body.all or None) if x]
    if len(chosen) != 1:
        raise HTTPException(400, "choose exactly one of entity, profile, all")
    try:
        scenario = Scenario.parse(body.lift)
    except ScenarioError as exc:
        raise HTTPException(400, str(exc)) from exc
    store = runtime(request).engine.store()
    parties = Parties(store, use_profiles=not body.no_profiles)
    if body.all:
        result = for_store(store, scenario, parties)
    elif body.entity:
        source, sep, source_id = body.entity.partition(":")
        if not sep or not source_id:
            raise HTTPException(400, f"expected SOURCE:ID, got {body.entity!r}")
        if parties.get(body.entity) is None:
            raise HTTPException(404, f"the store holds no listing {body.entity}")
        result = for_entity(store, scenario, source, source_id, parties)
    else:
        assert body.profile is not None
        party = parties.get(body.profile)
        if party is None:
            raise HTTPException(404, f"no profile {body.profile}")
        result = for_party(store, scenario, party, scope=f"profile {body.profile}")
    data: dict[str, Any] = result.to_dict()
    return data
