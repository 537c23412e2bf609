"""Every notebook the site offers for download runs top to bottom in a fresh kernel."""

import re

import pytest

pytestmark = pytest.mark.notebooks

CELL_TIMEOUT_S = 120
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def test_notebook_runs(notebook, site_dir, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    # The kernel (python3, from this environment) inherits this environment: no display,
    # and Jupyter's current paths rather than a deprecation warning about them.
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    client = NotebookClient(
        nbformat.read(notebook, as_version=4),
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},  # the notebook's working folder
    )
    try:
        client.execute()
    except CellExecutionError as error:
        failure = ANSI_ESCAPE.sub("", str(error))
    else:
        return
    pytest.fail(f"{notebook.relative_to(site_dir)} failed:\n{failure}", pytrace=False)
