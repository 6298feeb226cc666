"""The ``thaw`` command line: thin wrappers over the library, one module per task.

Each module of this package registers its commands on :data:`app`
(``thaw.cli._app``). ``from thaw.cli import app`` imports them all, so that the
application knows every command (tests, and code that drives the command line).

The entry point ``thaw`` is :func:`main`, which imports only the module of the
command it is asked to run (:data:`COMMANDS`), and all of them for anything else
(``thaw --help``, an unknown command). Importing every command module imports the
whole library (matching, history, monitoring, the schemas): some 0.6 CPU-s, where
``thaw lists`` or ``thaw load`` needs a fraction of it.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thaw.cli._app import app

__all__ = ["COMMANDS", "MODULES", "app", "main"]

MODULES = (
    "compare",
    "export",
    "history",
    "ingest",
    "monitor",
    "ownership",
    "profiles",
    "screen",
    "serve",
    "spark",
    "state",
    "text",
    "update",
    "whatif",
)
"""The modules of this package that register commands (each imports what it needs)."""

COMMANDS = {
    "compare-file": "compare",
    "export": "export",
    "changes": "history",
    "history": "history",
    "chart": "history",
    "load": "ingest",
    "lists": "ingest",
    "entity": "ingest",
    "alerts": "monitor",
    "digest": "monitor",
    "portfolio": "monitor",
    "webhooks": "monitor",
    "exposure": "ownership",
    "ownership": "ownership",
    "profile": "profiles",
    "profiles": "profiles",
    "screen": "screen",
    "screen-file": "screen",
    "serve": "serve",
    "spark-monitor": "spark",
    "decide": "state",
    "keys": "state",
    "decisions": "state",
    "audit": "state",
    "screen-text": "text",
    "update": "update",
    "whatif": "whatif",
    "programs": "whatif",
}
"""Each command (or group of commands) → the module of :data:`MODULES` that
registers it (``tests/cli/test_entry.py`` checks it against the registrations)."""


def _register(modules: tuple[str, ...] = MODULES) -> None:
    for name in modules:
        import_module(f"thaw.cli.{name}")
    from thaw.cli._app import app, arrange_help

    arrange_help(app)  # thaw --help groups the commands by task


def __getattr__(name: str) -> object:
    """``app``, with every command registered (imported on first use)."""
    if name == "app":
        _register()
        from thaw.cli._app import app

        globals()["app"] = app
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``thaw`` entry point) on ``argv`` (default
    ``sys.argv[1:]``), having imported only the module of the command named first
    (every module when there is none, or it is unknown)."""
    args = sys.argv[1:] if argv is None else argv
    command = next((arg for arg in args if not arg.startswith("-")), None)
    module = COMMANDS.get(command) if command else None
    _register((module,) if module else MODULES)
    from thaw.cli._app import app

    app(args=args, prog_name="thaw")
