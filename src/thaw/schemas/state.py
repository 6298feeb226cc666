"""Keys, decisions and audit records as pydantic models (API and ``--json``)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, Field

from thaw.spreadsheet import SafeWriter
from thaw.store.state import AuditRecord, AuditReport, CompactReport, Decision, KeyInfo


class KeyModel(BaseModel):
    """An API key without its secret."""

    id: str = Field(examples=["k3f9a1c0b2d4e"])
    name: str = Field(examples=["Jane (ops)"])
    role: Literal["screen", "analyst", "admin"]
    created_at: str
    revoked_at: str | None = None
    rate: float | None = Field(None, description="Requests per second (null: default).")

    @classmethod
    def of(cls, key: KeyInfo) -> KeyModel:
        return cls(
            id=key.id,
            name=key.name,
            role=key.role,  # type: ignore[arg-type]
            created_at=key.created_at,
            revoked_at=key.revoked_at,
            rate=key.rate,
        )


class CreatedKeyModel(KeyModel):
    """A new key with its secret, shown this once."""

    secret: str


class KeyRequest(BaseModel):
    """What ``POST /keys`` needs."""

    name: str = Field(min_length=1, max_length=200)
    role: Literal["screen", "analyst", "admin"] = "screen"
    rate: float | None = Field(None, ge=0)


class DecisionRequest(BaseModel):
    """An analyst's decision on one alert (``POST /decisions``)."""

    customer_id: str = Field(min_length=1, max_length=500, examples=["cust-0042"])
    target_id: str = Field(
        min_length=1,
        max_length=500,
        examples=["us_ofac_sdn:34336"],
        description="A listing id (source:source_id) or a profile id.",
    )
    verdict: Literal["true_match", "false_positive"]
    reason: str = Field(min_length=1, max_length=5000)
    customer: dict[str, Any] | None = Field(
        None,
        description="The customer's data as screened (schema, properties or name, "
        "birth_date, country, id_number): a false positive stays suppressed only "
        "while it is unchanged.",
    )


class DecisionModel(BaseModel):
    """A recorded decision."""

    id: int | None
    customer_id: str
    target_id: str
    verdict: str
    reason: str
    decided_by: str
    decided_at: str | None
    listing_fingerprint: str | None = None
    customer_fingerprint: str | None = None

    @classmethod
    def of(cls, d: Decision) -> DecisionModel:
        return cls(
            id=d.id,
            customer_id=d.customer_id,
            target_id=d.target_id,
            verdict=d.verdict,
            reason=d.reason,
            decided_by=d.decided_by,
            decided_at=d.decided_at,
            listing_fingerprint=d.listing_fingerprint,
            customer_fingerprint=d.customer_fingerprint,
        )


class AuditRecordModel(BaseModel):
    """One record of the audit trail."""

    seq: int | None
    at: str | None
    key_id: str | None
    key_name: str | None
    action: str
    dataset: str | None
    query: Any
    publications: Any
    algorithm: str | None
    threshold: float | None
    results: Any
    prev_hash: str | None
    hash: str | None
    segment: str | None = None
    """The chain the record is in: ``None`` for the main chain, else the segment
    of the server process that wrote it (``seq`` counts within it)."""

    @classmethod
    def of(cls, r: AuditRecord) -> AuditRecordModel:
        return cls(**r.to_dict())


class AuditVerifyModel(BaseModel):
    """The outcome of checking the audit chain."""

    ok: bool
    records: int
    problems: list[str]

    @classmethod
    def of(cls, r: AuditReport) -> AuditVerifyModel:
        return cls(ok=r.ok, records=r.records, problems=r.problems)


class AuditCompactModel(BaseModel):
    """The outcome of rolling closed audit segments into the archive
    (``thaw audit compact``)."""

    segments: int
    """Segments rolled into the archive."""
    records: int
    """Their records."""
    still_open: int
    """Segments left in place because they are still open (a running server's;
    one whose server was killed is rolled up)."""
    skipped: list[str]
    """Closed segments left in place because they do not verify, each with why."""

    @classmethod
    def of(cls, r: CompactReport) -> AuditCompactModel:
        return cls(
            segments=r.segments, records=r.records, still_open=r.still_open, skipped=r.skipped
        )


AUDIT_CSV_FIELDS = (
    "seq",
    "at",
    "key_id",
    "key_name",
    "action",
    "dataset",
    "algorithm",
    "threshold",
    "query",
    "publications",
    "results",
    "prev_hash",
    "hash",
    "segment",
)


def audit_lines(records: Iterator[AuditRecord], fmt: str) -> Iterator[str]:
    """Audit records as JSON lines or CSV (with a header)."""
    if fmt == "jsonl":
        for r in records:
            yield json.dumps(r.to_dict(), ensure_ascii=False) + "\n"
        return
    buffer = io.StringIO()
    writer = SafeWriter(buffer)
    writer.writerow(AUDIT_CSV_FIELDS)
    for r in records:
        data = r.to_dict()
        writer.writerow(
            [
                json.dumps(data[f], ensure_ascii=False, sort_keys=True)
                if f in ("query", "publications", "results")
                else data[f]
                for f in AUDIT_CSV_FIELDS
            ]
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()
