"""The FastAPI application: :func:`create_app` wires settings, the runtime, the
limits, CORS and every router of :data:`thaw.api.routers.ROUTERS` (plus
``thaw.web.router`` when the web pages are installed)."""

from __future__ import annotations

import importlib
import logging
import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
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


_ECHO = 1000
"""Longest string of a request that a validation error echoes (``input``)."""
_ECHO_DEPTH = 8
"""Deepest nesting of a request that a validation error echoes."""
_ECHO_ITEMS = 100
"""Most items of a list or object that a validation error echoes."""


def json_safe(value: Any, depth: int = 0) -> Any:
    """A validation error's details as JSON can carry them. FastAPI echoes the
    offending ``input``, and its own encoding of it made the 422 answer fail (a
    500) for a float JSON cannot write (``1e999`` parses as infinity), a string
    UTF-8 cannot (a lone surrogate, ``"\\ud800"``) and a value nested some
    hundreds deep (a ``RecursionError``). Here such floats become their text, such
    characters their escapes; strings are cut at :data:`_ECHO` characters, lists
    and objects at :data:`_ECHO_ITEMS` items and :data:`_ECHO_DEPTH` levels (what
    is deeper is ``"…"``), and anything else is its text."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, str):
        if len(value) > _ECHO:
            value = value[:_ECHO] + "…"
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict | list | tuple):
        if depth >= _ECHO_DEPTH:
            return "…"
        if isinstance(value, dict):
            items = list(value.items())[:_ECHO_ITEMS]
            return {str(json_safe(k, depth + 1)): json_safe(v, depth + 1) for k, v in items}
        return [json_safe(v, depth + 1) for v in list(value)[:_ECHO_ITEMS]]
    return json_safe(str(value), depth)


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

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": json_safe(exc.errors())}, 422)

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
