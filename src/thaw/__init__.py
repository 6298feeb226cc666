"""thaw: sanctions screening and sanctions-relief analysis from the official lists."""

from __future__ import annotations

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """Lazy top-level exports (``thaw.Screener``) that keep ``import thaw`` light."""
    if name == "Screener":
        from thaw.screen import Screener

        return Screener
    raise AttributeError(f"module 'thaw' has no attribute {name!r}")
