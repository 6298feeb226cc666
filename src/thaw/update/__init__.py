"""Keeping the store up to date: official downloads, offline folders, safe loading.

``thaw update`` is built from three parts:

* :mod:`thaw.update.official`: the table of official download URLs per source;
* :mod:`thaw.update.fetch`: HTTP downloads with conditional requests, timeouts,
  retries with exponential backoff and truncation checks;
* :mod:`thaw.update.scan`: finding the newest publication of each source in a
  folder tree, for offline updates;

and :mod:`thaw.update.run`, which ties them to :func:`thaw.store.load` so that a
publication is activated only when it is complete and sound.
"""

from __future__ import annotations

from thaw.update.fetch import CacheEntry, DownloadCache, Fetcher, FetchError, FetchResult
from thaw.update.official import OFFICIAL, OfficialSource, RemoteFile, Variant, mirror_url
from thaw.update.run import (
    STATUSES,
    Outcome,
    downloads_dir,
    load_job,
    update_offline,
    update_online,
)
from thaw.update.scan import Found, Ignored, Scan, scan

__all__ = [
    "OFFICIAL",
    "STATUSES",
    "CacheEntry",
    "DownloadCache",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "Found",
    "Ignored",
    "OfficialSource",
    "Outcome",
    "RemoteFile",
    "Scan",
    "Variant",
    "downloads_dir",
    "load_job",
    "mirror_url",
    "scan",
    "update_offline",
    "update_online",
]
