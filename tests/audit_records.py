"""Audit records for the tests of the audit trail (``tests/store``) and of the
server's audit writer (``tests/api``): one builder, so that every test appends
records of the same, realistic shape."""

from __future__ import annotations

from thaw.store.state.audit import AuditRecord


def audit_record(i: int, action: str = "match") -> AuditRecord:
    """The ``i``-th record of a screening (``action``): a one-name query and one
    result, its number in the name and the listing id so that records differ."""
    return AuditRecord(
        action=action,
        query={"queries": {"q": {"schema": "Person", "properties": {"name": [f"Name {i}"]}}}},
        key_id="k1",
        key_name="Jane",
        dataset="default",
        publications={"us_ofac_sdn": {"id": 3, "published": "2024-05-03"}},
        algorithm="thaw",
        threshold=0.7,
        results={"q": [{"id": f"us_ofac_sdn:{i}", "score": 0.91}]},
    )
