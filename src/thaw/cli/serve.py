"""``thaw serve``: the HTTP screening service (see :mod:`thaw.api`)."""

from __future__ import annotations

import ipaddress
import os
import re
from typing import Annotated

import typer

from thaw.cli._app import HomeOption, app, err, fail
from thaw.store import default_home


def is_loopback(host: str) -> bool:
    """Whether ``host`` listens on this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_duration(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``6h``, ``1d`` (or a plain number of seconds)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if m is None:
        raise ValueError(f"invalid duration {text!r} (e.g. 30m, 6h, 1d)")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


@app.command("serve")
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 1,
    no_auth: Annotated[
        bool, typer.Option("--no-auth", help="Serve without API keys (anyone is admin).")
    ] = False,
    update_every: Annotated[
        str | None,
        typer.Option(help="Run `thaw update` this often (e.g. 6h); default: never."),
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "warning",
    home: HomeOption = None,
) -> None:
    """Serve the screening API (yente-compatible) over HTTP.

    Clients send an API key (thaw keys create) as `Authorization: Bearer KEY`.
    Listening beyond this machine without any key is refused unless --no-auth is
    given explicitly.
    """
    import uvicorn

    from thaw.store.state import open_state

    data_home = default_home(home)
    os.environ["THAW_HOME"] = str(data_home)
    if no_auth:
        os.environ["THAW_AUTH"] = "0"
    else:
        os.environ.setdefault("THAW_AUTH", "1")
        with open_state(data_home) as state:
            has_keys = state.keys.any_active()
        if not has_keys:
            if not is_loopback(host):
                raise fail(
                    f"refusing to listen on {host} without any API key: create one with "
                    "`thaw keys create --role admin --name NAME`, or pass --no-auth"
                )
            err.print(
                "[yellow]warning:[/] no API key exists yet; every request will get 401 "
                "(thaw keys create --role admin --name NAME)"
            )
    if update_every:
        try:
            os.environ["THAW_UPDATE_EVERY"] = str(parse_duration(update_every))
        except ValueError as exc:
            raise fail(str(exc)) from exc
    err.print(f"thaw serving on http://{host}:{port} ({workers} worker(s)); docs at /docs")
    uvicorn.run(
        "thaw.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=False,
        timeout_graceful_shutdown=10,
    )
