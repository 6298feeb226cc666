"""Monitoring contracts shared by ``thaw portfolio|alerts|webhooks --json`` and the
HTTP API (``/portfolios``, ``/alerts``, ``/webhooks``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from thaw.store.portfolios import (
    Attempt,
    PortfolioInfo,
    PortfolioStore,
    StoredAlert,
    StoredEvent,
    Webhook,
)


class PortfolioModel(BaseModel):
    """A portfolio: its size, its current alerts (not suppressed) and the
    publication (per source) its alerts reflect."""

    name: str = Field(..., examples=["clients"])
    created_at: str
    threshold: float
    revision: int
    rows: int
    alerts: int
    publications: dict[str, int] = Field(default_factory=dict)

    @classmethod
    def of(cls, info: PortfolioInfo, publications: dict[str, int] | None = None) -> PortfolioModel:
        return cls(**info.to_dict(), publications=publications or {})


class AlertModel(BaseModel):
    """A row of a portfolio matching a listing."""

    portfolio: str
    row_id: str
    source: str
    source_id: str
    score: float
    matched_name: str
    profile_id: str | None
    listing_fingerprint: str
    since: str
    explanation: str

    @classmethod
    def of(cls, portfolio: str, row_id: str, alert: StoredAlert) -> AlertModel:
        return cls(
            portfolio=portfolio,
            row_id=row_id,
            source=alert.source,
            source_id=alert.source_id,
            score=alert.score,
            matched_name=alert.matched_name,
            profile_id=alert.profile_id,
            listing_fingerprint=alert.listing_hash,
            since=alert.since,
            explanation=alert.explanation,
        )


class PortfolioDetailModel(BaseModel):
    """A portfolio with its current alerts (``thaw portfolio show --json``)."""

    portfolio: PortfolioModel
    alerts: list[AlertModel]


class StepModel(BaseModel):
    """What a re-screening or an update did."""

    portfolio: str
    events: int
    changed_listings: int
    reached_rows: int = 0
    candidate_rows: int
    candidate_pairs: int
    seconds: float


class RowsRequest(BaseModel):
    """Portfolio rows: the columns of ``thaw screen-file`` with a required ``id``."""

    rows: list[dict[str, Any]] = Field(
        ...,
        examples=[[{"id": "c-001", "name": "Kirill Dmitriev", "schema": "Person"}]],
    )


class PortfolioRequest(RowsRequest):
    """A new portfolio."""

    name: str = Field(..., min_length=1, max_length=200, examples=["clients"])
    threshold: float | None = Field(None, ge=0.0, le=1.0)


class WebhookRequest(BaseModel):
    """A new webhook: events (of one portfolio, or of all) are POSTed to ``url``,
    signed with ``secret``."""

    url: str = Field(..., examples=["https://hooks.example.org/thaw"])
    secret: str = Field(..., min_length=8)
    portfolio: str | None = None


class WebhookModel(BaseModel):
    """A webhook (never its secret: its fingerprint, :func:`thaw.store.sealing.fingerprint`)."""

    id: int
    url: str
    portfolio: str | None
    secret_fingerprint: str | None = None
    created_at: str
    active: bool

    @classmethod
    def of(cls, hook: Webhook) -> WebhookModel:
        return cls(**hook.to_dict())


class AttemptModel(BaseModel):
    """One delivery attempt."""

    event_id: str
    webhook_id: int
    url: str
    at: str
    status_code: int | None
    error: str | None
    duration_ms: float
    outcome: str

    @classmethod
    def of(cls, attempt: Attempt) -> AttemptModel:
        return cls(**attempt.to_dict())


# -- the read side both interfaces answer with (thaw portfolio|alerts and the API) --------


def portfolio_models(ps: PortfolioStore) -> list[PortfolioModel]:
    """Every portfolio (``thaw portfolio list``, ``GET /portfolios``)."""
    return [PortfolioModel.of(p, ps.watermarks(p.id)) for p in ps.portfolios()]


def portfolio_detail(ps: PortfolioStore, name: str) -> PortfolioDetailModel:
    """One portfolio with its current alerts (``thaw portfolio show``, ``GET
    /portfolios/{name}``); :class:`~thaw.store.portfolios.PortfolioError` if unknown."""
    info = ps.portfolio(name)
    return PortfolioDetailModel(
        portfolio=PortfolioModel.of(info, ps.watermarks(info.id)),
        alerts=[AlertModel.of(p, rid, a) for p, rid, a in ps.current_alerts(name)],
    )


def alert_models(ps: PortfolioStore, portfolio: str | None = None) -> list[AlertModel]:
    """The current alerts of every portfolio or of one (``thaw alerts``, ``GET
    /alerts``); :class:`~thaw.store.portfolios.PortfolioError` if it is unknown."""
    if portfolio is not None:
        ps.portfolio(portfolio)
    return [AlertModel.of(p, rid, a) for p, rid, a in ps.current_alerts(portfolio)]


def recorded_events(
    ps: PortfolioStore, portfolio: str | None = None, since: str | None = None
) -> list[StoredEvent]:
    """The events recorded (of one portfolio, since a date), oldest first (``thaw
    alerts --events``, ``GET /alerts?events=true``)."""
    if portfolio is not None:
        ps.portfolio(portfolio)
    return ps.events(portfolio, since)
