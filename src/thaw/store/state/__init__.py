"""Team state: API keys, analysts' decisions and the audit trail.

The lists live in the embedded store of each instance; what a *team* shares lives
here, behind one small repository interface:

* :attr:`State.keys` (:class:`~thaw.store.state.keys.Keys`): API keys with roles
  ``screen`` < ``analyst`` < ``admin``. Only a SHA-256 digest of each secret is
  stored; the secret is shown once, when the key is created.
* :attr:`State.decisions` (:class:`~thaw.store.state.decisions.Decisions`): an
  analyst's ``true_match`` / ``false_positive`` verdict on an alert (a customer
  and a listing or profile), with the fingerprints of both sides at the time.
* :attr:`State.audit` (:class:`~thaw.store.state.audit.Audit`): an append-only,
  hash-chained record of every screening request and decision;
  :meth:`~thaw.store.state.audit.Audit.verify` detects an edited, inserted or
  deleted record.

By default the state is the SQLite file ``state.db`` in the thaw home (beside the
store's ``thaw.db``, so that loading lists never waits on it nor it on them). With
``THAW_DATABASE_URL=postgresql://…`` it lives in PostgreSQL, so that several
instances share keys, decisions and one audit chain. Only this package writes SQL
against these tables.
"""

from __future__ import annotations

import os
from pathlib import Path

from thaw.store import default_home
from thaw.store.state._db import Busy, Database, connect
from thaw.store.state.audit import (
    Audit,
    AuditRecord,
    AuditReport,
    CompactReport,
    PreparedRecord,
)
from thaw.store.state.decisions import VERDICTS, Decision, Decisions
from thaw.store.state.keys import ROLES, KeyInfo, Keys, role_allows

__all__ = [
    "ROLES",
    "VERDICTS",
    "Audit",
    "AuditRecord",
    "AuditReport",
    "Busy",
    "CompactReport",
    "Decision",
    "Decisions",
    "KeyInfo",
    "PreparedRecord",
    "Keys",
    "State",
    "open_state",
    "role_allows",
]


class State:
    """The team state of one database (see the module docs). Use it as a context
    manager or call :meth:`close`. Safe to share between the threads of a process."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.keys = Keys(db)
        self.decisions = Decisions(db)
        self.audit = Audit(db)

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.db.kind

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()


def open_state(home: Path | None = None, url: str | None = None) -> State:
    """The team state: in PostgreSQL when ``url`` (or ``$THAW_DATABASE_URL``) is a
    ``postgresql://`` URL, else in ``state.db`` under ``home`` (or the default thaw
    home)."""
    if url is None:
        url = os.environ.get("THAW_DATABASE_URL") or None
    return State(connect(default_home(home), url))
