"""Monitoring: portfolios kept screened as the lists change, events, webhooks.

* :class:`Monitor` adds, updates and re-screens portfolios and brings them to new
  publications incrementally (:mod:`thaw.monitor.service`);
* :func:`on_activation` is the one call the loaders make after publications
  became active: every portfolio is re-screened against what changed;
* the incremental step, in public pieces (the Spark engine reuses them):
  :func:`listing_delta` (the listings added, amended and removed between two sets
  of publications), :func:`affected_rows` (the rows of a portfolio's
  :class:`~thaw.monitor.keys.RowIndex` whose ``screen-file`` result they can
  change) and :func:`screen_rows` (screen rows as ``screen-file`` does, against a
  :class:`ListingSet`, with a :class:`Prior` scoring only what changed);
* :mod:`thaw.monitor.ownership` raises ``ownership_hit`` when a new listing blocks
  an unlisted company by ownership;
* :mod:`thaw.monitor.webhooks` delivers events (signed, at least once, from the
  persisted outbox); :mod:`thaw.monitor.relief` answers what a lifting would do
  to a portfolio's alerts.
"""

from __future__ import annotations

from thaw.monitor.delta import ListingDelta, affected_rows, listing_delta
from thaw.monitor.inputs import PortfolioInputError, read_rows
from thaw.monitor.keys import RowIndex
from thaw.monitor.screening import ListingSet, Match, Prior, RowData, Screening, screen_rows
from thaw.monitor.service import EVENT_TYPES, Monitor, Step, event_id, on_activation
from thaw.store.portfolios import PortfolioError

__all__ = [
    "EVENT_TYPES",
    "ListingDelta",
    "ListingSet",
    "Match",
    "Monitor",
    "PortfolioError",
    "PortfolioInputError",
    "Prior",
    "RowData",
    "RowIndex",
    "Screening",
    "Step",
    "affected_rows",
    "event_id",
    "listing_delta",
    "on_activation",
    "read_rows",
    "screen_rows",
]
