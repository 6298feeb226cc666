"""thaw's screening contract as pydantic models (see :mod:`thaw.screen.screener`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from thaw.screen import Hit, Listing, ScreenResult


class ListingModel(BaseModel):
    """One listing behind a hit: where it is published and under which programmes.
    ``birth_estimates`` (the birth years the listing publishes as an estimate,
    ``circa 1975``, as the year published) is written only when there are some."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(examples=["us_ofac_sdn"])
    source_id: str = Field(examples=["34336"])
    programs: list[str] = Field(examples=[["RUSSIA-EO14024"]])
    listed_on: str | None = Field(None, examples=["2022-02-28"])
    birth_estimates: list[str] = Field(default_factory=list, examples=[["1975"]])

    @model_serializer(mode="wrap")
    def _drop_unset(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if not data.get("birth_estimates"):
            data.pop("birth_estimates", None)
        return data

    @classmethod
    def of(cls, listing: Listing) -> ListingModel:
        return cls(
            source=listing.source,
            source_id=listing.source_id,
            programs=list(listing.programs),
            listed_on=listing.listed_on,
            birth_estimates=list(listing.birth_estimates),
        )


class FeatureModel(BaseModel):
    """One feature's part in a hit's score: its contribution on the log-odds scale
    (after its weight; the score is the sigmoid of the sum) and what it found."""

    model_config = ConfigDict(frozen=True)

    feature: str = Field(examples=["name"])
    contribution: float = Field(examples=[3.2])
    detail: str = Field(examples=["kirill=kirill, dmitriev=dmitriev"])


class HitModel(BaseModel):
    """A listed party scoring at or above the threshold.

    ``profile_id`` (the party across authorities) and ``decision`` (an analyst's
    decision applied to this alert: ``true_match``, ``reopened``; suppressed false
    positives are not returned) are written only when set.
    """

    score: float = Field(examples=[0.97])
    schema_: str = Field(alias="schema", examples=["Person"])
    name: str
    matched_name: str
    listings: list[ListingModel]
    explanation: str
    features: list[FeatureModel] = Field(default_factory=list)
    profile_id: str | None = None
    decision: str | None = None

    model_config = ConfigDict(populate_by_name=True)

    @model_serializer(mode="wrap")
    def _drop_unset(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        for key in ("profile_id", "decision"):
            if data.get(key) is None:
                data.pop(key, None)
        return data

    @classmethod
    def of(cls, hit: Hit, decision: str | None = None) -> HitModel:
        return cls(
            score=hit.score,
            schema=hit.schema,
            name=hit.name,
            matched_name=hit.matched_name,
            listings=[ListingModel.of(x) for x in hit.listings],
            explanation=hit.explanation,
            features=[
                FeatureModel(feature=f.feature, contribution=f.contribution, detail=f.detail)
                for f in hit.features
            ],
            profile_id=hit.profile_id,
            decision=decision,
        )


class ScreenResultModel(BaseModel):
    """The outcome of screening one name: ``row`` is its 1-based position in the
    input, ``id`` the caller's identifier (``null`` when none), ``hits`` best first."""

    row: int = Field(examples=[1])
    id: Any = None
    name: str = Field(examples=["Kirill Dmitriev"])
    hits: list[HitModel]

    @classmethod
    def of(cls, result: ScreenResult) -> ScreenResultModel:
        return cls(
            row=result.row,
            id=result.id,
            name=result.name,
            hits=[HitModel.of(h) for h in result.hits],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object (identical to :meth:`thaw.screen.ScreenResult.to_dict`)."""
        return self.model_dump(mode="json", by_alias=True)
