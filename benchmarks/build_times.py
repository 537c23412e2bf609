"""Measure where a docs build spends its time, side by side on one machine, in one run.

    nox -s bench                 # or: python benchmarks/build_times.py [--repeat N]

The project (docs/, examples/, src/) is copied to a scratch folder first, so the
measurements never touch your own build, and the package edits below happen to
the copy (imported first through PYTHONPATH). Measured, each a fresh process:

- floor: every example run once in one Python process, the way sphinx-gallery
  runs them (torch imported once, each figure rendered once to SVG, as the build
  saves it, then closed);
- quick: a build with ``-D plot_gallery=0`` from scratch (Sphinx's fixed cost);
- cold: a full build with no generated gallery and no previous output;
- unchanged: the same build again with nothing changed;
- prose edit: after adding a line of prose to one ``docs/*.md`` page;
- edited example: after changing one example;
- package change: after changing one ``torchintro`` module;
- tests + doctests: the unit tests and the doctests.

For each build: wall time, how many examples ran, peak memory (RSS). The table
gives each time's ratio to the floor; the JSON (benchmarks/results/build_times.json)
holds the same and the per-example execution times of the cold build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from project_builds import (  # the copy-and-build helper the tests use too
    EPOCH,
    GENERATED,
    Run,
    build_env,
    build_site,
    copy_project,
    run,
)

RESULTS = ROOT / "benchmarks" / "results" / "build_times.json"
# What each incremental row edits: a line appended to one file, then taken back.
EDITS = (
    ("prose edit", "docs/running.md", "\nOne more sentence of prose.\n"),
    ("edited example", "examples/02_autograd/plot_03_worked_example.py", "\n# edited\n"),
    ("package change", "src/torchintro/bench.py", "\n# edited\n"),
)

FLOOR_SCRIPT = """
import io, json, runpy, sys, time
from pathlib import Path
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
sys.path.insert(0, "docs/_ext")
from gallery_state import reset_torch  # imports nothing but torch, which the examples import anyway
times = {}
for path in sorted(Path("examples").glob("*/*.py")):
    reset_torch({}, str(path))
    plt.rcdefaults()
    start = time.perf_counter()
    runpy.run_path(str(path), run_name="__main__")
    for number in plt.get_fignums():  # rendered once, as sphinx-gallery saves each figure
        plt.figure(number).savefig(io.BytesIO(), format="svg")
    plt.close("all")
    times[str(path)] = time.perf_counter() - start
print(json.dumps(times))
"""


class Project:
    """A scratch copy of the project, built with the current Python's Sphinx."""

    def __init__(self, where: Path) -> None:
        self.root = copy_project(where / "project")
        self.epoch = os.environ.get("SOURCE_DATE_EPOCH", EPOCH)
        self.env = build_env(self.root, self.epoch)

    def clean(self) -> None:
        for name in GENERATED:
            path = self.root / "docs" / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()

    def build(self, *extra: str) -> dict:
        build = checked(build_site(self.root, *extra, epoch=self.epoch), "sphinx-build")
        return {
            "seconds": build.seconds,
            "executed": build.executed,
            "peak_rss_mb": build.peak_rss_mb,
        }

    def floor(self) -> dict:
        floor = checked(run([sys.executable, "-c", FLOOR_SCRIPT], self.root, self.env), "floor")
        per_example = json.loads(floor.output.strip().splitlines()[-1])
        return {
            "seconds": floor.seconds,
            "executed": len(per_example),
            "peak_rss_mb": floor.peak_rss_mb,
            "per_example": per_example,
        }

    def append_line(self, relative: str, line: str) -> str:
        path = self.root / relative
        original = path.read_text()
        path.write_text(original + line)
        return original

    def cold_example_times(self) -> dict[str, float]:
        times = {}
        for cost in sorted((self.root / "docs" / "auto_examples").glob("*/*.cost.json")):
            data = json.loads(cost.read_text())
            elapsed = data["time"] if isinstance(data, dict) else data[0]
            times[f"{cost.parent.name}/{cost.name.removesuffix('.cost.json')}"] = elapsed
        return times

    def tests(self) -> dict:
        """Time the unit tests and the doctests; a failing test is reported, not fatal."""
        pages = [str(p.relative_to(self.root)) for p in sorted((self.root / "docs").glob("*.md"))]
        quiet = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        unit = run([*quiet, "tests", "--ignore=tests/site"], self.root, self.env)
        doc = run(
            [*quiet, "--doctest-modules", "--doctest-glob=*.md", "src/torchintro", *pages],
            self.root,
            self.env,
        )
        summaries = [done.output.strip().splitlines()[-1] for done in (unit, doc)]
        seconds = unit.seconds + doc.seconds
        return {"seconds": seconds, "executed": 0, "peak_rss_mb": 0.0, "pytest": summaries}


def checked(done: Run, what: str) -> Run:
    """Stop the benchmark, with the end of its output, where a command failed."""
    if done.returncode != 0:
        sys.exit(f"{what} failed ({done.returncode}):\n{done.output[-3000:]}")
    return done


def median_of(repeat: int, measure) -> dict:
    runs = [measure() for _ in range(repeat)]
    best = dict(runs[0])
    best["seconds"] = statistics.median(r["seconds"] for r in runs)
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    best["runs"] = [round(r["seconds"], 2) for r in runs]
    return best


def measure(repeat: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="torchintro-bench-") as scratch:
        project = Project(Path(scratch))
        results: dict[str, dict] = {}

        def quick() -> dict:
            project.clean()
            return project.build("-D", "plot_gallery=0")

        results["quick"] = median_of(repeat, quick)
        results["floor"] = median_of(repeat, project.floor)
        project.clean()
        results["cold"] = project.build()
        results["cold"]["per_example"] = project.cold_example_times()
        results["unchanged"] = median_of(repeat, project.build)

        for name, relative, line in EDITS:
            original = project.append_line(relative, line)
            results[name] = project.build()
            (project.root / relative).write_text(original)
            project.build()  # back to the committed file

        results["tests + doctests"] = median_of(1, project.tests)
    return results


def table(results: dict) -> str:
    floor = results["floor"]["seconds"]
    execution = results["cold"]["seconds"] - results["quick"]["seconds"]
    lines = [
        "| measurement | seconds | x floor | examples run | peak RSS (MB) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, row in results.items():
        # The tests are two pytest runs, not a build: no examples, no single peak to report.
        build = row["peak_rss_mb"] > 0
        examples = row["executed"] if build else "-"
        peak = f"{row['peak_rss_mb']:.0f}" if build else "-"
        lines.append(
            f"| {name} | {row['seconds']:.1f} | {row['seconds'] / floor:.2f} | {examples} | {peak} |"
        )
    lines.append(
        f"| cold - quick (execution part) | {execution:.1f} | {execution / floor:.2f} | | |"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each noisy figure (median)")
    args = parser.parse_args()
    results = measure(args.repeat)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
