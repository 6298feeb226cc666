"""The analysts' web page, served by ``thaw serve`` at ``/``.

Server-rendered Jinja2 pages (``templates/``) with a little vanilla JavaScript
(``static/``) that calls the service's own JSON endpoints: nothing is fetched from
the internet, and there is no build step. The package exports one
``router: APIRouter`` holding the pages, the sign-in and sign-out forms and the
static files (under ``/static``); :func:`thaw.api.app.create_app` includes it.

Pages: Screen (``/``), Screen a file (``/file``), Screen a document
(``/document``), Alert review (``/alerts``), Party profile (``/profile/{id}``),
Changes (``/changes``), What-if (``/whatif``) and Audit (``/audit``). Every page
keeps its state in the query string, so a search, a profile or a diff can be
bookmarked and shared.
"""

from __future__ import annotations

from thaw.web.pages import router

__all__ = ["router"]
