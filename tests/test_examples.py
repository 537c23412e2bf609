"""Every example runs as a plain script, its hidden assertions included.

The build runs them too, but a reader may download a script and run it with
``python``; the notebooks (tested with the built site) lose the hidden checks.
"""

import runpy
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*/*.py"))


def test_there_are_examples_in_every_gallery():
    galleries = {path.parent.name for path in EXAMPLES}
    assert galleries == {"01_tensors", "02_autograd", "03_regression", "04_gpu"}
    assert all(path.name.startswith("plot_") for path in EXAMPLES)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_example_runs_as_a_script(path, monkeypatch):
    monkeypatch.chdir(path.parent)
    monkeypatch.setattr(plt, "show", lambda *args, **kwargs: None)
    namespace = runpy.run_path(str(path), run_name="__main__")
    assert "torch" in namespace  # it ran to the end, importing torch on the way
