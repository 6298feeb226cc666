"""thaw: sanctions screening and sanctions-relief analysis from the official lists."""

from __future__ import annotations

__version__ = "0.1.0"
