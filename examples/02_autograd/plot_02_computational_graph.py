"""
The computational graph
=======================

While you compute with tensors that require gradients, autograd records each operation
in a graph, and ``backward()`` walks that graph from the output back to the inputs. This
page draws the real graph PyTorch builds, before and after ``backward()``, and shows that
it is built anew every time the code runs.
"""

# %%
# A product of two tensors
# ------------------------
# Two scalars that require gradients and their product. The product's printout names
# the operation that made it: ``grad_fn=<MulBackward0>``.
import torch

torch.manual_seed(0)
x = torch.tensor(2.0, requires_grad=True)
y = torch.tensor(3.0, requires_grad=True)
z = x * y
print(z)
# sphinx_gallery_start_ignore
assert z.item() == 6.0
assert z.grad_fn.name() == "MulBackward0"
# sphinx_gallery_end_ignore

# %%
# Drawing the graph
# -----------------
# :func:`torchintro.trace_graph` walks the graph from ``z`` back to its inputs, and
# :func:`torchintro.draw_graph` draws it. The blue boxes are the tensors we created,
# the graph's *leaves* (``shape ()``: scalars); the orange box is the multiplication
# that made ``z``, named as in its printout. The arrows point down, the way the values
# flowed.
import matplotlib.pyplot as plt

from torchintro import draw_graph, trace_graph

names = {"x": x, "y": y, "z": z}
ax = draw_graph(trace_graph(z, names=names), orientation="vertical")
ax.set_title("Forward graph of z = x * y")
plt.show()
# sphinx_gallery_start_ignore
assert [text.get_text() for text in ax.texts if text.get_text()] == [
    "z\nMulBackward0",
    "x\nleaf · shape ()",
    "y\nleaf · shape ()",
]
assert [node.function for node in trace_graph(z).nodes] == [
    "MulBackward0",
    "AccumulateGrad",
    "AccumulateGrad",
]
# sphinx_gallery_end_ignore

# %%
# What each tensor holds
# ----------------------
# Besides its values (the data), a tensor in the graph carries ``requires_grad``;
# ``grad``, which stays ``None`` until ``backward()`` runs on something computed from
# it; and ``grad_fn``, the backward function of the operation that made it.
print("x.requires_grad:", x.requires_grad)
print("x.grad:", x.grad)
print("x.grad_fn:", x.grad_fn)
print("z.requires_grad:", z.requires_grad)
print("z.grad_fn:", z.grad_fn.name())
# sphinx_gallery_start_ignore
assert x.requires_grad
assert x.grad is None
assert x.grad_fn is None
assert z.requires_grad
assert z.grad_fn.name() == "MulBackward0"
# sphinx_gallery_end_ignore

# %%
# Leaves and results
# ------------------
# ``x`` and ``y`` have no ``grad_fn``: we created them, no operation did. Such tensors
# are the graph's *leaves*, and only leaves that require grad get ``.grad`` filled in
# by ``backward()``; ``z`` is an intermediate result (call ``retain_grad()`` on an
# intermediate tensor to keep its gradient too).
print(x.is_leaf, y.is_leaf, z.is_leaf)
# sphinx_gallery_start_ignore
assert x.is_leaf
assert y.is_leaf
assert not z.is_leaf
# sphinx_gallery_end_ignore

# %%
# Following ``grad_fn`` backwards
# -------------------------------
# Each backward function lists the nodes of its inputs in ``next_functions``. A leaf
# appears there as an ``AccumulateGrad`` node, whose one job is to add the gradient it
# receives to that leaf's ``.grad``.
for function, _ in z.grad_fn.next_functions:
    print(type(function).__name__, "of", function.variable)
# sphinx_gallery_start_ignore
assert [type(function).__name__ for function, _ in z.grad_fn.next_functions] == [
    "AccumulateGrad",
    "AccumulateGrad",
]
assert z.grad_fn.next_functions[0][0].variable is x
assert z.grad_fn.next_functions[1][0].variable is y
# sphinx_gallery_end_ignore

# %%
# Running ``backward()``
# ----------------------
# ``z.backward()`` computes the derivative of ``z`` with respect to every leaf and
# stores it in the leaf's ``.grad``. For :math:`z = xy`,
# :math:`\partial z / \partial x = y = 3` and :math:`\partial z / \partial y = x = 2`.
# Calling ``z.retain_grad()`` first keeps ``z``'s own gradient as well:
# :math:`\partial z / \partial z = 1`, where the backward pass starts.
z.retain_grad()
z.backward()
print(x.grad, y.grad)
print(z.grad)
# sphinx_gallery_start_ignore
assert x.grad.item() == 3.0
assert y.grad.item() == 2.0
assert z.retains_grad
assert z.grad.item() == 1.0
# sphinx_gallery_end_ignore

# %%
# The backward graph
# ------------------
# With ``direction="backward"`` the arrows show the gradient's path, upwards: from
# ``z`` through ``MulBackward0`` into each leaf's ``AccumulateGrad`` node. Drawn this
# way, the leaf boxes name that node and show the gradient it stored in ``.grad``.
graph = trace_graph(z, names=names)
ax = draw_graph(
    graph,
    direction="backward",
    show_grad=True,
    orientation="vertical",
)
ax.set_title("Backward graph of z = x * y")
plt.show()
# sphinx_gallery_start_ignore
assert [text.get_text() for text in ax.texts if text.get_text()][1:] == [
    "x\nAccumulateGrad\nshape ()\ngrad: 3",
    "y\nAccumulateGrad\nshape ()\ngrad: 2",
]
# sphinx_gallery_end_ignore

# %%
# A graph for every run
# ---------------------
# PyTorch builds the graph while your Python code runs, so loops and ``if`` statements
# shape it. This function halves its input until its absolute value is at most 1: how
# many divisions it records depends on the value it gets.


def halve_until_small(value):
    while value.abs() > 1:
        value = value / 2
    return value


three = torch.tensor(3.0, requires_grad=True)
ten = torch.tensor(10.0, requires_grad=True)
small_three = halve_until_small(three)
small_ten = halve_until_small(ten)
print(small_three)
print(small_ten)
# sphinx_gallery_start_ignore
assert small_three.item() == 0.75
assert small_ten.item() == 0.625
# sphinx_gallery_end_ignore

# %%
# The graph of the first run
# ---------------------------
# Starting from 3 took two divisions. Each divides by the plain number 2, an input
# that needs no gradient: autograd records it only as ``None``, drawn as a grey
# "constant" box.
graph = trace_graph(small_three, names={"three": three})
ax = draw_graph(graph, orientation="vertical")
ax.set_title("Graph recorded for halve_until_small(3)")
plt.show()
# sphinx_gallery_start_ignore
functions = [node.function for node in trace_graph(small_three).nodes]
assert functions.count("DivBackward0") == 2
assert [node.kind for node in graph.nodes].count("constant") == 2
assert functions.count("None") == 2
# sphinx_gallery_end_ignore

# %%
# The graph of the second run
# ---------------------------
# Starting from 10 took four divisions: the same code recorded a longer graph.
graph = trace_graph(small_ten, names={"ten": ten})
ax = draw_graph(graph, orientation="vertical")
ax.set_title("Graph recorded for halve_until_small(10)")
plt.show()
# sphinx_gallery_start_ignore
functions = [node.function for node in trace_graph(small_ten).nodes]
assert functions.count("DivBackward0") == 4
# sphinx_gallery_end_ignore

# %%
# Each graph gives its own gradient
# ---------------------------------
# ``backward()`` follows the graph that was recorded: the first run computed
# :math:`x / 4`, the second :math:`x / 16`, so the gradients are 0.25 and 0.0625.
small_three.backward()
small_ten.backward()
print(three.grad, ten.grad)
# sphinx_gallery_start_ignore
assert three.grad.item() == 0.25
assert ten.grad.item() == 0.0625
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - Autograd records every operation on tensors that require gradients in a graph;
#   :func:`torchintro.trace_graph` and :func:`torchintro.draw_graph` show it.
# - A tensor carries its data, ``requires_grad``, ``grad`` (``None`` until a backward
#   pass reaches it) and ``grad_fn`` (``None`` for leaves, the tensors we created).
# - ``next_functions`` links each node to its inputs' nodes; ``AccumulateGrad`` stores
#   a leaf's gradient in ``.grad``. Intermediate results keep theirs only after
#   ``retain_grad()``.
# - The graph is rebuilt on every run, so Python control flow decides its shape.
#
# Next: :ref:`sphx_glr_auto_examples_02_autograd_plot_03_worked_example.py`, a
# gradient worked out by autograd and by hand.
