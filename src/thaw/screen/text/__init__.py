"""Screening free text: news articles, contracts, invoices, manifests.

:class:`TextScreener` finds every listed party mentioned in a document (plain text,
HTML, PDF or DOCX) and reports each mention with its offsets and a snippet, the
listing(s) it matched with their authorities and programmes, a score and an
explanation; then one line per party. See :mod:`thaw.screen.text.mentions` for how
mentions are found and why first names, lone surnames, places and institutions are
not hits.
"""

from __future__ import annotations

from thaw.screen.text.extract import ExtractError, extract_text, read_document
from thaw.screen.text.screener import (
    TEXT_THRESHOLD,
    PartyFound,
    TextMention,
    TextResult,
    TextScreener,
)

__all__ = [
    "TEXT_THRESHOLD",
    "ExtractError",
    "PartyFound",
    "TextMention",
    "TextResult",
    "TextScreener",
    "extract_text",
    "read_document",
]
