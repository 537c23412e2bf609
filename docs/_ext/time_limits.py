"""No example can hang the build: each one runs under a time limit.

sphinx-gallery has no time limit of its own, so this hooks into its ``reset_modules``
(named there as ``time_limits.limit_example_time``, run before and after every example).
The limit is ``torchintro_time_limit`` seconds from ``conf.py`` (120 by default), or the
example's own, set in its source by a line of its own, which the page does not show
(sphinx-gallery's ``remove_config_comments`` drops ``# sphinx_gallery_*`` lines)::

    # sphinx_gallery_torchintro_time_limit = 300

Past the limit, a ``TimeLimitExceeded`` is raised in the example itself, so the build
fails with sphinx-gallery's usual report: the page, and a traceback ending on the line
that was running. Any process the example started and left running is ended first. An
example that swallows the exception gets it again every second; one stuck in native code
(where Python cannot raise) is stopped 30 seconds later by :mod:`faulthandler`, which
prints every thread's stack and exits.
"""

from __future__ import annotations

import faulthandler
import re
import signal
import sys
from pathlib import Path
from typing import Any

import psutil

DEFAULT_LIMIT = 120.0
GRACE = 30.0  # seconds between the exception and faulthandler's exit
OWN_LIMIT = re.compile(
    r"^# sphinx_gallery_torchintro_time_limit = (\d+(?:\.\d+)?)\s*$", re.MULTILINE
)


class TimeLimitExceeded(Exception):
    """An example ran past its time limit."""


def example_limit(source: str, default: float) -> float:
    """Return the time limit of an example: its own line setting one, else ``default``."""
    match = OWN_LIMIT.search(source)
    return float(match.group(1)) if match else default


def _running_example() -> str | None:
    """Find the path of the example sphinx-gallery is about to run.

    Reset hooks are given only the file's name, which two galleries may share; the
    caller, sphinx-gallery's ``generate_file_rst``, holds the full path.
    """
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "generate_file_rst" and "src_file" in frame.f_locals:
            return str(frame.f_locals["src_file"])
        frame = frame.f_back
    return None


class _Watch:
    """The example being timed: its path, its limit, and the processes it found running."""

    def __init__(self, src_file: str, limit: float) -> None:
        self.src_file = src_file
        self.limit = limit
        self.children_before = {child.pid for child in psutil.Process().children(recursive=True)}

    def end_new_processes(self) -> None:
        """Terminate (then kill) the processes started since the example began."""
        new = [
            child
            for child in psutil.Process().children(recursive=True)
            if child.pid not in self.children_before
        ]
        for child in new:
            child.terminate()
        _, alive = psutil.wait_procs(new, timeout=5)
        for child in alive:
            child.kill()

    def on_alarm(self, signum: int, frame: Any) -> None:
        # Raise only while the example's own code is on the stack: the alarm repeats
        # until "after" stops it, and must not land in sphinx-gallery's reporting.
        while frame is not None:
            if frame.f_code.co_filename == self.src_file:
                self.end_new_processes()
                raise TimeLimitExceeded(
                    f"{Path(self.src_file).name} ran past its time limit of {self.limit:g} s "
                    "(give it longer with a line `# sphinx_gallery_torchintro_time_limit = "
                    "<seconds>`, or every example with `torchintro_time_limit` in conf.py)"
                )
            frame = frame.f_back


_watch: _Watch | None = None
_default_limit = DEFAULT_LIMIT  # conf.py's torchintro_time_limit, once the config is read


def _stop() -> None:
    global _watch
    signal.setitimer(signal.ITIMER_REAL, 0)
    faulthandler.cancel_dump_traceback_later()
    _watch = None


def limit_example_time(gallery_conf: dict[str, Any], fname: str, when: str) -> None:
    """Start the clock before an example runs; stop it after."""
    global _watch
    _stop()
    if when != "before":
        return
    src_file = _running_example()
    if src_file is None:
        return
    limit = example_limit(Path(src_file).read_text(encoding="utf-8"), _default_limit)
    _watch = _Watch(src_file, limit)
    signal.signal(signal.SIGALRM, _watch.on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit, 1.0)  # then again every second
    faulthandler.dump_traceback_later(limit + GRACE, exit=True)


def _read_config(app: Any, config: Any) -> None:
    global _default_limit
    limit = config.torchintro_time_limit
    if isinstance(limit, bool) or not isinstance(limit, int | float) or not limit > 0:
        raise ValueError(f"torchintro_time_limit must be a positive number, got {limit!r}")
    _default_limit = float(limit)


def setup(app: Any) -> dict[str, Any]:
    """Register ``torchintro_time_limit`` (seconds per example, 120 by default)."""
    app.add_config_value("torchintro_time_limit", DEFAULT_LIMIT, "", types=[int, float])
    app.connect("config-inited", _read_config)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
