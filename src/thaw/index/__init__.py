"""The screening index: every name of every active listing, prepared for matching.

Built from the store's active records and cached on disk (see the index work).
:class:`Entry` is the prepared, compact form of one listing that the matcher scores.
"""

from __future__ import annotations

from thaw.index.entry import Entry, IdNumber, entry_from_record

__all__ = ["Entry", "IdNumber", "entry_from_record"]
