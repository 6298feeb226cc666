"""yente 5.x's request and response models, field for field, so that existing
clients (and yente's own API tests) work against thaw.

Entities are FollowTheMoney-shaped: ``id``, ``caption``, ``schema``,
``properties`` (property → list of strings), ``datasets``, ``referents``,
``target``, ``first_seen``/``last_seen``/``last_change`` (ISO seconds, no zone),
and thaw's own ``birth_estimates`` (the circa birth years; a field yente clients
ignore).
In thaw an entity is a *party*: its ``id`` is the profile id when the listing
belongs to a cross-authority profile (its listings are the ``referents``), else
the listing id ``source:source_id``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorResponse(BaseModel):
    detail: str = Field(..., examples=["Detailed error message"])


class EntityResponse(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str = Field(..., examples=["us_ofac_sdn:34336"])
    caption: str = Field(..., examples=["DMITRIEV, Kirill Aleksandrovich"])
    schema_: str = Field(..., examples=["Person"], alias="schema")
    properties: dict[str, list[str]] = Field(..., examples=[{"name": ["John Doe"]}])
    datasets: list[str] = Field([], examples=[["us_ofac_sdn"]])
    referents: list[str] = Field([], examples=[["us_ofac_sdn:34336"]])
    target: bool = False
    first_seen: str | None = Field(None, examples=["2022-02-28T00:00:00"])
    last_seen: str | None = Field(None, examples=["2024-05-03T00:00:00"])
    last_change: str | None = Field(None, examples=["2023-04-12T00:00:00"])
    birth_estimates: list[str] = Field(
        [],
        examples=[["1975"]],
        description="thaw: the birth years of ``properties.birthDate`` that an authority "
        "published as an estimate (circa 1975): the year as published, which the matcher "
        "reads as the years either side too. FtM's birthDate has no way to say so.",
    )


class FeatureResult(BaseModel):
    """One feature's contribution to a score, with a human-readable account."""

    score: float
    detail: str | None = None


class ScoredEntityResponse(EntityResponse):
    score: float = 0.99
    explanations: dict[str, FeatureResult] = Field(
        default_factory=dict,
        description="The score's parts by feature, and how they were calculated.",
    )
    match: bool = Field(False, description="Whether the score is above the match threshold.")
    decision: str | None = Field(
        None,
        description="thaw: an analyst's decision applied to this alert (true_match, "
        "reopened); suppressed false positives are not returned.",
    )


class TotalSpec(BaseModel):
    value: int = Field(..., examples=[42])
    relation: str = Field("eq", examples=["eq"])


class EntityExample(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str | None = Field(None, examples=["my-entity-id"])
    schema_: str = Field(..., examples=["Person"], alias="schema")
    properties: dict[str, str | list[Any]] = Field(..., examples=[{"name": ["John Doe"]}])


class EntityMatchQuery(BaseModel):
    weights: dict[str, float] = Field({}, examples=[{"name_literal": 0.8}])
    config: dict[str, str | int | float | bool | None] = Field(
        default_factory=dict, description="Algorithm-specific configuration parameters."
    )
    queries: dict[str, EntityExample]


class EntityMatches(BaseModel):
    status: int = Field(200, examples=[200])
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    limit: int = Field(..., examples=[5])


class SearchFacetItem(BaseModel):
    name: str = Field(..., examples=["ru"])
    label: str = Field(..., examples=["Russia"])
    count: int = Field(1, examples=[42])


class SearchFacet(BaseModel):
    label: str = Field(..., examples=["Countries"])
    values: list[SearchFacetItem]


class SearchResponse(BaseModel):
    limit: int = Field(..., examples=[20])
    offset: int = Field(0, examples=[0])
    total: TotalSpec
    results: list[EntityResponse]
    facets: dict[str, SearchFacet] = {}


class DatasetModel(BaseModel):
    """A dataset: ``default``, a source, an authority or an FtM dataset name.
    ``version`` is the active publication's date (sources) or the newest of its
    sources' (collections)."""

    name: str
    title: str
    summary: str | None = None
    url: str | None = None
    load: bool = True
    entities_url: str | None = None
    version: str
    index_version: str | None = None
    index_current: bool = True
    children: list[str] = []
    publication: dict[str, Any] | None = Field(
        default=None,
        description="thaw: the active publication of a source (id, date, sha256, records).",
    )


class DataCatalogModel(BaseModel):
    datasets: list[DatasetModel]
    current: list[str]
    outdated: list[str]
    index_stale: bool = False


class FeatureDoc(BaseModel):
    description: str | None = None
    coefficient: float = 0.0
    url: str | None = None


class AlgorithmDocs(BaseModel):
    name: str
    description: str | None = None
    features: dict[str, FeatureDoc] = {}


class Algorithm(BaseModel):
    name: str
    description: str | None = None
    features: dict[str, FeatureDoc] = {}
    docs: AlgorithmDocs


class AlgorithmResponse(BaseModel):
    algorithms: list[Algorithm]
    default: str
    best: str


class StatusResponse(BaseModel):
    status: str = "ok"
