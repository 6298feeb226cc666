"""Ownership exposure beside screening results.

:class:`OwnershipAnnotator` adds to a screened name the exposure of every
ownership party that matches it (:class:`~thaw.ownership.PartyFinder`),
explained per authority (:meth:`~thaw.ownership.analysis.Analysis.explain`). It
serves ``thaw screen --ownership``, ``screen-file --ownership`` and the Spark
path alike, so that the three give the same ``ownership`` key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from thaw.ownership import Analysis, PartyFinder, analyse
from thaw.sources.base import json_loads
from thaw.store import Store, default_home
from thaw.store.ownership import OwnershipStore


class OwnershipAnnotator:
    """Adds the ownership exposure of the screened party to screening results.

    Reads the store under ``home`` once, read-only; with no store or no ownership
    publication it is inactive and every name has no exposure."""

    def __init__(self, home: Path | None, as_of: str | None = None) -> None:
        self.active = False
        self.analysis: Analysis | None = None
        path = default_home(home)
        if (path / "thaw.db").exists():
            with Store(path, readonly=True) as store:
                self.active = bool(OwnershipStore(store).active())
                self.analysis = analyse(store, as_of=as_of) if self.active else None
        self.finder = PartyFinder(self.analysis.og) if self.analysis is not None else None

    def exposures(
        self, name: str, country: str | None = None, id_number: str | None = None
    ) -> list[dict[str, Any]]:
        """The exposure of every ownership party matching the screened name."""
        if self.finder is None or self.analysis is None or not name:
            return []
        try:
            found = self.finder.find(name, country=country, id_number=id_number)
        except ValueError:
            return []
        out = []
        for item in found:
            exposure = self.analysis.explain(item.node.index).to_dict()
            exposure["match"] = item.to_dict()
            out.append(exposure)
        return out

    def annotate_line(self, line: str) -> str:
        """One JSON line of ``screen-file`` output with its ``ownership`` key added;
        :class:`ValueError` if it is not JSON (nested too deeply included)."""
        try:
            obj = json_loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not JSON ({exc.msg})") from None
        if isinstance(obj, dict):
            obj["ownership"] = self.exposures(str(obj.get("name") or ""))
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
