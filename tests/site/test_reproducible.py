"""Two cold builds of the same sources give the same site, byte for byte.

The one page allowed to differ is the timing page: it shows matrix-multiply
timings measured by the build, which no two runs share. Its own HTML and images
(and the thumbnail drawn from them) are left out of the comparison, and only them.
"""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.reproducible

ROOT = Path(__file__).resolve().parents[2]
SKIP_COPY = (".git", ".nox", ".venv", "_build", "auto_examples", "gen_modules", "__pycache__")
MEASURED = ("sphx_glr_plot_02_timing_", "04_gpu/plot_02_timing.html")


def cold_build(scratch: Path, name: str) -> Path:
    """Copy the sources to one fixed place, build them from scratch, keep only the HTML."""
    project = scratch / "project"  # the same path for both builds, as for one checkout
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(*SKIP_COPY))
    env = {**os.environ, "PYTHONPATH": str(project / "src"), "SOURCE_DATE_EPOCH": "1700000000"}
    out = project / "docs" / "_build" / "html"
    command = [sys.executable, "-m", "sphinx", "-q", "-n", "-W", "--keep-going", "-b", "html"]
    command += [str(project / "docs"), str(out)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    shutil.rmtree(out / ".doctrees")  # Sphinx's pickled state, not part of the site
    return out.rename(scratch / name)


def files(tree: Path) -> dict[str, Path]:
    return {str(path.relative_to(tree)): path for path in sorted(tree.rglob("*")) if path.is_file()}


def zip_contents(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def same(first: Path, second: Path) -> bool:
    if first.suffix == ".zip":  # entries carry file times; compare names and contents
        return zip_contents(first) == zip_contents(second)
    return first.read_bytes() == second.read_bytes()


def test_two_cold_builds_are_byte_identical(tmp_path):
    first = files(cold_build(tmp_path, "first"))
    second = files(cold_build(tmp_path, "second"))
    assert first.keys() == second.keys()
    measured = [name for name in first if any(part in name for part in MEASURED)]
    assert measured, "the timing page's files were not found: update MEASURED"
    compared = [name for name in first if name not in measured]
    assert any(name.endswith("searchindex.js") for name in compared)
    assert sum(name.endswith(".png") for name in compared) > 20
    differing = [name for name in compared if not same(first[name], second[name])]
    assert differing == []
