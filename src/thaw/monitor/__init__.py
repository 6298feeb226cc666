"""Monitoring: portfolios kept screened as the lists change, events, webhooks.

* :class:`Monitor` adds, updates and re-screens portfolios and brings them to new
  publications incrementally (:mod:`thaw.monitor.service`);
* :func:`on_activation` is the one call the loaders make after publications
  became active: every portfolio is re-screened against what changed;
* :mod:`thaw.monitor.keys` and :mod:`thaw.monitor.screening` say which pairs are
  scored and how, so that the incremental answer equals a full re-screen;
* :mod:`thaw.monitor.webhooks` delivers events (signed, at least once, from the
  persisted outbox); :mod:`thaw.monitor.relief` answers what a lifting would do
  to a portfolio's alerts.
"""

from __future__ import annotations

from thaw.monitor.inputs import PortfolioInputError, read_rows
from thaw.monitor.screening import Match, RowData
from thaw.monitor.service import EVENT_TYPES, Monitor, Step, event_id, on_activation
from thaw.store.portfolios import PortfolioError

__all__ = [
    "EVENT_TYPES",
    "Match",
    "Monitor",
    "PortfolioError",
    "PortfolioInputError",
    "RowData",
    "Step",
    "event_id",
    "on_activation",
    "read_rows",
]
