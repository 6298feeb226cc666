"""History: change reports, timelines and listing counts over time.

* :func:`changes` / :func:`compare`: what was added, removed and amended (with
  field-level changes) between two publications of a source, from the store's
  versions and spans;
* :func:`listing_timeline` / :func:`party_timeline`: when a listing or a party was
  first listed, amended, delisted and re-listed, per authority;
* :func:`chart_series` / :func:`render_svg`: listings over time per source and
  programme, drawn as a plain SVG line chart.

Parties are cross-authority profiles when :mod:`thaw.profiles` is available, else
single listings (:class:`Parties`).
"""

from __future__ import annotations

from thaw.history.chart import ChartError, render_svg, write_chart
from thaw.history.diff import ChangeReport, ListingChange, changes, compare, in_force, membership
from thaw.history.fields import FieldChange, record_changes
from thaw.history.parties import Parties, Party
from thaw.history.series import Series, SourceCounts, chart_series, source_counts
from thaw.history.timeline import Event, ListingTimeline, Timeline, listing_timeline, party_timeline

__all__ = [
    "ChangeReport",
    "ChartError",
    "Event",
    "FieldChange",
    "ListingChange",
    "ListingTimeline",
    "Parties",
    "Party",
    "Series",
    "SourceCounts",
    "Timeline",
    "changes",
    "chart_series",
    "compare",
    "in_force",
    "listing_timeline",
    "membership",
    "party_timeline",
    "record_changes",
    "render_svg",
    "source_counts",
    "write_chart",
]
