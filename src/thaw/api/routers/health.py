"""Liveness and readiness: ``/healthz`` and ``/readyz`` (no key needed)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from thaw.api.runtime import runtime
from thaw.schemas.yente import StatusResponse

router = APIRouter(tags=["System information"])


@router.get("/healthz", response_model=StatusResponse)
def healthz() -> StatusResponse:
    """The process is up."""
    return StatusResponse(status="ok")


@router.get("/readyz", response_model=StatusResponse, responses={503: {"model": StatusResponse}})
def readyz(request: Request) -> JSONResponse:
    """The lists are loaded and screening can be answered (503 until then).

    ``worker`` names the process that answered: with ``--workers N``, each
    process loads the lists itself, and is ready when it has."""
    rt = runtime(request)
    snap = rt.engine.current()
    if snap is None:
        return JSONResponse({"status": "loading", "worker": rt.worker}, status_code=503)
    return JSONResponse(
        {
            "status": "ok",
            "lists": snap.fingerprint,
            "listings": len(snap.screener),
            "worker": rt.worker,
        }
    )
