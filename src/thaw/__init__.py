"""thaw: sanctions screening and sanctions-relief analysis from the official lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

from thaw import _native

if TYPE_CHECKING:  # what the lazy exports below are, for type checkers
    from thaw.profiles.screening import PartyScreener as Screener
    from thaw.screen import NoListsLoaded

__all__ = ["NoListsLoaded", "Screener", "__version__"]

_native.install()  # compiled hot-path modules only while they match their sources


def __getattr__(name: str) -> object:
    """Lazy top-level exports that keep ``import thaw`` light: ``thaw.Screener`` is
    the party-level screener (:class:`thaw.profiles.screening.PartyScreener`),
    ``thaw.NoListsLoaded`` what it raises when the store holds no listing."""
    if name == "Screener":
        from thaw.profiles.screening import PartyScreener

        return PartyScreener
    if name == "NoListsLoaded":
        from thaw.screen import NoListsLoaded

        return NoListsLoaded
    raise AttributeError(f"module 'thaw' has no attribute {name!r}")
