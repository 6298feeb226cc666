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

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "src"
GROUP = "thaw_native"

_SETUP = r"""
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from setuptools import setup
from mypyc.build import mypycify
from distutils import ccompiler  # (setuptools' own, once setuptools is imported)

def compile_in_parallel(self, sources, output_dir=None, macros=None, include_dirs=None,
                        debug=0, extra_preargs=None, extra_postargs=None, depends=None):
    # CCompiler.compile with its C files compiled side by side, a compiler per
    # core, the largest first (mypyc's multi_file build makes one extension of a
    # C file per module, which build_ext's own --parallel, an extension per
    # job, compiles one after another)
    macros, objects, extra_postargs, pp_opts, build = self._setup_compile(
        output_dir, macros, include_dirs, sources, depends, extra_postargs)
    cc_args = self._get_cc_args(pp_opts, debug, extra_preargs)
    todo = sorted((o for o in objects if o in build),
                  key=lambda o: -os.path.getsize(build[o][0]))
    def one(obj):
        src, ext = build[obj]
        self._compile(obj, src, ext, cc_args, extra_postargs, pp_opts)
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    with ThreadPoolExecutor(len(cores) if cores else os.cpu_count() or 1) as pool:
        list(pool.map(one, todo))
    return objects

ccompiler.CCompiler.compile = compile_in_parallel

target, *files = sys.argv[1:]
del sys.argv[1:]
# the project's own mypy settings (strict) are for review, not for compiling; the
# build environment lacks thaw's dependencies, whose types are then Any, and the
# modules only imported for their types are not the compiler's business
config = target + "/mypy.ini"
with open(config, "w") as fh:
    fh.write("[mypy]\nignore_missing_imports = True\nfollow_imports = silent\n"
             f"cache_dir = {target}/cache\n")
# multi_file: a C file per module instead of one for the whole group; the same
# compiled code, and gcc takes less time over the smaller files than the one
setup(
    name="thaw-native",
    ext_modules=mypycify(
        ["--config-file", config, *files], opt_level="3", target_dir=target,
        group_name="thaw_native", multi_file=True,
    ),
    script_args=[
        "build_ext", "--inplace", "--build-temp", target + "/temp",
        "--build-lib", target + "/lib",
    ],
)
"""


def _load_native() -> ModuleType:
    """``thaw._native`` loaded from its file alone: it names the modules to compile
    and where their digests go. (Importing ``thaw`` would run the package's own
    code, and the build environment lacks thaw's dependencies.)"""
    spec = importlib.util.spec_from_file_location("_thaw_native", SRC / "thaw" / "_native.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _outputs() -> list[Path]:
    """Every compiled file in ``src/``: the shared library and the extension
    modules, including those of modules no longer compiled, which would shadow
    their sources."""
    return sorted(SRC.glob(f"{GROUP}__mypyc*.so")) + sorted((SRC / "thaw").rglob("*.so"))


class NativeBuildHook(BuildHookInterface[Any]):
    """Compile the hot-path modules; fall back to pure Python on any failure."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        native = _load_native()
        for path in [*_outputs(), native.MANIFEST]:
            path.unlink(missing_ok=True)
        if os.environ.get(native.PURE_ENV, "") not in ("", "0"):
            self.app.display_info(f"thaw: {native.PURE_ENV} is set, not compiling")
            return
        modules: tuple[str, ...] = native.MODULES
        sources: list[Path] = [native.source_path(m) for m in modules]
        # the digests of the sources as they are handed to the compiler: a source
        # edited while it compiles then no longer matches its manifest entry, and
        # thaw runs its (newer) Python instead of the stale extension
        digests = {m: native.source_digest(path) for m, path in zip(modules, sources, strict=True)}
        began = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="thaw-mypyc-") as target:
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _SETUP,
                    target,
                    *(str(path.relative_to(SRC)) for path in sources),
                ],
                cwd=SRC,
                capture_output=True,
                text=True,
                check=False,
            )
        outputs = _outputs()
        if done.returncode != 0 or any(native.compiled_path(m) is None for m in modules):
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            self.app.display_warning(
                "thaw: compiling the hot-path modules failed; installing pure Python "
                f"(same results, slower):\n{tail}"
            )
            for path in outputs:
                path.unlink(missing_ok=True)
            return
        manifest: Path = native.MANIFEST
        manifest.write_text(json.dumps({"modules": digests}, indent=1) + "\n", encoding="utf-8")
        self.app.display_info(
            f"thaw: compiled {len(modules)} modules with mypyc in "
            f"{time.perf_counter() - began:.1f} s"
        )
        if version == "standard":
            build_data["pure_python"] = False
            build_data["infer_tag"] = True
            force = build_data.setdefault("force_include", {})
            for path in [*outputs, manifest]:
                force[str(path)] = str(path.relative_to(SRC))
