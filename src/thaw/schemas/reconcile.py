"""The reconciliation API's models (W3C reconciliation 0.2, as yente serves it),
so that OpenRefine can reconcile a spreadsheet against the lists."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, RootModel


class FreebaseType(BaseModel):
    id: str = Field(..., examples=["Person"])
    name: str = Field(..., examples=["People"])
    description: str | None = None


class FreebaseProperty(BaseModel):
    id: str = Field(..., examples=["Person:birthDate"])
    name: str = Field(..., examples=["Birth date"])
    description: str | None = None


class FreebaseEntity(BaseModel):
    id: str
    name: str
    description: str | None = None
    type: list[FreebaseType]


class FreebaseScoredEntity(FreebaseEntity):
    score: float | None = None
    match: bool | None = None


class FreebaseEntityResult(BaseModel):
    result: list[FreebaseScoredEntity]


class FreebaseSuggestResponse(BaseModel):
    code: str = "/api/status/ok"
    status: str = "200 OK"
    prefix: str


class FreebaseTypeSuggestResponse(FreebaseSuggestResponse):
    result: list[FreebaseType]


class FreebaseEntitySuggestResponse(FreebaseSuggestResponse):
    result: list[FreebaseEntity]


class FreebasePropertySuggestResponse(FreebaseSuggestResponse):
    result: list[FreebaseProperty]


class FreebaseExtendProperty(BaseModel):
    id: str
    name: str


class FreebaseExtendPropertiesResponse(BaseModel):
    limit: int
    type: str
    properties: list[FreebaseExtendProperty]


class FreebaseExtendQueryPropertySettings(BaseModel):
    limit: int = 0
    render: str = "caption"


class FreebaseExtendQueryProperty(BaseModel):
    id: str
    settings: FreebaseExtendQueryPropertySettings = FreebaseExtendQueryPropertySettings()


class FreebaseExtendQuery(BaseModel):
    ids: list[str]
    properties: list[FreebaseExtendQueryProperty]


class FreebaseExtendResponseMeta(BaseModel):
    id: str
    name: str


class FreebaseExtendResponseValue(BaseModel):
    str: str


class FreebaseExtendResponse(BaseModel):
    meta: list[FreebaseExtendResponseMeta]
    rows: dict[str, dict[str, list[FreebaseExtendResponseValue]]]


class FreebaseManifestSuggestType(BaseModel):
    service_url: str
    service_path: str


class FreebaseManifestSuggest(BaseModel):
    entity: FreebaseManifestSuggestType
    type: FreebaseManifestSuggestType
    property: FreebaseManifestSuggestType


class FreebaseManifestExtendPropertySetting(BaseModel):
    name: str
    label: str
    type: str
    default: Any
    help_text: str
    choices: list[dict[str, str]] = []


class FreebaseManifestExtend(BaseModel):
    propose_properties: FreebaseManifestSuggestType
    propose_settings: list[FreebaseManifestExtendPropertySetting]


class FreebaseManifest(BaseModel):
    versions: list[str] = Field(..., examples=[["0.2"]])
    name: str
    identifierSpace: str
    schemaSpace: str
    documentation: str
    batchSize: int
    view: dict[str, str]
    preview: dict[str, Any]
    suggest: FreebaseManifestSuggest
    extend: FreebaseManifestExtend
    defaultTypes: list[FreebaseType]


class FreebaseReconPropertyFilter(BaseModel):
    pid: str
    v: str | list[str]


class FreebaseReconQuery(BaseModel):
    query: str | None = None
    type: str | list[str] | None = None
    limit: int = Field(5, ge=0, le=100)
    properties: list[FreebaseReconPropertyFilter] = []


FreebaseReconBatch = RootModel[dict[str, FreebaseReconQuery]]
