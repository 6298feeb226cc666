"""Typed response models shared by the command line's ``--json`` and the HTTP API.

One set of pydantic models is the contract of both interfaces, so that they cannot
drift apart, and the HTTP API's OpenAPI document is generated from the same
classes:

* thaw's own screening contract (:class:`ScreenResultModel`, :class:`HitModel`,
  :class:`ListingModel`): the object ``thaw screen --json`` prints and
  ``thaw screen-file`` writes per row;
* yente-compatible models (:mod:`thaw.schemas.yente`): ``/match``, ``/search``,
  ``/entities``, ``/catalog`` and ``/algorithms`` answer in yente 5.x's shapes;
* team state (:mod:`thaw.schemas.state`): keys, decisions, audit records.
"""

from __future__ import annotations

from thaw.schemas.screening import HitModel, ListingModel, ScreenResultModel
from thaw.schemas.state import (
    AuditRecordModel,
    AuditVerifyModel,
    CreatedKeyModel,
    DecisionModel,
    DecisionRequest,
    KeyModel,
)

__all__ = [
    "AuditRecordModel",
    "AuditVerifyModel",
    "CreatedKeyModel",
    "DecisionModel",
    "DecisionRequest",
    "HitModel",
    "KeyModel",
    "ListingModel",
    "ScreenResultModel",
]
