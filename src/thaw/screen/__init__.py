"""Screening: names one by one (:class:`Screener`) and files in bulk (:func:`screen_file`).

See :mod:`thaw.screen.screener` for the result contract and
:mod:`thaw.screen.batch` for the file formats.
"""

from __future__ import annotations

from thaw.screen.inputs import ACCEPTED_SCHEMATA, ScreenInputError, make_query
from thaw.screen.screener import (
    DEFAULT_CANDIDATES,
    Hit,
    Listing,
    NoListsLoaded,
    Screener,
    ScreenResult,
)

__all__ = [
    "ACCEPTED_SCHEMATA",
    "DEFAULT_CANDIDATES",
    "Hit",
    "Listing",
    "NoListsLoaded",
    "ScreenInputError",
    "ScreenResult",
    "Screener",
    "make_query",
]
