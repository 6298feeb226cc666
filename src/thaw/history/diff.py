"""Change reports between two publications of a source.

The store keeps one *version* per distinct content of a listing and *spans* of
consecutive publications in which each version was present. A publication's
content is therefore a map ``source_id → version id``, read from the spans in one
query, and comparing two publications is a comparison of two such maps: a listing
is *added* or *removed* when its id appears on one side only, and *amended* when
its version id differs. Only amended listings are decoded, to compute their
field-level changes (:func:`thaw.history.fields.record_changes`).
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from thaw.history.fields import FieldChange, record_changes
from thaw.store import PublicationRow, Store, decode_record
from thaw.store.queries import present_version_ids, versions_by_id


@dataclass(slots=True)
class ListingChange:
    """One listing added, removed or amended between two publications.

    ``programs`` are the listing's programmes in the newer publication (in the
    older one for a removal); ``changes`` are the field-level changes of an
    amendment.
    """

    change: str
    source: str
    source_id: str
    caption: str
    schema: str
    programs: list[str] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data: dict[str, Any] = {
            "source": self.source,
            "source_id": self.source_id,
            "caption": self.caption,
            "schema": self.schema,
            "programs": list(self.programs),
        }
        if self.change == "amended":
            data["changes"] = [c.to_dict() for c in self.changes]
        return data


@dataclass(slots=True)
class ChangeReport:
    """What changed in one source from publication ``old`` to ``new``.

    ``old`` is ``None`` when nothing of the source was in force before ``new``
    (every listing is then *added*). ``notes`` explain choices made (a date before
    the first publication held, a single publication …).
    """

    source: str
    old: PublicationRow | None
    new: PublicationRow
    added: list[ListingChange] = field(default_factory=list)
    removed: list[ListingChange] = field(default_factory=list)
    amended: list[ListingChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        """Whether nothing was added, removed or amended."""
        return not (self.added or self.removed or self.amended)

    def summary(self) -> dict[str, Any]:
        """Counts and the two publications, JSON-ready."""
        return {
            "source": self.source,
            "from": self.old.published if self.old else None,
            "to": self.new.published,
            "from_records": self.old.record_count if self.old else 0,
            "to_records": self.new.record_count,
            "added": len(self.added),
            "removed": len(self.removed),
            "amended": len(self.amended),
            "notes": list(self.notes),
        }


def membership(store: Store, publication: PublicationRow) -> dict[str, int]:
    """``source_id → version id`` of every listing of one publication."""
    return dict(present_version_ids(store, publication.source, publication.seq))


def _version_rows(
    store: Store, ids: Iterable[int], with_data: bool
) -> dict[int, tuple[str, str, bytes | None]]:
    """``version id → (schema, caption, data or None)`` for the given ids."""
    rows = versions_by_id(store, list(ids), with_data=with_data)
    return {vid: (schema, caption, data) for vid, schema, caption, data in rows}


def _programs(blob: bytes | None) -> list[str]:
    if blob is None:
        return []
    data = json.loads(zlib.decompress(blob))
    return [str(p) for p in data.get("programs", ())]


def compare(store: Store, old: PublicationRow | None, new: PublicationRow) -> ChangeReport:
    """The change report from ``old`` to ``new`` (two publications of one source)."""
    if old is not None and old.source != new.source:
        raise ValueError(f"cannot compare {old.source} with {new.source}")
    report = ChangeReport(new.source, old, new)
    before = membership(store, old) if old is not None else {}
    after = membership(store, new)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    amended = sorted(sid for sid, vid in after.items() if sid in before and before[sid] != vid)
    wanted = [after[s] for s in added] + [before[s] for s in removed]
    wanted += [after[s] for s in amended] + [before[s] for s in amended]
    rows = _version_rows(store, set(wanted), with_data=True)
    src = new.source
    for sid in added:
        schema, caption, blob = rows[after[sid]]
        report.added.append(ListingChange("added", src, sid, caption, schema, _programs(blob)))
    for sid in removed:
        schema, caption, blob = rows[before[sid]]
        report.removed.append(ListingChange("removed", src, sid, caption, schema, _programs(blob)))
    for sid in amended:
        schema, caption, new_blob = rows[after[sid]]
        old_blob = rows[before[sid]][2]
        assert new_blob is not None and old_blob is not None
        a, b = decode_record(old_blob), decode_record(new_blob)
        report.amended.append(
            ListingChange(
                "amended", src, sid, caption, schema, list(b.programs), record_changes(a, b)
            )
        )
    return report


def in_force(publications: list[PublicationRow], when: str) -> PublicationRow | None:
    """The newest of ``publications`` (one source, in order) published on or before
    ``when`` (``YYYY-MM-DD`` or a full ISO date-time)."""
    found = None
    for pub in publications:
        if pub.published[: len(when)] <= when:
            found = pub
    return found


_PARTIAL_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2]))?")


def check_when(when: str, what: str = "date") -> str:
    """``when`` if it names a point in time that :func:`in_force` can compare: a year,
    a year and month, a date or an ISO date-time; else :class:`ValueError` saying
    what is accepted (a word such as ``yesterday`` would otherwise compare as a
    string and silently pick the newest publication)."""
    if _PARTIAL_DATE.fullmatch(when):
        return when
    try:
        datetime.fromisoformat(when.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"invalid {what} {when!r} (use YYYY-MM-DD, YYYY-MM, YYYY or an ISO date-time)"
        ) from None
    return when


def changes(
    store: Store,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[ChangeReport]:
    """Change reports for every source (or one).

    Without dates: between the two newest publications of each source. With
    ``since``/``until``: between the publication in force at ``since`` and the one
    in force at ``until`` (default: the newest). With only ``until``: between the
    publication in force then and the one before it. A source with a single
    publication (or none in force at ``until``) is skipped; when nothing was in
    force at ``since``, the report starts from the earliest publication held and
    says so in its notes.
    """
    since = check_when(since, "since date") if since is not None else None
    until = check_when(until, "until date") if until is not None else None
    reports: list[ChangeReport] = []
    sources = [source] if source else store.sources()
    for src in sources:
        pubs = store.publications(src)
        if not pubs:
            continue
        new = in_force(pubs, until) if until else pubs[-1]
        if new is None:
            continue
        notes: list[str] = []
        if since is None:
            index = pubs.index(new)
            if index == 0:
                continue
            old: PublicationRow | None = pubs[index - 1]
        else:
            old = in_force(pubs, since)
            if old is None:
                old = pubs[0]
                notes.append(
                    f"no {src} publication held in force at {since}; "
                    f"comparing from the earliest held ({old.published})"
                )
        if old is not None and old.seq > new.seq:
            old, new = new, old
        if old is not None and old.id == new.id:
            notes.append(f"the same {src} publication ({new.published}) was in force at both dates")
        report = compare(store, old, new)
        report.notes += notes
        reports.append(report)
    return reports
