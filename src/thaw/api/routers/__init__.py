"""The routers of the service, one module per group of routes, each exporting
``router: APIRouter``. :func:`thaw.api.app.create_app` includes every module named
in :data:`ROUTERS`; add yours with one line."""

from __future__ import annotations

ROUTERS: list[str] = [
    "health",
    "match",
    "screening",
    "reports",
    "reconcile",
    "admin",
    "ownership",
    "monitor",
    "analyst",
]
"""Module names under :mod:`thaw.api.routers`, in inclusion order."""
