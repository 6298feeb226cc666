"""Running a coroutine to completion from a test, whatever the process has left behind.

Under xdist a worker may have run a Playwright test (its sync API) before, which
leaves an event loop running in the main thread; ``asyncio.run`` then refuses.
:func:`run` runs the coroutine's loop in a thread of its own instead, and
:func:`in_thread` a whole scenario.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)`` in a fresh thread, returning its result."""
    return in_thread(lambda: asyncio.run(coroutine))


def in_thread(function: Callable[[], T]) -> T:
    """``function()`` in a fresh thread, where ``asyncio.run`` may be called (for
    a scenario whose objects, such as SQLite connections, must stay in the
    thread that runs its event loop)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function).result()
