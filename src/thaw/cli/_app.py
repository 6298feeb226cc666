"""The Typer application and the options every command shares."""

from __future__ import annotations

import errno
import inspect
from pathlib import Path
from typing import Annotated, Any, get_args

import typer
import typer.core
from rich.console import Console, ConsoleDimensions
from rich.markup import escape

from thaw._process import sweep
from thaw.store import Store, default_home
from thaw.store.db import DatabaseError, StoreError

PIPE_WIDTH = 1000
"""Line width of tables printed to a pipe or file: wide enough that no identifier
(``us_trade_csl:EL-35bf8543…``) is ever split across lines, so output can be
grepped and parsed; a terminal uses its own width."""


class _Console(Console):
    """A console that, writing to a pipe or a file, lays out at :data:`PIPE_WIDTH`
    rather than rich's 80 columns (a terminal keeps its own width)."""

    @property
    def size(self) -> ConsoleDimensions:
        dims = Console.size.fget(self)  # type: ignore[attr-defined]
        if self._width is None and not self.is_terminal:
            return ConsoleDimensions(max(dims.width, PIPE_WIDTH), dims.height)
        return dims  # type: ignore[no-any-return]

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)  # type: ignore[attr-defined]


def _display_type(self: Any, ctx: Any) -> str:
    """Typer (0.2x) shows a type after every parameter in ``--help``: ``--json
    <bool>`` reads as if a flag took a value, ``FILES <list[Path]>`` shows a Python
    annotation. Flags show nothing; a repeatable value shows its element,
    ``<path>...``; everything else is Typer's own."""
    if getattr(self, "is_flag", False) or getattr(self, "count", False):
        return ""
    descriptor = self.type_descriptor
    if descriptor.is_list and not descriptor.is_choice:
        (element,) = get_args(descriptor.annotation) or (str,)
        return f"<{self._bare_type(element).lower()}>..."
    return str(_TYPER_DISPLAY_TYPE(self, ctx))


_TYPER_DISPLAY_TYPE = typer.core._TyperParameter.display_type
typer.core._TyperParameter.display_type = _display_type  # type: ignore[method-assign]

app = typer.Typer(
    name="thaw",
    help="Sanctions screening and sanctions-relief analysis from the official lists.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

HELP_PANELS: dict[str, tuple[str, ...]] = {
    "Lists": ("update", "load", "lists", "entity", "programs", "export"),
    "Screening": ("screen", "screen-file", "screen-text", "compare-file", "decide"),
    "Parties and changes": ("profile", "profiles", "history", "changes", "chart"),
    "Relief and ownership": ("whatif", "exposure", "ownership"),
    "Monitoring": ("alerts", "portfolio", "webhooks", "digest", "spark-monitor"),
    "Service and team": ("serve", "keys", "decisions", "audit"),
}
"""How ``thaw --help`` groups the commands, by task, each panel in this order."""
OTHER_PANEL = "Other"
"""The panel of a command :data:`HELP_PANELS` does not name (a test keeps it empty)."""


def arrange_help(typer_app: typer.Typer) -> None:
    """Put each registered command and command group of ``typer_app`` in its panel of
    :data:`HELP_PANELS`, in that order; call it once every command is registered."""
    names = [name for panel in HELP_PANELS.values() for name in panel]
    panel_of = {name: title for title, panel in HELP_PANELS.items() for name in panel}

    def command_name(info: Any) -> str:
        callback = getattr(info, "callback", None)
        return str(info.name or getattr(callback, "__name__", "").replace("_", "-"))

    def rank(name: str) -> int:
        return names.index(name) if name in panel_of else len(names)

    for command in typer_app.registered_commands:
        command.rich_help_panel = panel_of.get(command_name(command), OTHER_PANEL)
    _one_line_summaries(typer_app)
    for group in typer_app.registered_groups:
        group.rich_help_panel = panel_of.get(command_name(group), OTHER_PANEL)
    typer_app.registered_commands.sort(key=lambda c: rank(command_name(c)))
    typer_app.registered_groups.sort(key=lambda g: rank(command_name(g)))


def _one_line_summaries(typer_app: typer.Typer) -> None:
    """Give every command of ``typer_app`` and of its groups a one-paragraph
    summary for the command lists, its docstring's first paragraph on one line:
    rich help keeps the docstring's line breaks, which broke sentences across the
    table's rows."""
    for command in typer_app.registered_commands:
        doc = command.help or getattr(command.callback, "__doc__", None)
        if command.short_help is None and doc:
            command.short_help = " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _one_line_summaries(group.typer_instance)


# No emoji codes: programme keys such as "uk:Russia: 1" must print as they are.
console = _Console(emoji=False)
err = Console(stderr=True, emoji=False)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("thaw")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            number = "unknown (not installed)"
        typer.echo(f"thaw {number}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Sanctions screening and sanctions-relief analysis from the official lists."""


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


def check_when_option(value: str | None, option: str) -> None:
    """Refuse a date option (``--since``, ``--until``) that is no date or time: a
    word such as ``yesterday`` would otherwise compare as a string and answer a
    question that was not asked (an empty list, or everything)."""
    from thaw.history.diff import check_when

    if value is not None:
        try:
            check_when(value, option)
        except ValueError as exc:
            raise fail(str(exc)) from exc


def after_load(store: Store) -> None:
    """Bring what derives from the active records up to date after new publications
    became active: the screening index (:func:`thaw.index.ensure_index`) and the
    cross-authority profiles (:meth:`thaw.profiles.Profiles.refresh`, incremental).
    Both are no-ops when nothing changed. Then every monitored portfolio is
    re-screened against what changed (:func:`thaw.monitor.on_activation`)."""
    from thaw.index import ensure_index
    from thaw.monitor import on_activation
    from thaw.profiles import Profiles

    try:
        with err.status("Updating the screening index and party profiles…"):
            ensure_index(store)
            Profiles(store).refresh()
    except (OSError, DatabaseError, StoreError) as exc:
        full = "full" in str(exc) or getattr(exc, "errno", None) == errno.ENOSPC
        raise fail(
            "the lists were loaded and are active, but the party profiles could not be "
            f"brought up to date under {store.home}"
            + (" because the disk is full" if full else "")
            + f" ({exc}); they are refreshed by the next command that can write there"
        ) from exc
    with err.status("Re-screening monitored portfolios…"):
        for step in on_activation(store):
            err.print(
                f"portfolio {escape(step.portfolio)}: {len(step.events)} new event(s)",
                highlight=False,
            )
