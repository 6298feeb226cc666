"""Team routes: keys (admin), decisions and the audit trail (analyst)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from thaw.api.auth import SESSION_COOKIE, Principal, require
from thaw.api.deps import audit, check_when_param
from thaw.api.matching import QueryError, parse_example, target_fingerprint
from thaw.api.runtime import runtime
from thaw.decisions import customer_fingerprint
from thaw.schemas.state import (
    AuditVerifyModel,
    CreatedKeyModel,
    DecisionModel,
    DecisionRequest,
    KeyModel,
    KeyRequest,
    audit_lines,
)
from thaw.schemas.yente import EntityExample, ErrorResponse
from thaw.store.state import Decision

router = APIRouter()
_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorResponse, "description": "No valid API key"},
    403: {"model": ErrorResponse, "description": "The key's role is too low"},
}


@router.get("/keys", tags=["Keys"], response_model=list[KeyModel], responses=_ERRORS)
def list_keys(
    request: Request, principal: Annotated[Principal, Depends(require("admin"))]
) -> list[KeyModel]:
    """Every API key (without secrets), revoked ones included."""
    return [KeyModel.of(k) for k in runtime(request).state.keys.list()]


@router.post(
    "/keys", tags=["Keys"], response_model=CreatedKeyModel, status_code=201, responses=_ERRORS
)
def create_key(
    request: Request,
    body: KeyRequest,
    principal: Annotated[Principal, Depends(require("admin"))],
) -> CreatedKeyModel:
    """A new key; its ``secret`` is in this response only (only its hash is stored)."""
    rt = runtime(request)
    try:
        info, secret = rt.state.keys.create(body.name, body.role, rate=body.rate)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    audit(rt, principal, "keys.create", {"id": info.id, "name": info.name, "role": info.role})
    return CreatedKeyModel(**KeyModel.of(info).model_dump(), secret=secret)


@router.delete("/keys/{key_id}", tags=["Keys"], response_model=KeyModel, responses=_ERRORS)
def revoke_key(
    request: Request,
    key_id: str,
    principal: Annotated[Principal, Depends(require("admin"))],
) -> KeyModel:
    """Revoke a key; it stops working at once in this worker, and within a second
    (``THAW_KEY_CACHE_TTL``) in every other worker and instance."""
    rt = runtime(request)
    try:
        info = rt.state.keys.revoke(key_id)
    except KeyError:
        raise HTTPException(404, f"no such key: {key_id!r}") from None
    rt.keys.forget()
    audit(rt, principal, "keys.revoke", {"id": key_id})
    return KeyModel.of(info)


@router.post(
    "/decisions",
    tags=["Decisions"],
    response_model=DecisionModel,
    status_code=201,
    responses={**_ERRORS, 400: {"model": ErrorResponse}},
)
def decide(
    request: Request,
    body: DecisionRequest,
    principal: Annotated[Principal, Depends(require("analyst"))],
) -> DecisionModel:
    """Record a decision on an alert. ``customer`` is the customer's data as
    screened: an FtM example (``schema``, ``properties``, as sent to ``/match``) or
    any mapping; a false positive stays suppressed while it and the listing are
    unchanged."""
    rt = runtime(request)
    snap = rt.engine.current()
    listing_fp = target_fingerprint(snap, body.target_id) if snap else None
    if snap is not None and listing_fp is None:
        raise HTTPException(400, f"no active listing or profile {body.target_id!r}")
    customer_fp = None
    if body.customer:
        if "schema" in body.customer and "properties" in body.customer:
            try:
                example = EntityExample.model_validate(body.customer)
                customer_fp = parse_example(example).fingerprint
            except (QueryError, ValueError) as exc:
                raise HTTPException(400, f"invalid customer: {exc}") from exc
        else:
            customer_fp = customer_fingerprint(body.customer)
    try:
        decision = rt.state.decisions.record(
            Decision(
                customer_id=body.customer_id,
                target_id=body.target_id,
                verdict=body.verdict,
                reason=body.reason,
                decided_by=principal.name,
                listing_fingerprint=listing_fp,
                customer_fingerprint=customer_fp,
            )
        )
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    audit(
        rt,
        principal,
        "decide",
        {"customer_id": body.customer_id, "target_id": body.target_id},
        results=[{"decision_id": decision.id, "verdict": decision.verdict}],
    )
    return DecisionModel.of(decision)


@router.get("/decisions", tags=["Decisions"], response_model=list[DecisionModel], responses=_ERRORS)
def list_decisions(
    request: Request,
    principal: Annotated[Principal, Depends(require("analyst"))],
    since: Annotated[str | None, Query(description="ISO date or time")] = None,
    customer_id: Annotated[str | None, Query()] = None,
) -> list[DecisionModel]:
    """Decisions taken (since a time), or the current ones of one customer; a
    ``since`` that is no date or time is a 400."""
    check_when_param(since, "since")
    decisions = runtime(request).state.decisions
    if customer_id is not None:
        return [DecisionModel.of(d) for d in decisions.for_customer(customer_id).values()]
    return [DecisionModel.of(d) for d in decisions.list(since)]


@router.get("/audit", tags=["Audit"], responses=_ERRORS)
def export_audit(
    request: Request,
    principal: Annotated[Principal, Depends(require("analyst"))],
    since: Annotated[str | None, Query(description="ISO date or time (inclusive)")] = None,
    until: Annotated[str | None, Query(description="ISO date or time (exclusive)")] = None,
    format: Annotated[Literal["jsonl", "csv"], Query()] = "jsonl",
) -> StreamingResponse:
    """The audit trail between two times, streamed as JSON lines or CSV; a ``since``
    or ``until`` that is no date or time is a 400."""
    check_when_param(since, "since")
    check_when_param(until, "until")
    records = runtime(request).state.audit.export(since, until)
    media = "application/x-ndjson" if format == "jsonl" else "text/csv"
    return StreamingResponse(audit_lines(records, format), media_type=media)


@router.get("/audit/verify", tags=["Audit"], response_model=AuditVerifyModel, responses=_ERRORS)
def verify_audit(
    request: Request, principal: Annotated[Principal, Depends(require("analyst"))]
) -> AuditVerifyModel:
    """Recompute the hash chain: ``ok`` is false if any record was edited,
    inserted or deleted."""
    return AuditVerifyModel.of(runtime(request).state.audit.verify())


class SessionRequest(BaseModel):
    """A key to open a browser session with."""

    key: str = Field(min_length=1, max_length=200)


@router.post("/session", tags=["Keys"], response_model=KeyModel, responses=_ERRORS)
def open_session(request: Request, body: SessionRequest, response: Response) -> KeyModel:
    """Check a key and keep it in the ``thaw_session`` cookie (HttpOnly,
    SameSite=Strict), so that the web pages need not send headers."""
    rt = runtime(request)
    key = rt.state.keys.verify(body.key)
    if key is None:
        raise HTTPException(401, "invalid or revoked API key")
    response.set_cookie(
        SESSION_COOKIE,
        body.key,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=12 * 3600,
    )
    return KeyModel.of(key)


@router.delete("/session", tags=["Keys"], status_code=204)
def close_session(response: Response) -> Response:
    """Forget the session cookie."""
    response.delete_cookie(SESSION_COOKIE)
    response.status_code = 204
    return response
