"""thaw: sanctions screening and sanctions-relief analysis from the official lists."""

from __future__ import annotations

__version__ = "0.1.0"

from thaw import _native

_native.install()  # compiled hot-path modules only while they match their sources


def __getattr__(name: str) -> object:
    """Lazy top-level exports that keep ``import thaw`` light: ``thaw.Screener`` is
    the party-level screener (:class:`thaw.profiles.screening.PartyScreener`)."""
    if name == "Screener":
        from thaw.profiles.screening import PartyScreener

        return PartyScreener
    raise AttributeError(f"module 'thaw' has no attribute {name!r}")
