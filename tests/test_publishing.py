"""The publishing configuration agrees with CI, and the notebook setup cell and Colab links
come from the one repository setting (and are absent without it)."""

import re
import shlex
from pathlib import Path

import pytest
import yaml

from docs_extension import load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ext():
    return load("torchintro_sphinx")


def nox_sessions(command: str) -> list[str]:
    """The session names of a `nox --sessions a b c` command line."""
    words = shlex.split(command)
    start = next(i for i, word in enumerate(words) if word in ("--sessions", "-s"))
    names = []
    for word in words[start + 1 :]:
        if word.startswith("-"):
            break
        names.append(word)
    return names


def ci_sessions() -> list[str]:
    lines = [
        line for line in (ROOT / ".ci" / "run").read_text().splitlines() if "nox --sessions" in line
    ]
    assert len(lines) == 1, lines
    return nox_sessions(lines[0])


def workflow() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "docs.yml").read_text())


def test_workflow_runs_the_same_sessions_as_ci():
    steps = workflow()["jobs"]["build"]["steps"]
    commands = [step["run"] for step in steps if "nox --sessions" in step.get("run", "")]
    assert [nox_sessions(command) for command in commands] == [ci_sessions()]


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^\$ nox -s ([\w -]+?)\s+#", readme, flags=re.MULTILINE)
    assert ci_sessions() in [command.split() for command in commands]


def test_workflow_installs_cpu_torch_and_caches_on_the_pins():
    flow = workflow()
    assert flow["env"]["PIP_EXTRA_INDEX_URL"] == "https://download.pytorch.org/whl/cpu"
    setup = next(
        s
        for s in flow["jobs"]["build"]["steps"]
        if s.get("uses", "").startswith("actions/setup-python")
    )
    assert setup["with"]["cache"] == "pip"
    assert ".ci/constraints.txt" in setup["with"]["cache-dependency-path"]


def test_workflow_previews_every_build_and_deploys_the_default_branch():
    flow = workflow()
    assert "pull_request" in flow[True]  # YAML 1.1 reads the key `on` as True
    build_steps = flow["jobs"]["build"]["steps"]
    uploads = [s for s in build_steps if s.get("uses", "").startswith("actions/upload-artifact")]
    assert any(s["with"]["path"] == "docs/_build/html" and "if" not in s for s in uploads)
    pages = next(
        s for s in build_steps if s.get("uses", "").startswith("actions/upload-pages-artifact")
    )
    assert "default_branch" in pages["if"]
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"]["pages"] == "write"
    assert deploy["permissions"]["id-token"] == "write"
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["steps"])


def test_read_the_docs_builds_the_same_site_with_the_pins_and_no_warnings():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())
    assert config["version"] == 2
    assert config["sphinx"]["configuration"] == "docs/conf.py"
    assert config["sphinx"]["fail_on_warning"] is True
    install = " ".join(config["build"]["jobs"]["install"])
    assert "-c .ci/constraints.txt" in install
    assert "download.pytorch.org/whl/cpu" in install
    build = " ".join(config["build"]["jobs"]["build"]["html"])
    assert "-n -W --keep-going" in build


def test_repository_setting_comes_from_the_environment(ext):
    assert ext.repository_url_from({}) == ""
    assert ext.repository_url_from({"TORCHINTRO_REPOSITORY_URL": "https://github.com/a/b/"}) == (
        "https://github.com/a/b"
    )
    github = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "owner/repo"}
    assert ext.repository_url_from(github) == "https://github.com/owner/repo"
    rtd = {"READTHEDOCS_GIT_CLONE_URL": "https://github.com/owner/repo.git"}
    assert ext.repository_url_from(rtd) == "https://github.com/owner/repo"


def test_setup_cell_installs_from_the_repository_only_where_missing(ext):
    assert ext.notebook_setup_cell("") is None
    cell = ext.notebook_setup_cell("https://github.com/owner/repo")
    assert "torchintro @ git+https://github.com/owner/repo" in cell
    compile(cell, "<setup cell>", "exec")
    # Where torchintro is importable, running the cell installs nothing.
    calls = []
    namespace = {}
    exec(cell.replace("subprocess.run(", "calls.append("), {"calls": calls}, namespace)  # noqa: S102  (our own generated cell)
    assert calls == []


def test_colab_links_follow_the_setting(ext):
    assert ext.colab_url("", "auto_examples/02_autograd/plot_03_worked_example") is None
    assert ext.colab_url("https://gitlab.com/a/b", "auto_examples/x/plot_y") is None
    assert ext.colab_url(
        "https://github.com/owner/repo", "auto_examples/02_autograd/plot_03_worked_example"
    ) == (
        "https://colab.research.google.com/github/owner/repo/blob/notebooks/02_autograd/plot_03_worked_example.ipynb"
    )
