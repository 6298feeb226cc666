"""How long a fresh install of thaw takes, phase by phase, as on a new machine.

Usage::

    python benchmarks/install.py                  # the README's set-up: thaw alone
    python benchmarks/install.py --extras dev     # what CI and developers install
    python benchmarks/install.py --warm           # with this machine's uv cache

It copies the working tree (the files git knows) to a temporary folder, makes a new
virtualenv there and installs into it with the README's commands, one phase at a
time, with an empty pip and uv cache (``--warm`` keeps uv's), so that every
package is downloaded from the registry as on CI's fresh machine:

1. **bootstrap**: ``python -m venv``, then ``pip install uv``;
2. **dependencies**: ``uv pip install --override overrides.txt icukit-pyicu -r
   pyproject.toml [--extra …]``: resolve, download and install every dependency;
3. **thaw**: ``uv pip install --no-deps -e .``: the build environment (hatchling,
   mypy, setuptools) and the mypyc compile of the hot path (``hatch_build.py``),
   whose own time the build reports and is printed on its own line.

Phases 2 and 3 together are the README's single ``uv pip install --override
overrides.txt icukit-pyicu -e '.[…]'``. For each phase it prints wall and CPU
seconds (user + system of everything the phase ran), and at the end the total,
the installed size and the largest packages. ``THAW_PURE_PYTHON=1`` in the
environment skips the compile (for comparison). Exit status 1 when a phase fails.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPILED = re.compile(r"thaw: compiled (\d+) modules with mypyc in ([\d.]+) s[^\n]*")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _copy_tree(target: Path) -> None:
    """The files git tracks or would track (no venv, no build outputs)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not source.name.endswith(".so"):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


class Phases:
    """Runs and times the install's phases (see the module docs)."""

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.workdir = workdir
        self.env = env
        self.rows: list[tuple[str, float, float]] = []

    def run(self, name: str, *commands: list[str]) -> str:
        """Run ``commands`` in order as one phase; return their output."""
        began, cpu = time.perf_counter(), _children_cpu()
        output = []
        for command in commands:
            done = subprocess.run(
                command,
                cwd=self.workdir,
                env=self.env,
                capture_output=True,
                text=True,
                check=False,
            )
            output.append(done.stdout + done.stderr)
            if done.returncode != 0:
                print("".join(output)[-3000:], file=sys.stderr)
                raise SystemExit(f"{name}: {' '.join(command)} exited with {done.returncode}")
        wall, used = time.perf_counter() - began, _children_cpu() - cpu
        self.rows.append((name, wall, used))
        print(f"  {name:<44} {wall:7.1f} s wall {used:7.1f} s CPU", flush=True)
        return "".join(output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extras", default="", help="extras to install, e.g. dev (default none)")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the venv")
    parser.add_argument("--warm", action="store_true", help="keep this machine's uv cache")
    parser.add_argument("--keep", action="store_true", help="keep the folder (printed)")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="thaw-install-"))
    work = folder / "thaw"
    _copy_tree(work)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "UV_"))}
    env["PIP_NO_CACHE_DIR"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    if not args.warm:
        env["UV_CACHE_DIR"] = str(folder / "uv-cache")
    venv = work / ".venv"
    python, uv = str(venv / "bin" / "python"), str(venv / "bin" / "uv")
    env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    extras = [e for e in args.extras.split(",") if e]
    load = os.getloadavg()
    print(
        f"fresh install of {ROOT.name} into {venv} (extras: {','.join(extras) or 'none'}; "
        f"uv cache: {'warm' if args.warm else 'empty'}; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, {os.cpu_count()} CPUs)"
    )
    phases = Phases(work, env)
    try:
        phases.run(
            "bootstrap: venv, pip install uv",
            [args.python, "-m", "venv", str(venv)],
            [python, "-m", "pip", "install", "-q", "uv"],
        )
        extra_args = [a for e in extras for a in ("--extra", e)]
        phases.run(
            "dependencies: resolve, download, install",
            [uv, "pip", "install", "--override", "overrides.txt", "icukit-pyicu"]
            + ["-r", "pyproject.toml", *extra_args],
        )
        out = phases.run(
            "thaw: build env + mypyc compile, install",
            [uv, "pip", "install", "-v", "--no-deps", "-e", "."],
        )
        compiled = COMPILED.search(out)
        if compiled:
            print(f"    of which the mypyc compile: {compiled.group(2)} s wall")
        elif "installing pure Python" in out or "not compiling" in out:
            print("    thaw installed as pure Python (no compile)")
        check = subprocess.run(
            [python, "-c", "import thaw._native as n, thaw; print(n.check() or 'compiled')"],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        print(f"    hot path: {check.stdout.strip() or check.stderr.strip()[-300:]}")
        wall = sum(r[1] for r in phases.rows)
        cpu = sum(r[2] for r in phases.rows)
        print(f"  {'total':<44} {wall:7.1f} s wall {cpu:7.1f} s CPU")
        site = next((venv / "lib").glob("python3*/site-packages"))
        sizes = sorted(((_size(p), p.name) for p in site.iterdir() if p.is_dir()), reverse=True)[:6]
        print(
            f"  installed: {_size(venv) / 1e6:.0f} MB; largest: "
            + ", ".join(f"{name} {size / 1e6:.0f} MB" for size, name in sizes)
        )
        load = os.getloadavg()
        print(f"  load average after {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
