"""Compiled hot-path modules, used only while they match their sources.

The name analysis modules (with the readers of names in Hangul, Chinese
characters, kana and Thai, and the helpers they call per word), candidate
retrieval (with the makers of the entries it decodes) and alignment modules
listed in :data:`MODULES` are ordinary, typed Python. When thaw is installed
(``pip install .`` or ``pip install -e .``) and a C compiler is at hand, the build
(``hatch_build.py``) also compiles them with mypyc into extension modules beside
the sources, and records in :data:`MANIFEST` a digest of each source it compiled.
The compiled modules give the same results about 1.5 times faster.

Python would import an extension module in preference to the ``.py`` beside it,
so after a source is edited (or a checkout changes it) the compiled copy would
silently run stale code. :func:`install`, called when ``thaw`` is imported, checks
the digests first; if any compiled module is missing or differs from its source,
or ``THAW_PURE_PYTHON=1`` is set, a finder placed ahead of the others makes every
listed module load from its ``.py`` instead. The decision is all or nothing,
because the compiled modules call into each other's native classes.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

#: The modules compiled by the build, dependencies first.
MODULES: tuple[str, ...] = (
    "thaw.text.fold",
    "thaw.text.stats",
    "thaw.text.vocab",
    "thaw.text.symbols",
    "thaw.text.translit",
    "thaw.text.slavic",
    "thaw.text.gwoyeu",
    "thaw.text.han_surnames",
    "thaw.text.han_names",
    "thaw.text.sounds",
    "thaw.text.korean",
    "thaw.text.thai",
    "thaw.text.japanese",
    "thaw.text.wadegiles",
    "thaw.text.taiwan",
    "thaw.text.cantonese",
    "thaw.text.hokkien",
    "thaw.text.chinese",
    "thaw.text.analyze",
    "thaw.text.spellings",
    "thaw.match.names",
    "thaw.match.spelling",
    "thaw.match.score",
    "thaw.index.fields",
    "thaw.index.candidates",
)

#: Where the build records what it compiled: ``{"modules": {name: sha256}}``.
MANIFEST = Path(__file__).with_name("_native.json")

#: Set to ``1`` to run the pure-Python modules even where compiled ones exist.
PURE_ENV = "THAW_PURE_PYTHON"

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def source_path(module: str) -> Path:
    """The ``.py`` file of ``module`` (one of :data:`MODULES`)."""
    return _PACKAGE_ROOT.joinpath(*module.split(".")).with_suffix(".py")


def source_digest(path: Path) -> str:
    """The digest the build records for a source file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compiled_path(module: str) -> Path | None:
    """The extension module the build compiled from ``module``, if there is one."""
    path = source_path(module)
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate.exists():
            return candidate
    return None


def check(manifest: Path = MANIFEST) -> str | None:
    """Why the compiled modules cannot be used (``None``: they can)."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return f"{PURE_ENV} is set"
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))["modules"]
    except (OSError, ValueError, KeyError, TypeError):
        return "thaw was installed without compiled modules"
    for module in MODULES:
        if compiled_path(module) is None:
            return f"{module} is not compiled"
        try:
            digest = source_digest(source_path(module))
        except OSError:
            return f"the source of {module} is missing"
        if recorded.get(module) != digest:
            return f"{module} changed since it was compiled (reinstall thaw to compile it)"
    return None


class _SourceFinder(importlib.abc.MetaPathFinder):
    """A meta-path finder that loads the listed modules from their ``.py`` files."""

    def __init__(self, modules: Sequence[str]) -> None:
        self.modules = frozenset(modules)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.modules:
            return None
        return importlib.util.spec_from_file_location(fullname, source_path(fullname))


_STATE: dict[str, str | None] = {}


def install() -> None:
    """Decide once per process whether the compiled modules run (see module docs)."""
    if "reason" in _STATE:
        return
    reason = check()
    _STATE["reason"] = reason
    if reason is not None:
        sys.meta_path.insert(0, _SourceFinder(MODULES))


def status() -> str:
    """``"compiled"``, or ``"pure Python: <why>"``, for diagnostics."""
    install()
    reason = _STATE["reason"]
    return "compiled" if reason is None else f"pure Python: {reason}"
