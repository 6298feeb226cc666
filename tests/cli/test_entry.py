"""The ``thaw`` entry point (:func:`thaw.cli.main`) imports only the module of the
command it runs; its table of commands follows the registrations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import typer

from thaw.cli import COMMANDS, MODULES, app


def _registered(application: typer.Typer) -> dict[str, str]:
    """Each command and group registered on ``application`` → its module in thaw.cli."""
    out = {}
    for command in application.registered_commands:
        assert command.callback is not None
        name = command.name or command.callback.__name__.replace("_", "-")
        out[name] = command.callback.__module__.removeprefix("thaw.cli.")
    for group in application.registered_groups:
        instance = group.typer_instance
        assert group.name is not None and instance is not None
        modules = {
            name
            for name in MODULES
            if any(v is instance for v in vars(sys.modules[f"thaw.cli.{name}"]).values())
        }
        # the group and every command on it come from one module
        modules |= {
            c.callback.__module__.removeprefix("thaw.cli.")
            for c in instance.registered_commands
            if c.callback is not None
        }
        assert len(modules) == 1 and not instance.registered_groups, (group.name, modules)
        out[group.name] = modules.pop()
    return out


def test_the_table_of_commands_is_the_registrations() -> None:
    assert _registered(app) == COMMANDS
    assert set(COMMANDS.values()) == set(MODULES)


PROBE = """
import json, sys
from thaw.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules if m.startswith("thaw"))}))
"""


def _probe(*args: str) -> tuple[int, set[str]]:
    """``thaw ARGS`` through :func:`thaw.cli.main` in a new interpreter: its exit
    status and the thaw modules it imported."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return int(result["code"]), set(result["modules"])


def test_a_command_imports_its_module_only(tmp_path: Path) -> None:
    code, modules = _probe("lists", "--home", str(tmp_path), "--json")
    assert code == 0
    assert "thaw.cli.ingest" in modules
    # neither the other commands nor the matching stack
    assert not modules & {"thaw.cli.screen", "thaw.cli.history", "thaw.match", "thaw.monitor"}


def test_screening_one_name_imports_what_it_uses(tmp_path: Path) -> None:
    """``thaw screen NAME`` in a new process (the cold start) does not import the
    ownership engine nor the API's models, which only --ownership and --json use."""
    code, modules = _probe("screen", "--home", str(tmp_path), "Kirill Dmitriev")
    assert code == 1  # (no lists in an empty home)
    assert "thaw.cli.screen" in modules
    assert not modules & {"thaw.ownership", "thaw.cli.ownership", "thaw.schemas"}


def test_help_and_unknown_commands_know_every_command() -> None:
    for args in (("--help",), ("no-such-command",)):
        code, modules = _probe(*args)
        assert code == (0 if args == ("--help",) else 2)
        assert {f"thaw.cli.{m}" for m in MODULES} <= modules
