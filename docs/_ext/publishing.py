"""Where the project lives publicly, and what follows from it.

One setting, ``repository_url`` (set in ``conf.py`` from :func:`repository_url_from`):

- every downloaded notebook starts with a cell that installs ``torchintro`` from the
  repository, at the commit being built (:func:`build_commit`), where it is missing,
  and notes a torch other than the build's (:func:`notebook_setup_cell`, sphinx-gallery's
  ``first_notebook_cell``);
- every example page links to "Open this example in Colab" (:func:`colab_url`), shown by
  the ``provenance.html`` template;
- the header links to the repository, and "Run it yourself" gives the command that
  installs ``torchintro`` from it (:func:`where_to_get`, a MyST substitution).

Without a repository URL (local and CI builds) there is none of these, and "Run it
yourself" says the build does not know where the repository is.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from provenance import EXAMPLE_PAGE

NOTEBOOKS_BRANCH = "notebooks"


def repository_url_from(environ: Mapping[str, str]) -> str:
    """Find the public repository's URL: set explicitly, or from the CI that is building.

    ``TORCHINTRO_REPOSITORY_URL`` wins; GitHub Actions and Read the Docs name the
    repository they build in their own variables. Elsewhere: ``""`` (unpublished).
    """
    if environ.get("TORCHINTRO_REPOSITORY_URL"):
        url = environ["TORCHINTRO_REPOSITORY_URL"]
    elif environ.get("GITHUB_REPOSITORY"):
        server = environ.get("GITHUB_SERVER_URL", "https://github.com")
        url = f"{server}/{environ['GITHUB_REPOSITORY']}"
    else:
        url = environ.get("READTHEDOCS_GIT_CLONE_URL", "")
    return url.removesuffix("/").removesuffix(".git")


def where_to_get(url: str) -> str:
    """Markdown telling a reader where ``torchintro`` comes from, for "Run it yourself"."""
    if not url:
        return (
            "This copy of the site was built without the address of a public repository "
            "(the `TORCHINTRO_REPOSITORY_URL` setting), so it cannot say where to download "
            "`torchintro`; install it from a copy of the project's sources as shown below."
        )
    return (
        f"Its source is in the project's repository, <{url}>. Install it from there "
        "(pip also installs PyTorch if you do not have it):\n\n"
        f'```console\n$ pip install "torchintro @ git+{url}"\n```'
    )


def build_commit(environ: Mapping[str, str], checkout: Path) -> str:
    """Find the commit being built: from the CI that is building, else from git, else ``""``.

    ``TORCHINTRO_COMMIT`` wins; GitHub Actions and Read the Docs name the commit in
    their own variables; elsewhere ``git rev-parse HEAD`` in ``checkout``.
    """
    for name in ("TORCHINTRO_COMMIT", "GITHUB_SHA", "READTHEDOCS_GIT_COMMIT_HASH"):
        if environ.get(name):
            return environ[name]
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--verify", "HEAD"],
            cwd=checkout,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:  # no git at all
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def notebook_setup_cell(repository_url: str, commit: str, torch_version: str) -> str | None:
    """Return the code of the first cell of every notebook: install torchintro where it is missing.

    Where torchintro is importable (a local clone, the docs build) the cell installs
    nothing; on Colab or a fresh Jupyter it installs the package, and what it needs,
    from ``commit`` of the repository: the code whose outputs the page shows. It then
    says so, in one line, where the torch at hand is not ``torch_version``, the release
    the page's outputs came from. Without a repository URL there is nowhere to install
    from: no cell.
    """
    if not repository_url:
        return None
    requirement = f"torchintro @ git+{repository_url}" + (f"@{commit}" if commit else "")
    release = torch_version.split("+")[0]
    return f"""\
# Setup: install torchintro if it is missing (as on Colab), from the commit this
# notebook was built from. Where it is installed already, this cell installs nothing.
import importlib.metadata
import importlib.util
import subprocess
import sys

requirement = "{requirement}"
if importlib.util.find_spec("torchintro") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", requirement], check=True)
try:
    _torch = importlib.metadata.version("torch")
except importlib.metadata.PackageNotFoundError:
    _torch = "not installed"
if _torch.split("+")[0] != "{release}":
    print(f"Note: the outputs on the site came from torch {release}; here torch is {{_torch}}.")"""


def colab_url(repository_url: str, docname: str) -> str | None:
    """Link that opens an example's notebook in Google Colab, or ``None`` if there is none.

    Colab opens notebooks stored on GitHub; the workflow publishes the built notebooks
    to the repository's ``notebooks`` branch, one folder per gallery.
    """
    prefix = "https://github.com/"
    if not repository_url.startswith(prefix):
        return None
    gallery_path = docname.removeprefix("auto_examples/")
    return (
        f"https://colab.research.google.com/github/{repository_url.removeprefix(prefix)}"
        f"/blob/{NOTEBOOKS_BRANCH}/{gallery_path}.ipynb"
    )


def add_colab_link(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Hand the example's Colab link to the template, where there is one."""
    if EXAMPLE_PAGE.fullmatch(pagename):
        context["colab_url"] = colab_url(app.config.repository_url, pagename)


def setup(app: Any) -> dict[str, Any]:
    """Register the setting and the Colab link."""
    app.add_config_value("repository_url", "", "html", types=[str])
    app.connect("html-page-context", add_colab_link)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
