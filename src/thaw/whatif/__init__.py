"""What-if relief: which listings and parties a lifting of programmes would free.

A :class:`Scenario` lifts (authority, programme) pairs, themes or whole
authorities (``us:RUSSIA-EO14024``, ``*:russia``, ``us:*``). It can be applied to

* one listing's party (:func:`for_entity`) or one profile (:func:`for_party`),
* the whole store (:func:`for_store`): every party with a listing in force,
* a screening-results file (:func:`for_results`), the JSONL written by
  ``thaw screen-file``: every hit of every row is a party, with the listings and
  programmes recorded in the file.

A listing with several programmes under one authority is lifted only when all its
programmes are lifted; a party clears only when all its listings are lifted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from thaw.catalogue import Listing, active_listing, active_listings, build, known_programmes
from thaw.history.parties import Parties, Party
from thaw.sources import SourceError, json_loads
from thaw.store import Store
from thaw.whatif.evaluate import (
    ListingOutcome,
    PartyOutcome,
    WhatIfResult,
    evaluate_listing,
    evaluate_party,
)
from thaw.whatif.scenario import Lift, Scenario, ScenarioError

__all__ = [
    "Lift",
    "ListingOutcome",
    "PartyOutcome",
    "Scenario",
    "ScenarioError",
    "WhatIfResult",
    "evaluate_listing",
    "evaluate_party",
    "for_entity",
    "for_party",
    "for_results",
    "for_store",
    "check_programmes",
]


def check_programmes(
    scenario: Scenario, store: Store | None = None, extra: Iterable[tuple[str, str]] = ()
) -> None:
    """Raise :class:`ScenarioError` when a lift names a programme that neither the
    catalogue, the active publications of ``store`` nor ``extra`` (``(authority,
    code)`` pairs, e.g. from a results file) know, suggesting the nearest names.
    The store is scanned only when the catalogue table does not settle it."""
    extra = list(extra)

    def from_table(authority: str) -> list[str]:
        codes = [p.code for p in known_programmes(authority)]
        return codes + [code for a, code in extra if a == authority]

    try:
        scenario.check_programmes(from_table)
        return
    except ScenarioError:
        if store is None:
            raise
    in_store: dict[str, list[str]] = {}
    for entry in build(store):
        in_store.setdefault(entry.programme.authority, []).append(entry.programme.code)
    scenario.check_programmes(lambda a: from_table(a) + in_store.get(a, []))


def _party_outcome(store: Store, scenario: Scenario, party: Party) -> PartyOutcome | None:
    listings = [
        item for src, sid in party.listings if (item := active_listing(store, src, sid)) is not None
    ]
    if not listings:
        return None
    return evaluate_party(scenario, party.id, party.caption, listings)


def for_party(
    store: Store, scenario: Scenario, party: Party, scope: str | None = None
) -> WhatIfResult:
    """The scenario applied to one party (a profile, or a listing alone), using the
    listings of the party that are in force."""
    outcome = _party_outcome(store, scenario, party)
    result = WhatIfResult(scenario, scope or f"party {party.id}", [outcome] if outcome else [])
    if outcome is None:
        result.not_listed.append(party.id)
    return result


def for_entity(
    store: Store, scenario: Scenario, source: str, source_id: str, parties: Parties | None = None
) -> WhatIfResult:
    """The scenario applied to the party a listing belongs to (its profile when
    profiles exist, else the listing alone)."""
    party = (parties or Parties(store)).of(source, source_id)
    return for_party(store, scenario, party, scope=f"entity {source}:{source_id}")


def for_store(store: Store, scenario: Scenario, parties: Parties | None = None) -> WhatIfResult:
    """The scenario applied to every party with a listing in the active publications.

    ``still_listed`` then holds only the parties the scenario touches.
    """
    listings: dict[tuple[str, str], Listing] = {
        (item.source, item.source_id): item for item in active_listings(store)
    }
    outcomes: list[PartyOutcome] = []
    for party in (parties or Parties(store)).all():
        items = [listings[key] for key in party.listings if key in listings]
        if items:
            outcomes.append(evaluate_party(scenario, party.id, party.caption, items))
    return WhatIfResult(scenario, "all active listings", outcomes, unaffected_shown=False)


def _hit_listing(path: Path, line: int, hit: dict[str, Any], raw: Any) -> Listing:
    if not isinstance(raw, dict) or "source" not in raw or "source_id" not in raw:
        raise SourceError(path, "hit listing lacks source/source_id", f"line {line}")
    programs = raw.get("programs") or []
    if not isinstance(programs, list):
        raise SourceError(path, "listing programs must be a list", f"line {line}")
    return Listing(
        str(raw["source"]),
        str(raw["source_id"]),
        str(hit.get("schema") or "LegalEntity"),
        str(hit.get("name") or raw["source_id"]),
        tuple(str(p) for p in programs if p),
        raw.get("listed_on"),
    )


def for_results(scenario: Scenario, path: Path, parties: Parties | None = None) -> WhatIfResult:
    """The scenario applied to a screening-results file (JSONL from ``thaw
    screen-file``, or the JSON object of ``thaw screen-text --json``, whose
    parties found in a document are one row's hits).

    Each row's hits are grouped into parties: hits carrying the same ``profile_id``
    are one party, any other hit is a party of its own. A party's listings and
    programmes are those recorded in the file; when ``parties`` (a store's
    profiles) is given and a hit names a profile, the profile's other listings in
    force are added, so that a party the screened name matched only through its US
    listing still shows its UK listing. ``rows`` says, per row with hits, how many
    parties clear and whether the row would be entirely clear.

    Raises :class:`~thaw.sources.SourceError` (with the line number) on a line that
    is not a results object.
    """
    outcomes: list[PartyOutcome] = []
    rows: list[dict[str, Any]] = []
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise SourceError(path, f"cannot open: {exc.strerror or exc}") from exc
    with fh:
        document = _text_document(path, fh)
        objects = _result_lines(path, fh) if document is None else iter([(1, document)])
        for n, obj in objects:
            if not isinstance(obj, dict) or not isinstance(obj.get("hits", []), list):
                raise SourceError(path, "expected an object with a 'hits' list", f"line {n}")
            row_outcomes = _row_parties(scenario, path, n, obj, parties)
            if row_outcomes:
                cleared = sum(o.cleared for o in row_outcomes)
                rows.append(
                    {
                        "row": obj.get("row", n),
                        "id": obj.get("id"),
                        "name": obj.get("name"),
                        "hits": len(row_outcomes),
                        "cleared_hits": cleared,
                        "clear": cleared == len(row_outcomes),
                    }
                )
            outcomes += row_outcomes
    return WhatIfResult(
        scenario, f"results {path.name}", outcomes, unaffected_shown=True, rows=rows
    )


def _result_lines(path: Path, fh: TextIO) -> Iterator[tuple[int, Any]]:
    """The JSON value of each non-empty line, with its line number."""
    for n, text in enumerate(fh, start=1):
        if not text.strip():
            continue
        try:
            yield n, json_loads(text)
        except json.JSONDecodeError as exc:
            raise SourceError(path, f"not JSON: {exc.msg}", f"line {n}") from exc


def _text_document(path: Path, fh: TextIO) -> dict[str, Any] | None:
    """The answer of ``thaw screen-text --json`` (one indented JSON object whose
    ``parties`` were found in a document) as one results row, whose hits are
    the parties (each with all its listings, and its profile); ``None`` (and
    ``fh`` rewound) for a file of JSON lines. A JSON-lines file never has a
    line that is only ``{``, as an indented object begins."""
    first = fh.readline()
    while first and not first.strip():
        first = fh.readline()
    if first.strip() != "{":
        fh.seek(0)
        return None
    fh.seek(0)
    try:
        document = json_loads(fh.read())
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"not JSON: {exc.msg}", f"line {exc.lineno}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("parties"), list):
        raise SourceError(path, "expected screen-text's object with a 'parties' list", "line 1")
    return {"row": 1, "name": path.name, "hits": document["parties"]}


def _row_parties(
    scenario: Scenario, path: Path, n: int, obj: dict[str, Any], parties: Parties | None
) -> list[PartyOutcome]:
    """The parties of one results row, evaluated."""
    groups: dict[str, tuple[dict[str, Any], list[Listing]]] = {}
    for hit in obj.get("hits") or []:
        if not isinstance(hit, dict):
            raise SourceError(path, "a hit must be an object", f"line {n}")
        items = [_hit_listing(path, n, hit, raw) for raw in hit.get("listings") or []]
        keys = "+".join(f"{x.source}:{x.source_id}" for x in items)
        party_id = str(hit.get("profile_id") or hit.get("profile") or keys)
        if party_id in groups:
            groups[party_id][1].extend(items)
        else:
            groups[party_id] = (hit, items)
    out: list[PartyOutcome] = []
    for i, (party_id, (hit, items)) in enumerate(groups.items()):
        profile_id = hit.get("profile_id") or hit.get("profile")
        if parties is not None and profile_id:
            party = parties.get(str(profile_id))
            if party is not None:
                known = {(x.source, x.source_id) for x in items}
                items = items + [
                    item
                    for src, sid in party.listings
                    if (src, sid) not in known
                    and (item := active_listing(parties.store, src, sid)) is not None
                ]
        unique = list({(x.source, x.source_id): x for x in items}.values())
        context = {
            "row": obj.get("row", n),
            "id": obj.get("id"),
            "name": obj.get("name"),
            "hit": i,
            "matched_name": hit.get("matched_name"),
            "score": hit.get("score"),
        }
        out.append(
            evaluate_party(scenario, party_id, str(hit.get("name") or party_id), unique, context)
        )
    return out
