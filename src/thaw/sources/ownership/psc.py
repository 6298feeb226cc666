"""UK Companies House "persons with significant control" (PSC) snapshot, JSON lines.

Companies House publishes the PSC register as a daily snapshot, one JSON object a
line with the official field names::

    {"company_number": "01234567",
     "data": {"kind": "individual-person-with-significant-control",
              "name": "Mr Ivan Petrov", "name_elements": {...},
              "natures_of_control": ["ownership-of-shares-50-to-75-percent",
                                     "right-to-appoint-and-remove-directors"],
              "notified_on": "2019-03-01", "ceased_on": null,
              "nationality": "Russian", "country_of_residence": "Cyprus",
              "date_of_birth": {"month": 5, "year": 1970},
              "identification": {"registration_number": "...", "country_registered": "..."},
              "links": {"self": "/company/01234567/persons-with-significant-control/..."}}}

Each nature of control becomes one link from the PSC to the company
(``gb-coh:NUMBER``):

* ``ownership-of-shares-25-to-50-percent`` and the other share bands (also "as
  trust", "as firm" and the LLP's ``right-to-share-surplus-assets-…``): kind
  ``ownership`` with the band as a range: 25-to-50 is *more than 25 % up to 50 %*,
  50-to-75 *more than 50 % and less than 75 %*, 75-to-100 *75 % or more*;
* ``voting-rights-…-percent``: kind ``voting`` with the same bands;
* ``right-to-appoint-and-remove-directors`` (``-members``, ``-person``): kind
  ``control``;
* ``significant-influence-or-control``: kind ``influence``, shown but not by itself
  control under the sanctions tests.

Statements, exemptions and "super secure" PSCs (whose identity is withheld) carry
no owner and are counted in the notes; the closing ``totals#…`` line gives the
snapshot's date and declared count. Individuals have no identifier in the
register: they are keyed by name and month of birth.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

from thaw.sources.base import json_loads, open_binary
from thaw.sources.common import clean, country_code
from thaw.sources.ownership import (
    OwnershipLink,
    OwnershipPublication,
    OwnershipReader,
    PartyRef,
    SourceError,
    first_line,
)

BANDS: Mapping[str, tuple[float, float, bool, str]] = {
    "25-to-50-percent": (25.0, 50.0, True, "more than 25 % and up to 50 %"),
    "50-to-75-percent": (50.0, 75.0, True, "more than 50 % and less than 75 %"),
    "75-to-100-percent": (75.0, 100.0, False, "75 % or more"),
}
"""PSC band suffix → (minimum, maximum, minimum exclusive, wording)."""

_SUFFIX = re.compile(r"-(as-trust|as-firm|limited-liability-partnership)\b.*$")
_CONTROL = (
    "right-to-appoint-and-remove-directors",
    "right-to-appoint-and-remove-members",
    "right-to-appoint-and-remove-person",
)
OWNER_KINDS = (
    "individual-person-with-significant-control",
    "corporate-entity-person-with-significant-control",
    "legal-person-person-with-significant-control",
)


def nature(value: str) -> tuple[str, float | None, float | None, bool, str] | None:
    """``(kind, min, max, min exclusive, wording)`` for one PSC nature of control, or
    ``None`` for a nature thaw does not know."""
    base = _SUFFIX.sub("", value.strip().lower())
    how = f" ({value.rsplit('-as-', 1)[1].replace('-', ' ')})" if "-as-" in value else ""
    for band, (low, high, exclusive, words) in BANDS.items():
        if base.endswith(band):
            if base.startswith(("ownership-of-shares", "right-to-share-surplus-assets")):
                return "ownership", low, high, exclusive, f"{words} of shares{how}"
            if base.startswith("voting-rights"):
                return "voting", low, high, exclusive, f"{words} of voting rights{how}"
    if base.startswith(_CONTROL):
        return "control", None, None, False, f"right to appoint or remove directors{how}"
    if base.startswith("significant-influence-or-control"):
        return "influence", None, None, False, f"significant influence or control{how}"
    return None


def _owner(data: Mapping[str, Any]) -> PartyRef:
    kind = str(data.get("kind", ""))
    name = clean(data.get("name"))
    elements = data.get("name_elements")
    if not name and isinstance(elements, dict):
        parts = (elements.get(k) for k in ("forename", "other_forenames", "surname"))
        name = " ".join(str(p) for p in parts if p) or None
    name = name or "(unnamed PSC)"
    if kind.startswith("individual"):
        dob = data.get("date_of_birth") or {}
        born = ""
        if isinstance(dob, dict) and dob.get("year"):
            born = f"{int(dob['year']):04d}-{int(dob.get('month') or 0):02d}"
        country = country_code(clean(data.get("country_of_residence")))
        nationality = country_code(clean(data.get("nationality")))
        key = f"gb-psc-person:{' '.join(name.lower().split())}|{born}"
        return PartyRef(key, name, "Person", nationality or country, ())
    ident = data.get("identification") or {}
    number = clean(ident.get("registration_number")) if isinstance(ident, dict) else None
    where = (
        " ".join(
            str(ident.get(k) or "")
            for k in ("country_registered", "place_registered", "legal_authority")
        )
        if isinstance(ident, dict)
        else ""
    )
    country = (
        country_code(clean(ident.get("country_registered"))) if isinstance(ident, dict) else None
    )
    british = bool(
        re.search(r"england|wales|scotland|northern ireland|companies house", where, re.I)
    )
    if number and british:
        return PartyRef(
            f"gb-coh:{number.upper()}", name, "Organization", "gb", (("registration", number),)
        )
    ids = (("registration", number),) if number else ()
    key = f"gb-psc-entity:{number or ' '.join(name.lower().split())}"
    return PartyRef(key, name, "Organization", country, ids)


class PscSnapshotReader(OwnershipReader):
    """UK Companies House PSC snapshot (JSON lines, plain or zipped)."""

    source: ClassVar[str] = "gb_coh_psc"
    format: ClassVar[str] = "psc_snapshot"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        """JSON lines with ``company_number`` and a ``data`` object."""
        line = first_line(head)
        return line.startswith(b"{") and b'"company_number"' in line and b'"data"' in line

    def read(self, path: Path) -> OwnershipPublication:
        pub = self.publication()
        pub.links = self._links(path, pub)
        return pub

    def _links(self, path: Path, pub: OwnershipPublication) -> Iterator[OwnershipLink]:
        skipped: dict[str, int] = {}
        unknown: set[str] = set()
        fh = open_binary(path)
        lineno = 0
        try:
            while True:
                try:
                    raw = fh.readline()
                except (OSError, EOFError, zipfile.BadZipFile) as exc:
                    raise SourceError(
                        path, f"cannot read (truncated or corrupt?): {exc}", f"line {lineno + 1}"
                    ) from exc
                if not raw:
                    break
                lineno += 1
                if not raw.strip():
                    continue
                where = f"line {lineno}"
                try:
                    obj = json_loads(raw)
                except UnicodeDecodeError as exc:
                    raise SourceError(path, f"not UTF-8 text: {exc.reason}", where) from exc
                except json.JSONDecodeError as exc:
                    raise SourceError(path, f"invalid JSON: {exc.msg}", where) from exc
                if not isinstance(obj, dict) or not isinstance(obj.get("data"), dict):
                    raise SourceError(path, "expected an object with a 'data' object", where)
                data = obj["data"]
                kind = str(data.get("kind") or "")
                if kind.startswith("totals#"):
                    stamp = data.get("generated_at") or data.get("snapshot_date")
                    if isinstance(stamp, str) and re.match(r"\d{4}-\d{2}-\d{2}", stamp):
                        pub.published = stamp[:10]
                    count = data.get("persons_of_significant_control_count")
                    if isinstance(count, int):
                        pub.declared_count = count
                    continue
                if kind not in OWNER_KINDS:
                    skipped[kind or "(no kind)"] = skipped.get(kind or "(no kind)", 0) + 1
                    continue
                number = clean(obj.get("company_number"))
                if not number or not re.fullmatch(r"[A-Z0-9]{8}", number.upper()):
                    raise SourceError(path, f"company number {number!r} is not valid", where)
                natures = data.get("natures_of_control")
                if not isinstance(natures, list) or not natures:
                    raise SourceError(path, "natures_of_control is missing or empty", where)
                owner = _owner(data)
                number = number.upper()
                asset = PartyRef(
                    f"gb-coh:{number}", None, "Organization", "gb", (("registration", number),)
                )
                links = data.get("links") or {}
                self_link = str(links.get("self") or f"{number}:{lineno}")
                for value in natures:
                    parsed = nature(str(value))
                    if parsed is None:
                        unknown.add(str(value))
                        continue
                    link_kind, low, high, exclusive, words = parsed
                    yield OwnershipLink(
                        link_id=f"{self_link}#{value}",
                        owner=owner,
                        asset=asset,
                        kind=link_kind,
                        share_min=low,
                        share_max=high,
                        min_exclusive=exclusive,
                        share_text=words,
                        start=(clean(data.get("notified_on")) or "")[:10] or None,
                        end=(clean(data.get("ceased_on")) or "")[:10] or None,
                        origin="gb_coh_psc",
                        role=str(value),
                    )
        finally:
            fh.close()
        for what, count in sorted(skipped.items()):
            pub.notes.append(f"skipped {count} entr(y/ies) of kind {what} (no owner named)")
        if unknown:
            pub.notes.append(f"natures of control not understood: {', '.join(sorted(unknown))}")
