"""The repository setting and what follows from it (docs/_ext/publishing.py): the notebook
setup cell and the Colab links, present with a public repository and absent without."""

import subprocess

import publishing


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


def test_setup_cell_installs_from_the_repository_only_where_missing(monkeypatch):
    assert publishing.notebook_setup_cell("") is None
    cell = publishing.notebook_setup_cell("https://github.com/owner/repo")
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda command, **kwargs: calls.append(command))
    # Where torchintro is importable (here), running the cell installs nothing.
    exec(cell, {})  # noqa: S102  (our own generated cell)
    assert calls == []
    # Where it is missing, it runs pip on the repository's requirement.
    exec(cell.replace('find_spec("torchintro")', 'find_spec("torchintro_missing")'), {})  # noqa: S102
    ((_, *arguments),) = calls
    assert arguments == [
        "-m",
        "pip",
        "install",
        "--quiet",
        "torchintro @ git+https://github.com/owner/repo",
    ]


def test_colab_links_follow_the_setting():
    page = "auto_examples/02_autograd/plot_03_worked_example"
    assert publishing.colab_url("", page) is None
    assert publishing.colab_url("https://gitlab.com/a/b", "auto_examples/x/plot_y") is None
    assert publishing.colab_url("https://github.com/owner/repo", page) == (
        "https://colab.research.google.com/github/owner/repo/blob/notebooks/"
        "02_autograd/plot_03_worked_example.ipynb"
    )
