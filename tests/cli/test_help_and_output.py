"""Issue 11: ``thaw --version``; ``--help`` without Python type placeholders;
tables printed to a pipe keep identifiers whole."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.index.fixture_store import fill, fixture_records
from thaw.cli import app
from thaw.store import Store


def test_version() -> None:
    from importlib.metadata import version

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"thaw {version('thaw')}"


@pytest.mark.parametrize(
    "command", [[], ["load"], ["whatif"], ["screen-file"], ["screen-text"], ["screen"], ["lists"]]
)
def test_help_has_no_python_placeholders(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "--help" in result.stdout
    for placeholder in ("<bool>", "<list[", "list[Path]", "list[str]"):
        assert placeholder not in result.stdout, (command, placeholder)


def test_one_name_is_screened_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``thaw screen`` loads and screens with the cyclic collector off
    (``thaw._process.collector_paused``), and turns it on again after."""
    import gc

    import thaw.cli.screen

    home = tmp_path / "home"
    with Store(home) as store:
        fill(store, fixture_records())
    seen: list[bool] = []
    real = thaw.cli.screen.party_screener

    def recording(at: Path | None) -> Any:
        seen.append(gc.isenabled())
        return real(at)

    monkeypatch.setattr(thaw.cli.screen, "party_screener", recording)
    assert gc.isenabled()
    result = CliRunner().invoke(app, ["screen", "Kirill Dmitriev", "--home", str(home)])
    assert result.exit_code == 0, result.output
    assert seen == [False] and gc.isenabled()


def test_tables_to_a_pipe_keep_ids_whole(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        fill(store, fixture_records())
    result = CliRunner().invoke(app, ["screen", "Kirill Dmitriev", "--home", str(home)])
    assert result.exit_code == 0, result.output
    ids = re.findall(r"\b[a-z]+_[a-z_]+:[\w./-]+", result.stdout)
    assert "us_ofac_sdn:34336" in ids
    # every id in the table is whole on its line: none ends at a column border
    for line in result.stdout.splitlines():
        for cell in line.split("│"):
            text = cell.strip()
            if re.fullmatch(r"[a-z]+_[a-z_]+:?", text) or re.fullmatch(r"[a-z]+_[a-z]+", text):
                pytest.fail(f"an id is split across lines: {line!r}")


def test_help_groups_every_command_by_task() -> None:
    from typer.models import CommandInfo, TyperInfo

    from thaw.cli._app import HELP_PANELS, OTHER_PANEL

    placed: list[CommandInfo | TyperInfo] = [*app.registered_commands, *app.registered_groups]
    assert len(placed) > 20
    assert all(info.rich_help_panel in HELP_PANELS for info in placed), [
        info.name for info in placed if info.rich_help_panel == OTHER_PANEL
    ]
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    where = [result.stdout.index(f"─ {title} ") for title in HELP_PANELS]
    assert where == sorted(where)  # the panels in their declared order
    for title, names in HELP_PANELS.items():
        start = result.stdout.index(f"─ {title} ")
        panel = result.stdout[start : result.stdout.index("╰", start)]
        for name in names:
            assert re.search(rf"│ {re.escape(name)} ", panel), (title, name)


@pytest.mark.parametrize("command", [[], ["portfolio"], ["webhooks"], ["ownership"]])
def test_command_lists_read_as_sentences(command: list[str]) -> None:
    """A summary in a command list wraps at the table's width, not where its
    docstring's lines happened to end ("suppresses the" / "alert in later ...")."""
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("│ ")]
    continued = [row for row in rows if re.match(r"│ {4,}\S", row)]
    assert rows and not continued, continued


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (["screen", "Kirill Dmitriev", "--threshold", "2"], "--threshold"),
        (["screen-file", __file__, "--threshold", "-0.1"], "--threshold"),
        (["serve", "--port", "99999"], "--port"),
    ],
)
def test_values_out_of_range_are_refused(command: list[str], option: str) -> None:
    result = CliRunner().invoke(app, command, env={"COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}'" in result.output
