"""Helpers for the torchintro tutorial: devices, toy data, regression fits, autograd graphs, timing."""

from importlib.metadata import version

from torchintro.bench import (
    CopyTiming,
    MatmulTiming,
    matmul_gflops,
    sweep_matmul,
    time_copy_to_device,
    time_matmul,
)
from torchintro.data import make_linear_data, make_notebook_sample
from torchintro.devices import (
    available_devices,
    describe_device,
    select_device,
    synchronize,
)
from torchintro.graph import ComputationGraph, GraphNode, draw_graph, trace_graph
from torchintro.regression import (
    DivergedError,
    FitResult,
    fit_gradient_descent,
    fit_least_squares,
    fit_notebook_problem,
    fit_sgd,
)

__version__ = version("torchintro")

__all__ = [
    "ComputationGraph",
    "CopyTiming",
    "DivergedError",
    "FitResult",
    "GraphNode",
    "MatmulTiming",
    "__version__",
    "available_devices",
    "describe_device",
    "draw_graph",
    "fit_gradient_descent",
    "fit_least_squares",
    "fit_notebook_problem",
    "fit_sgd",
    "make_linear_data",
    "make_notebook_sample",
    "matmul_gflops",
    "select_device",
    "sweep_matmul",
    "synchronize",
    "time_copy_to_device",
    "time_matmul",
    "trace_graph",
]
