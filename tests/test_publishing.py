"""The repository setting and what follows from it (docs/_ext/publishing.py): the notebook
setup cell and the Colab links, present with a public repository and absent without."""

import importlib.metadata
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import publishing
import pytest
import torch

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


URL = "https://github.com/owner/repo"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def test_the_commit_comes_from_the_ci_or_from_git(tmp_path):
    assert publishing.build_commit({"GITHUB_SHA": COMMIT}, tmp_path) == COMMIT
    assert publishing.build_commit({"READTHEDOCS_GIT_COMMIT_HASH": "abc"}, tmp_path) == "abc"
    explicit = {"TORCHINTRO_COMMIT": "def", "GITHUB_SHA": COMMIT}
    assert publishing.build_commit(explicit, tmp_path) == "def"
    assert publishing.build_commit({}, tmp_path) == ""  # not a git checkout
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert publishing.build_commit({}, ROOT) == head.stdout.strip()


def test_running_page_gives_the_install_command_or_says_there_is_none():
    published = publishing.where_to_get(URL)
    assert f'$ pip install "torchintro @ git+{URL}"' in published
    assert f"<{URL}>" in published  # a link in the text too
    unpublished = publishing.where_to_get("")
    assert "git+" not in unpublished
    assert "without the address" in unpublished


def test_setup_cell_asks_for_the_commit_of_the_repository():
    assert publishing.notebook_setup_cell("", COMMIT, "2.13.0") is None
    cell = publishing.notebook_setup_cell(URL, COMMIT, "2.13.0+cpu")
    assert f'"torchintro @ git+{URL}@{COMMIT}"' in cell
    assert f'"torchintro @ git+{URL}"' in publishing.notebook_setup_cell(URL, "", "2.13.0")


def test_setup_cell_installs_nothing_where_torchintro_is_installed(monkeypatch, capsys):
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda command, **kwargs: calls.append(command))
    exec(publishing.notebook_setup_cell(URL, COMMIT, torch.__version__), {})  # noqa: S102
    assert calls == []
    assert capsys.readouterr().out == ""  # the build's torch: nothing to say


def test_setup_cell_notes_another_torch(capsys):
    exec(publishing.notebook_setup_cell(URL, COMMIT, "2.99.0"), {})  # noqa: S102
    local = importlib.metadata.version("torch")
    assert capsys.readouterr().out == (
        f"Note: the outputs on the site came from torch 2.99.0; here torch is {local}.\n"
    )


def offline_build_tools(where: Path) -> Path:
    """A folder with the package's build backend (hatchling and what it imports).

    pip builds a git requirement from source; offline, it cannot fetch the backend into
    an isolated build environment, so the test lends it this one through PYTHONPATH.
    """
    for name in ("hatchling", "packaging", "pathspec", "pluggy", "trove-classifiers"):
        dist = importlib.metadata.distribution(name)
        for file in dist.files or ():
            source = Path(dist.locate_file(file))
            if ".." not in file.parts and source.is_file():
                (where / file).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, where / file)
    return where


def test_setup_cell_installs_the_built_commit_where_torchintro_is_missing(tmp_path):
    """Run the cell in a new virtualenv without torchintro, as on Colab, but offline.

    The repository is this checkout, through pip's ``git+file://localhost/`` URLs, at its
    HEAD commit; torch, too large to install for a test, is left out (no dependencies).
    pip records the commit it installed; run again, the cell installs nothing.
    """
    commit = publishing.build_commit({}, ROOT)
    if not commit:
        pytest.skip("not a git checkout")
    cell = publishing.notebook_setup_cell(f"file://localhost{ROOT}", commit, "2.13.0")
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    offline = {
        **os.environ,
        "PYTHONPATH": str(offline_build_tools(tmp_path / "build-tools")),
        "PIP_NO_INDEX": "1",
        "PIP_NO_DEPS": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # sic: pip reads this as --no-build-isolation
    }

    def run(code):
        result = subprocess.run(
            [str(python), "-c", code], env=offline, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.strip()

    installed = (
        "import importlib.metadata, json\n"
        "url = importlib.metadata.distribution('torchintro').read_text('direct_url.json')\n"
        "print(json.loads(url)['vcs_info']['commit_id'])"
    )
    assert run("import importlib.util; print(importlib.util.find_spec('torchintro'))") == "None"
    note = run(cell)
    assert run(installed) == commit
    assert (
        note == "Note: the outputs on the site came from torch 2.13.0; here torch is not installed."
    )
    # Without the build backend, a second install would fail: the cell must not try one.
    del offline["PYTHONPATH"], offline["PIP_NO_BUILD_ISOLATION"]
    assert run(cell) == note


def test_colab_links_follow_the_setting():
    page = "auto_examples/02_autograd/plot_03_worked_example"
    assert publishing.colab_url("", page) is None
    assert publishing.colab_url("https://gitlab.com/a/b", "auto_examples/x/plot_y") is None
    assert publishing.colab_url("https://github.com/owner/repo", page) == (
        "https://colab.research.google.com/github/owner/repo/blob/notebooks/"
        "02_autograd/plot_03_worked_example.ipynb"
    )
