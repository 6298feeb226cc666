"""``thaw exposure`` and ``thaw ownership …``: ownership data in, the 50 % rules out.

* ``thaw ownership load FILE``: load an ownership publication (FtM, GLEIF RR-CDF CSV,
  Companies House PSC snapshot, plain CSV) with the list loader's guarantees;
* ``thaw ownership list``: the stored ownership publications;
* ``thaw ownership parties``: every party and how it was resolved to listings;
* ``thaw ownership exposed``: every company exposed only by ownership or control;
* ``thaw ownership rules``: the rules as declared;
* ``thaw exposure PARTY``: one party's answer per authority, explained.

The helpers :func:`screen_ownership` and :func:`whatif_ownership` serve ``thaw
screen --ownership``, ``screen-file --ownership`` and ``thaw whatif``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from thaw.cli._app import (
    ForceOption,
    HomeOption,
    JsonOption,
    MaxDropOption,
    app,
    console,
    err,
    fail,
    open_store,
)
from thaw.ownership import Analysis, PartyFinder, analyse, compare
from thaw.ownership.annotate import OwnershipAnnotator
from thaw.ownership.model import ListingRef
from thaw.ownership.relief import owned_by
from thaw.ownership.rules import rules_doc
from thaw.schemas.ownership import ExposureModel
from thaw.sources import json_loads
from thaw.store import DEFAULT_MAX_DROP, LoadError, Store, default_home
from thaw.store.ownership import OwnershipStore, load_ownership

ownership_app = typer.Typer(
    help="Ownership and control data: load it, list it, see who is exposed.",
    no_args_is_help=True,
)
app.add_typer(ownership_app, name="ownership")

AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Evaluate on this day, YYYY-MM-DD (default: today).")
]
AggregateEuOption = Annotated[
    bool,
    typer.Option(
        "--aggregate-eu",
        help="Add up the holdings of different EU-designated persons (off: the Council "
        "assesses aggregation case by case).",
    ),
]
AggregateUkOption = Annotated[
    bool,
    typer.Option("--aggregate-uk", help="Add up the holdings of different UK-designated persons."),
]
STATUS_STYLE = {
    "listed": "bold red",
    "blocked": "red",
    "undetermined": "yellow",
    "not_blocked": "green",
    "no_list": "dim",
}


def _analyse(
    store: Store, as_of: str | None, aggregate_eu: bool = False, aggregate_uk: bool = False
) -> Analysis:
    if not OwnershipStore(store).active():
        raise fail("no ownership data is loaded (see thaw ownership load)")
    if as_of is not None and (len(as_of) != 10 or as_of[4] != "-" or as_of[7] != "-"):
        raise fail(f"--as-of {as_of!r}: write YYYY-MM-DD")
    with err.status("Resolving ownership parties to listings…"):
        return analyse(store, as_of=as_of, aggregate_eu=aggregate_eu, aggregate_uk=aggregate_uk)


@ownership_app.command("load")
def load_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Ownership files.", exists=True)],
    source: Annotated[
        str | None,
        typer.Option(
            help="Source name (default per format: ownership_ftm, gleif_rr, "
            "gb_coh_psc, ownership_csv)."
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            help="ftm_ownership, gleif_rr_csv, psc_snapshot or ownership_csv "
            "(default: recognised from the content)."
        ),
    ] = None,
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    force: ForceOption = False,
    history: Annotated[
        bool, typer.Option(help="Store an older publication as history (not activated).")
    ] = False,
    max_drop: MaxDropOption = DEFAULT_MAX_DROP,
    home: HomeOption = None,
) -> None:
    """Load ownership publications: parsed completely, checked, then activated."""
    failed = False
    with open_store(home) as store:
        for path in paths:
            try:
                result = load_ownership(
                    store,
                    path,
                    source=source,
                    format=format,
                    date=date,
                    force=force,
                    history=history,
                    max_drop=max_drop,
                )
            except LoadError as exc:
                err.print(f"[bold red]refused:[/] {escape(str(exc))}", soft_wrap=True)
                failed = True
                continue
            pub = result.publication
            console.print(
                f"{result.status}: {escape(pub.source)} {pub.published} ({pub.date_basis}), "
                f"{pub.link_count:,} links from {escape(path.name)}",
                highlight=False,
            )
            for note in result.notes:
                console.print(f"  [dim]{escape(note)}[/]", highlight=False)
    if failed:
        raise typer.Exit(1)


@ownership_app.command("list")
def list_cmd(home: HomeOption = None, as_json: JsonOption = False) -> None:
    """Every stored ownership publication; the active one of each source is marked."""
    with open_store(home) as store:
        pubs = OwnershipStore(store).publications()
    if as_json:
        sys.stdout.write(json.dumps([p.to_dict() for p in pubs], indent=2) + "\n")
        return
    table = Table(title="Ownership publications", title_justify="left")
    for col in ("source", "published", "format", "links", "loaded", "active"):
        table.add_column(col)
    for p in pubs:
        table.add_row(
            p.source,
            p.published,
            p.format,
            f"{p.link_count:,}",
            p.loaded_at,
            "yes" if p.active else "",
        )
    console.print(table)


@ownership_app.command("rules")
def rules_cmd() -> None:
    """The rules per authority, as declared (see docs/OWNERSHIP.md)."""
    console.print(rules_doc(), highlight=False, markup=False)


@ownership_app.command("parties")
def parties_cmd(
    listed_only: Annotated[bool, typer.Option(help="Only parties resolved to listings.")] = False,
    as_of: AsOfOption = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every party of the ownership data and its resolution to listings, with evidence."""
    with open_store(home) as store:
        analysis = _analyse(store, as_of)
    nodes = [n for n in analysis.og.nodes if n.resolution or not listed_only]
    if as_json:
        sys.stdout.write(
            json.dumps([n.to_dict() for n in nodes], ensure_ascii=False, indent=2) + "\n"
        )
        return
    table = Table(title="Ownership parties", title_justify="left")
    for col in ("party", "name", "resolved to", "how"):
        table.add_column(col, overflow="fold")
    for n in nodes:
        r = n.resolution
        table.add_row(
            escape(n.keys[0]),
            escape(n.name),
            escape(", ".join(x.key for x in r.listings)) if r else "",
            escape(f"{r.method}: {r.evidence}") if r else "[dim]not listed[/]",
        )
    console.print(table)


@ownership_app.command("exposed")
def exposed_cmd(
    as_of: AsOfOption = None,
    aggregate_eu: AggregateEuOption = False,
    aggregate_uk: AggregateUkOption = False,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every company exposed only by ownership or control (not listed itself)."""
    with open_store(home) as store:
        analysis = _analyse(store, as_of, aggregate_eu, aggregate_uk)
    rows = list(analysis.exposed())
    if as_json:
        data = [analysis.explain(node.index).to_dict() for node, _ in rows]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"Exposed by ownership or control ({len(rows)})", title_justify="left")
    for col in ("party", "name", *analysis.rules):
        table.add_column(col, overflow="fold")
    for node, st in rows:
        table.add_row(
            escape(node.keys[0]),
            escape(node.name),
            *(f"[{STATUS_STYLE[st[a]]}]{st[a]}[/]" for a in analysis.rules),
        )
    console.print(table)


def print_exposure(data: dict[str, Any]) -> None:
    """Print one exposure (the dict of :meth:`thaw.ownership.Exposure.to_dict`)."""
    party = data["party"]
    console.print(
        f"[bold]{escape(party['name'])}[/] ({escape(party['key'])}) as of {data['as_of']}",
        highlight=False,
    )
    if "match" in data:
        console.print(f"  [dim]found by {escape(data['match']['evidence'])}[/]", highlight=False)
    resolution = party.get("resolution")
    if resolution:
        console.print(
            f"  [dim]resolved to listings by {resolution['method']}: "
            f"{escape(resolution['evidence'])}[/]",
            highlight=False,
            soft_wrap=True,
        )
    for authority, answer in data["authorities"].items():
        style = STATUS_STYLE[answer["status"]]
        console.print(
            f"  [{style}]{authority.upper()}[/] {escape(answer['summary'])}",
            highlight=False,
            soft_wrap=True,
        )
        for note in answer["notes"]:
            console.print(f"      [dim]{escape(note)}[/]", highlight=False, soft_wrap=True)
    for item in data["owners"]:
        extra = f"  [{item['conflict']}]" if item.get("conflict") else ""
        roles = {s["role"] for s in item["sources"] if s.get("role")}
        what = item["share"] or ", ".join(sorted(roles))
        console.print(
            f"  owner: {escape(item['owner']['name'])} — {item['kind']} {escape(what)}"
            f"{escape(extra)}",
            highlight=False,
            soft_wrap=True,
        )
    for item in data["not_in_force"]:
        console.print(
            f"  [dim]not counted: {escape(item['owner'])} — {item['kind']} "
            f"{escape(item['share'])}, {escape(item['why'])}[/]",
            highlight=False,
            soft_wrap=True,
        )
    effective = data["effective_stakes"]["holders"]
    if any(len(path) > 2 for item in effective for path in item["paths"]):
        console.print(f"  [dim]effective stakes ({data['effective_stakes']['note']}):[/]")
        for item in effective:
            console.print(
                f"  [dim]  {escape(item['name'])}: {item['effective_percentage']:g} %[/]",
                highlight=False,
            )
    if data.get("cycle"):
        console.print(f"  ownership cycle: {escape(' → '.join(data['cycle']))}", highlight=False)


@app.command("exposure")
def exposure_cmd(
    party: Annotated[
        str, typer.Argument(help="A party key (lei:…, gb-coh:…, ftm:…), an identifier or a name.")
    ],
    country: Annotated[
        str | None, typer.Option(help="Country of the party, to match names.")
    ] = None,
    id_number: Annotated[str | None, typer.Option(help="An identifier of the party.")] = None,
    as_of: AsOfOption = None,
    aggregate_eu: AggregateEuOption = False,
    aggregate_uk: AggregateUkOption = False,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Is this company owned or controlled by listed persons, and under whose rule?

    Answers per authority (US 50 % rule, EU and UK ownership-and-control tests) with
    the owners, percentages, paths and listings behind the answer.
    """
    with open_store(home) as store:
        analysis = _analyse(store, as_of, aggregate_eu, aggregate_uk)
    try:
        found = PartyFinder(analysis.og).find(party, country=country, id_number=id_number)
    except ValueError as exc:
        raise fail(str(exc)) from exc
    if not found:
        raise fail(f"no party of the ownership data matches {party!r}")
    data = []
    for item in found:
        exposure = analysis.explain(item.node.index).to_dict()
        exposure["match"] = item.to_dict()
        # through the API's model: the command line and the service cannot drift
        data.append(ExposureModel.model_validate(exposure).to_dict())
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for exposure in data:
        print_exposure(exposure)


# -- helpers for screen and whatif ---------------------------------------------------


def screen_ownership(
    home: Path | None, name: str, country: str | None, id_number: str | None
) -> list[dict[str, Any]]:
    """The ``ownership`` key of ``thaw screen --ownership``."""
    annotator = OwnershipAnnotator(home)
    if not annotator.active:
        err.print("[yellow]warning:[/] no ownership data is loaded (see thaw ownership load)")
    return annotator.exposures(name, country, id_number)


def annotate_file(home: Path | None, lines_in: Iterable[str], out: Any) -> None:
    """Copy screen-file output lines from ``lines_in`` to ``out`` with ``ownership`` added."""
    annotator = OwnershipAnnotator(home)
    if not annotator.active:
        err.print("[yellow]warning:[/] no ownership data is loaded (see thaw ownership load)")
    for line in lines_in:
        if line.strip():
            out.write(annotator.annotate_line(line) + "\n")


def whatif_ownership(
    home: Path | None,
    lifted: Any,
    *,
    entity: str | None = None,
    profile: str | None = None,
    results: Path | None = None,
) -> dict[str, Any] | None:
    """The ``ownership`` section of ``thaw whatif`` (``None`` without ownership data).

    ``lifted`` is a predicate on :class:`~thaw.ownership.model.ListingRef`. For one
    listing's party (``entity``), only the companies it owns or controls are
    reported; for a results file, the companies named in it (the ``ownership``
    key written by ``screen-file --ownership``, else a name match).
    """
    if not (default_home(home) / "thaw.db").exists():
        return None  # no store at all: nothing to open (nor to create)
    with open_store(home) as store:
        if not OwnershipStore(store).active():
            return None
        analysis = _analyse(store, None)
        lists = list(store.active_publications())
    og = analysis.og
    only: set[int] | None = None
    if entity is not None or profile is not None:
        starts = [
            n.index
            for n in og.nodes
            if n.resolution
            and (
                n.resolution.party_id == profile
                or any(x.key == entity for x in n.resolution.listings)
            )
        ]
        only = owned_by(og, starts)
    elif results is not None:
        finder = PartyFinder(og)
        only = set()
        with open(results, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                try:
                    obj = json_loads(line)
                except json.JSONDecodeError:
                    continue
                if not isinstance(obj, dict):
                    continue
                keys = [
                    x.get("party", {}).get("key")
                    for x in obj.get("ownership") or []
                    if isinstance(x, dict)
                ]
                if keys:
                    only.update(og.by_key[k] for k in keys if k in og.by_key)
                elif obj.get("name"):
                    only.update(f.node.index for f in finder.find(str(obj["name"])))
    return compare(og, lifted, analysis.rules, only, lists).to_dict()


def print_whatif_ownership(data: dict[str, Any], limit: int = 50) -> None:
    """Print the ownership section of a what-if answer."""
    counts = data["counts"]
    console.print(
        f"[bold]Ownership[/] (companies exposed only by ownership or control, as of "
        f"{data['as_of']}): {counts['evaluated']} evaluated, [green]{counts['unblocked']} "
        f"unblocked[/], [red]{counts['still_blocked']} still blocked[/]",
        highlight=False,
    )
    for title, key in (("Unblocked", "unblocked"), ("Still blocked", "still_blocked")):
        items = data[key]
        if not items:
            continue
        table = Table(title=f"{title} ({len(items)})", title_justify="left")
        for col in ("party", "name", "before → after", "after the scenario"):
            table.add_column(col, overflow="fold")
        for item in items[: limit or None]:
            changes = ", ".join(
                f"{a}: {item['before'][a]} → {item['after'][a]}"
                for a in item["before"]
                if item["before"][a] != item["after"][a]
            )
            why = "\n".join(item["explanation_after"][a] for a in item["still_blocked_under"])
            table.add_row(escape(item["party"]), escape(item["name"]), changes, escape(why))
        console.print(table)


def lifted_predicate(scenario: Any) -> Any:
    """A ``lifted(ListingRef)`` predicate from a :class:`thaw.whatif.Scenario`."""
    from thaw.catalogue import Listing
    from thaw.whatif import evaluate_listing

    def lifted(item: ListingRef) -> bool:
        listing = Listing(item.source, item.source_id, "LegalEntity", item.caption, item.programs)
        return evaluate_listing(scenario, listing).lifted

    return lifted


def _link_dict(link: Any) -> dict[str, Any] | None:
    if link is None:
        return None
    return {
        "owner": link.owner.name or link.owner.key,
        "owner_key": link.owner.key,
        "asset": link.asset.name or link.asset.key,
        "asset_key": link.asset.key,
        "kind": link.kind,
        "share": link.share_text or ("of unknown size" if link.share_min is None else None),
        "start": link.start,
        "end": link.end,
        "ended": link.ended,
    }


@ownership_app.command("changes")
def changes_cmd(
    source: Annotated[str, typer.Option(help="The ownership source (see thaw ownership list).")],
    old: Annotated[
        int | None, typer.Option("--from", help="Publication id (default: the one before).")
    ] = None,
    new: Annotated[
        int | None, typer.Option("--to", help="Publication id (default: the active one).")
    ] = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """What changed between two publications of an ownership source: links added,
    removed, and changed (share, dates, status)."""
    from thaw.store.ownership import diff_publications

    with open_store(home) as store:
        own = OwnershipStore(store)
        pubs = own.publications(source)
        if not pubs:
            raise fail(f"no ownership publication of {source!r} (see thaw ownership list)")
        ids = [p.id for p in pubs]
        active = next((p.id for p in pubs if p.active), ids[-1])
        new_id = new if new is not None else active
        if new_id not in ids:
            raise fail(f"{source} has no publication {new_id}; it has {ids}")
        before = [i for i in ids if i != new_id and ids.index(i) < ids.index(new_id)]
        old_id = old if old is not None else (before[-1] if before else None)
        if old_id is None:
            raise fail(f"{source} has no publication before {new_id} to compare with")
        if old_id not in ids:
            raise fail(f"{source} has no publication {old_id}; it has {ids}")
        diff = diff_publications(own, old_id, new_id)
    data = {
        "source": source,
        "from": old_id,
        "to": new_id,
        **{
            k: [{"old": _link_dict(a), "new": _link_dict(b)} for a, b in v] for k, v in diff.items()
        },
    }
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    console.print(
        f"{escape(source)}: publication {old_id} → {new_id}: {len(diff['added'])} added, "
        f"{len(diff['removed'])} removed, {len(diff['changed'])} changed",
        highlight=False,
    )
    for what in ("added", "removed", "changed"):
        for a, b in diff[what]:
            x, y = _link_dict(a), _link_dict(b)
            item = y or x
            assert item is not None
            line = f"{item['owner']} → {item['asset']} ({item['kind']})"
            if what == "changed" and x and y:
                was = f"{x['share']} {x['start']}..{x['end']}"
                line += f": {was} → {y['share']} {y['start']}..{y['end']}"
            elif item["share"]:
                line += f" {item['share']}"
            console.print(f"  {what}: {escape(line)}", highlight=False)
