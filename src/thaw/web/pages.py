"""The page routes: one Jinja2 template per page, the static files, sign-in and out.

Pages are shells: the server renders the layout, the form (pre-filled from the
query string, so the URL is the bookmark) and the empty state; the page's script
then calls the JSON API with the session cookie and fills in the results.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from thaw.web import session

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))

router = APIRouter(include_in_schema=False)

PAGES: tuple[tuple[str, str, str], ...] = (
    ("screen", "/", "Screen"),
    ("file", "/web/file", "Screen a file"),
    ("document", "/web/document", "Screen a document"),
    ("alerts", "/web/alerts", "Alert review"),
    ("changes", "/web/changes", "Changes"),
    ("whatif", "/web/whatif", "What-if"),
    ("audit", "/web/audit", "Audit"),
)
"""The navigation: (page id, path, label). The profile page is reached from results."""


@cache
def asset_version() -> str:
    """A digest of every static file: asset URLs carry it, so browsers may cache
    them for good and still see a new release at once."""
    digest = hashlib.sha256()
    for path in sorted(STATIC.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


SECURITY_HEADERS = {
    # scripts and everything else only from this server; inline style attributes
    # are allowed (the charts and progress bars set widths), inline scripts are not
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
"""Headers of every page."""


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    return response


def _render(request: Request, page: str, title: str, **context: Any) -> Response:
    """Render ``page``.html, or send the visitor to sign in first."""
    who = session.principal(request)
    if who is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/web/signin?next={quote(target, safe='')}", status_code=303)
    return _page(
        request,
        f"{page}.html",
        {
            "page": page,
            "title": title,
            "pages": PAGES,
            "who": who,
            "v": asset_version(),
            "q": request.query_params,
            "monitoring": _has_route(request, "/alerts"),
            **context,
        },
    )


def _has_route(request: Request, path: str) -> bool:
    """Whether the service has a route at ``path`` (monitoring's ``/alerts`` is
    optional: the pages offer what it serves only when it is there)."""

    def paths(routes: list[Any]) -> Iterator[str]:
        for route in routes:
            included = getattr(route, "original_router", None)  # FastAPI ≥ 0.16x
            if included is not None:
                yield from paths(included.routes)
            elif isinstance(getattr(route, "path", None), str):
                yield route.path

    return path in paths(request.app.routes)


@router.get("/", response_class=HTMLResponse)
def screen_page(request: Request) -> Response:
    """Screen one name: results with badges and expandable evidence."""
    return _render(request, "screen", "Screen")


@router.get("/web/file", response_class=HTMLResponse)
def file_page(request: Request) -> Response:
    """Screen a CSV, XLSX or JSONL file with a progress bar."""
    return _render(request, "file", "Screen a file")


@router.get("/web/document", response_class=HTMLResponse)
def document_page(request: Request) -> Response:
    """Screen pasted text or an HTML, PDF or DOCX document."""
    return _render(request, "document", "Screen a document")


@router.get("/web/alerts", response_class=HTMLResponse)
def alerts_page(request: Request) -> Response:
    """The queue of open alerts and the decisions taken."""
    return _render(request, "alerts", "Alert review")


@router.get("/web/profile/{ref:path}", response_class=HTMLResponse)
def profile_page(request: Request, ref: str) -> Response:
    """One party across authorities: listings, links and a timeline."""
    return _render(request, "profile", "Party profile", ref=ref)


@router.get("/web/changes", response_class=HTMLResponse)
def changes_page(request: Request) -> Response:
    """What changed between two publications, and list sizes over time."""
    return _render(request, "changes", "Changes")


@router.get("/web/whatif", response_class=HTMLResponse)
def whatif_page(request: Request) -> Response:
    """Who clears and who stays listed if some programmes were lifted."""
    return _render(request, "whatif", "What-if")


@router.get("/web/audit", response_class=HTMLResponse)
def audit_page(request: Request) -> Response:
    """The audit trail, searchable."""
    return _render(request, "audit", "Audit")


def _safe_next(target: str | None) -> str:
    """Only a local path is a place to return to after signing in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/web/signin", response_class=HTMLResponse)
def signin_page(request: Request, next: str | None = None) -> Response:
    """The sign-in form: an API key, kept afterwards in a session cookie."""
    return _page(
        request,
        "signin.html",
        {
            "page": "signin",
            "title": "Sign in",
            "pages": (),
            "who": session.principal(request),
            "v": asset_version(),
            "next": _safe_next(next),
            "error": None,
        },
    )


@router.post("/web/signin", response_class=HTMLResponse)
def signin(request: Request, key: str = Form(""), next: str = Form("/")) -> Response:  # noqa: B008
    """Check the key; on success set the session cookie and go where the analyst was."""
    who = session.verify_key(request, key.strip())
    if who is None:
        return _page(
            request,
            "signin.html",
            {
                "page": "signin",
                "title": "Sign in",
                "pages": (),
                "who": None,
                "v": asset_version(),
                "next": _safe_next(next),
                "error": "That key is not valid (unknown or revoked).",
            },
            401,
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    session.set_cookie(request, response, key.strip())
    return response


@router.post("/web/signout")
def signout(request: Request) -> Response:
    """Forget the session cookie."""
    response = RedirectResponse("/web/signin", status_code=303)
    session.clear_cookie(response)
    return response


@router.get("/web/static/{name:path}")
def static(name: str) -> Response:
    """A file of the package's ``static/`` folder (never outside it)."""
    path = (STATIC / name).resolve()
    if not path.is_relative_to(STATIC) or not path.is_file():
        raise HTTPException(404, f"no static file {name!r}")
    media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix == ".js":
        media = "text/javascript"
    return Response(
        path.read_bytes(),
        media_type=media,
        headers={"Cache-Control": "public, max-age=31536000, immutable"},
    )
