"""``thaw whatif`` (relief scenarios) and ``thaw programs`` (the programme catalogue)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from thaw.catalogue import AUTHORITIES, build, themes
from thaw.cli._app import HomeOption, JsonOption, app, console, fail, open_store
from thaw.cli.ownership import lifted_predicate, print_whatif_ownership, whatif_ownership
from thaw.history import Parties
from thaw.sources import SourceError
from thaw.whatif import (
    PartyOutcome,
    Scenario,
    ScenarioError,
    WhatIfResult,
    check_programmes,
    for_entity,
    for_party,
    for_results,
    for_store,
)


def _listing_text(items: list[dict[str, object]]) -> str:
    out = []
    for item in items:
        programs = item.get("programs") or []
        assert isinstance(programs, list)
        text = f"{item['source']}:{item['source_id']}"
        if programs:
            text += f" ({', '.join(str(p) for p in programs)})"
        out.append(text)
    return "\n".join(out)


def _lifted_text(party: dict[str, Any]) -> str:
    """The ``lifted`` column of a party that stays listed: the listings lifted
    whole, then the programmes lifted from listings that stay under others
    (``us_ofac_sdn:10569 (SYRIA; the listing stays)``), as its JSON says them
    (``lifted``, and ``lifted_programs`` of ``listings``)."""
    lines = [_listing_text(party["lifted"])] if party["lifted"] else []
    for item in party["listings"]:
        if item.get("lifted_programs"):
            lifted = ", ".join(str(p) for p in item["lifted_programs"])
            lines.append(f"{item['source']}:{item['source_id']} ({lifted}; the listing stays)")
    return "\n".join(lines)


def _who(p: PartyOutcome) -> str:
    if "row" in p.context:
        return f"row {p.context['row']}: {p.context.get('name') or p.context.get('id') or ''}"
    return p.party_id


def _print_result(result: WhatIfResult, limit: int) -> None:
    counts = result.counts()
    parties = counts["parties"]
    console.print(
        f"[bold]Scenario[/] lift {escape(', '.join(result.scenario.describe()))}  "
        f"on {escape(result.scope)}",
        highlight=False,
    )
    console.print(
        f"parties evaluated {parties['evaluated']}, affected {parties['affected']}: "
        f"[green]{parties['cleared']} cleared[/], [red]{parties['still_listed']} still listed[/]"
        + (f", {parties['unaffected']} not affected" if result.unaffected_shown else ""),
        highlight=False,
    )
    for name in result.not_listed:
        console.print(f"[dim]{escape(name)}: no listing in force[/]")
    lifted = counts["listings_lifted"]
    if lifted["by_authority"]:
        summary = Table(title="Lifted listings", title_justify="left")
        for col in ("by authority", "by programme", "by schema"):
            summary.add_column(col, overflow="fold")
        # plain Text: "uk:Russia: 1" must not be read as the emoji code ":Russia:"
        summary.add_row(
            *(
                Text("\n".join(f"{k}: {v}" for k, v in list(lifted[key].items())[:15]))
                for key in ("by_authority", "by_program", "by_schema")
            )
        )
        console.print(summary)
    cleared = result.cleared()
    if cleared:
        table = Table(title=f"Cleared ({len(cleared)})", title_justify="left")
        for col in ("party", "name", "schema", "lifted listings"):
            table.add_column(col, overflow="fold")
        for p in cleared[: limit or None]:
            d = p.to_dict()
            table.add_row(
                escape(_who(p)), escape(p.caption), p.schema, escape(_listing_text(d["lifted"]))
            )
        console.print(table)
        if limit and len(cleared) > limit:
            console.print(f"  … {len(cleared) - limit} more (--limit 0 shows all)")
    still = result.still_listed()
    if still:
        table = Table(title=f"Still listed ({len(still)})", title_justify="left")
        for col in ("party", "name", "remains listed by", "lifted"):
            table.add_column(col, overflow="fold")
        for p in still[: limit or None]:
            d = p.to_dict()
            table.add_row(
                escape(_who(p)),
                escape(p.caption),
                escape(_listing_text(d["listings"])),
                escape(_lifted_text(d)),
            )
        console.print(table)
        if limit and len(still) > limit:
            console.print(f"  … {len(still) - limit} more (--limit 0 shows all)")
    unaffected = result.unaffected() if result.unaffected_shown else []
    if unaffected:
        table = Table(title=f"Not affected ({len(unaffected)})", title_justify="left")
        for col in ("party", "name", "listed by"):
            table.add_column(col, overflow="fold")
        for p in unaffected[: limit or None]:
            table.add_row(
                escape(_who(p)), escape(p.caption), escape(_listing_text(p.to_dict()["listings"]))
            )
        console.print(table)
        if limit and len(unaffected) > limit:
            console.print(f"  … {len(unaffected) - limit} more (--limit 0 shows all)")


@app.command("whatif")
def whatif_cmd(
    lift: Annotated[
        list[str],
        typer.Option(
            help="AUTHORITY:PROGRAMME (us:RUSSIA-EO14024), AUTHORITY:THEME (us:russia, "
            "*:russia) or AUTHORITY:* (us:*); repeatable."
        ),
    ],
    profile: Annotated[str | None, typer.Option(help="One party, by profile id.")] = None,
    entity: Annotated[str | None, typer.Option(help="The party of one listing, SOURCE:ID.")] = None,
    results: Annotated[
        Path | None,
        typer.Option(
            help="A screening results file: JSONL of thaw screen-file, or thaw screen-text --json.",
            exists=True,
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every party in the store.")] = False,
    portfolio: Annotated[
        str | None, typer.Option(help="The hit_removed events of a monitored portfolio.")
    ] = None,
    no_profiles: Annotated[
        bool, typer.Option("--no-profiles", help="Treat every listing as its own party.")
    ] = False,
    limit: Annotated[int, typer.Option(help="Rows per table in the readable form (0 = all).")] = 50,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """What a relief scenario would lift: listings lifted, parties cleared, and
    parties still listed (by which authority and programme).

    A listing is lifted only when all its programmes are; a party clears only when
    all its listings are lifted.
    """
    chosen = [x for x in (profile, entity, results, all_ or None, portfolio) if x]
    if len(chosen) != 1:
        raise fail("choose exactly one of --profile, --entity, --results, --all, --portfolio")
    if portfolio is not None:
        from thaw.cli.monitor import whatif_portfolio

        whatif_portfolio(lift, portfolio, home, as_json)
        return
    try:
        scenario = Scenario.parse(lift)
        with open_store(home) as store:
            check_programmes(scenario, store)
    except ScenarioError as exc:
        raise fail(str(exc)) from exc
    if results is not None:
        try:
            if no_profiles:
                result = for_results(scenario, results)
            else:
                with open_store(home) as store:
                    result = for_results(scenario, results, Parties(store))
        except SourceError as exc:
            raise fail(str(exc)) from exc
    else:
        with open_store(home) as store:
            parties = Parties(store, use_profiles=not no_profiles)
            if all_:
                result = for_store(store, scenario, parties)
            elif entity:
                source, sep, source_id = entity.partition(":")
                if not sep or not source_id:
                    raise fail(f"expected SOURCE:ID, got {entity!r}")
                if parties.get(entity) is None:
                    raise fail(f"the store holds no listing {entity}")
                result = for_entity(store, scenario, source, source_id, parties)
            else:
                assert profile is not None
                party = parties.get(profile)
                if party is None:
                    raise fail(f"no profile {profile}")
                result = for_party(store, scenario, party, scope=f"profile {profile}")
    # ownership: companies owned by the lifted parties (only when ownership data is loaded)
    owned = whatif_ownership(
        home, lifted_predicate(scenario), entity=entity, profile=profile, results=results
    )
    if as_json:
        data = result.to_dict()
        if owned is not None:
            data["ownership"] = owned
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    _print_result(result, limit)
    if owned is not None:
        print_whatif_ownership(owned, limit)


@app.command("programs")
def programs_cmd(
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    authority: Annotated[
        str | None, typer.Option(help=f"Only this authority ({', '.join(AUTHORITIES)}).")
    ] = None,
    theme: Annotated[str | None, typer.Option(help="Only programmes of this theme.")] = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every authority's programmes and regimes in the active publications.

    Each with its listing counts by schema and the country or theme it targets."""
    if theme and theme.lower() not in themes():
        raise fail(f"unknown theme {theme!r}; themes: {', '.join(themes())}")
    with open_store(home, readonly=True) as store:
        entries = build(store, source)
    entries = [
        e
        for e in entries
        if (authority is None or e.programme.authority == authority.lower())
        and (theme is None or theme.lower() in e.programme.themes)
    ]
    if as_json:
        sys.stdout.write(
            json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2) + "\n"
        )
        return
    if not entries:
        console.print("No programmes: no active publication matches (see thaw lists).")
        return
    table = Table(title="Programmes in the active publications", title_justify="left")
    for col in ("authority", "programme", "targets", "listings", "by schema", "sources"):
        table.add_column(col, overflow="fold")
    for e in entries:
        p = e.programme
        label = escape(p.code or "(no programme)")
        if p.label and p.label != p.code:
            label += f"\n[dim]{escape(p.label)}[/]"
        targets = ", ".join(p.themes) + (escape(f" [{p.country}]") if p.country else "")
        if not p.known:
            targets += " [dim](rule)[/]"
        table.add_row(
            p.authority,
            label,
            targets,
            str(e.total),
            ", ".join(f"{k} {v}" for k, v in e.by_schema.items()),
            ", ".join(e.sources),
        )
    console.print(table)
