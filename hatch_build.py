"""Build hook: compile thaw's hot-path modules with mypyc (optional, never fatal).

Run by hatchling for both kinds of install. The modules named in
``thaw._native.MODULES`` are compiled into extension modules beside their
sources (``src/thaw/...``), with one shared library ``thaw_native__mypyc`` in
``src/``, and their source digests are written to ``src/thaw/_native.json``. A
wheel then carries the compiled files; an editable install finds them in place.
``thaw._native`` uses them only while every digest still matches its source, so
an edited module falls back to pure Python instead of running stale code.

Without a C compiler, or with ``THAW_PURE_PYTHON=1`` set, the build goes on
pure Python and says why. thaw gives the same results either way.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "src"
MANIFEST = SRC / "thaw" / "_native.json"
GROUP = "thaw_native"

_SETUP = r"""
import sys
from setuptools import setup
from mypyc.build import mypycify

target, *files = sys.argv[1:]
del sys.argv[1:]
# the project's own mypy settings (strict) are for review, not for compiling; the
# build environment lacks thaw's dependencies, whose types are then Any, and the
# modules only imported for their types are not the compiler's business
config = target + "/mypy.ini"
with open(config, "w") as fh:
    fh.write("[mypy]\nignore_missing_imports = True\nfollow_imports = silent\n"
             f"cache_dir = {target}/cache\n")
setup(
    name="thaw-native",
    ext_modules=mypycify(
        ["--config-file", config, *files], opt_level="3", target_dir=target,
        group_name="thaw_native",
    ),
    script_args=[
        "build_ext", "--inplace", "--build-temp", target + "/temp",
        "--build-lib", target + "/lib",
    ],
)
"""


def _modules() -> tuple[str, ...]:
    """``thaw._native.MODULES``, read without importing thaw (its dependencies may
    not be installed in the build environment)."""
    namespace: dict[str, Any] = {}
    text = (SRC / "thaw" / "_native.py").read_text(encoding="utf-8")
    start = text.index("MODULES: tuple[str, ...] = (")
    end = text.index(")", start) + 1
    exec(text[start:end].replace("MODULES: tuple[str, ...]", "MODULES"), namespace)
    return tuple(namespace["MODULES"])


def _outputs() -> list[Path]:
    """The compiled files the last build left in ``src/``."""
    found = sorted(SRC.glob(f"{GROUP}__mypyc*.so"))
    for module in _modules():
        base = SRC.joinpath(*module.split("."))
        found += sorted(base.parent.glob(base.name + ".*.so"))
    return found


class NativeBuildHook(BuildHookInterface[Any]):
    """Compile the hot-path modules; fall back to pure Python on any failure."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        # every extension file in the source tree is a previous build's, including
        # those of modules no longer compiled, which would shadow their sources
        for path in [*_outputs(), *(SRC / "thaw").rglob("*.so"), MANIFEST]:
            path.unlink(missing_ok=True)
        if os.environ.get("THAW_PURE_PYTHON", "") not in ("", "0"):
            self.app.display_info("thaw: THAW_PURE_PYTHON is set, not compiling")
            return
        modules = _modules()
        files = ["/".join(m.split(".")) + ".py" for m in modules]
        with tempfile.TemporaryDirectory(prefix="thaw-mypyc-") as target:
            done = subprocess.run(
                [sys.executable, "-c", _SETUP, target, *files],
                cwd=SRC, capture_output=True, text=True, check=False,
            )
        outputs = _outputs()
        if done.returncode != 0 or len(outputs) < len(modules):
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            self.app.display_warning(
                "thaw: compiling the hot-path modules failed; installing pure Python "
                f"(same results, slower):\n{tail}"
            )
            for path in outputs:
                path.unlink(missing_ok=True)
            return
        digests = {
            m: hashlib.sha256((SRC / f).read_bytes()).hexdigest()
            for m, f in zip(modules, files, strict=True)
        }
        MANIFEST.write_text(json.dumps({"modules": digests}, indent=1) + "\n", encoding="utf-8")
        self.app.display_info(f"thaw: compiled {len(modules)} modules with mypyc")
        if version == "standard":
            build_data["pure_python"] = False
            build_data["infer_tag"] = True
            force = build_data.setdefault("force_include", {})
            for path in [*outputs, MANIFEST]:
                force[str(path)] = str(path.relative_to(SRC))
