"""Monitoring routes: portfolios, their alerts and events, webhooks.

``GET /portfolios`` and ``GET /portfolios/{name}`` (role ``screen``),
``POST /portfolios`` and ``PUT /portfolios/{name}/rows`` (``analyst``),
``DELETE /portfolios/{name}`` (``admin``); ``GET /alerts`` (``screen``: current
alerts, or with ``events=true``/``since`` the events); ``GET|POST /webhooks``,
``DELETE /webhooks/{id}`` and ``GET /webhooks/log`` (``admin``: they hold secrets
and reach out to other hosts). The JSON is that of ``thaw portfolio|alerts|webhooks
--json`` (:mod:`thaw.schemas.monitor`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from thaw.api.auth import Principal, require
from thaw.api.deps import audit, check_when_param
from thaw.api.runtime import runtime
from thaw.match import DEFAULT_THRESHOLD
from thaw.monitor import Monitor, PortfolioError, PortfolioInputError, RowData
from thaw.monitor.inputs import row_from_fields
from thaw.monitor.webhooks import WebhookError, check_url
from thaw.schemas.monitor import (
    AttemptModel,
    PortfolioDetailModel,
    PortfolioModel,
    PortfolioRequest,
    RowsRequest,
    StepModel,
    WebhookModel,
    WebhookRequest,
    alert_models,
    portfolio_detail,
    portfolio_models,
    recorded_events,
)
from thaw.schemas.yente import ErrorResponse
from thaw.screen import NoListsLoaded
from thaw.store import default_home
from thaw.store.portfolios import PortfolioStore

router = APIRouter(tags=["Monitoring"])
_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse, "description": "Invalid request"},
    401: {"model": ErrorResponse, "description": "No valid API key"},
    403: {"model": ErrorResponse, "description": "The key's role is too low"},
    404: {"model": ErrorResponse, "description": "No such portfolio or webhook"},
    409: {"model": ErrorResponse, "description": "The portfolio exists already"},
}


@contextmanager
def _portfolios(request: Request) -> Iterator[PortfolioStore]:
    """The monitoring store; an unknown portfolio or webhook is a 404."""
    with PortfolioStore(default_home(runtime(request).settings.home)) as ps:
        try:
            yield ps
        except PortfolioError as exc:
            raise HTTPException(404, str(exc)) from exc


@contextmanager
def _monitor(request: Request) -> Iterator[Monitor]:
    """A monitor over the server's store; an unknown portfolio is a 404."""
    # one process: the server's worker threads must not fork
    with Monitor(runtime(request).engine.store(), workers=1) as monitor:
        try:
            yield monitor
        except PortfolioError as exc:
            raise HTTPException(404, str(exc)) from exc


def _rows(body: RowsRequest) -> list[tuple[str, RowData]]:
    rows: list[tuple[str, RowData]] = []
    problems: list[str] = []
    seen: set[str] = set()
    for n, fields in enumerate(body.rows, start=1):
        try:
            row_id, data = row_from_fields(fields, f"row {n}")
        except PortfolioInputError as exc:
            problems.append(str(exc))
            continue
        if row_id in seen:
            problems.append(f"row {n}: id {row_id!r} appears more than once")
            continue
        seen.add(row_id)
        rows.append((row_id, data))
    if problems:
        raise HTTPException(400, "; ".join(problems[:10]))
    if not rows:
        raise HTTPException(400, "no rows")
    return rows


@router.get("/portfolios", response_model=list[PortfolioModel], responses=_ERRORS)
def list_portfolios(
    request: Request, principal: Annotated[Principal, Depends(require("screen"))]
) -> list[PortfolioModel]:
    """Every portfolio with its row and alert counts."""
    with _portfolios(request) as ps:
        return portfolio_models(ps)


@router.get("/portfolios/{name}", response_model=PortfolioDetailModel, responses=_ERRORS)
def show_portfolio(
    request: Request, name: str, principal: Annotated[Principal, Depends(require("screen"))]
) -> PortfolioDetailModel:
    """A portfolio with its current alerts."""
    with _portfolios(request) as ps:
        return portfolio_detail(ps, name)


@router.post("/portfolios", response_model=PortfolioModel, status_code=201, responses=_ERRORS)
def add_portfolio(
    request: Request,
    body: PortfolioRequest,
    principal: Annotated[Principal, Depends(require("analyst"))],
) -> PortfolioModel:
    """Create a portfolio from rows and screen it against the active lists."""
    rows = _rows(body)
    with _monitor(request) as monitor:
        if body.name in {p.name for p in monitor.portfolios.portfolios()}:
            raise HTTPException(409, f"a portfolio named {body.name!r} exists already")
        try:
            info = monitor.add(body.name, rows, body.threshold or DEFAULT_THRESHOLD)
        except PortfolioError as exc:
            raise HTTPException(400, str(exc)) from exc
        except NoListsLoaded as exc:
            raise HTTPException(503, str(exc)) from exc
        marks = monitor.portfolios.watermarks(info.id)
    audit(runtime(request), principal, "portfolios.add", {"name": body.name, "rows": len(rows)})
    return PortfolioModel.of(info, marks)


@router.put("/portfolios/{name}/rows", response_model=StepModel, responses=_ERRORS)
def update_portfolio(
    request: Request,
    name: str,
    body: RowsRequest,
    principal: Annotated[Principal, Depends(require("analyst"))],
) -> StepModel:
    """Make these rows the portfolio's rows (adds, changes, removals by id)."""
    rows = _rows(body)
    with _monitor(request) as monitor:
        step = monitor.update(name, rows)
    audit(runtime(request), principal, "portfolios.update", {"name": name, "rows": len(rows)})
    return StepModel(**step.to_dict())


@router.delete("/portfolios/{name}", status_code=204, responses=_ERRORS)
def delete_portfolio(
    request: Request, name: str, principal: Annotated[Principal, Depends(require("admin"))]
) -> None:
    """Delete a portfolio with its rows and alerts (its events stay in the log)."""
    with _portfolios(request) as ps:
        ps.delete_portfolio(name)
    audit(runtime(request), principal, "portfolios.delete", {"name": name})


@router.get("/alerts", responses=_ERRORS)
def alerts(
    request: Request,
    principal: Annotated[Principal, Depends(require("screen"))],
    portfolio: Annotated[str | None, Query(description="Only this portfolio.")] = None,
    since: Annotated[
        str | None, Query(description="Events recorded at or after this ISO date or time.")
    ] = None,
    events: Annotated[bool, Query(description="The events rather than the alerts.")] = False,
) -> list[dict[str, Any]]:
    """Current alerts (``thaw alerts --json``) or, with ``events`` or ``since``, the
    events (``new_hit``, ``hit_amended``, ``hit_removed``, ``row_changed``,
    ``ownership_hit``); a ``since`` that is no date or time is a 400."""
    check_when_param(since, "since")
    with _portfolios(request) as ps:
        if events or since is not None:
            return [e.payload for e in recorded_events(ps, portfolio, since)]
        return [a.model_dump() for a in alert_models(ps, portfolio)]


@router.get("/webhooks", response_model=list[WebhookModel], responses=_ERRORS)
def list_webhooks(
    request: Request, principal: Annotated[Principal, Depends(require("admin"))]
) -> list[WebhookModel]:
    """Registered webhooks (without their secrets)."""
    with _portfolios(request) as ps:
        return [WebhookModel.of(h) for h in ps.webhooks()]


@router.post("/webhooks", response_model=WebhookModel, status_code=201, responses=_ERRORS)
def add_webhook(
    request: Request,
    body: WebhookRequest,
    principal: Annotated[Principal, Depends(require("admin"))],
) -> WebhookModel:
    """Deliver the events recorded from now on (of one portfolio) to ``url``."""
    try:
        check_url(body.url)
    except WebhookError as exc:
        raise HTTPException(400, str(exc)) from exc
    with _portfolios(request) as ps:
        hook = ps.add_webhook(body.url, body.secret, body.portfolio)
    audit(runtime(request), principal, "webhooks.add", {"id": hook.id, "url": hook.url})
    return WebhookModel.of(hook)


@router.delete("/webhooks/{webhook_id}", status_code=204, responses=_ERRORS)
def delete_webhook(
    request: Request,
    webhook_id: Annotated[int, Path(ge=1, le=2**63 - 1)],  # SQLite's integers
    principal: Annotated[Principal, Depends(require("admin"))],
) -> None:
    """Stop delivering to a webhook."""
    with _portfolios(request) as ps:
        ps.deactivate_webhook(webhook_id)
    audit(runtime(request), principal, "webhooks.remove", {"id": webhook_id})


@router.get("/webhooks/log", response_model=list[AttemptModel], responses=_ERRORS)
def webhook_log(
    request: Request,
    principal: Annotated[Principal, Depends(require("admin"))],
    webhook: Annotated[int | None, Query(description="Only this webhook.")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 200,
) -> list[AttemptModel]:
    """The newest delivery attempts."""
    with _portfolios(request) as ps:
        return [AttemptModel.of(a) for a in ps.attempts(webhook, limit)]
