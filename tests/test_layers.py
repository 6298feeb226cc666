"""The layer rule of docs/ARCHITECTURE.md, checked mechanically: every package and
top-level module of ``src/thaw`` has a place in :data:`LAYERS`, and no module imports
(at the top, inside a function or under ``TYPE_CHECKING``) a package of a later layer.
Packages in one layer may import each other only in the order the layer lists them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "thaw"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("_native", "_process", "spreadsheet", "model"),
    ("sources",),
    ("store",),
    ("catalogue",),
    ("text",),
    ("index",),
    ("match",),
    ("screen",),
    ("profiles",),
    ("history", "whatif", "ownership", "decisions", "monitor"),
    ("export", "update"),
    ("schemas",),
    ("api", "web", "spark", "cli"),
)
"""The layers, earliest first. Within a layer a package may import those listed
before it: ``monitor`` uses ``history``, ``whatif``, ``ownership`` and ``decisions``;
``web`` is mounted on ``api`` and checks keys with ``api.auth``; ``cli`` is the
outermost interface (``serve`` starts the API, ``screen-file --engine spark`` runs
``spark``)."""

RANK: dict[str, int] = {
    name: rank for rank, name in enumerate(name for layer in LAYERS for name in layer)
}
"""Each package's position in the total order the layers and their listing give."""


def part_of(module: str) -> str | None:
    """The top-level part of ``thaw`` (package or module) an imported name lives in,
    or None when the name is outside thaw or is the package ``thaw`` itself."""
    parts = module.split(".")
    if parts[0] != "thaw" or len(parts) < 2:
        return None
    return parts[1]


def imports_of(path: Path, src: Path = SRC) -> list[tuple[int, str]]:
    """``(line, module)`` of every import of a ``thaw`` module in ``path`` (a file
    under ``src``, the ``thaw`` folder), relative imports resolved, ``from thaw
    import x`` read as an import of ``thaw.x``."""
    rel = path.relative_to(src.parent).with_suffix("")
    package = list(rel.parts) if rel.name == "__init__" else list(rel.parts[:-1])
    if package and package[-1] == "__init__":
        package = package[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
    return [(line, module) for line, module in found if module.startswith("thaw")]


def parts_of_thaw() -> set[str]:
    """Every package and top-level module under ``src/thaw`` (not ``__init__``)."""
    return {
        path.stem if path.is_file() else path.name
        for path in SRC.iterdir()
        if (path.is_dir() and (path / "__init__.py").exists())
        or (path.suffix == ".py" and path.stem != "__init__")
    }


def upward_imports(src: Path = SRC) -> list[str]:
    """``file:line: part imports module`` for every import of a later layer."""
    offenders = []
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(src)
        if rel == Path("__init__.py"):
            continue  # the package's front door re-exports the public API
        own = rel.parts[0].removesuffix(".py")
        seen: set[int] = set()  # one report per import statement
        for line, module in imports_of(path, src):
            other = part_of(module)
            if other is None or other == own or other not in RANK or line in seen:
                continue
            if RANK[other] > RANK[own]:
                seen.add(line)
                offenders.append(f"{rel}:{line}: {own} imports {module}")
    return offenders


def test_every_part_of_thaw_has_a_layer() -> None:
    parts = parts_of_thaw()
    assert len(parts) > 20  # the tree was found
    assert parts - set(RANK) == set(), "add the new package to LAYERS and ARCHITECTURE.md"
    assert set(RANK) - parts == set(), "a package in LAYERS no longer exists"


def test_no_package_imports_a_later_layer() -> None:
    offenders = upward_imports()
    assert not offenders, "imports of a later layer:\n" + "\n".join(offenders)


ARCHITECTURE = SRC.parents[1] / "docs" / "ARCHITECTURE.md"


def modules_of_thaw(src: Path = SRC) -> set[str]:
    """The dotted name of every module and package under ``src`` (``thaw.a.b``)."""
    names = set()
    for path in src.rglob("*.py"):
        parts = path.relative_to(src.parent).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def module_map(text: str) -> set[str]:
    """The module names (```thaw.…```) written in the module map of ARCHITECTURE.md."""
    section = text.split("\n## Module map", 1)[-1] if "\n## Module map" in text else ""
    return set(re.findall(r"`(thaw(?:\.[A-Za-z_][A-Za-z0-9_]*)*)`", section))


def test_architecture_names_every_package() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    missing = [name for name in RANK if f"thaw.{name}" not in text and f"`{name}`" not in text]
    assert not missing, f"docs/ARCHITECTURE.md does not describe {missing}"


def test_the_module_map_is_current() -> None:
    listed = module_map(ARCHITECTURE.read_text(encoding="utf-8"))
    modules = modules_of_thaw()
    assert len(modules) > 100  # the tree was found
    assert modules - listed == set(), "add these to the module map of docs/ARCHITECTURE.md"
    assert listed - modules == set(), "the module map of docs/ARCHITECTURE.md lists these"


def test_the_module_map_is_read() -> None:
    text = "# A\n`thaw.gone` elsewhere\n## Module map\n- `thaw.a` (x), `thaw.a.b_c`; `Record`\n"
    assert module_map(text) == {"thaw.a", "thaw.a.b_c"}


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("screen/batch.py", "from thaw.profiles import Profiles", "thaw.profiles"),
        ("screen/batch.py", "from thaw import profiles", "thaw.profiles"),
        ("screen/batch.py", "from ..profiles import Profiles", "thaw.profiles"),
        ("screen/text/__init__.py", "from ...cli import app", "thaw.cli"),
        ("screen/batch.py", "def f() -> None:\n    import thaw.cli._app\n", "thaw.cli._app"),
    ],
)
def test_imports_are_read_in_every_form(
    tmp_path: Path, module: str, source: str, expected: str
) -> None:
    path = tmp_path / "thaw" / module
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    assert expected in [name for _, name in imports_of(path, tmp_path / "thaw")]


def test_an_upward_import_is_reported(tmp_path: Path) -> None:
    src = tmp_path / "thaw"
    (src / "screen").mkdir(parents=True)
    (src / "screen" / "__init__.py").write_text("from thaw.match import Matcher\n")
    (src / "screen" / "batch.py").write_text("def f() -> None:\n    from ..cli import app\n")
    assert upward_imports(src) == ["screen/batch.py:2: screen imports thaw.cli"]
