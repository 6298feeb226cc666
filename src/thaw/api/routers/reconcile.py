"""The reconciliation API at ``/reconcile/{dataset}`` (manifest, queries, suggest,
extend), as yente serves it, so that OpenRefine can reconcile a spreadsheet
against the lists. Queries are matched exactly as ``/match`` matches (and are
audited). OpenRefine cannot send headers: it may pass the key as ``?api_key=``,
which the manifest carries into every service path."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, Response
from followthemoney import model
from followthemoney.types import registry
from pydantic import ValidationError

import thaw.match
from thaw.api.auth import Principal, require
from thaw.api.deps import audit, dataset_scope, snapshot
from thaw.api.entities import entity, party_keys
from thaw.api.matching import (
    Filters,
    QueryError,
    match_example,
    parse_example,
    resolve_algorithm,
)
from thaw.api.runtime import runtime
from thaw.api.search import prefix_matches
from thaw.match import Query as MatchQuery
from thaw.schemas.reconcile import (
    FreebaseEntity,
    FreebaseEntityResult,
    FreebaseEntitySuggestResponse,
    FreebaseExtendPropertiesResponse,
    FreebaseExtendProperty,
    FreebaseExtendQuery,
    FreebaseExtendResponse,
    FreebaseExtendResponseMeta,
    FreebaseExtendResponseValue,
    FreebaseManifest,
    FreebaseManifestExtend,
    FreebaseManifestExtendPropertySetting,
    FreebaseManifestSuggest,
    FreebaseManifestSuggestType,
    FreebaseProperty,
    FreebasePropertySuggestResponse,
    FreebaseReconBatch,
    FreebaseScoredEntity,
    FreebaseType,
    FreebaseTypeSuggestResponse,
)
from thaw.schemas.yente import EntityExample, EntityResponse

router = APIRouter(tags=["Reconciliation"])
MATCHABLE = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane")
"""The FtM schemata that thaw's listings take."""


def _type(name: str) -> FreebaseType:
    schema = model.get(name)
    assert schema is not None
    return FreebaseType(
        id=schema.name, name=schema.plural, description=schema.description or schema.label
    )


def _matches(prefix: str, *labels: str) -> bool:
    prefix = prefix.strip().lower()
    return not prefix or any(prefix in label.lower() for label in labels)


@router.get("/reconcile/{dataset}", response_model=FreebaseManifest)
def manifest(
    request: Request,
    dataset: str,
    principal: Annotated[Principal, Depends(require("screen"))],
) -> FreebaseManifest:
    """The service manifest OpenRefine reads first."""
    dataset_scope(snapshot(request), dataset)
    base = str(request.base_url).rstrip("/") + f"/reconcile/{dataset}"
    query = request.url.query.strip()
    tail = f"?{query}" if query else ""

    def service(path: str) -> FreebaseManifestSuggestType:
        return FreebaseManifestSuggestType(service_url=base, service_path=f"{path}{tail}")

    return FreebaseManifest(
        versions=["0.2"],
        name=f"thaw: {dataset}",
        identifierSpace="https://followthemoney.tech/explorer/schemata/",
        schemaSpace="https://followthemoney.tech/explorer/schemata/",
        documentation=str(request.base_url).rstrip("/") + "/docs",
        batchSize=10,
        view={"url": str(request.base_url).rstrip("/") + "/entities/{{id}}"},
        preview={
            "url": str(request.base_url).rstrip("/") + "/entities/{{id}}",
            "width": 430,
            "height": 600,
        },
        suggest=FreebaseManifestSuggest(
            entity=service("/suggest/entity"),
            type=service("/suggest/type"),
            property=service("/suggest/property"),
        ),
        extend=FreebaseManifestExtend(
            propose_properties=service("/extend/property"),
            propose_settings=[
                FreebaseManifestExtendPropertySetting(
                    name="limit",
                    label="Limit",
                    type="number",
                    default=0,
                    help_text="Maximum number of values to return per row (0 for no limit).",
                ),
                FreebaseManifestExtendPropertySetting(
                    name="render",
                    label="Value rendering",
                    type="select",
                    default="caption",
                    choices=[
                        {"id": "caption", "name": "User-readable value"},
                        {"id": "raw", "name": "Machine-readable value"},
                    ],
                    help_text="Return readable value (e.g. 'Russia') instead of raw ('ru').",
                ),
            ],
        ),
        defaultTypes=[_type(s) for s in MATCHABLE],
    )


@router.post("/reconcile/{dataset}", response_model=None)
def reconcile(
    request: Request,
    response: Response,
    dataset: str,
    principal: Annotated[Principal, Depends(require("screen"))],
    queries: Annotated[str | None, Form()] = None,
    extend: Annotated[str | None, Form()] = None,
    algorithm: Annotated[str, Query()] = "best",
) -> dict[str, FreebaseEntityResult] | FreebaseExtendResponse:
    """Reconciliation queries (``queries``) or data extension (``extend``), as
    form fields holding JSON."""
    rt = runtime(request)
    snap = snapshot(request, screening=True)
    scope = dataset_scope(snap, dataset)
    if extend is not None and extend.strip():
        try:
            ext = FreebaseExtendQuery.model_validate_json(extend)  # depth-limited parser
        except ValidationError as exc:
            raise HTTPException(400, "Cannot decode extension request") from exc
        if len(ext.ids) > rt.settings.max_batch:
            raise HTTPException(
                400, f"Too many queries in one batch (limit: {rt.settings.max_batch})"
            )
        result = _extend(request, ext)
        response.headers["x-batch-size"] = str(len(result.rows))
        return result
    if queries is None:
        raise HTTPException(400, "No queries or extend request provided.")
    try:
        batch = FreebaseReconBatch.model_validate_json(queries)
    except ValidationError as exc:
        raise HTTPException(400, f"Cannot decode the queries: {exc.errors()[0]['msg']}") from exc
    if len(batch.root) > rt.settings.max_batch:
        raise HTTPException(400, f"Too many queries in one batch (limit: {rt.settings.max_batch})")
    threshold = thaw.match.DEFAULT_THRESHOLD
    out: dict[str, FreebaseEntityResult] = {}
    kept: dict[str, Any] = {}
    try:
        algo = resolve_algorithm(algorithm)
        store = rt.engine.store()
        for key, q in batch.root.items():
            schema = (q.type[0] if q.type else None) if isinstance(q.type, list) else q.type
            props: dict[str, list[str]] = {}
            if q.query:
                props["name"] = [q.query]
            for p in q.properties:
                prop = model.get_qname(p.pid) if ":" in p.pid else None
                name = prop.name if prop is not None else p.pid
                values = p.v if isinstance(p.v, list) else [p.v]
                props.setdefault(name, []).extend(values)
            example = EntityExample(id=None, schema=schema or "LegalEntity", properties=dict(props))
            parsed = parse_example(example)
            outcome = match_example(
                snap,
                store,
                parsed,
                scope,
                algorithm=algo,
                threshold=threshold,
                cutoff=0.5,
                limit=q.limit,
                filters=Filters(),
            )
            out[key] = FreebaseEntityResult(
                result=[
                    FreebaseScoredEntity(
                        id=r.id,
                        name=r.caption,
                        description=r.schema_,
                        type=[_type(r.schema_)],
                        score=r.score,
                        match=r.match,
                    )
                    for r in outcome.results
                ]
            )
            kept[key] = outcome.audit
    except QueryError as exc:
        raise HTTPException(exc.status, exc.detail) from exc
    audit(
        rt,
        principal,
        "reconcile",
        json.loads(queries),
        snap=snap,
        scope=scope,
        algorithm=algo,
        threshold=threshold,
        results=kept,
    )
    response.headers["x-batch-size"] = str(len(out))
    return out


def _extend(request: Request, query: FreebaseExtendQuery) -> FreebaseExtendResponse:
    snap = snapshot(request)
    store = runtime(request).engine.store()
    metas: dict[str, FreebaseExtendResponseMeta] = {}
    rows: dict[str, dict[str, list[FreebaseExtendResponseValue]]] = {i: {} for i in query.ids}
    for entity_id in query.ids:
        pid, keys = party_keys(snap, entity_id)
        if not keys:
            continue
        if pid is not None and pid != entity_id:
            raise HTTPException(400, "Please specify the canonical entity ID, not a referent")
        ent = entity(snap, store, entity_id, keys)
        schema = model.get(ent.schema_)
        assert schema is not None
        row: dict[str, list[FreebaseExtendResponseValue]] = {}
        for qprop in query.properties:
            prop = schema.get(qprop.id)
            if prop is None:
                continue
            metas.setdefault(qprop.id, FreebaseExtendResponseMeta(id=prop.name, name=prop.label))
            values = ent.properties.get(prop.name, [])
            if qprop.settings.limit > 0:
                values = values[: qprop.settings.limit]
            if qprop.settings.render == "caption":
                values = [prop.type.caption(v) or v for v in values]
            row[qprop.id] = [FreebaseExtendResponseValue(str=v) for v in values]
        rows[entity_id] = row
    return FreebaseExtendResponse(meta=list(metas.values()), rows=rows)


def _suggestion(ent: EntityResponse) -> FreebaseEntity:
    return FreebaseEntity(
        id=ent.id, name=ent.caption, description=ent.schema_, type=[_type(ent.schema_)]
    )


@router.get("/reconcile/{dataset}/suggest/entity", response_model=FreebaseEntitySuggestResponse)
def suggest_entity(
    request: Request,
    dataset: str,
    principal: Annotated[Principal, Depends(require("screen"))],
    prefix: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=0, le=100)] = 10,
) -> FreebaseEntitySuggestResponse:
    """Entities whose names resemble ``prefix``."""
    snap = snapshot(request, screening=True)
    scope = dataset_scope(snap, dataset)
    found: list[FreebaseEntity] = []
    if prefix.strip():
        store = runtime(request).engine.store()
        result = snap.screener.screen_query(
            MatchQuery(name=" ".join(prefix.split())), threshold=0.5, limit=limit + 20
        )
        for hit in result.hits:
            keys = [
                f"{x.source}:{x.source_id}"
                for x in hit.listings
                if scope.admits(x.source, x.source_id)
            ]
            if not keys:
                continue
            eid = hit.profile_id or keys[0]
            _, members = party_keys(snap, eid)
            ent = entity(snap, store, eid, members or keys)
            found.append(_suggestion(ent))
            if len(found) >= limit:
                break
        # then names that begin as typed ("alexander zak"), for autocompletion
        seen = {f.id for f in found}
        for eid in prefix_matches(snap, scope, prefix, limit):
            if eid in seen or len(found) >= limit:
                continue
            _, members = party_keys(snap, eid)
            ent = entity(snap, store, eid, members or [eid])
            found.append(_suggestion(ent))
    return FreebaseEntitySuggestResponse(prefix=prefix, result=found)


@router.get("/reconcile/{dataset}/suggest/type", response_model=FreebaseTypeSuggestResponse)
def suggest_type(
    dataset: str,
    principal: Annotated[Principal, Depends(require("screen"))],
    prefix: Annotated[str, Query(max_length=200)] = "",
) -> FreebaseTypeSuggestResponse:
    """The schemata whose name or label contains ``prefix``."""
    types = [_type(s) for s in MATCHABLE]
    return FreebaseTypeSuggestResponse(
        prefix=prefix, result=[t for t in types if _matches(prefix, t.id, t.name)][:5]
    )


@router.get("/reconcile/{dataset}/suggest/property", response_model=FreebasePropertySuggestResponse)
def suggest_property(
    dataset: str,
    principal: Annotated[Principal, Depends(require("screen"))],
    prefix: Annotated[str, Query(max_length=200)] = "",
) -> FreebasePropertySuggestResponse:
    """Properties of the matchable schemata whose name or label contains ``prefix``."""
    found: list[FreebaseProperty] = []
    for prop in model.properties:
        if prop.schema.name not in MATCHABLE or prop.hidden or prop.type == registry.entity:
            continue
        if _matches(prefix, prop.name, prop.label):
            found.append(
                FreebaseProperty(id=prop.qname, name=prop.label, description=prop.description)
            )
    return FreebasePropertySuggestResponse(prefix=prefix, result=found[:5])


@router.get("/reconcile/{dataset}/extend/property", response_model=FreebaseExtendPropertiesResponse)
def extend_properties(
    dataset: str,
    principal: Annotated[Principal, Depends(require("screen"))],
    type: Annotated[str, Query()] = "LegalEntity",
    limit: Annotated[int, Query(ge=0)] = 0,
) -> FreebaseExtendPropertiesResponse:
    """Properties that data extension can fetch for a type (schema)."""
    schema = model.get(type)
    if schema is None:
        raise HTTPException(400, f"Invalid type: {type}")
    props: list[FreebaseExtendProperty] = []
    for name in schema.featured:
        prop = schema.get(name)
        if prop is not None:
            props.append(FreebaseExtendProperty(id=prop.name, name=prop.label))
    for prop in schema.properties.values():
        if prop.hidden or prop.type == registry.entity or prop.name in schema.featured:
            continue
        props.append(FreebaseExtendProperty(id=prop.name, name=prop.label))
    if limit > 0:
        props = props[:limit]
    props.sort(key=lambda p: p.name)
    return FreebaseExtendPropertiesResponse(limit=limit, type=schema.name, properties=props)
