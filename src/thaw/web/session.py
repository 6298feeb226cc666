"""The web page's session: the analyst's API key, kept in a session cookie.

The service's own authentication (:mod:`thaw.api.auth`) reads the key from the
``thaw_session`` cookie as well as from the ``Authorization`` header, so the
pages' scripts call the JSON API with the cookie and every route checks the key
and its role exactly as for any other client. The cookie is HTTP-only (scripts
cannot read it), ``SameSite=Strict`` (another site cannot make the browser send
it) and ``Secure`` when the page is served over HTTPS; like the one ``POST
/session`` sets, it lasts 12 hours at most, and signing out deletes it. (The form
here signs in without JavaScript and returns the analyst to the page they asked
for.)
"""

from __future__ import annotations

from fastapi import Request, Response

from thaw.api.auth import ANONYMOUS, SESSION_COOKIE, Principal, key_from_request
from thaw.api.runtime import runtime

SESSION_HOURS = 12
"""How long a sign-in lasts (as the cookie of ``POST /session``)."""


def verify_key(request: Request, secret: str) -> Principal | None:
    """The principal of ``secret`` if it is a valid, unrevoked key (any role);
    the anonymous admin when the server runs without authentication."""
    rt = runtime(request)
    if not rt.settings.auth:
        return ANONYMOUS
    if not secret:
        return None
    key = rt.state.keys.verify(secret)
    return Principal(key.id, key.name, key.role) if key is not None else None


def principal(request: Request) -> Principal | None:
    """Who is signed in on this request (from the cookie or a header), if anyone."""
    rt = runtime(request)
    if not rt.settings.auth:
        return ANONYMOUS
    secret = key_from_request(request)
    return verify_key(request, secret) if secret else None


def set_cookie(request: Request, response: Response, secret: str) -> None:
    """Keep ``secret`` in the session cookie of ``response``."""
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
        max_age=SESSION_HOURS * 3600,
    )


def clear_cookie(response: Response) -> None:
    """Delete the session cookie."""
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
