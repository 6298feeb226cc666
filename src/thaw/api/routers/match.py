"""yente-compatible routes: ``/match``, ``/search``, ``/entities``, ``/catalog``,
``/algorithms``.

Shapes and semantics follow yente 5.x (:mod:`thaw.schemas.yente`): a batch of
examples in ``queries``, the cleaned example echoed as ``query``, ``results`` with
``score``, ``match`` and ``explanations``; 400 for an unknown algorithm, an
invalid schema anywhere in the batch, too many queries or none; 422 for an example
without a schema. Every screening request is recorded in the audit trail, and
analysts' decisions apply to examples that carry an ``id`` (the customer id).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, ClassVar
from urllib.parse import parse_qsl

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict, Field

import thaw.match
from thaw.api.auth import Principal, require
from thaw.api.deps import audit, audit_async, current_snapshot, dataset_scope, snapshot
from thaw.api.entities import entity, party_keys
from thaw.api.matching import (
    ALGORITHMS,
    ALIASES,
    DEFAULT_ALGORITHM,
    Filters,
    QueryError,
    fetch_size,
    match_example,
    parse_example,
    resolve_algorithm,
    scopes,
)
from thaw.api.pool import Task, screen_batch
from thaw.api.runtime import Runtime, runtime
from thaw.api.search import (
    DEFAULT_FACETS,
    FACETS,
    SearchSpec,
    check_schema,
    parse_filters,
    parse_sort,
)
from thaw.api.search import search as run_search
from thaw.schemas.yente import (
    Algorithm,
    AlgorithmDocs,
    AlgorithmResponse,
    DataCatalogModel,
    DatasetModel,
    EntityMatchQuery,
    EntityMatchResponse,
    EntityResponse,
    ErrorResponse,
    FeatureDoc,
    SearchResponse,
    TotalSpec,
)
from thaw.store import PublicationRow
from thaw.store.state import Decision

router = APIRouter()

TS_PATTERN = r"^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?$"
_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse, "description": "Invalid query"},
    401: {"model": ErrorResponse, "description": "No valid API key"},
    403: {"model": ErrorResponse, "description": "The key's role is too low"},
    404: {"model": ErrorResponse, "description": "No such dataset"},
    429: {"model": ErrorResponse, "description": "Rate limit exceeded (see Retry-After)"},
}


class MatchParams(BaseModel):
    """The query parameters of ``POST /match/{dataset}`` (yente's), validated in
    one step (also by the fast path, :mod:`thaw.api.fastpath`)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    limit: int | None = Field(None, ge=0, title="Number of results to return")
    threshold: float = Field(
        thaw.match.DEFAULT_THRESHOLD,
        ge=0,
        le=1,
        title="Score threshold for results to be considered matches",
    )
    cutoff: float = Field(
        thaw.match.DEFAULT_THRESHOLD,
        ge=0,
        le=1,
        title="Lowest score of results returned at all",
        json_schema_extra={"deprecated": True},
    )
    algorithm: str = Field("best", title="Scoring algorithm (see /algorithms)")
    include_dataset: list[str] = Field([], title="Only entities in these datasets")
    exclude_dataset: list[str] = Field([], title="No entities in these datasets")
    exclude_schema: list[str] = Field([], title="No entities of these schemata")
    exclude_entity_ids: list[str] = Field([], max_length=50, title="No entities with these ids")
    topics: list[str] = Field([], title="Only entities with one of these topics")
    changed_since: str | None = Field(
        None, pattern=TS_PATTERN, title="Only entities changed since (ISO date or time)"
    )

    LISTS: ClassVar[frozenset[str]] = frozenset(
        {"include_dataset", "exclude_dataset", "exclude_schema", "exclude_entity_ids", "topics"}
    )

    @classmethod
    def from_query_string(cls, query_string: bytes) -> MatchParams:
        """The parameters of a raw query string (``ValidationError`` if invalid);
        a repeated scalar parameter takes its last value, as FastAPI does."""
        if not query_string:
            return _DEFAULT_PARAMS
        raw: dict[str, Any] = {}
        for name, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
            if name in cls.LISTS:
                raw.setdefault(name, []).append(value)
            else:
                raw[name] = value
        return cls.model_validate(raw)


_DEFAULT_PARAMS = MatchParams.model_validate({})
"""The parameters of a call without any (read-only: shared by those calls)."""


@router.post(
    "/match/{dataset}",
    summary="Query by example matcher",
    tags=["Matching"],
    response_model=EntityMatchResponse,
    response_model_exclude_none=False,
    responses=_ERRORS,
)
async def match(
    request: Request,
    body: EntityMatchQuery,
    principal: Annotated[Principal, Depends(require("screen"))],
    dataset: str,
    params: Annotated[MatchParams, Query()],
) -> Response:
    """Match a batch of example entities (FtM ``schema`` and ``properties``, as
    yente's ``/match``); each example may carry an ``id`` (the customer id) to which
    analysts' decisions apply: false positives are suppressed until the listing or
    the example changes, then reported again with ``decision: reopened``."""
    content = await answer_match(runtime(request), principal, dataset, body, params)
    return Response(
        content,
        media_type="application/json",
        headers={"x-batch-size": str(len(body.queries))},
    )


async def answer_match(
    rt: Runtime,
    principal: Principal,
    dataset: str,
    body: EntityMatchQuery,
    params: MatchParams,
) -> bytes:
    """The JSON answer of ``/match/{dataset}``, recorded in the audit trail before
    it is returned (``HTTPException`` for a request that cannot be answered)."""
    snap = current_snapshot(rt, screening=True)
    scope = dataset_scope(snap, dataset)
    try:
        algo = resolve_algorithm(params.algorithm)
        for config_key in body.config:  # thaw's algorithms take no configuration
            raise QueryError(
                400, f"Invalid configuration parameter: {config_key} for algorithm {algo}"
            )
        if len(body.queries) > rt.settings.max_batch:
            raise QueryError(400, f"Too many queries in one batch (limit: {rt.settings.max_batch})")
        if not body.queries:
            raise QueryError(400, "No queries provided.")
        parsed = {name: parse_example(example) for name, example in body.queries.items()}
    except QueryError as exc:
        raise HTTPException(exc.status, exc.detail) from exc
    settings = rt.settings
    limit = settings.match_limit
    if params.limit is not None:
        limit = min(params.limit, settings.max_matches)
    threshold = params.threshold
    cutoff = min(params.cutoff, threshold)
    filters = Filters(
        include_dataset=scopes(snap, params.include_dataset),
        exclude_dataset=scopes(snap, params.exclude_dataset),
        exclude_schema=set(params.exclude_schema),
        exclude_entity_ids=set(params.exclude_entity_ids),
        topics=list(params.topics),
        changed_since=params.changed_since,
    )
    store = rt.engine.store()
    responses: dict[str, dict[str, Any]] = {}
    audit_results: dict[str, object] = {}
    # every name of the batch is screened at once (across the pool if large)
    decided: dict[str, dict[str, Decision] | None] = {}
    tasks: list[Task] = []
    for name, item in parsed.items():
        customer = body.queries[name].id
        decided[name] = decisions = rt.state.decisions.for_customer(customer) if customer else None
        fetch = fetch_size(limit, scope, filters, decisions)
        tasks += [(query, fetch) for query in item.queries]
    screened = await screen_batch(
        snap.pool,
        tasks,
        cutoff,
        algo,
        processes=settings.batch_processes,
        split=settings.batch_split,
    )
    start = 0
    for name, item in parsed.items():
        end = start + len(item.queries)
        outcome = match_example(
            snap,
            store,
            item,
            scope,
            algorithm=algo,
            threshold=threshold,
            cutoff=cutoff,
            limit=limit,
            filters=filters,
            decisions=decided[name],
            screened=screened[start:end],
        )
        start = end
        # EntityMatches as model_dump(by_alias=True) gives it (see the answer below)
        responses[name] = {
            "status": 200,
            "results": outcome.results_data(snap.entity_data),
            "total": {"value": outcome.total, "relation": "eq"},
            "query": item.echo(),
        }
        audit_results[name] = outcome.audit
    await audit_async(
        rt,
        principal,
        "match",
        {
            "queries": {k: v.echo() for k, v in parsed.items()},
            "params": {
                "limit": limit,
                "cutoff": cutoff,
                "include_dataset": params.include_dataset,
                "exclude_dataset": params.exclude_dataset,
                "exclude_schema": params.exclude_schema,
                "exclude_entity_ids": params.exclude_entity_ids,
                "topics": params.topics,
                "changed_since": params.changed_since,
            },
        },
        snap=snap,
        scope=scope,
        algorithm=algo,
        threshold=threshold,
        results=audit_results,
    )
    # EntityMatchResponse's JSON, key for key, written by orjson from plain data
    # built from validated parts: pydantic's model_construct of every result and
    # its serialiser cost more than the rest of the answer (Outcome.results_data;
    # tests/api/test_match.py checks the answer against the models)
    return orjson.dumps({"responses": responses, "limit": limit})


class Operator(StrEnum):
    """How several values of one filter combine (yente's ``filter_op``)."""

    OR = "OR"
    AND = "AND"


@router.get(
    "/search/{dataset}",
    summary="Simple entity search",
    tags=["Matching"],
    response_model=SearchResponse,
    responses=_ERRORS,
)
def search(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    dataset: str,
    q: Annotated[str, Query(max_length=500, title="Name to search for")] = "",
    schema: Annotated[str, Query(title="Types of entities that can match the search")] = "Thing",
    include_dataset: Annotated[list[str], Query(title="Only entities in these datasets")] = [],  # noqa: B006
    exclude_dataset: Annotated[list[str], Query(title="No entities in these datasets")] = [],  # noqa: B006
    exclude_schema: Annotated[list[str], Query(title="Remove these types of entities")] = [],  # noqa: B006
    changed_since: Annotated[
        str | None, Query(pattern=TS_PATTERN, title="Entities changed since (ISO date or time)")
    ] = None,
    countries: Annotated[list[str], Query(title="Filter by country codes")] = [],  # noqa: B006
    topics: Annotated[list[str], Query(title="Filter by entity topics (e.g. sanction)")] = [],  # noqa: B006
    datasets: Annotated[list[str], Query(title="Filter by the entity's sources")] = [],  # noqa: B006
    filter: Annotated[
        list[str], Query(title="Filter by entity properties (field:value, e.g. birthDate:1965)")
    ] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=0, le=500, title="Number of results to return")] = 10,
    offset: Annotated[int, Query(ge=0, le=9499, title="Start at result with given offset")] = 0,
    sort: Annotated[list[str], Query(title="Sorting criteria (field:asc|desc)")] = [],  # noqa: B006
    target: Annotated[
        bool | None, Query(title="Include only targeted entities", deprecated=True)
    ] = None,
    fuzzy: Annotated[bool, Query(title="Admit more distant spellings of q")] = False,
    simple: Annotated[bool, Query(title="yente's simple query syntax (no effect)")] = False,
    facets: Annotated[
        list[str], Query(title="Facets to count: countries, topics, datasets, schema")
    ] = list(DEFAULT_FACETS),  # noqa: B006 (FastAPI copies)
    filter_op: Annotated[
        Operator, Query(title="Combine several values of one filter with OR or AND")
    ] = Operator.OR,
) -> SearchResponse:
    """Entities whose names resemble ``q``, best first (every entity without
    ``q``), with yente's filters, facets, sorting and paging (see
    :mod:`thaw.api.search`)."""
    rt = runtime(request)
    snap = snapshot(request, screening=True)
    scope = dataset_scope(snap, dataset)
    try:
        unknown = [f for f in facets if f not in FACETS]
        if unknown:
            raise QueryError(400, f"Invalid facet: {unknown[0]!r} (one of {', '.join(FACETS)})")
        spec = SearchSpec(
            q=q.strip(),
            schema=check_schema(schema),
            filters=Filters(
                include_dataset=scopes(snap, include_dataset),
                exclude_dataset=scopes(snap, exclude_dataset),
                exclude_schema={s for s in exclude_schema if s},
                changed_since=changed_since,
            ),
            countries=[c.strip().lower() for c in countries if c.strip()],
            topics=[t for t in topics if t],
            datasets=[d for d in datasets if d],
            properties=parse_filters(filter),
            all_of=filter_op is Operator.AND,
            target=target,
            fuzzy=fuzzy,
            sort=parse_sort(sort),
            facets=tuple(dict.fromkeys(facets)),
        )
    except QueryError as exc:
        raise HTTPException(exc.status, exc.detail) from exc
    found = run_search(snap, rt.engine.store(), spec, scope, limit, offset)
    audit(
        rt,
        principal,
        "search",
        {"q": q, "params": dict(request.query_params.multi_items())},
        snap=snap,
        scope=scope,
        threshold=0.5 if fuzzy else 0.6,
        results=[e.id for e in found.results],
    )
    return SearchResponse(
        limit=limit,
        offset=offset,
        total=TotalSpec(value=found.total, relation=found.relation),
        results=found.results,
        facets=found.facets,
    )


@router.get(
    "/entities/{entity_id:path}",
    summary="Retrieve an entity",
    tags=["Data access"],
    response_model=EntityResponse,
    responses={
        308: {"description": "A listing id: redirect to its party (profile)"},
        **_ERRORS,
    },
)
def fetch_entity(
    request: Request,
    entity_id: str,
    principal: Annotated[Principal, Depends(require("screen"))],
) -> EntityResponse | RedirectResponse:
    """A party by profile id, or a listing by ``source:source_id``. A listing that
    belongs to a profile redirects (308) to the profile, the canonical entity; its
    listings are the profile's ``referents``."""
    snap = snapshot(request)
    pid, keys = party_keys(snap, entity_id)
    if not keys:
        raise HTTPException(404, f"no such entity: {entity_id!r}")
    if pid is not None and pid != entity_id:
        return RedirectResponse(str(request.url_for("fetch_entity", entity_id=pid)), 308)
    return entity(snap, runtime(request).engine.store(), entity_id, keys)


@router.get(
    "/catalog",
    summary="Data catalog",
    tags=["System information"],
    response_model=DataCatalogModel,
    responses=_ERRORS,
)
def catalog(
    request: Request, principal: Annotated[Principal, Depends(require("screen"))]
) -> DataCatalogModel:
    """Every dataset name the ``{dataset}`` paths accept, with each source's active
    publication."""
    snap = snapshot(request)
    pubs = snap.publications
    out: list[DatasetModel] = []
    newest = max((p.published for p in pubs.values()), default="")
    for name, scope in snap.datasets().items():
        sources = sorted(pubs) if scope.sources is None else sorted(scope.sources)
        if scope.sources is not None and len(scope.sources) == 1 and name in pubs:
            p = pubs[name]
            out.append(
                DatasetModel(
                    name=name,
                    title=name,
                    version=p.published,
                    children=[],
                    publication=_publication_info(p),
                )
            )
            continue
        version = max((pubs[s].published for s in sources if s in pubs), default=newest)
        kind = "every loaded list" if name == "default" else "lists of one authority"
        if scope.keys is not None:
            kind = "an FtM dataset"
        elif scope.loaded_as is not None:
            p = pubs[scope.loaded_as]
            out.append(
                DatasetModel(
                    name=name,
                    title=name,
                    summary=f"an FtM file loaded as --dataset {name} (source {p.source})",
                    version=p.published,
                    children=[p.source],
                    publication=_publication_info(p),
                )
            )
            continue
        out.append(
            DatasetModel(
                name=name,
                title=name,
                summary=kind,
                version=version or newest,
                children=[] if scope.keys is not None else sources,
            )
        )
    names = [d.name for d in out]
    return DataCatalogModel(datasets=out, current=names, outdated=[], index_stale=False)


def _publication_info(p: PublicationRow) -> dict[str, Any]:
    """What ``/catalog`` tells of a source's active publication."""
    return {
        "id": p.id,
        "published": p.published,
        "format": p.format,
        "sha256": p.sha256,
        "files": p.files,
        "loaded_at": p.loaded_at,
        "records": p.record_count,
    }


@router.get(
    "/algorithms",
    summary="Scoring algorithms",
    tags=["Matching"],
    response_model=AlgorithmResponse,
)
def algorithms() -> AlgorithmResponse:
    """The algorithms ``/match`` accepts. yente's names (``best``, ``logic-v2`` …)
    are answered by thaw's matcher."""
    from thaw.match.features import features

    docs = {
        f.name: FeatureDoc(description=f.doc().split("\n\n")[0], coefficient=f.weight)
        for f in features()
    }
    items = [
        Algorithm(
            name="thaw",
            description="Named, weighted features (name alignment, birth date, country, "
            "gender, identifiers, schema) combined into a calibrated score.",
            features=docs,
            docs=AlgorithmDocs(name="thaw", features=docs),
        ),
        Algorithm(
            name="ofac",
            description="A reproduction of OFAC Sanctions List Search's name score.",
            docs=AlgorithmDocs(name="ofac"),
        ),
    ]
    for alias, target in ALIASES.items():
        items.append(
            Algorithm(
                name=alias,
                description=f"yente's name, answered by thaw's {target!r} algorithm",
                features=docs,
                docs=AlgorithmDocs(name=alias, features=docs),
            )
        )
    assert set(ALGORITHMS) <= {a.name for a in items}
    return AlgorithmResponse(algorithms=items, default=DEFAULT_ALGORITHM, best=DEFAULT_ALGORITHM)
