"""Every notebook the site offers for download runs top to bottom in a Jupyter kernel.

The notebooks share one kernel (per test worker), cleared before each: its namespace is
emptied (``%reset -f``), its figures closed and its working folder moved to the test's
own. Starting a kernel and importing torch and matplotlib in it took most of each
notebook's time (8 s of the 10 s the timing notebook took alone, measured side by side),
and modules a notebook imports are the only thing one notebook can leave to the next.
"""

import re
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.notebooks

CELL_TIMEOUT_S = 120
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
# The line a checker of torchintro.exercises prints: "Correct (exercise)." or "Not yet (...): ..."
VERDICT = re.compile(r"^(?P<verdict>Correct|Not yet) \((?P<exercise>[^)]*)\)", re.MULTILINE)
CLEAR = """\
%reset -f
import matplotlib.pyplot
matplotlib.pyplot.close("all")
%cd -q {folder!r}
%reset -f
"""


@pytest.fixture(scope="session")
def kernel(tmp_path_factory) -> Iterator[object]:
    """A python3 kernel of this environment, started by the first notebook that runs."""
    from jupyter_client.manager import AsyncKernelManager
    from nbclient.util import run_sync

    # The kernel inherits this environment: no display, Jupyter's current paths rather
    # than a deprecation warning about them, and one thread for torch: the tests share
    # the cores with a browser and another worker, and torch's two threads then wait on
    # each other (the digits page with both cores busy: 6.3 s with two threads, 2.2 s
    # with one).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MPLBACKEND", "Agg")
        patch.setenv("JUPYTER_PLATFORM_DIRS", "1")
        patch.setenv("OMP_NUM_THREADS", "1")
        manager = AsyncKernelManager(kernel_name="python3")
        yield manager
    if manager.has_kernel:
        run_sync(manager.shutdown_kernel)(now=True)


def test_notebook_runs(notebook, site_dir, tmp_path, kernel):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    book = nbformat.read(notebook, as_version=4)
    book.cells.insert(0, nbformat.v4.new_code_cell(CLEAR.format(folder=str(tmp_path))))
    client = NotebookClient(
        book,
        km=kernel,
        timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(tmp_path)}},  # where the first kernel starts
    )
    try:
        client.execute()
    except CellExecutionError as error:
        failure = ANSI_ESCAPE.sub("", str(error))
    else:
        check_verdicts(notebook.stem, printed(book))
        return
    finally:
        if client.kc is not None:  # this notebook's connection to the kernel, not the kernel
            client.kc.stop_channels()
    pytest.fail(f"{notebook.relative_to(site_dir)} failed:\n{failure}", pytrace=False)


def printed(book) -> str:
    """Everything the notebook's cells printed."""
    return "".join(
        output.get("text", "")
        for cell in book.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream"
    )


def check_verdicts(name: str, text: str) -> None:
    """An exercises-only notebook: every check says "Not yet". Any other: each last one passes."""
    verdicts = [(match["exercise"], match["verdict"]) for match in VERDICT.finditer(text)]
    if name.endswith("_only"):
        assert verdicts, f"{name} printed no verdict"
        assert {verdict for _, verdict in verdicts} == {"Not yet"}, verdicts
    else:
        last = dict(verdicts)
        failed = [exercise for exercise, verdict in last.items() if verdict != "Correct"]
        assert not failed, f"{name}: the solutions of {failed} did not pass their checks"


def test_check_verdicts_can_fail():
    check_verdicts("page_only", "Not yet (a): hint.\nNot yet (b): replace the ...\n")
    check_verdicts("page", "Not yet (a): hint.\nCorrect (a).\n")
    with pytest.raises(AssertionError, match="did not pass"):
        check_verdicts("page", "Correct (a).\nNot yet (a): hint.\n")
    with pytest.raises(AssertionError):
        check_verdicts("page_only", "Not yet (a): hint.\nCorrect (b).\n")
    with pytest.raises(AssertionError, match="printed no verdict"):
        check_verdicts("page_only", "")


def test_exercises_only_notebooks_call_every_check(site_dir):
    """Each exercises-only notebook calls the same checkers as the page's own notebook."""
    import nbformat

    def checks(path) -> set[str]:
        book = nbformat.read(path, as_version=4)
        code = "".join(cell.source for cell in book.cells if cell.cell_type == "code")
        return set(re.findall(r"\b(check_\w+)\(", code))

    pages = {
        page: re.findall(r'href="([^"]+\.ipynb)"', page.read_text(encoding="utf-8"))
        for page in sorted((site_dir / "auto_examples").rglob("*.html"))
    }
    pages = {page: links for page, links in pages.items() if len(set(links)) > 1}
    assert len(pages) == 6  # an exercise page per gallery
    for page, links in pages.items():
        full, only = sorted({(page.parent / link).resolve() for link in links}, key=str)
        full, only = sorted([full, only], key=lambda path: path.stem.endswith("_only"))
        assert only.stem == full.stem + "_only", links
        assert checks(only) == checks(full) != set(), page.name
        # The first code cell: the one installing torchintro, where the build has its source.
        first_code = [
            next(
                cell for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"
            )
            for path in (only, full)
        ]
        assert first_code[0] == first_code[1], page.name
