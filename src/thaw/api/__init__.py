"""The HTTP service (``thaw serve``): yente-compatible screening with keys,
decisions and an audit trail.

* :mod:`thaw.api.app`: :func:`~thaw.api.app.create_app`, the FastAPI application;
* :mod:`thaw.api.settings`: every ``THAW_*`` setting, read in one place;
* :mod:`thaw.api.auth`: keys, roles and rate limits (:func:`~thaw.api.auth.require`);
* :mod:`thaw.api.engine`: the active lists, replaced without downtime;
* :mod:`thaw.api.routers`: one router per group of routes.

The response models are those of :mod:`thaw.schemas`, shared with the command line.
"""

from __future__ import annotations
