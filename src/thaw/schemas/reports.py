"""JSON shapes of the reports that the command line and the API share."""

from __future__ import annotations

from typing import Any

from thaw.history import ChangeReport


def changes_dict(reports: list[ChangeReport]) -> dict[str, Any]:
    """``thaw changes --json`` and ``GET /changes``: the publications compared, then
    every listing added, removed and amended (field by field)."""
    return {
        "publications": [r.summary() for r in reports],
        "added": [c.to_dict() for r in reports for c in r.added],
        "removed": [c.to_dict() for r in reports for c in r.removed],
        "amended": [c.to_dict() for r in reports for c in r.amended],
    }
