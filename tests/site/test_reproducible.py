"""Two cold builds of the same sources give the same site, byte for byte.

Where ``nox -s docs`` made the site under test as a cold build (nothing generated before,
no options: always so on a clean clone, as in CI; it leaves a stamp saying so), that build
is the first of the two and one more is made in a copy of the project. Otherwise both are
made in copies: an incremental build is not always what a cold one gives (Sphinx's search
index loses its index entries when pages are written again without being read again).
Builds run with the environment the tests run in and the build date ``nox -s site``
passes on. ``.buildinfo`` is compared only between two copies at one path: Sphinx hashes
the configuration into it, and sphinx-gallery's configuration holds absolute paths.

The one page allowed to differ is the timing page: it shows matrix-multiply timings
measured by the build, which no two runs share. Its own HTML and images (and the
thumbnail drawn from them) are left out of the comparison, and only them.
"""

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from project_builds import EPOCH, build_site, copy_project

pytestmark = pytest.mark.reproducible

MEASURED = ("sphx_glr_plot_02_timing_", "04_gpu/plot_02_timing.html")
NOT_SITE = ".doctrees"  # Sphinx's pickled state, kept beside the HTML but not published


def files(tree: Path) -> dict[str, Path]:
    return {
        str(path.relative_to(tree)): path
        for path in sorted(tree.rglob("*"))
        if path.is_file() and path.relative_to(tree).parts[0] != NOT_SITE
    }


def zip_contents(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def same(first: Path, second: Path) -> bool:
    if first.suffix == ".zip":  # entries carry file times; compare names and contents
        return zip_contents(first) == zip_contents(second)
    return first.read_bytes() == second.read_bytes()


def cold_build(scratch: Path, name: str, epoch: str) -> dict[str, Path]:
    """Build a fresh copy of the project at ``scratch/project``; keep its site as ``name``."""
    project = scratch / "project"
    shutil.rmtree(project, ignore_errors=True)
    build = build_site(copy_project(project), epoch=epoch)
    assert build.returncode == 0, build.output[-3000:]
    return files((project / "docs" / "_build" / "html").rename(scratch / name))


def site_was_built_cold(site_dir: Path, epoch: str) -> bool:
    stamp = site_dir / NOT_SITE / "torchintro-build.json"
    if not stamp.is_file():
        return False
    build = json.loads(stamp.read_text())
    return build.get("cold") is True and build.get("source_date_epoch") == epoch


def test_two_cold_builds_give_the_same_site(site_dir, tmp_path):
    epoch = os.environ.get("SOURCE_DATE_EPOCH", EPOCH)
    reused = site_was_built_cold(site_dir, epoch)
    first = files(site_dir) if reused else cold_build(tmp_path, "first", epoch)
    second = cold_build(tmp_path, "second", epoch)
    if reused:  # built at another path: see the module's docstring
        first.pop(".buildinfo"), second.pop(".buildinfo")
    assert first.keys() == second.keys()
    measured = [name for name in first if any(part in name for part in MEASURED)]
    assert measured, "the timing page's files were not found: update MEASURED"
    compared = [name for name in first if name not in measured]
    assert any(name.endswith("searchindex.js") for name in compared)
    assert sum(name.endswith(".svg") for name in compared) > 20
    differing = [name for name in compared if not same(first[name], second[name])]
    assert differing == [], f"{len(differing)} file(s) differ: {differing}"
