"""The query and result types of the matcher."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Query:
    """What is being screened: a name and whatever else is known.

    ``schema`` is a model schema or ``None`` (unknown); ``birth_date`` is an ISO
    partial date; ``countries`` are ISO-2 codes; ``id_numbers`` are identifier
    numbers as given (their kind unknown; IMO numbers are recognised by their
    check digit); ``identifiers`` are typed identifiers as ``(kind, number)``
    pairs with the kinds of :class:`thaw.model.Identifier` (``passport``,
    ``tax_id``, ``imo`` …), which can also *conflict* with a listing's
    identifier of the same kind. ``as_named`` says the name is a party's name
    as someone wrote it down (a pasted name, a file's row): with no schema, it
    is then also read as an organisation's or vessel's name against such
    listings (:func:`thaw.match.organised_reading`: *Los Zetas*, *Second
    Economic Committee*). Free text sets it ``False``: which of its phrases
    name a company, its own rules decide.
    """

    name: str
    schema: str | None = None
    birth_date: str | None = None
    countries: tuple[str, ...] = ()
    gender: str | None = None
    id_numbers: tuple[str, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()
    as_named: bool = True


@dataclass(frozen=True, slots=True)
class FeatureResult:
    """One feature's part in a score: the feature's name, its contribution on the
    log-odds scale (after its weight; the score is the sigmoid of their sum) and
    what it found, in words."""

    feature: str
    contribution: float
    detail: str

    def to_dict(self) -> dict[str, Any]:
        """``{feature, contribution, detail}`` (the JSON form)."""
        return {
            "feature": self.feature,
            "contribution": self.contribution,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The score of one query against one listing.

    ``score`` is calibrated in [0, 1]; ``matched_name`` the listing's name that
    aligned best; ``features`` each feature's contribution by name (``name`` is
    the name score itself, the others log-odds contributions); ``explanation``
    a human-readable account of what aligned, agreed and conflicted, and
    ``evidence`` the same, structured: one :class:`FeatureResult` per feature
    that had something to say (empty when the result was not explained).
    """

    score: float
    matched_name: str
    explanation: str
    features: dict[str, float] = field(default_factory=dict)
    evidence: tuple[FeatureResult, ...] = ()
