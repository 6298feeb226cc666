"""What a lifting would do to a portfolio: the ``hit_removed`` events it would cause.

``thaw whatif --lift us:RUSSIA-EO14024 --portfolio NAME`` answers without touching
the lists: every current alert of the portfolio whose listing the scenario lifts
entirely (:func:`thaw.whatif.evaluate_listing`) would become a ``hit_removed``
event, and each says whether the party stays listed, by which authority and
under which programmes, from its profile: the party's other listings that the
scenario does not lift. "Delisted by OFAC, still listed by the UK" is a different
answer from "cleared".
"""

from __future__ import annotations

from typing import Any

from thaw.catalogue import active_listing
from thaw.monitor.service import Monitor, event_id
from thaw.whatif import Scenario, evaluate_listing


def lift_events(monitor: Monitor, portfolio: str, scenario: Scenario) -> list[dict[str, Any]]:
    """The ``hit_removed`` events ``scenario`` would cause in ``portfolio`` (one per
    alert whose listing it lifts), by row id; nothing is stored."""
    store = monitor.store
    lifted_cache: dict[tuple[str, str], bool] = {}

    def lifted(source: str, source_id: str) -> bool:
        key = (source, source_id)
        if key not in lifted_cache:
            listing = active_listing(store, source, source_id)
            lifted_cache[key] = listing is not None and evaluate_listing(scenario, listing).lifted
        return lifted_cache[key]

    scenario_text = " ".join(scenario.describe())
    events: list[dict[str, Any]] = []
    for _name, row_id, alert in monitor.portfolios.current_alerts(portfolio):
        if not lifted(alert.source, alert.source_id):
            continue
        listing = active_listing(store, alert.source, alert.source_id)
        assert listing is not None
        outcome = evaluate_listing(scenario, listing)
        party = monitor.still_listed(alert.source, alert.source_id, lifted=lifted)
        event: dict[str, Any] = {
            "id": event_id(
                "whatif", portfolio, row_id, alert.source, alert.source_id, scenario_text
            ),
            "type": "hit_removed",
            "simulated": True,
            "portfolio": portfolio,
            "row_id": row_id,
            "listing": {
                "source": listing.source,
                "source_id": listing.source_id,
                "authority": listing.authority,
                "caption": listing.caption,
                "schema": listing.schema,
                "programs": list(listing.programs),
                "lifted_programs": outcome.lifted_programs,
                "fingerprint": alert.listing_hash,
            },
            "profile_id": (party or {}).get("profile_id") or alert.profile_id,
            "score": alert.score,
            "matched_name": alert.matched_name,
            "explanation": alert.explanation,
            "reason": "lifted",
            "cause": {"kind": "whatif", "scenario": scenario.describe()},
        }
        if party is not None:
            event["still_listed"] = party["still_listed"]
            event["party"] = party
        events.append(event)
    return events
