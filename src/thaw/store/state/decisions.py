"""Analysts' decisions on alerts: ``true_match`` or ``false_positive``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from thaw.store.state._db import Database

VERDICTS: tuple[str, ...] = ("true_match", "false_positive")


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision on the alert of one customer (or query id) against one target (a
    listing id such as ``us_ofac_sdn:123`` or a profile id).

    ``listing_fingerprint`` and ``customer_fingerprint`` digest what both sides
    looked like when the decision was taken: a false positive suppresses the same
    alert only while both are unchanged. ``id`` is assigned when it is recorded;
    ``decided_at`` defaults to the time of recording.
    """

    customer_id: str
    target_id: str
    verdict: str
    reason: str
    decided_by: str
    decided_at: str | None = None
    listing_fingerprint: str | None = None
    customer_fingerprint: str | None = None
    id: int | None = None


_COLUMNS = (
    "customer_id, target_id, verdict, reason, decided_by, decided_at,"
    " listing_fingerprint, customer_fingerprint, id"
)


class Decisions:
    """The decisions of a state database; each new decision on the same alert
    supersedes the earlier ones (which are kept)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, decision: Decision) -> Decision:
        """Store a decision; returns it with its ``id`` and time. ``ValueError`` for
        an unknown verdict or an empty customer, target or reason."""
        if decision.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {decision.verdict!r}; one of {', '.join(VERDICTS)}")
        for field in ("customer_id", "target_id", "reason", "decided_by"):
            if not str(getattr(decision, field) or "").strip():
                raise ValueError(f"a decision needs a {field.replace('_', ' ')}")
        at = decision.decided_at or datetime.now(UTC).isoformat(timespec="seconds").replace(
            "+00:00", "Z"
        )
        params = (
            decision.customer_id,
            decision.target_id,
            decision.verdict,
            decision.reason,
            decision.decided_by,
            at,
            decision.listing_fingerprint,
            decision.customer_fingerprint,
        )
        rows = self.db.query(
            "INSERT INTO decisions (customer_id, target_id, verdict, reason, decided_by,"
            " decided_at, listing_fingerprint, customer_fingerprint)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            params,
        )
        return replace(decision, decided_at=at, id=int(rows[0][0]))

    def for_customer(self, customer_id: str) -> dict[str, Decision]:
        """The current (latest) decision per target of one customer."""
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM decisions WHERE customer_id = ? ORDER BY id", (customer_id,)
        )
        return {r[1]: Decision(*r) for r in rows}

    def lookup(self, customer_id: str, target_id: str) -> Decision | None:
        """The current decision on one alert, if any."""
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM decisions WHERE customer_id = ? AND target_id = ?"
            " ORDER BY id DESC LIMIT 1",
            (customer_id, target_id),
        )
        return Decision(*rows[0]) if rows else None

    def list(self, since: str | None = None) -> list[Decision]:
        """Every decision (taken at or after ``since``, an ISO date or time), in order."""
        if since:
            rows = self.db.query(
                f"SELECT {_COLUMNS} FROM decisions WHERE decided_at >= ? ORDER BY id", (since,)
            )
        else:
            rows = self.db.query(f"SELECT {_COLUMNS} FROM decisions ORDER BY id")
        return [Decision(*r) for r in rows]

    def any(self) -> bool:
        """Whether any decision was ever recorded."""
        return bool(self.db.query("SELECT 1 FROM decisions LIMIT 1"))
