"""Incremental builds re-run exactly the examples whose inputs changed.

A tiny Sphinx project with three examples and a copy of the package, built with
the site's own extension: each case edits one thing and counts what ran again.
"""

import textwrap
from pathlib import Path

import pytest

from project_builds import ROOT, build_site, copy_project

pytestmark = pytest.mark.incremental

CONF = """
import sys
sys.path.insert(0, {ext!r})
extensions = ["sphinx_gallery.gen_gallery", "example_inputs", "provenance"]
exclude_patterns = ["_build", "**/GALLERY_HEADER.rst"]
templates_path = ["_templates", {templates!r}]
sphinx_gallery_conf = {{
    "examples_dirs": ["../examples"],
    "gallery_dirs": ["auto_examples"],
    "filename_pattern": r".*\\.py$",
    "capture_repr": ({capture!r},),
    "min_reported_time": float("inf"),
    "write_computation_times": False,
    "download_all_examples": False,
}}
"""

EXAMPLES = {
    "plot_data.py": "from torchintro import make_linear_data\n\nprint(make_linear_data(3)[0].shape)\n",
    "plot_bench.py": "import torchintro\n\nprint(torchintro.matmul_gflops(10, 1.0))\n",
    "plot_plain.py": "import torch\n\nprint(torch.ones(2))\n",
}


class TinySite:
    def __init__(self, where: Path) -> None:
        self.root = copy_project(where, "src")
        (where / "docs").mkdir()
        (where / "docs" / "index.rst").write_text(
            "Tiny\n====\n\n.. toctree::\n\n   auto_examples/index\n"
        )
        self.configure(capture="__repr__")
        # The site's own provenance template, at the foot of every page of the default theme.
        (where / "docs" / "_templates").mkdir()
        (where / "docs" / "_templates" / "layout.html").write_text(
            '{% extends "!layout.html" %}\n'
            '{% block footer %}{{ super() }}{% include "provenance.html" %}{% endblock %}\n'
        )
        examples = where / "examples"
        examples.mkdir()
        (examples / "GALLERY_HEADER.rst").write_text("Examples\n========\n")
        for name, code in EXAMPLES.items():
            title = name.removesuffix(".py")
            (examples / name).write_text(f'"""\n{title}\n{"=" * len(title)}\n"""\n\n{code}')

    def configure(self, capture: str) -> None:
        conf = CONF.format(
            ext=str(ROOT / "docs" / "_ext"),
            templates=str(ROOT / "docs" / "_templates"),
            capture=capture,
        )
        (self.root / "docs" / "conf.py").write_text(textwrap.dedent(conf))

    def edit(self, relative: str) -> None:
        path = self.root / relative
        path.write_text(path.read_text() + "\n# edited\n")

    def build(self, *extra: str, epoch: str = "1700000000") -> set[str]:
        """Build as of the time ``epoch``; return the names of the examples that ran."""
        before = self._md5_times()
        build = build_site(self.root, *extra, out="docs/_build", epoch=epoch)
        assert build.returncode == 0, build.output[-2000:]
        after = self._md5_times()
        ran = {name for name, mtime in after.items() if before.get(name) != mtime}
        assert build.executed == len(ran), build.output[-2000:]
        return ran

    def page(self, name: str) -> str:
        return (self.root / "docs" / "_build" / "auto_examples" / f"{name}.html").read_text()

    def _md5_times(self) -> dict[str, int]:
        gallery = self.root / "docs" / "auto_examples"
        return {p.name.removesuffix(".py.md5"): p.stat().st_mtime_ns for p in gallery.glob("*.md5")}


def test_only_what_changed_runs_again(tmp_path):
    site = TinySite(tmp_path)
    assert site.build() == {"plot_data", "plot_bench", "plot_plain"}
    assert site.build() == set(), "nothing changed, nothing may run"

    site.edit("examples/plot_plain.py")
    assert site.build() == {"plot_plain"}

    site.edit("src/torchintro/data.py")
    assert site.build() == {"plot_data"}, "only the example using torchintro.data"

    site.edit("src/torchintro/bench.py")
    assert site.build() == {"plot_bench"}

    site.edit("src/torchintro/_checks.py")  # shared by both modules
    assert site.build() == {"plot_data", "plot_bench"}

    site.build("-D", "sphinx_gallery_conf.filename_pattern=plot_plain")
    assert site.build() == set(), "choosing which files run changes no example's output"

    site.configure(capture="_repr_html_")  # a setting that shapes every output
    assert site.build() == {"plot_data", "plot_bench", "plot_plain"}

    # A new build date changes no output, but every page's provenance line shows it.
    assert "built on 2023-11-14" in site.page("plot_plain")
    assert site.build(epoch="1800000000") == set()
    for name in EXAMPLES:
        assert "built on 2027-01-15" in site.page(name.removesuffix(".py")), name
