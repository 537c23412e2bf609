"""Copy the project somewhere else and build its site there.

One helper for the places that need a build of their own: the benchmark
(benchmarks/build_times.py), the reproducibility and incremental-build tests, and, with
``tiny_gallery``, the tests that build a one-gallery project (time limits, deprecations).
A build runs the current Python's Sphinx, with the copy's own ``src`` first on the path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What a build makes under docs/: never copied, so a copy builds from scratch.
GENERATED = ("auto_examples", "gen_modules", "sg_execution_times.rst", "_build")
NOT_SOURCES = (".git", ".nox", ".venv", "results", "__pycache__", ".hypothesis", *GENERATED)
# The date builds show when the caller gives none (2023-11-14).
EPOCH = "1700000000"


def tiny_gallery(where: Path, conf: str, examples: dict[str, str]) -> Path:
    """Write a one-gallery Sphinx project at ``where``: ``conf`` and the named ``examples``."""
    (where / "docs").mkdir(parents=True)
    (where / "docs" / "conf.py").write_text(textwrap.dedent(conf))
    (where / "docs" / "index.rst").write_text(
        "Tiny\n====\n\n.. toctree::\n\n   auto_examples/index\n"
    )
    (where / "examples").mkdir()
    (where / "examples" / "GALLERY_HEADER.rst").write_text("Examples\n========\n")
    for name, source in examples.items():
        (where / "examples" / name).write_text(source)
    return where


def copy_project(destination: Path, *parts: str) -> Path:
    """Copy the project's sources, or only its top-level ``parts``, to ``destination``."""
    ignore = shutil.ignore_patterns(*NOT_SOURCES)
    for part in parts or ("",):
        shutil.copytree(ROOT / part, destination / part, ignore=ignore)
    return destination


@dataclass
class Run:
    """A finished command: its exit status, output, wall time and peak memory."""

    returncode: int
    output: str
    seconds: float
    peak_rss_mb: float

    @property
    def executed(self) -> int:
        """How many examples sphinx-gallery ran, from its summary line (0 if none)."""
        match = re.search(r"executed (\d+) out of \d+ file", self.output)
        return int(match.group(1)) if match else 0


def run(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run a command to the end, stdout and stderr together, measuring time and peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.stdout.close()
    process.returncode = os.waitstatus_to_exitcode(status)  # waited for here, not by Popen
    return Run(process.returncode, output, seconds, usage.ru_maxrss / 1024)


def build_env(project: Path, epoch: str = EPOCH) -> dict[str, str]:
    """The environment of a build of ``project``: its package, no display, a fixed date."""
    return {
        **os.environ,
        "PYTHONPATH": str(project / "src"),
        "MPLBACKEND": "Agg",
        "SOURCE_DATE_EPOCH": epoch,
    }


def build_site(
    project: Path, *extra: str, out: str = "docs/_build/html", epoch: str = EPOCH
) -> Run:
    """Build ``project/docs`` into ``project/out`` as ``nox -s docs`` does.

    Not quiet: sphinx-gallery's count of the examples it ran is an info message.
    """
    command = [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-b", "html"]
    return run([*command, "docs", out, *extra], project, build_env(project, epoch))
