"""Relief scenarios on fixture stores and screening-results files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli._cli import as_json, ok
from tests.history.history_fixtures import add, rec
from thaw.catalogue import Listing
from thaw.history import Parties, Party
from thaw.model import Link
from thaw.sources import SourceError
from thaw.store import Store
from thaw.whatif import (
    Lift,
    Scenario,
    ScenarioError,
    evaluate_listing,
    for_entity,
    for_party,
    for_results,
    for_store,
)


def _listing(source: str, programs: tuple[str, ...], sid: str = "1") -> Listing:
    return Listing(source, sid, "Person", "X", programs)


def test_lift_parsing() -> None:
    lift = Lift.parse("us:RUSSIA-EO14024")
    assert (lift.scope, lift.kind, lift.value) == ("us", "program", "RUSSIA-EO14024")
    assert Lift.parse("us:russia").kind == "theme"
    assert Lift.parse("*:russia").scope == "*"
    assert Lift.parse("us:*").kind == "all"
    assert Lift.parse("us:IRAN").kind == "program"
    assert Lift.parse("us:iran").kind == "theme"
    assert Lift.parse("us:program:iran").kind == "program"
    assert Lift.parse("us:theme:IRAN").value == "iran"
    assert Lift.parse("us_ofac_sdn:*").scope == "us_ofac_sdn"
    for bad in ("RUSSIA-EO14024", "us:", "xx:russia", "us:theme:nonsense"):
        with pytest.raises(ScenarioError):
            Lift.parse(bad)
    with pytest.raises(ScenarioError):
        Scenario.parse([])


def test_listing_rules() -> None:
    s = Scenario.parse(["us:RUSSIA-EO14024"])
    # every programme must be lifted
    assert evaluate_listing(s, _listing("us_ofac_sdn", ("RUSSIA-EO14024",))).lifted
    partly = evaluate_listing(s, _listing("us_ofac_sdn", ("RUSSIA-EO14024", "UKRAINE-EO13662")))
    assert not partly.lifted and partly.remaining_programs == ["UKRAINE-EO13662"]
    assert partly.affected
    # codes compare normalised; other authorities are untouched
    assert evaluate_listing(s, _listing("us_trade_csl", ("russia-eo14024",))).lifted
    assert not evaluate_listing(s, _listing("uk_ofsi", ("RUSSIA-EO14024",))).lifted
    # themes
    russia = Scenario.parse(["us:russia"])
    assert evaluate_listing(
        russia, _listing("us_ofac_sdn", ("RUSSIA-EO14024", "UKRAINE-EO13662"))
    ).lifted
    assert not evaluate_listing(russia, _listing("us_ofac_sdn", ("RUSSIA-EO14024", "SDGT"))).lifted
    everywhere = Scenario.parse(["*:russia"])
    assert evaluate_listing(everywhere, _listing("ca_sema", ("Russia / Russie",))).lifted
    assert evaluate_listing(everywhere, _listing("au_dfat", ("Autonomous (Ukraine)",))).lifted
    assert not evaluate_listing(
        everywhere, _listing("uk_ofsi", ("Ukraine (Misappropriation)",))
    ).lifted
    # no programme: only an authority-wide lift (or its theme) lifts it
    assert not evaluate_listing(s, _listing("us_bis_dpl", ())).lifted
    assert evaluate_listing(Scenario.parse(["us:*"]), _listing("us_bis_dpl", ())).lifted
    assert evaluate_listing(
        Scenario.parse(["us:export-control"]), _listing("us_bis_dpl", ())
    ).lifted
    # a bilingual code matches by its first part
    assert evaluate_listing(
        Scenario.parse(["ca:Russia"]), _listing("ca_sema", ("Russia / Russie",))
    ).lifted
    # source scope
    scoped = Scenario.parse(["us_ofac_sdn:*"])
    assert evaluate_listing(scoped, _listing("us_ofac_sdn", ("SDGT",))).lifted
    assert not evaluate_listing(scoped, _listing("us_trade_csl", ("SDGT",))).lifted


def _store(store: Store) -> None:
    add(
        store,
        "us_ofac_sdn",
        "2024-01-01",
        [
            rec("us_ofac_sdn", "1", "DMITRIEV, Kirill", ["RUSSIA-EO14024"]),
            rec(
                "us_ofac_sdn",
                "2",
                "RDIF",
                ["RUSSIA-EO14024", "UKRAINE-EO13662"],
                schema="Organization",
            ),
            rec("us_ofac_sdn", "3", "TERROR CO", ["SDGT", "RUSSIA-EO14024"], schema="Organization"),
            rec("us_ofac_sdn", "4", "IRAN CO", ["IRAN"], schema="Organization"),
        ],
    )
    add(store, "uk_ofsi", "2024-01-01", [rec("uk_ofsi", "100", "DMITRIEV, Kirill", ["Russia"])])


def test_party_clears_only_when_all_listings_lifted(store: Store) -> None:
    _store(store)
    party = Party("p-dmitriev", "DMITRIEV", (("us_ofac_sdn", "1"), ("uk_ofsi", "100")), True)
    us_only = for_party(store, Scenario.parse(["us:RUSSIA-EO14024"]), party)
    [outcome] = us_only.parties
    assert not outcome.cleared and outcome.affected
    data = us_only.to_dict()
    [still] = data["still_listed"]
    assert still["party"] == "p-dmitriev"
    assert still["listings"] == [
        {
            "authority": "uk",
            "source": "uk_ofsi",
            "source_id": "100",
            "caption": "DMITRIEV, Kirill",
            "schema": "Person",
            "programs": ["Russia"],
        }
    ]
    assert [x["source_id"] for x in still["lifted"]] == ["1"]
    assert data["cleared"] == []
    both = for_party(store, Scenario.parse(["us:RUSSIA-EO14024", "uk:russia"]), party)
    assert both.parties[0].cleared
    assert both.to_dict()["cleared"][0]["party"] == "p-dmitriev"
    gone = for_party(store, Scenario.parse(["us:*"]), Party("p", "x", (("us_ofac_sdn", "404"),)))
    assert gone.parties == [] and gone.not_listed == ["p"]


def test_the_table_says_what_is_lifted_from_a_listing_that_stays(store: Store) -> None:
    """TERROR CO stays listed under SDGT when RUSSIA-EO14024 is lifted: its JSON
    says so (``lifted_programs``), and the table's ``lifted`` column did not."""
    _store(store)
    args = ("--lift", "us:RUSSIA-EO14024", "--entity", "us_ofac_sdn:3", "--no-profiles")
    data = as_json("whatif", *args, "--home", store.home)
    [still] = data["still_listed"]
    assert still["lifted"] == []
    assert [(x["programs"], x["lifted_programs"]) for x in still["listings"]] == [
        (["SDGT"], ["RUSSIA-EO14024"])
    ]
    table = ok("whatif", *args, "--home", store.home).out
    assert "us_ofac_sdn:3 (RUSSIA-EO14024; the listing stays)" in table, table
    assert "us_ofac_sdn:3 (SDGT)" in table, table


def test_whole_store_counts(store: Store) -> None:
    _store(store)
    parties = Parties(store, use_profiles=False)
    result = for_store(store, Scenario.parse(["*:russia"]), parties)
    cleared = sorted(p.party_id for p in result.cleared())
    assert cleared == ["uk_ofsi:100", "us_ofac_sdn:1", "us_ofac_sdn:2"]
    still = [p.party_id for p in result.still_listed()]
    assert still == ["us_ofac_sdn:3"]  # IRAN CO is untouched, so not shown
    counts = result.counts()
    assert counts["parties"] == {
        "evaluated": 5,
        "affected": 4,
        "cleared": 3,
        "still_listed": 1,
        "unaffected": 1,
        "cleared_by_schema": {"Person": 2, "Organization": 1},
    }
    lifted = counts["listings_lifted"]
    assert lifted["by_authority"] == {"us": 2, "uk": 1}
    assert lifted["by_program"]["us:RUSSIA-EO14024"] == 2
    assert lifted["by_program"]["us:UKRAINE-EO13662"] == 1
    assert lifted["by_schema"] == {"Person": 2, "Organization": 1}
    assert counts["listings_remaining"]["by_program"] == {"us:SDGT": 1}
    entity = for_entity(store, Scenario.parse(["us:IRAN"]), "us_ofac_sdn", "4", parties)
    assert entity.parties[0].cleared and entity.scope == "entity us_ofac_sdn:4"


def test_results_file(tmp_path: Path) -> None:
    rows = [
        {
            "row": 1,
            "id": "c-1",
            "name": "Kirill Dmitriev",
            "hits": [
                {
                    "score": 0.97,
                    "schema": "Person",
                    "name": "DMITRIEV, Kirill",
                    "matched_name": "DMITRIEV, Kirill Aleksandrovich",
                    "listings": [
                        {
                            "source": "us_ofac_sdn",
                            "source_id": "1",
                            "programs": ["RUSSIA-EO14024"],
                            "listed_on": None,
                        },
                        {
                            "source": "uk_ofsi",
                            "source_id": "100",
                            "programs": ["Russia"],
                            "listed_on": "2022-02-28",
                        },
                    ],
                    "explanation": "",
                }
            ],
        },
        {"row": 2, "id": "c-2", "name": "Nobody", "hits": []},
        {
            "row": 3,
            "id": "c-3",
            "name": "Terror Co",
            "hits": [
                {
                    "score": 0.9,
                    "schema": "Organization",
                    "name": "TERROR CO",
                    "listings": [
                        {
                            "source": "us_ofac_sdn",
                            "source_id": "3",
                            "programs": ["SDGT", "RUSSIA-EO14024"],
                        }
                    ],
                }
            ],
        },
    ]
    path = tmp_path / "results.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = for_results(Scenario.parse(["*:russia"]), path)
    data = result.to_dict()
    assert [p["row"] for p in data["cleared"]] == [1]
    assert data["cleared"][0]["id"] == "c-1" and data["cleared"][0]["matched_name"]
    [still] = data["still_listed"]
    assert still["row"] == 3 and still["listings"][0]["programs"] == ["SDGT"]
    assert still["listings"][0]["lifted_programs"] == ["RUSSIA-EO14024"]
    assert data["rows"] == [
        {
            "row": 1,
            "id": "c-1",
            "name": "Kirill Dmitriev",
            "hits": 1,
            "cleared_hits": 1,
            "clear": True,
        },
        {"row": 3, "id": "c-3", "name": "Terror Co", "hits": 1, "cleared_hits": 0, "clear": False},
    ]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rows[0]) + "\n{not json\n")
    with pytest.raises(SourceError, match="line 2"):
        for_results(Scenario.parse(["us:*"]), bad)
    worse = tmp_path / "worse.jsonl"
    worse.write_text(json.dumps({"row": 1, "hits": [{"listings": [{"source": "x"}]}]}) + "\n")
    with pytest.raises(SourceError, match="source_id"):
        for_results(Scenario.parse(["us:*"]), worse)


def test_results_of_a_document(tmp_path: Path) -> None:
    """The JSON of ``thaw screen-text --json`` is a results file too: the
    parties found in the document are one row's hits, with every listing of
    each party (issue 11: Sberbank stays listed by Australia)."""
    document = {
        "kind": "text",
        "characters": 39,
        "parties": [
            {
                "name": "Sberbank",
                "schema": "Organization",
                "score": 0.95,
                "matched_name": "Sberbank of Russia",
                "profile_id": "p-sber",
                "listings": [
                    {
                        "source": "au_dfat",
                        "source_id": "6771",
                        "programs": ["Autonomous (Russia)"],
                        "listed_on": None,
                        "found_by": "party",
                    },
                    {
                        "source": "us_ofac_sdn",
                        "source_id": "17018",
                        "programs": ["RUSSIA-EO14024"],
                        "listed_on": None,
                        "found_by": "name",
                    },
                ],
                "mentions": [{"start": 20, "end": 38, "text": "Sberbank of Russia"}],
            }
        ],
    }
    path = tmp_path / "payment.json"
    path.write_text(json.dumps(document, indent=2))
    data = for_results(Scenario.parse(["us:russia"]), path).to_dict()
    [still] = data["still_listed"]
    assert still["row"] == 1 and still["caption"] == "Sberbank" and still["party"] == "p-sber"
    assert [x["source"] for x in still["listings"]] == ["au_dfat"]
    assert [x["source"] for x in still["lifted"]] == ["us_ofac_sdn"]
    assert still["name"] == data["rows"][0]["name"] == "payment.json"
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "parties": 3\n}\n')
    with pytest.raises(SourceError, match="'parties' list"):
        for_results(Scenario.parse(["us:*"]), broken)
    truncated = tmp_path / "truncated.json"
    truncated.write_text(json.dumps(document, indent=2)[:200])
    with pytest.raises(SourceError, match="not JSON"):
        for_results(Scenario.parse(["us:*"]), truncated)


def test_results_nested_too_deeply_are_a_located_error(tmp_path: Path) -> None:
    """JSON nested past Python's recursion limit, in a line of JSON lines or in
    a document's object, is refused as not JSON (a 400 on the API), not a
    RecursionError traceback."""
    deep = "[" * 100_000 + "]" * 100_000
    lines = tmp_path / "deep.jsonl"
    lines.write_text(json.dumps({"row": 1, "hits": []}) + "\n" + deep + "\n")
    with pytest.raises(SourceError, match="nested too deeply") as caught:
        for_results(Scenario.parse(["us:*"]), lines)
    assert caught.value.location == "line 2"
    document = tmp_path / "deep.json"
    document.write_text('{\n  "parties": ' + deep + "\n}\n")
    with pytest.raises(SourceError, match="nested too deeply"):
        for_results(Scenario.parse(["us:*"]), document)


def test_with_profiles(store: Store) -> None:
    """Parties are cross-authority profiles when they exist."""
    un = rec("un_sc", "QDi.001", "Hamid Rahman Karimi", ["Al-Qaida"])
    un.birth_dates = ["1960-01-05"]
    uk = rec("uk_ofsi", "1", "KARIMI Hamid Rahman", ["ISIL (Da'esh) and Al-Qaida"])
    uk.links.append(Link("un_reference", "un_sc", "QDi.001"))
    add(store, "un_sc", "2024-01-01", [un])
    add(store, "uk_ofsi", "2024-01-01", [uk, rec("uk_ofsi", "2", "Viktor Tarasenko", ["Russia"])])
    parties = Parties(store)
    party = parties.of("un_sc", "QDi.001")
    assert party.profile and set(party.listings) == {("un_sc", "QDi.001"), ("uk_ofsi", "1")}
    un_only = for_entity(store, Scenario.parse(["un:*"]), "uk_ofsi", "1", parties)
    [outcome] = un_only.parties
    assert not outcome.cleared and [o.listing.source for o in outcome.remaining()] == ["uk_ofsi"]
    both = for_store(store, Scenario.parse(["*:isil-al-qaida"]), parties)
    assert [p.party_id for p in both.cleared()] == [party.id]
    assert parties.get(party.id) == party
    assert len(list(parties.all())) == 2
    # a results file naming the profile: the profile's other listings count too
    hit = {
        "score": 1.0,
        "schema": "Person",
        "name": "Hamid Rahman Karimi",
        "profile_id": party.id,
        "listings": [{"source": "un_sc", "source_id": "QDi.001", "programs": ["Al-Qaida"]}],
    }
    path = store.home / "results.jsonl"
    path.write_text(json.dumps({"row": 1, "name": "Karimi", "hits": [hit, hit]}) + "\n")
    alone = for_results(Scenario.parse(["un:*"]), path)
    assert [r["clear"] for r in alone.rows] == [True] and len(alone.parties) == 1
    widened = for_results(Scenario.parse(["un:*"]), path, parties)
    [outcome] = widened.parties
    assert not outcome.cleared and [o.listing.source for o in outcome.remaining()] == ["uk_ofsi"]


def test_list_codes_follow_real_programmes() -> None:
    russia = Scenario.parse(["us:RUSSIA-EO14024"])
    csl = _listing("us_trade_csl", ("SDN", "RUSSIA-EO14024"))
    out = evaluate_listing(russia, csl)
    assert out.lifted and out.lifted_programs == ["SDN", "RUSSIA-EO14024"]
    mixed = evaluate_listing(russia, _listing("us_trade_csl", ("SDN", "RUSSIA-EO14024", "SDGT")))
    assert not mixed.lifted and mixed.remaining_programs == ["SDN", "SDGT"]
    assert mixed.lifted_programs == ["RUSSIA-EO14024"]
    # a listing with only a list code is decided on it
    dpl = _listing("us_bis_dpl", ("DPL",))
    assert not evaluate_listing(russia, dpl).lifted
    assert evaluate_listing(Scenario.parse(["us:export-control"]), dpl).lifted
    assert evaluate_listing(Scenario.parse(["us:DPL"]), dpl).lifted


def test_counts_agree_with_the_arrays(tmp_path: Path) -> None:
    """Issue 11: a party the lift does not touch is not "still listed"; it is
    reported under ``unaffected``, and every count equals its array's length."""
    listing = {"source": "us_ofac_sdn", "source_id": "7", "programs": ["SDGT"]}
    rows = [
        {"row": 1, "id": "a", "name": "A", "hits": [{"name": "A", "listings": [listing]}]},
        {
            "row": 2,
            "id": "b",
            "name": "B",
            "hits": [
                {
                    "name": "B",
                    "listings": [
                        {"source": "us_ofac_sdn", "source_id": "8", "programs": ["IRAN"]},
                        {"source": "uk_ofsi", "source_id": "9", "programs": ["Iran"]},
                    ],
                }
            ],
        },
    ]
    path = tmp_path / "hits.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    data = for_results(Scenario.parse(["us:IRAN"]), path).to_dict()
    parties = data["counts"]["parties"]
    assert [p["id"] for p in data["still_listed"]] == ["b"]
    assert [p["id"] for p in data["unaffected"]] == ["a"]
    assert parties["still_listed"] == len(data["still_listed"]) == 1
    assert parties["cleared"] == len(data["cleared"]) == 0
    assert parties["unaffected"] == len(data["unaffected"]) == 1
    assert parties["affected"] == parties["cleared"] + parties["still_listed"]


def test_unknown_programme_is_an_error_with_suggestions(store: Store) -> None:
    from thaw.whatif import check_programmes

    _store(store)
    with pytest.raises(ScenarioError, match=r"RUSIA-EO14024.*nearest known: us:RUSSIA-EO14024"):
        check_programmes(Scenario.parse(["us:RUSIA-EO14024"]), store)
    with pytest.raises(ScenarioError, match="unknown programme"):
        check_programmes(Scenario.parse(["uk:NOT-A-REGIME-AT-ALL"]), None)
    # known codes, themes, whole authorities and source scopes pass
    check_programmes(Scenario.parse(["us:RUSSIA-EO14024", "uk:russia", "us:*"]), store)
    check_programmes(Scenario.parse(["us_ofac_sdn:SDGT", "*:IRAN"]), store)
