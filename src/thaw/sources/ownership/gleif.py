"""GLEIF Level 2 relationship records: the official RR-CDF golden-copy CSV.

GLEIF publishes "who owns whom" between legal entities with an LEI as relationship
records (Relationship Record Common Data File format, RR-CDF). The golden-copy CSV
flattens each record into columns such as::

    Relationship.StartNode.NodeID, Relationship.StartNode.NodeIDType,
    Relationship.EndNode.NodeID, Relationship.EndNode.NodeIDType,
    Relationship.RelationshipType, Relationship.RelationshipStatus,
    Relationship.Period.1.startDate, Relationship.Period.1.endDate,
    Relationship.Period.1.periodType, …,
    Relationship.Quantifiers.1.MeasurementMethod,
    Relationship.Quantifiers.1.QuantifierAmount,
    Relationship.Quantifiers.1.QuantifierUnits, …,
    Registration.RegistrationStatus, Registration.LastUpdateDate, …

The *start node* is the child, the *end node* the parent. How relationship types
become links:

========================================  ===========================================
``IS_DIRECTLY_CONSOLIDATED_BY``           parent → child, kind ``consolidation``
                                          (accounting consolidation: control; the
                                          stake is of unknown size unless a
                                          ``PERCENTAGE`` quantifier gives it)
``IS_INTERNATIONAL_BRANCH_OF``            head office → branch, kind ``branch``
``IS_FUND-MANAGED_BY``, ``IS_SUBFUND_OF`` manager / umbrella → fund, kind ``control``
``IS_ULTIMATELY_CONSOLIDATED_BY``         skipped: it repeats the chain of direct
                                          links and would count it twice
``IS_FEEDER_TO``                          skipped: an investment, not ownership
========================================  ===========================================

``RelationshipStatus`` ``INACTIVE`` or a ``RETIRED`` registration make the link
ended; an ``ANNULLED`` registration (a record issued in error) is skipped. The
``RELATIONSHIP_PERIOD`` period gives the start and end dates. The golden copy's
file name carries its date (``20260429-0800-gleif-goldencopy-rr-golden-copy.csv``),
used as the publication date. LEIs are checked (ISO 17442 checksum) and an invalid
one refuses the file, naming the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from stdnum import lei as _lei

from thaw.sources.ownership import (
    OwnershipLink,
    OwnershipPublication,
    OwnershipReader,
    PartyRef,
    SourceError,
    csv_rows,
    first_line,
    parse_share,
)

START = "Relationship.StartNode.NodeID"
START_TYPE = "Relationship.StartNode.NodeIDType"
END = "Relationship.EndNode.NodeID"
END_TYPE = "Relationship.EndNode.NodeIDType"
TYPE = "Relationship.RelationshipType"
STATUS = "Relationship.RelationshipStatus"
REGISTRATION = "Registration.RegistrationStatus"
REQUIRED = (START, END, TYPE)

TYPES: dict[str, str | None] = {
    "IS_DIRECTLY_CONSOLIDATED_BY": "consolidation",
    "IS_INTERNATIONAL_BRANCH_OF": "branch",
    "IS_FUND-MANAGED_BY": "control",
    "IS_SUBFUND_OF": "control",
    "IS_ULTIMATELY_CONSOLIDATED_BY": None,
    "IS_FEEDER_TO": None,
}
"""RR-CDF relationship type → link kind (``None``: skipped, see the module docs)."""

_DATE_NAME = re.compile(r"(20\d{2})(\d{2})(\d{2})")


def _party(node: str, node_type: str) -> PartyRef:
    if node_type and node_type.upper() != "LEI":
        return PartyRef(f"{node_type.lower()}:{node}", None, "Organization", None, ())
    return PartyRef(f"lei:{node}", None, "Organization", None, (("lei", node),))


class GleifRelationshipReader(OwnershipReader):
    """GLEIF Level 2 relationship records (RR-CDF golden-copy CSV, plain or zipped)."""

    source: ClassVar[str] = "gleif_rr"
    format: ClassVar[str] = "gleif_rr_csv"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        """A CSV whose header names the RR-CDF start and end node columns."""
        first = first_line(head)
        return START.encode() in first and END.encode() in first

    def read(self, path: Path) -> OwnershipPublication:
        pub = self.publication()
        m = _DATE_NAME.search(path.name)
        if m:
            pub.published = f"{m[1]}-{m[2]}-{m[3]}"
            pub.notes.append("publication date: from the golden copy's file name")
        pub.links = self._links(path, pub)
        return pub

    def _links(self, path: Path, pub: OwnershipPublication) -> Iterator[OwnershipLink]:
        skipped: dict[str, int] = {}
        for line, row in csv_rows(path, REQUIRED):
            where = f"line {line}"
            rel_type = row[TYPE].strip().upper()
            if rel_type not in TYPES:
                raise SourceError(path, f"unknown relationship type {row[TYPE]!r}", where)
            kind = TYPES[rel_type]
            registration = (row.get(REGISTRATION) or "").strip().upper()
            if kind is None or registration == "ANNULLED":
                reason = f"skipped {rel_type}" if kind is None else "skipped: ANNULLED"
                skipped[reason] = skipped.get(reason, 0) + 1
                continue
            child, parent = row[START].strip(), row[END].strip()
            child_type = (row.get(START_TYPE) or "LEI").strip()
            parent_type = (row.get(END_TYPE) or "LEI").strip()
            for node, node_type in ((child, child_type), (parent, parent_type)):
                if node_type.upper() == "LEI" and not _lei.is_valid(node):
                    raise SourceError(path, f"invalid LEI {node!r}", where)
            start = end = None
            for n in range(1, 6):
                if (row.get(f"Relationship.Period.{n}.periodType") or "") == "RELATIONSHIP_PERIOD":
                    start = (row.get(f"Relationship.Period.{n}.startDate") or "")[:10] or None
                    end = (row.get(f"Relationship.Period.{n}.endDate") or "")[:10] or None
            share: float | None = None
            for n in range(1, 6):
                units = (row.get(f"Relationship.Quantifiers.{n}.QuantifierUnits") or "").upper()
                if units == "PERCENTAGE":
                    amount = row.get(f"Relationship.Quantifiers.{n}.QuantifierAmount")
                    share = parse_share(amount, path, where)
                    if share is not None and share <= 1:
                        # some issuers write 1.00 for 100 %, others mean 1 %: unknown
                        share = None
                        skipped["ambiguous percentage of 1 or less, kept as unknown size"] = (
                            skipped.get(
                                "ambiguous percentage of 1 or less, kept as unknown size", 0
                            )
                            + 1
                        )
                    break
            ended = (row.get(STATUS) or "").strip().upper() == "INACTIVE" or registration in (
                "RETIRED",
                "LAPSED_RETIRED",
            )
            yield OwnershipLink(
                link_id=f"{child}>{parent}:{rel_type}",
                owner=_party(parent, parent_type),
                asset=_party(child, child_type),
                kind=kind,
                share_min=share,
                share_max=share,
                share_text=f"{share:g} %" if share is not None else None,
                start=start,
                end=end,
                ended=ended,
                origin="gleif",
                role=rel_type,
            )
        for reason, count in sorted(skipped.items()):
            pub.notes.append(f"{count} record(s): {reason}")
