"""Reset torch's global state before each test, doctest included, so none leaks into the next.

The conftest files of ``src/``, ``docs/`` and ``tests/`` import the fixture from here
(``pythonpath = ["tests"]`` in pyproject.toml puts this folder on the path).
"""

import matplotlib
import matplotlib.pyplot as plt
import pytest
import torch

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def reset_torch_state():
    """Seed 0, default print options, float32 and the CPU as defaults; close figures after."""
    torch.manual_seed(0)
    torch.set_printoptions(profile="default")
    torch.set_default_dtype(torch.float32)
    torch.set_default_device(None)
    yield
    plt.close("all")
