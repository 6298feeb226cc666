"""Worker processes that die with their parent, temporary files that outlive no one.

thaw forks worker processes (series loads, profile linking, batch screening) and
writes temporary files (series archives unpacked, XLSX/ODS sheets, index files being
saved). A ``kill -9`` of the parent must leave neither behind:

* :func:`die_with_parent` is the initializer of every worker pool: on Linux the
  kernel sends the worker ``SIGKILL`` when its parent dies (``PR_SET_PDEATHSIG``);
  elsewhere a daemon thread polls the parent's id and exits when it changes.
  Without it a forked worker blocks forever on a queue whose write end it inherited.
* :func:`temp_dir` and :func:`temp_file` put the creating process's id in the name
  (``thaw-series-<pid>-…``); :func:`sweep` removes those whose process is gone (and
  nameless ones older than a day). thaw sweeps whenever it creates such files, so a
  killed run's leftovers go on the next run. Besides the temporary directory, this
  covers ``thaw update``'s download staging folders (``<home>/downloads/.staging``).

And :func:`collector_paused`, which keeps the cyclic garbage collector off while a
process builds tables it keeps until it ends.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

_PR_SET_PDEATHSIG = 1
_STALE_S = 24 * 3600.0
PREFIXES = ("thaw-series-", "thaw-xlsx-", "thaw-ods-")
"""Prefixes of thaw's files and folders in the temporary directory."""


def die_with_parent() -> None:
    """Make the calling (worker) process die when its parent does; pass as the
    ``initializer`` of a process pool."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:  # pragma: no cover - non-Linux fallback
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def owner_pid(name: str, prefix: str) -> int | None:
    """The process id in a name made by :func:`temp_dir` or :func:`temp_file`."""
    head = name[len(prefix) :].split("-", 1)[0]
    return int(head) if head.isdigit() else None


def is_orphan(path: Path, prefix: str) -> bool:
    """Whether ``path`` (named ``<prefix><pid>-…``) belongs to no living process; a
    name without a process id counts as orphaned once it is a day old."""
    pid = owner_pid(path.name, prefix)
    if pid is not None:
        return pid != os.getpid() and not _alive(pid)
    try:
        return time.time() - path.lstat().st_mtime > _STALE_S
    except OSError:
        return False


def sweep(folder: Path | None = None, prefixes: tuple[str, ...] = PREFIXES) -> list[Path]:
    """Remove the files and folders named with one of ``prefixes`` in ``folder``
    (default: the temporary directory) whose process is gone; return them."""
    folder = Path(folder or tempfile.gettempdir())
    removed: list[Path] = []
    try:
        children = list(folder.iterdir())
    except OSError:
        return removed
    for path in children:
        prefix = next((p for p in prefixes if path.name.startswith(p)), None)
        if prefix is None or not is_orphan(path, prefix):
            continue
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed


def temp_dir(prefix: str, folder: Path | None = None) -> Path:
    """A new temporary folder named ``<prefix><pid>-…`` in ``folder`` (default: the
    temporary directory), after sweeping the orphans there (of ``prefix`` in a
    ``folder`` of the caller's)."""
    if folder is not None:
        sweep(folder, (prefix,))
    else:
        sweep()
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=folder))


def temp_file(prefix: str, suffix: str = "", folder: Path | None = None) -> IO[bytes]:
    """A new temporary file named ``<prefix><pid>-…`` (not deleted on close: the
    caller removes it), after sweeping ``folder``'s orphans of the same prefix."""
    if folder is not None:
        sweep(folder, (prefix,))
    else:
        sweep()
    return tempfile.NamedTemporaryFile(
        prefix=f"{prefix}{os.getpid()}-", suffix=suffix, dir=folder, delete=False
    )


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off meanwhile (and on again after, if it was).

    Loading the index or a table of name analysis makes millions of objects kept
    until the process ends, which the collector would rescan again and again as
    they grow, while it finds almost no cyclic garbage among them: pykakasi's
    dictionary loads in 0.15 CPU-s instead of 0.43, and ``thaw screen`` takes 0.1
    to 0.3 CPU-s less (the most for a first name in kanji)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
