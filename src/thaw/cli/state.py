"""``thaw keys``, ``thaw decide``, ``thaw decisions`` and ``thaw audit``: the team
state of the service (see :mod:`thaw.store.state`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from thaw.cli._app import (
    HomeOption,
    JsonOption,
    app,
    check_when_option,
    console,
    err,
    fail,
)
from thaw.schemas.state import (
    AuditCompactModel,
    AuditVerifyModel,
    DecisionModel,
    KeyModel,
    audit_lines,
)
from thaw.spreadsheet import SafeWriter
from thaw.store.state import ROLES, Decision, State, open_state

keys_app = typer.Typer(help="API keys of the service: create, list, revoke.", no_args_is_help=True)
decisions_app = typer.Typer(help="Analysts' decisions on alerts.", no_args_is_help=True)
audit_app = typer.Typer(
    help="The audit trail: verify its chain, export it, archive closed segments.",
    no_args_is_help=True,
)
app.add_typer(keys_app, name="keys")
app.add_typer(decisions_app, name="decisions")
app.add_typer(audit_app, name="audit")

DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        help="Team state database (default: $THAW_DATABASE_URL, else SQLite in the home).",
        envvar="THAW_DATABASE_URL",
        show_envvar=False,
    ),
]


def _state(home: Path | None, url: str | None) -> State:
    try:
        return open_state(home, url)
    except (ValueError, RuntimeError) as exc:
        raise fail(str(exc)) from exc
    except Exception as exc:  # e.g. PostgreSQL unreachable
        raise fail(f"cannot open the state database: {exc}") from exc


def _print_json(data: object) -> None:
    console.print_json(json.dumps(data, ensure_ascii=False))


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help='Who or what uses the key, e.g. "Jane (ops)".')],
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}.")] = "screen",
    rate: Annotated[
        float | None, typer.Option(help="Requests per second (default: the server's; 0: none).")
    ] = None,
    home: HomeOption = None,
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Create a key and print its secret, once: only its hash is stored."""
    with _state(home, database_url) as state:
        try:
            info, secret = state.keys.create(name, role, rate=rate)
        except ValueError as exc:
            raise fail(str(exc)) from exc
    if as_json:
        _print_json({**KeyModel.of(info).model_dump(), "secret": secret})
        return
    err.print(
        f"created key {info.id} ({escape(info.name)}, role {info.role}); "
        "the secret below is shown only now:",
        highlight=False,
    )
    print(secret)


@keys_app.command("list")
def keys_list(
    home: HomeOption = None, database_url: DatabaseOption = None, as_json: JsonOption = False
) -> None:
    """Every key (without secrets), revoked ones included."""
    with _state(home, database_url) as state:
        keys = state.keys.list()
    if as_json:
        _print_json([KeyModel.of(k).model_dump() for k in keys])
        return
    table = Table(title=f"{len(keys)} key(s)", title_justify="left")
    for column in ("id", "name", "role", "created", "revoked", "rate"):
        table.add_column(column)
    for k in keys:
        table.add_row(
            k.id,
            escape(k.name),
            k.role,
            k.created_at,
            k.revoked_at or "",
            "" if k.rate is None else f"{k.rate:g}/s",
        )
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id (see thaw keys list).")],
    home: HomeOption = None,
    database_url: DatabaseOption = None,
) -> None:
    """Revoke a key: it stops working at once."""
    with _state(home, database_url) as state:
        try:
            info = state.keys.revoke(key_id)
        except KeyError:
            raise fail(f"no such key: {key_id}") from None
    err.print(f"revoked {info.id} ({escape(info.name)}) at {info.revoked_at}", highlight=False)


@app.command("decide")
def decide_cmd(
    customer: Annotated[str, typer.Argument(help="The customer's (or query's) id.")],
    target: Annotated[str, typer.Argument(help="The listing (source:id) or profile id.")],
    verdict: Annotated[str, typer.Argument(help="true_match or false_positive.")],
    reason: Annotated[str, typer.Option(help="Why (required).")],
    by: Annotated[str, typer.Option(help="Who decides.")] = "cli",
    home: HomeOption = None,
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record an analyst's decision on an alert. A false positive suppresses the
    alert in later screenings of this customer until the listing is amended or the
    customer's data changes."""
    from thaw.cli._app import open_store
    from thaw.decisions import target_fingerprint

    with open_store(home) as store:
        fingerprint = target_fingerprint(store, target)
    if fingerprint is None:
        raise fail(f"no active listing or profile {target!r}")
    with _state(home, database_url) as state:
        try:
            decision = state.decisions.record(
                Decision(customer, target, verdict, reason, by, listing_fingerprint=fingerprint)
            )
        except ValueError as exc:
            raise fail(str(exc)) from exc
        from thaw.store.state import AuditRecord

        state.audit.append(
            AuditRecord(
                action="decide",
                query={"customer_id": customer, "target_id": target},
                key_name=by,
                results=[{"decision_id": decision.id, "verdict": verdict}],
            )
        )
    if as_json:
        _print_json(DecisionModel.of(decision).model_dump())
        return
    err.print(f"recorded decision {decision.id}: {customer} × {target}: {verdict}")


@decisions_app.command("list")
def decisions_list(
    since: Annotated[str | None, typer.Option(help="Only decisions since (ISO date).")] = None,
    home: HomeOption = None,
    database_url: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Decisions taken, oldest first."""
    check_when_option(since, "--since")
    with _state(home, database_url) as state:
        decisions = state.decisions.list(since)
    if as_json:
        _print_json([DecisionModel.of(d).model_dump() for d in decisions])
        return
    table = Table(title=f"{len(decisions)} decision(s)", title_justify="left")
    for column in ("id", "customer", "target", "verdict", "by", "at", "reason"):
        table.add_column(column, overflow="fold")
    for d in decisions:
        table.add_row(
            str(d.id),
            escape(d.customer_id),
            escape(d.target_id),
            d.verdict,
            escape(d.decided_by),
            d.decided_at or "",
            escape(d.reason),
        )
    console.print(table)


@decisions_app.command("export")
def decisions_export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: standard output).")
    ] = None,
    format: Annotated[str, typer.Option("--format", help="csv or jsonl.")] = "csv",
    since: Annotated[str | None, typer.Option(help="Only decisions since (ISO date).")] = None,
    home: HomeOption = None,
    database_url: DatabaseOption = None,
) -> None:
    """Export decisions as CSV or JSON lines."""

    if format not in ("csv", "jsonl"):
        raise fail(f"unknown format {format!r} (csv or jsonl)")
    check_when_option(since, "--since")
    with _state(home, database_url) as state:
        decisions = [DecisionModel.of(d).model_dump() for d in state.decisions.list(since)]
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if format == "jsonl":
            for d in decisions:
                stream.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            fields = list(DecisionModel.model_fields)
            writer = SafeWriter(stream)
            writer.writerow(fields)
            for d in decisions:
                writer.writerow([d[f] for f in fields])
    finally:
        if output:
            stream.close()


@audit_app.command("verify")
def audit_verify(
    home: HomeOption = None, database_url: DatabaseOption = None, as_json: JsonOption = False
) -> None:
    """Recompute the audit trail's hash chain; exit 1 if a record was edited,
    inserted or deleted."""
    with _state(home, database_url) as state:
        report = state.audit.verify()
    if as_json:
        _print_json(AuditVerifyModel.of(report).model_dump())
    elif report.ok:
        err.print(f"audit trail intact: {report.records:,} record(s)")
    else:
        for problem in report.problems:
            err.print(f"[red]{escape(problem)}[/]", highlight=False)
        err.print(f"[bold red]audit trail broken[/] ({report.records:,} record(s) read)")
    if not report.ok:
        raise typer.Exit(1)


@audit_app.command("export")
def audit_export(
    since: Annotated[str | None, typer.Option(help="From (ISO date or time, inclusive).")] = None,
    until: Annotated[str | None, typer.Option(help="Until (ISO date or time, exclusive).")] = None,
    format: Annotated[str, typer.Option("--format", help="csv or jsonl.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: standard output).")
    ] = None,
    home: HomeOption = None,
    database_url: DatabaseOption = None,
) -> None:
    """Export the audit trail (who screened what, against which publications, what
    was found and what was decided)."""

    if format not in ("csv", "jsonl"):
        raise fail(f"unknown format {format!r} (csv or jsonl)")
    check_when_option(since, "--since")
    check_when_option(until, "--until")
    with _state(home, database_url) as state:
        stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            for chunk in audit_lines(state.audit.export(since, until), format):
                stream.write(chunk)
        finally:
            if output:
                stream.close()


@audit_app.command("compact")
def audit_compact(
    home: HomeOption = None, database_url: DatabaseOption = None, as_json: JsonOption = False
) -> None:
    """Roll the closed segments of the trail (a file per server worker and start)
    into one archive, records and hashes unchanged: verify and export answer as
    before. Exit 1 if a segment does not verify (it is left in place)."""
    with _state(home, database_url) as state:
        try:
            report = state.audit.compact()
        except ValueError as exc:
            raise fail(str(exc)) from exc
    if as_json:
        _print_json(AuditCompactModel.of(report).model_dump())
    else:
        for problem in report.skipped:
            err.print(f"[red]{escape(problem)}[/]", highlight=False)
        err.print(
            f"archived {report.segments:,} closed segment(s), {report.records:,} record(s);"
            f" {report.still_open:,} open segment(s) left in place"
        )
    if report.skipped:
        raise typer.Exit(1)
