"""The three functions of rigour's native core that name analysis uses, in one place.

rigour (2.6) keeps its legal-form table, its ordinal numbers and its person-name
prefixes in its compiled ``rigour._core`` and exposes the first only through a
slower wrapper (``rigour.names.extract_org_types``, which imports ``rigour.text``)
and the other two not at all. thaw calls the native functions directly, so their
contract is checked here when thaw starts, and pinned by the tests
(``tests/text/test_rigour_api.py``): a rigour release that renames or changes them
makes thaw fail loudly at import, naming the version, instead of silently matching
worse (name analysis used to swallow any error of ``extract_org_types``).
``pyproject.toml`` pins rigour to the tested major version.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from typing import Any, cast

TESTED = "2.6"
"""The rigour release series this contract was checked against."""


class RigourAPIError(ImportError):
    """rigour does not provide what thaw's name analysis needs."""


def _version() -> str:
    try:
        return metadata.version("rigour")
    except metadata.PackageNotFoundError:  # pragma: no cover - rigour is a dependency
        return "unknown"


def _native(name: str) -> Callable[..., Any]:
    try:
        from rigour import _core
    except ImportError as exc:  # pragma: no cover - rigour's wheel always has it
        raise RigourAPIError(
            f"rigour {_version()} has no native core (rigour._core); thaw's name analysis "
            f"was tested with rigour {TESTED}.x"
        ) from exc
    func = getattr(_core, name, None)
    if not callable(func):
        raise RigourAPIError(
            f"rigour {_version()} lacks rigour._core.{name}, which thaw's name analysis "
            f"needs; install rigour {TESTED}.x (pip install 'rigour~={TESTED}.0')"
        )
    return cast(Callable[..., Any], func)


extract_org_types: Callable[[str, int, int, bool], list[tuple[str, str]]] = _native(
    "extract_org_types"
)
"""``(text, normalize flags, cleanup, generic) → [(matched, legal form)]``."""
ordinals_dict: Callable[[], dict[int, list[str]]] = _native("ordinals_dict")
"""``number → its written forms`` (``first``, ``1st``, ``I``, ...)."""
person_name_prefixes_list: Callable[[], list[str]] = _native("person_name_prefixes_list")
"""Honorifics and titles before personal names (``Mr``, ``Ambassador``, ...)."""
