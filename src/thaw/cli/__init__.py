"""The ``thaw`` command line: thin wrappers over the library, one module per task.

Each module of this package registers its commands on :data:`app`; the modules
are imported here so that the entry point ``thaw = thaw.cli:app`` sees them all.
"""

from __future__ import annotations

from thaw.cli import compare as _compare  # noqa: F401  (registers commands)
from thaw.cli import export as _export  # noqa: F401
from thaw.cli import history as _history  # noqa: F401
from thaw.cli import ingest as _ingest  # noqa: F401  (registers commands)
from thaw.cli import monitor as _monitor  # noqa: F401
from thaw.cli import ownership as _ownership  # noqa: F401
from thaw.cli import profiles as _profiles  # noqa: F401
from thaw.cli import screen as _screen  # noqa: F401
from thaw.cli import serve as _serve  # noqa: F401
from thaw.cli import spark as _spark  # noqa: F401
from thaw.cli import state as _state  # noqa: F401
from thaw.cli import text as _text  # noqa: F401
from thaw.cli import update as _update  # noqa: F401
from thaw.cli import whatif as _whatif  # noqa: F401
from thaw.cli._app import app, arrange_help

arrange_help(app)  # thaw --help groups the commands by task

__all__ = ["app"]
