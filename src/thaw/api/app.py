"""The FastAPI application: :func:`create_app` wires settings, the runtime, the
limits, CORS and every router of :data:`thaw.api.routers.ROUTERS` (plus
``thaw.web.router`` when the web pages are installed)."""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

import thaw
from thaw.api.fastpath import MatchFastPath
from thaw.api.limits import BodyLimit
from thaw.api.routers import ROUTERS
from thaw.api.runtime import Runtime
from thaw.api.settings import Settings

log = logging.getLogger("thaw.api")

DESCRIPTION = """\
Sanctions screening against the official lists, compatible with
[yente](https://github.com/opensanctions/yente) 5.x (`/match`, `/search`,
`/entities`, `/catalog`, `/algorithms`, `/reconcile`), with API keys, analysts'
decisions and a hash-chained audit trail of every screening.

Send your key as `Authorization: Bearer KEY` (or `ApiKey KEY`).
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service application (settings default to :meth:`Settings.from_env`)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        rt = Runtime.start(settings)
        app.state.thaw = rt
        try:
            yield
        finally:
            rt.close()

    app = FastAPI(
        title="thaw",
        version=thaw.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # as yente: a JSON body without a Content-Type header is still JSON
        strict_content_type=False,
    )
    app.state.settings = settings
    for name in ROUTERS:
        module = importlib.import_module(f"thaw.api.routers.{name}")
        app.include_router(module.router)
    try:
        web = importlib.import_module("thaw.web")
    except ModuleNotFoundError as exc:
        if exc.name not in ("thaw.web",):
            raise
    else:
        app.include_router(web.router)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal server error"}, status_code=500)

    app.add_middleware(MatchFastPath)  # inside the body cap and CORS
    app.add_middleware(BodyLimit, max_body=settings.max_body, max_upload=settings.max_upload)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    return app
