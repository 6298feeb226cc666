"""The build hook records the digests of the sources it compiled, taken before
compiling: a source edited during the build must not be marked compiled."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


class _Hook:
    """What the hook needs of hatchling's ``BuildHookInterface`` (hatchling is a
    build requirement, not installed with thaw)."""

    def __class_getitem__(cls, item: object) -> type:
        return cls

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.app = types.SimpleNamespace(
            display_info=self.messages.append, display_warning=self.messages.append
        )


def _hook_module(monkeypatch: pytest.MonkeyPatch) -> Any:
    for name in ("hatchling", "hatchling.builders", "hatchling.builders.hooks"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    interface = types.ModuleType("hatchling.builders.hooks.plugin.interface")
    interface.BuildHookInterface = _Hook  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hatchling.builders.hooks.plugin", types.ModuleType("p"))
    monkeypatch.setitem(sys.modules, interface.__name__, interface)
    spec = importlib.util.spec_from_file_location("_thaw_hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_source_edited_while_compiling_is_not_marked_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook_module = _hook_module(monkeypatch)
    source = tmp_path / "fold.py"
    source.write_text("x = 1\n")
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    compiled = tmp_path / "fold.cpython.so"
    native = types.SimpleNamespace(
        MODULES=("thaw.text.fold",),
        MANIFEST=tmp_path / "_native.json",
        PURE_ENV="THAW_TEST_NEVER_SET",
        source_path=lambda module: source,
        source_digest=lambda path: hashlib.sha256(path.read_bytes()).hexdigest(),
        compiled_path=lambda module: compiled if compiled.exists() else None,
    )
    monkeypatch.setattr(hook_module, "_load_native", lambda: native)
    monkeypatch.setattr(hook_module, "_outputs", lambda: [compiled] if compiled.exists() else [])
    monkeypatch.setattr(hook_module, "SRC", tmp_path)

    def compile_while_edited(*args: object, **kwargs: object) -> Any:
        # the compiler has read the source; the developer saves an edit meanwhile
        compiled.write_bytes(b"\x7fELF")
        source.write_text("x = 2\n")
        return subprocess.CompletedProcess(["mypyc"], 0, "", "")

    monkeypatch.setattr(hook_module.subprocess, "run", compile_while_edited)
    hook = hook_module.NativeBuildHook()
    hook.initialize("editable", {})
    recorded = json.loads(native.MANIFEST.read_text())["modules"]["thaw.text.fold"]
    assert recorded == before
    assert recorded != native.source_digest(source)  # so thaw runs the edited Python


def test_the_build_compiles_every_c_file_once_the_largest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build script's compile (``CCompiler.compile`` as it replaces it)
    compiles each C file of an extension once, side by side, handing the
    largest out first, and returns every object file."""
    pytest.importorskip("setuptools")  # (its distutils, as in the build script)
    from distutils import ccompiler

    hook_module = _hook_module(monkeypatch)
    prelude = hook_module._SETUP.split("target, *files")[0]
    monkeypatch.setattr(ccompiler.CCompiler, "compile", ccompiler.CCompiler.compile)
    exec(compile(prelude, "_SETUP", "exec"), {})  # (patches CCompiler.compile)
    sizes = {"small.c": 10, "large.c": 3000, "middle.c": 500}
    for name, size in sizes.items():
        (tmp_path / name).write_text("x" * size)
    sources = [str(tmp_path / name) for name in sizes]
    compiled: list[str] = []

    class _Compiler(ccompiler.CCompiler):
        executables: dict[str, Any] = {}

        def _setup_compile(self, *args: Any) -> Any:
            build = {s[:-2] + ".o": (s, ".c") for s in sources}
            return None, list(build), [], [], build

        def _get_cc_args(self, *args: Any) -> list[str]:
            return []

        def _compile(self, obj: str, src: str, *args: Any) -> None:
            compiled.append(Path(src).name)

    objects = _Compiler().compile(sources)
    assert objects == [s[:-2] + ".o" for s in sources]
    assert sorted(compiled) == sorted(sizes)
    assert compiled[0] == "large.c"  # (handed out first)
