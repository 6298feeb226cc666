"""The ownership exposure of a party as pydantic models (see :mod:`thaw.ownership`).

``thaw exposure --json`` prints a list of :class:`ExposureModel` and
``GET /ownership/exposure`` answers with the same list, so that the command line
and the API cannot drift apart. The nested owner, link and listing objects keep
the free shape of :meth:`thaw.ownership.Exposure.to_dict` (documented in
docs/OWNERSHIP.md); the answers per authority are typed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Status = Literal["listed", "blocked", "undetermined", "not_blocked", "no_list"]


class AnswerModel(BaseModel):
    """One authority's answer for one party."""

    status: Status = Field(examples=["blocked"])
    blocked: bool | None = Field(
        description="listed or blocked under the rule; null when no list of the authority is loaded"
    )
    rule: str = Field(examples=["US 50 % rule"])
    test: str = Field(examples=["50 % or more"])
    aggregation: bool = Field(description="whether different designated persons add up")
    summary: str = Field(
        examples=[
            "blocked under the US 50 % rule: 35 % held by X (listed by OFAC, programme P) + "
            "25 % via Y Ltd (owned 100 % by Z, listed by OFAC, programme P)"
        ]
    )
    holders: list[dict[str, Any]] = Field(
        description="the holdings behind the answer: owner, kind, share, percentages, status, "
        "listings"
    )
    notes: list[str]
    citation: str
    designated_holdings: float | None = Field(
        None, description="percentage held by designated or blocked owners (low figures)"
    )


class FoundModel(BaseModel):
    """How the party was found for the query."""

    method: Literal["key", "identifier", "name"]
    score: float
    evidence: str


class EffectiveStakesModel(BaseModel):
    """Stakes multiplied along each chain: information, not the test."""

    note: str
    holders: list[dict[str, Any]]


class ExposureModel(BaseModel):
    """A party's exposure under the US, EU and UK ownership-and-control rules."""

    party: dict[str, Any] = Field(description="key, name, schema, country, resolution")
    as_of: str = Field(examples=["2026-06-01"])
    blocked_by: list[str] = Field(examples=[["us"]])
    authorities: dict[str, AnswerModel]
    owners: list[dict[str, Any]] = Field(description="the links into the party in force")
    not_in_force: list[dict[str, Any]] = Field(description="ended or future links, with why")
    effective_stakes: EffectiveStakesModel
    cycle: list[str] | None = None
    match: FoundModel | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON object (``cycle``, ``match`` and ``designated_holdings`` only when
        set), identical to :meth:`thaw.ownership.Exposure.to_dict`."""
        data = self.model_dump(mode="json")
        for key in ("cycle", "match"):
            if data[key] is None:
                del data[key]
        for answer in data["authorities"].values():
            if answer["designated_holdings"] is None:
                del answer["designated_holdings"]
        return data
