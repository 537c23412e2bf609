"""
A worked example
================

The original notebook's example: a few operations on a 3x2 tensor, summed to a single
number, then differentiated. We let autograd compute the gradient, work it out by hand
with the chain rule, and check that the two agree.
"""

# %%
# The input
# ---------
# A 3x2 tensor of ones that requires gradients: the leaf we differentiate with respect
# to.
import torch

torch.manual_seed(0)
x = torch.ones(3, 2, requires_grad=True)
print(x)
# sphinx_gallery_start_ignore
assert x.shape == (3, 2)
assert bool((x == 1).all())
assert x.requires_grad
# sphinx_gallery_end_ignore

# %%
# Adding 5
# --------
# Every element becomes 6. The result carries ``grad_fn=<AddBackward0>``: autograd
# recorded the addition.
y = x + 5
print(y)
# sphinx_gallery_start_ignore
assert bool((y == 6).all())
assert y.grad_fn.name() == "AddBackward0"
# sphinx_gallery_end_ignore

# %%
# Squaring and adding 1
# ---------------------
# :math:`6^2 + 1 = 37` in every element. The last operation was the addition, so that
# is the ``grad_fn`` shown; the multiplication sits one step further back in the graph.
z = y * y + 1
print(z)
# sphinx_gallery_start_ignore
assert bool((z == 37).all())
assert z.grad_fn.name() == "AddBackward0"
# sphinx_gallery_end_ignore

# %%
# Summing to one number
# ---------------------
# The sum of six elements equal to 37 is :math:`6 \cdot 37 = 222`. ``z.sum()`` and
# ``torch.sum(z)`` are the same operation.
t = z.sum()
print(t)
# sphinx_gallery_start_ignore
assert t.item() == 222.0
assert t.grad_fn.name() == "SumBackward0"
assert str(t) == "tensor(222., grad_fn=<SumBackward0>)"
# sphinx_gallery_end_ignore

# %%
# The graph
# ---------
# :func:`torchintro.draw_graph` shows the whole record, from the leaf ``x`` on the left
# to ``t`` on the right; ``y`` feeds the multiplication twice (``y * y``), hence two
# arrows. The grey boxes stand for inputs that need no gradient, here the plain numbers
# 5 and 1: autograd records them only as ``None``, so their values do not show.
import matplotlib.pyplot as plt

from torchintro import draw_graph, trace_graph

names = {"x": x, "y": y, "z": z, "t": t}
fig, ax = plt.subplots(figsize=(7, 3.2), layout="constrained")
draw_graph(trace_graph(t, names=names), ax)
ax.set_title("Forward graph of t = sum((x + 5) * (x + 5) + 1)")
plt.show()
# sphinx_gallery_start_ignore
assert [node.kind for node in trace_graph(t).nodes].count("constant") == 2
assert {y.grad_fn.next_functions[1][0], z.grad_fn.next_functions[1][0]} == {None}
assert [node.function for node in trace_graph(t).nodes if node.kind == "operation"] == [
    "SumBackward0",
    "AddBackward0",
    "MulBackward0",
    "AddBackward0",
]
graph = trace_graph(t, names=names)
index = {node.name or node.function: node.index for node in graph.nodes}
assert graph.edges.count((index["y"], index["MulBackward0"])) == 2
# sphinx_gallery_end_ignore

# %%
# Differentiating
# ---------------
# ``t.backward()`` sends the gradient back through the graph and stores
# :math:`\partial t / \partial x` in ``x.grad``: a 3x2 tensor of 12s.
t.backward()
print(x.grad)
# sphinx_gallery_start_ignore
assert x.grad.shape == (3, 2)
assert bool((x.grad == 12).all())
# sphinx_gallery_end_ignore

# %%
# By hand
# -------
# Each element :math:`x_{ij}` appears in exactly one term of the sum:
#
# .. math::
#
#    t = \sum_{i,j} \left( (x_{ij} + 5)^2 + 1 \right),
#    \qquad
#    \frac{\partial t}{\partial x_{ij}} = 2 (x_{ij} + 5) = 2 \cdot 6 = 12
#    \quad \text{at } x_{ij} = 1.
#
# Autograd applies the same chain rule, one node at a time: the sum passes 1 to each
# element of ``z``, the addition of 1 passes it on unchanged, each of the two arrows
# into ``y * y`` carries :math:`y = 6`, giving :math:`2y = 12`, and the addition of 5
# passes that on to ``x``. The formula agrees with ``x.grad`` everywhere:
print(torch.equal(x.grad, 2 * (x + 5)))
# sphinx_gallery_start_ignore
assert torch.equal(x.grad, 2 * (x + 5))
# sphinx_gallery_end_ignore

# %%
# The gradient in the graph
# -------------------------
# Drawn backwards, the arrows run from ``t`` to the leaf, whose box names its
# ``AccumulateGrad`` node and shows the gradient it stored; the lines to the constants
# are dashed, without arrowheads, as no gradient flows to them. Only the leaf keeps a
# gradient: autograd computed those of ``y`` and ``z`` on the way but did not store
# them (call ``y.retain_grad()`` before ``backward()`` to keep ``y``'s).
graph = trace_graph(t, names=names)
fig, ax = plt.subplots(figsize=(7, 3.2), layout="constrained")
draw_graph(graph, ax, direction="backward", show_grad=True)
ax.set_title("Backward graph of t, with the gradient of x")
plt.show()
# sphinx_gallery_start_ignore
dashed = [
    text.arrowprops["arrowstyle"] == "-" and text.arrow_patch.get_linestyle() == "--"
    for text in ax.texts
    if not text.get_text()
]
assert dashed == [
    "constant" in (graph.nodes[source].kind, graph.nodes[target].kind)
    for source, target in graph.edges
]
assert sum(dashed) == 2
assert [node.name for node in trace_graph(t, names=names).leaves] == ["x"]
assert bool((trace_graph(t).leaves[0].grad == 12).all())
# sphinx_gallery_end_ignore


# %%
# Checking a hand-written gradient numerically
# --------------------------------------------
# Working a gradient out by hand, as above, is error-prone; so is writing one in code.
# ``torch.autograd.gradcheck`` compares the gradients autograd computes with
# finite differences, :math:`(f(x + \epsilon) - f(x - \epsilon)) / 2\epsilon`, element by
# element. It needs ``float64`` inputs: in ``float32`` the finite differences are too
# inexact to compare with. Here it checks a function whose backward we write ourselves,
# as a ``torch.autograd.Function``: :math:`f(x) = x^3`, with derivative :math:`3x^2`.
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 3 * x**2


class WrongCube(Cube):
    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 2 * x**2  # a slip: 2 instead of 3


point = torch.randn(4, dtype=torch.float64, requires_grad=True)
print("Cube:", torch.autograd.gradcheck(Cube.apply, (point,)))
try:
    torch.autograd.gradcheck(WrongCube.apply, (point,))
except RuntimeError as error:
    print(f"WrongCube: {type(error).__name__}: {str(error).splitlines()[0]}")
# sphinx_gallery_start_ignore
assert torch.autograd.gradcheck(Cube.apply, (point,))
assert not torch.autograd.gradcheck(WrongCube.apply, (point,), raise_exception=False)
# sphinx_gallery_end_ignore

# %%
# The correct backward passes; the wrong one raises a ``GradcheckError`` (a kind of
# ``RuntimeError``) whose message
# goes on to print both Jacobians, the numerical and the analytical one, side by side.
# ``gradcheck(..., raise_exception=False)`` returns ``False`` instead.

# %%
# What we learned
# ---------------
# - ``t.backward()`` fills ``x.grad`` with :math:`\partial t / \partial x`, of the same
#   shape as ``x``: here 12 in every element.
# - Autograd applies the chain rule node by node through the recorded graph; a tensor
#   used twice (``y * y``) receives a contribution along each use.
# - Only leaves that require grad keep their gradients in ``.grad`` (intermediate
#   results too, after ``retain_grad()``); constants such as 5 and 1 receive none.
# - ``torch.autograd.gradcheck`` checks gradients against finite differences, on
#   ``float64`` inputs.
#
# Next: :ref:`sphx_glr_auto_examples_02_autograd_plot_04_backward_rules.py`: scalar
# outputs, accumulating gradients, and switching autograd off.
