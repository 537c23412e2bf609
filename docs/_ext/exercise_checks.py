"""Every build proves each exercise's reference solution passes its checker.

An exercise page calls a checker of :mod:`torchintro.exercises` twice per exercise: on
the starter answer, which gets "Not yet", then at the end of the folded solution. The
hook ``exercise_checks.solutions_pass``, named in ``sphinx_gallery_conf["reset_modules"]``,
reads the verdicts an example gave and fails the build, naming the page, the exercise
and the hint, when an exercise's last verdict is not a pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_first = 0  # where the running example's verdicts start in torchintro.exercises.verdicts


class SolutionFailed(RuntimeError):
    """A page's reference solution did not pass its checker."""


def last_verdicts(verdicts: list[Any]) -> dict[str, Any]:
    """Each exercise's last verdict, by exercise, in the order the exercises came."""
    last: dict[str, Any] = {}
    for verdict in verdicts:
        last.pop(verdict.exercise, None)
        last[verdict.exercise] = verdict
    return last


def solutions_pass(gallery_conf: dict[str, Any], fname: str, when: str) -> None:
    """Before an example: note where its verdicts start. After it: require passes."""
    global _first
    from torchintro.exercises import verdicts  # here: a build that runs no example needs no torch

    if when == "before":
        _first = len(verdicts)
        return
    failed = [v for v in last_verdicts(verdicts[_first:]).values() if not v.passed]
    if failed:
        lines = "\n".join(f"  {verdict}" for verdict in failed)
        raise SolutionFailed(f"{Path(fname).name}: a solution does not pass its check:\n{lines}")
