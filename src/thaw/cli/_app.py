"""The Typer application and the options every command shares."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from thaw._process import sweep
from thaw.store import Store, default_home
from thaw.store.db import StoreError

app = typer.Typer(
    name="thaw",
    help="Sanctions screening and sanctions-relief analysis from the official lists.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# No emoji codes: programme keys such as "uk:Russia: 1" must print as they are.
console = Console(emoji=False)
err = Console(stderr=True, emoji=False)

HomeOption = Annotated[
    Path | None,
    typer.Option(
        "--home",
        help="Data directory (default: $THAW_HOME or the per-user data dir).",
        envvar="THAW_HOME",
        show_envvar=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ForceOption = Annotated[
    bool,
    typer.Option(
        help="Accept a publication that fails the plausibility checks (too many listings "
        "removed, implausible growth, listings gone without a newer date)."
    ),
]
"""``--force`` of the commands that load publications (default ``False``)."""
MaxDropOption = Annotated[
    float | None,
    typer.Option(
        help="Largest accepted fall in record count, as a fraction; replaces the "
        "per-source limits on removed listings (thaw.store.limits)."
    ),
]
"""``--max-drop`` of the commands that load publications (default
:data:`thaw.store.DEFAULT_MAX_DROP`: the per-source plausibility limits)."""


def open_store(home: Path | None, *, readonly: bool = False) -> Store:
    """Open the store under ``home`` (or the default location); ``readonly`` for the
    commands that only read: they take no lock, never wait for a load and work on a
    read-only file system. Removes what killed thaw processes left behind first
    (:func:`thaw._process.sweep`)."""
    path = default_home(home)
    # what killed runs left: temporary files and half-written index files
    sweep()
    sweep(path / "index", (".building-",))
    try:
        return Store(path, readonly=readonly)
    except StoreError as exc:
        raise fail(str(exc)) from exc


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error to stderr and return the exit exception to raise."""
    err.print(
        f"[bold red]error:[/] {escape(message)}", highlight=False, markup=True, soft_wrap=True
    )
    return typer.Exit(code)


def after_load(store: Store) -> None:
    """Bring what derives from the active records up to date after new publications
    became active: the screening index (:func:`thaw.index.ensure_index`) and the
    cross-authority profiles (:meth:`thaw.profiles.Profiles.refresh`, incremental).
    Both are no-ops when nothing changed."""
    from thaw.index import ensure_index
    from thaw.profiles import Profiles

    try:
        with err.status("Updating the screening index and party profiles…"):
            ensure_index(store)
            Profiles(store).refresh()
    except (OSError, sqlite3.Error, StoreError) as exc:
        full = "full" in str(exc) or getattr(exc, "errno", None) == errno.ENOSPC
        raise fail(
            "the lists were loaded and are active, but the party profiles could not be "
            f"brought up to date under {store.home}"
            + (" because the disk is full" if full else "")
            + f" ({exc}); they are refreshed by the next command that can write there"
        ) from exc
