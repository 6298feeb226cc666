"""``thaw portfolio``, ``thaw alerts`` and ``thaw webhooks``: monitoring.

Thin wrappers over :mod:`thaw.monitor` (and :mod:`thaw.store.portfolios`):

* ``thaw portfolio add NAME FILE`` / ``update NAME FILE`` / ``list`` / ``show NAME`` /
  ``rescreen NAME`` / ``remove NAME``;
* ``thaw alerts [--portfolio NAME] [--since DATE] [--events] [--json]``;
* ``thaw webhooks add URL --portfolio NAME --secret S`` / ``list`` / ``remove ID``
  / ``log`` / ``deliver [--loop]``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any

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
    open_store,
)
from thaw.match import DEFAULT_THRESHOLD
from thaw.monitor import Monitor, PortfolioError, PortfolioInputError, Step, read_rows
from thaw.monitor.inputs import iter_rows
from thaw.monitor.webhooks import WebhookError, check_url, deliver_due, deliver_loop
from thaw.schemas.monitor import (
    AlertModel,
    AttemptModel,
    PortfolioModel,
    StepModel,
    WebhookModel,
    alert_models,
    portfolio_detail,
    portfolio_models,
    recorded_events,
)
from thaw.screen import NoListsLoaded
from thaw.store import default_home
from thaw.store.portfolios import PortfolioStore
from thaw.store.sealing import SealingError


@contextmanager
def _portfolios(home: Path | None) -> Iterator[PortfolioStore]:
    """The monitoring store; an unknown portfolio or webhook, or a sealing key
    that cannot be used, ends the command with its message."""
    try:
        with PortfolioStore(default_home(home)) as ps:
            yield ps
    except (PortfolioError, SealingError) as exc:
        raise fail(str(exc)) from exc


@contextmanager
def _monitor(home: Path | None) -> Iterator[Monitor]:
    """A monitor over the store under ``home``; errors as :func:`_portfolios`."""
    try:
        with open_store(home) as store, Monitor(store) as monitor:
            yield monitor
    except (PortfolioError, SealingError, NoListsLoaded) as exc:
        raise fail(str(exc)) from exc


def _table(
    columns: Sequence[str], rows: Sequence[Sequence[str]], title: str | None = None
) -> Table:
    """A table of text cells (long values wrap)."""
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _alert_cells(alert: AlertModel) -> tuple[str, str, str, str, str]:
    """Row, listing, score, matched name and since of one alert, as table cells."""
    return (
        escape(alert.row_id),
        escape(f"{alert.source}:{alert.source_id}"),
        f"{alert.score:.2f}",
        escape(alert.matched_name),
        alert.since[:19],
    )


portfolio_app = typer.Typer(
    help="Portfolios kept screened as the lists change.", no_args_is_help=True
)
webhooks_app = typer.Typer(
    help="Deliver monitoring events to HTTP endpoints.", no_args_is_help=True
)
app.add_typer(portfolio_app, name="portfolio")
app.add_typer(webhooks_app, name="webhooks")

FormatOption = Annotated[
    str | None,
    typer.Option("--format", help="csv, jsonl, parquet or xlsx (default: from the name)."),
]


def _emit(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _rows(path: Path, fmt: str | None) -> list[Any]:
    try:
        return read_rows(path, fmt)
    except PortfolioInputError as exc:
        raise fail(str(exc)) from exc


def _step_line(step: Step) -> str:
    return (
        f"{step.portfolio}: {len(step.events)} new event(s); {step.changed_listings} changed "
        f"listing(s), {step.candidate_pairs} pair(s) scored, {step.seconds:.2f} s"
    )


@portfolio_app.command("add")
def portfolio_add(
    name: Annotated[str, typer.Argument(help="The portfolio's name.")],
    file: Annotated[
        Path, typer.Argument(help="CSV, JSONL, Parquet or .xlsx with an id column.", exists=True)
    ],
    fmt: FormatOption = None,
    threshold: Annotated[float | None, typer.Option(help="Score at which a row alerts.")] = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Create a portfolio from FILE (the columns of screen-file, with a required,
    unique id) and screen it against the active lists."""
    # (read as it is stored, page by page: a bad row anywhere refuses the whole
    # file, and the portfolio is removed again)
    rows = iter_rows(file, fmt)
    with _monitor(home) as monitor:
        try:
            with err.status("Reading and screening the rows…"):
                info = monitor.add(name, rows, threshold or DEFAULT_THRESHOLD)
        except PortfolioInputError as exc:
            raise fail(str(exc)) from exc
    if as_json:
        with _portfolios(home) as ps:
            _emit(PortfolioModel.of(info, ps.watermarks(info.id)).model_dump())
        return
    console.print(
        f"Portfolio [bold]{escape(name)}[/]: {info.rows} rows, {info.alerts} alert(s).",
        highlight=False,
    )


@portfolio_app.command("update")
def portfolio_update(
    name: Annotated[str, typer.Argument(help="The portfolio's name.")],
    file: Annotated[
        Path, typer.Argument(help="The portfolio's rows as they are now.", exists=True)
    ],
    fmt: FormatOption = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Make FILE the portfolio's rows: new ids are added, rows whose data changed
    are re-screened (row_changed events), ids no longer in FILE are removed."""
    rows = _rows(file, fmt)
    with _monitor(home) as monitor:
        step = monitor.update(name, rows)
    if as_json:
        _emit(StepModel(**step.to_dict()).model_dump())
        return
    console.print(
        f"{escape(name)}: {step.candidate_rows} row(s) added or changed, "
        f"{len(step.events)} new event(s).",
        highlight=False,
    )


@portfolio_app.command("list")
def portfolio_list(home: HomeOption = None, as_json: JsonOption = False) -> None:
    """Every portfolio with its row and alert counts."""
    with _portfolios(home) as ps:
        infos = portfolio_models(ps)
    if as_json:
        _emit([p.model_dump() for p in infos])
        return
    if not infos:
        console.print("No portfolio yet (thaw portfolio add NAME FILE).")
        return
    cells = [
        (escape(p.name), str(p.rows), str(p.alerts), p.created_at[:19], str(p.threshold))
        for p in infos
    ]
    console.print(_table(("name", "rows", "alerts", "created", "threshold"), cells, "Portfolios"))


@portfolio_app.command("show")
def portfolio_show(
    name: Annotated[str, typer.Argument(help="The portfolio's name.")],
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """A portfolio's current alerts, row by row."""
    with _portfolios(home) as ps:
        detail = portfolio_detail(ps, name)
    if as_json:
        _emit(detail.model_dump())
        return
    info = detail.portfolio
    console.print(
        f"[bold]{escape(name)}[/]: {info.rows} rows, {info.alerts} alert(s)", highlight=False
    )
    if detail.alerts:
        columns = ("row", "listing", "score", "matched name", "since", "profile")
        cells = [(*_alert_cells(a), escape(a.profile_id or "")) for a in detail.alerts]
        console.print(_table(columns, cells))


@portfolio_app.command("rescreen")
def portfolio_rescreen(
    name: Annotated[str, typer.Argument(help="The portfolio's name.")],
    recalibrate: Annotated[
        bool, typer.Option(help="Adopt the current lists' token statistics first.")
    ] = False,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Screen a portfolio in full against the active lists (new hits become events)."""
    with _monitor(home) as monitor:
        step = monitor.rescreen(name, recalibrate=recalibrate)
    if as_json:
        _emit(step.to_dict())
        return
    console.print(escape(_step_line(step)), highlight=False)


@portfolio_app.command("remove")
def portfolio_remove(
    name: Annotated[str, typer.Argument(help="The portfolio's name.")],
    home: HomeOption = None,
) -> None:
    """Delete a portfolio with its rows and alerts (its events stay in the log)."""
    with _portfolios(home) as ps:
        ps.delete_portfolio(name)
    console.print(f"Removed portfolio {escape(name)}.", highlight=False)


@app.command("alerts")
def alerts_cmd(
    portfolio: Annotated[str | None, typer.Option(help="Only this portfolio.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Events recorded on or after this ISO date or time.")
    ] = None,
    events: Annotated[
        bool, typer.Option("--events", help="The events (default with --since), not the alerts.")
    ] = False,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Current alerts of every portfolio (or one); with --since or --events, the
    events (new_hit, hit_amended, hit_removed, row_changed, ownership_hit) recorded since."""
    check_when_option(since, "--since")
    with _portfolios(home) as ps:
        if events or since is not None:
            found = recorded_events(ps, portfolio, since)
            if as_json:
                _emit([e.payload for e in found])
                return
            table = Table(title=f"Events ({len(found)})", title_justify="left")
            for col in ("publication", "type", "portfolio", "row", "listing", "score", "note"):
                table.add_column(col, overflow="fold")
            for e in found:
                p = e.payload
                listing = p.get("listing") or {}
                note = ""
                if e.type == "hit_removed" and "still_listed" in p:
                    by = ", ".join(x["authority"] for x in p.get("party", {}).get("listed_by", []))
                    note = f"still listed by {by}" if p["still_listed"] else "no other listing"
                cause = p.get("cause") or {}
                table.add_row(
                    escape(
                        f"{cause.get('source', '')} {str(cause.get('published', ''))[:10]}"
                        if cause.get("kind") == "publication"
                        else str(cause.get("kind", ""))
                    ),
                    e.type,
                    escape(e.portfolio),
                    escape(e.row_id),
                    escape(f"{listing.get('source', '')}:{listing.get('source_id', '')}"),
                    "" if p.get("score") is None else f"{p['score']:.2f}",
                    escape(note),
                )
            console.print(table)
            return
        alerts = alert_models(ps, portfolio)
    if as_json:
        _emit([a.model_dump() for a in alerts])
        return
    columns = ("portfolio", "row", "listing", "score", "matched name", "since")
    cells = [(escape(a.portfolio), *_alert_cells(a)) for a in alerts]
    console.print(_table(columns, cells, f"Alerts ({len(alerts)})"))


@webhooks_app.command("add")
def webhooks_add(
    url: Annotated[str, typer.Argument(help="The endpoint (http or https).")],
    secret: Annotated[str, typer.Option(help="Shared secret for the HMAC-SHA256 signature.")],
    portfolio: Annotated[
        str | None, typer.Option(help="Only this portfolio's events (default: every one).")
    ] = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Send every event recorded from now on (of one portfolio) to URL."""
    if not secret.strip():
        raise fail("the secret must not be empty")
    try:
        check_url(url)
    except WebhookError as exc:
        raise fail(str(exc)) from exc
    with _portfolios(home) as ps:
        hook = ps.add_webhook(url, secret, portfolio)
    if as_json:
        _emit(WebhookModel.of(hook).model_dump())
        return
    console.print(
        f"Webhook {hook.id}: {escape(url)} (secret {hook.secret_fingerprint}, sealed in the store)",
        highlight=False,
    )


@webhooks_app.command("list")
def webhooks_list(home: HomeOption = None, as_json: JsonOption = False) -> None:
    """Registered webhooks (a fingerprint of each secret, never the secret)."""
    with _portfolios(home) as ps:
        hooks = ps.webhooks()
        status = ps.outbox_status()
    if as_json:
        _emit({"webhooks": [WebhookModel.of(h).model_dump() for h in hooks], "outbox": status})
        return
    columns = ("id", "url", "portfolio", "secret", "active", "created")
    cells = [
        (
            str(h.id),
            escape(h.url),
            escape(h.portfolio or "(all)"),
            h.secret_fingerprint,
            str(h.active),
            h.created_at[:19],
        )
        for h in hooks
    ]
    console.print(_table(columns, cells, "Webhooks"))
    queued = ", ".join(f"{k} {v}" for k, v in sorted(status.items()))
    console.print(f"outbox: {queued or 'empty'}")


@webhooks_app.command("remove")
def webhooks_remove(
    webhook_id: Annotated[int, typer.Argument(help="The webhook's id (thaw webhooks list).")],
    home: HomeOption = None,
) -> None:
    """Stop delivering to a webhook (its pending deliveries are dropped)."""
    with _portfolios(home) as ps:
        ps.deactivate_webhook(webhook_id)
    console.print(f"Webhook {webhook_id} removed.")


@webhooks_app.command("log")
def webhooks_log(
    webhook: Annotated[int | None, typer.Option(help="Only this webhook's attempts.")] = None,
    limit: Annotated[int, typer.Option(help="The newest N attempts.")] = 50,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every delivery attempt: when, which event, the endpoint's answer, the outcome."""
    with _portfolios(home) as ps:
        attempts = ps.attempts(webhook, limit)
    if as_json:
        _emit([AttemptModel.of(a).model_dump() for a in attempts])
        return
    columns = ("at", "webhook", "event", "status", "outcome", "error", "ms")
    cells = [
        (
            a.at[:19],
            str(a.webhook_id),
            a.event_id,
            "" if a.status_code is None else str(a.status_code),
            a.outcome,
            escape(a.error or ""),
            f"{a.duration_ms:.0f}",
        )
        for a in attempts
    ]
    console.print(_table(columns, cells, f"Delivery attempts ({len(attempts)})"))


@webhooks_app.command("deliver")
def webhooks_deliver(
    loop: Annotated[bool, typer.Option(help="Keep delivering until interrupted.")] = False,
    base_delay: Annotated[
        float, typer.Option(help="Seconds before the first retry (doubles each time).")
    ] = 30.0,
    give_up_hours: Annotated[
        float, typer.Option(help="Hours after which an undelivered event is marked failed.")
    ] = 48.0,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Send the due deliveries of the outbox once (or continuously with --loop)."""
    give_up = timedelta(hours=give_up_hours)
    with _portfolios(home) as ps:
        if loop:
            try:
                deliver_loop(
                    ps,
                    base_delay=base_delay,
                    give_up_after=give_up,
                    on_pass=lambda p: err.print(json.dumps(p.to_dict())),
                )
            except KeyboardInterrupt:
                return
            return
        result = deliver_due(ps, base_delay=base_delay, give_up_after=give_up)
        pending = ps.pending_count()
    if as_json:
        _emit(dict(result.to_dict(), pending=pending))
        return
    console.print(
        f"delivered {result.delivered}, retry later {result.retried + result.skipped}, "
        f"failed {result.failed}; {pending} pending"
    )


def whatif_portfolio(lift: list[str], portfolio: str, home: Path | None, as_json: bool) -> None:
    """``thaw whatif --lift … --portfolio NAME``: the hit_removed events the lifting
    would cause in the portfolio, each saying who still lists the party."""
    from thaw.monitor.relief import lift_events
    from thaw.whatif import Scenario, ScenarioError

    try:
        scenario = Scenario.parse(lift)
    except ScenarioError as exc:
        raise fail(str(exc)) from exc
    with _monitor(home) as monitor:
        monitor.portfolios.portfolio(portfolio)
        events = lift_events(monitor, portfolio, scenario)
    if as_json:
        _emit(events)
        return
    console.print(
        f"[bold]Scenario[/] lift {escape(', '.join(scenario.describe()))} on portfolio "
        f"{escape(portfolio)}: {len(events)} hit_removed event(s)",
        highlight=False,
    )
    table = Table(title_justify="left")
    for col in ("row", "listing", "lifted", "party", "still listed by"):
        table.add_column(col, overflow="fold")
    for e in events:
        listing = e["listing"]
        party = e.get("party") or {}
        by = "; ".join(
            f"{x['authority']} ({', '.join(x['programs'])})" for x in party.get("listed_by", [])
        )
        table.add_row(
            escape(e["row_id"]),
            escape(f"{listing['source']}:{listing['source_id']} {listing['caption']}"),
            escape(", ".join(listing["lifted_programs"])),
            escape(party.get("profile_id") or ""),
            escape(by or "no one: cleared"),
        )
    console.print(table)


@app.command("digest")
def digest_cmd(
    to: Annotated[list[str], typer.Option("--to", help="Recipient address (repeatable).")],
    since: Annotated[
        str | None, typer.Option(help="Events recorded on or after this ISO date or time.")
    ] = None,
    portfolio: Annotated[str | None, typer.Option(help="Only this portfolio.")] = None,
    smtp_host: Annotated[
        str, typer.Option(envvar="THAW_SMTP_HOST", help="SMTP server.")
    ] = "localhost",
    smtp_port: Annotated[int, typer.Option(envvar="THAW_SMTP_PORT", help="SMTP port.")] = 25,
    sender: Annotated[
        str, typer.Option("--from", envvar="THAW_SMTP_FROM", help="Sender address.")
    ] = "thaw@localhost",
    starttls: Annotated[
        bool,
        typer.Option(envvar="THAW_SMTP_STARTTLS", help="Upgrade the connection with STARTTLS."),
    ] = False,
    username: Annotated[
        str | None, typer.Option(envvar="THAW_SMTP_USER", help="SMTP login, if the server asks.")
    ] = None,
    password: Annotated[
        str | None,
        typer.Option(envvar="THAW_SMTP_PASSWORD", show_default=False, help="SMTP password."),
    ] = None,
    home: HomeOption = None,
) -> None:
    """E-mail a digest of the monitoring events (since a time) through an SMTP server."""
    import smtplib

    from thaw.monitor.digest import SmtpSettings, send_digest

    check_when_option(since, "--since")
    settings = SmtpSettings(smtp_host, smtp_port, sender, starttls, username, password)
    with _portfolios(home) as ps:
        try:
            sent = send_digest(ps, settings, to, since=since, portfolio=portfolio)
        except (OSError, smtplib.SMTPException, ValueError) as exc:
            raise fail(f"digest not sent: {exc}") from exc
    console.print(f"digest of {sent} event(s) sent" if sent else "no event: nothing sent")
