"""The repository setting and what follows from it (docs/_ext/publishing.py): the notebook
setup cell and the Colab links, present with a public repository and absent without."""

import os
import subprocess
import sys
import venv
from pathlib import Path

import publishing

ROOT = Path(__file__).resolve().parents[1]


def test_repository_setting_comes_from_the_environment():
    assert publishing.repository_url_from({}) == ""
    explicit = {"TORCHINTRO_REPOSITORY_URL": "https://github.com/a/b/"}
    assert publishing.repository_url_from(explicit) == "https://github.com/a/b"
    github = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "owner/repo"}
    assert publishing.repository_url_from(github) == "https://github.com/owner/repo"
    rtd = {"READTHEDOCS_GIT_CLONE_URL": "https://github.com/owner/repo.git"}
    assert publishing.repository_url_from(rtd) == "https://github.com/owner/repo"
    both = {**github, "TORCHINTRO_REPOSITORY_URL": "https://example.org/x"}
    assert publishing.repository_url_from(both) == "https://example.org/x"


def test_setup_cell_asks_for_the_repository():
    assert publishing.notebook_setup_cell("") is None
    cell = publishing.notebook_setup_cell("https://github.com/owner/repo")
    assert '"torchintro @ git+https://github.com/owner/repo"' in cell


def test_setup_cell_does_nothing_where_torchintro_is_installed(monkeypatch):
    cell = publishing.notebook_setup_cell("https://github.com/owner/repo")
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda command, **kwargs: calls.append(command))
    exec(cell, {})  # noqa: S102  (our own generated cell; torchintro is installed here)
    assert calls == []


def test_setup_cell_installs_torchintro_where_it_is_missing(tmp_path):
    """Run the cell in a new virtualenv without torchintro, as on Colab, offline.

    The cell's requirement points at a wheel built from this checkout instead of the
    repository (no network here); dependencies are left out, torch being too large to
    install for a test. Run a second time, the cell finds the package and installs nothing.
    """
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path / "wheels"), str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "wheels").glob("torchintro-*.whl")
    url = "https://github.com/owner/repo"
    cell = publishing.notebook_setup_cell(url).replace(f"git+{url}", wheel.as_uri())
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    offline = {**os.environ, "PIP_NO_INDEX": "1", "PIP_NO_DEPS": "1"}
    offline.pop("PYTHONPATH", None)
    is_installed = (
        "import importlib.util; print(importlib.util.find_spec('torchintro') is not None)"
    )

    def run(code):
        result = subprocess.run(
            [str(python), "-c", code], env=offline, capture_output=True, text=True, check=True
        )
        return result.stdout.strip()

    assert run(is_installed) == "False"
    run(cell)
    assert run(is_installed) == "True"
    wheel.unlink()  # a second install attempt would now fail
    run(cell)


def test_colab_links_follow_the_setting():
    page = "auto_examples/02_autograd/plot_03_worked_example"
    assert publishing.colab_url("", page) is None
    assert publishing.colab_url("https://gitlab.com/a/b", "auto_examples/x/plot_y") is None
    assert publishing.colab_url("https://github.com/owner/repo", page) == (
        "https://colab.research.google.com/github/owner/repo/blob/notebooks/"
        "02_autograd/plot_03_worked_example.ipynb"
    )
