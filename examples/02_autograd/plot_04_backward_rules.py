"""
The rules of ``backward()``
===========================

What ``backward()`` needs, what it does to ``.grad``, and how to stop autograd from
recording: the rules you meet as soon as you write a training loop.
"""

# %%
# ``backward()`` needs a scalar
# -----------------------------
# Called with no argument, ``backward()`` works only on a tensor with a single element,
# such as a scalar.
# On the 3x2 tensor ``z`` of the worked example it raises an error.
import torch

torch.manual_seed(0)
x = torch.ones(3, 2, requires_grad=True)
z = (x + 5) * (x + 5) + 1
try:
    z.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# sphinx_gallery_start_ignore
else:
    raise AssertionError("backward() on a non-scalar did not raise")
assert x.grad is None
# sphinx_gallery_end_ignore

# %%
# Why, and the ``gradient=`` argument
# -----------------------------------
# For an output with several elements, the derivatives form a matrix (the Jacobian),
# and ``backward(gradient=v)`` computes the weighted sum :math:`v^\top J` of its rows,
# one weight per output element. With ``v`` all ones, that is the gradient of
# ``z.sum()``: the same 12s as in the worked example.
z.backward(gradient=torch.ones_like(z))
print(x.grad)
# sphinx_gallery_start_ignore
assert bool((x.grad == 12).all())
# sphinx_gallery_end_ignore

# %%
# Gradients accumulate
# --------------------
# ``backward()`` *adds* to ``.grad``; it does not overwrite it. Compute the same output
# again and call ``backward()`` once more: the 12s become 24s.
t = ((x + 5) * (x + 5) + 1).sum()
t.backward()
print(x.grad)
# sphinx_gallery_start_ignore
assert bool((x.grad == 24).all())
# sphinx_gallery_end_ignore

# %%
# One backward pass per graph
# ---------------------------
# We computed ``t`` again rather than calling ``t.backward()`` twice, because a
# backward pass frees the values the graph saved for it: ``(x + 5) * (x + 5)`` saved
# both factors, since the derivative of a product needs them. A second call raises an
# error, unless the first was told to keep them with ``retain_graph=True``.
try:
    t.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# sphinx_gallery_start_ignore
else:
    raise AssertionError("a second backward() through the same graph did not raise")
assert bool((x.grad == 24).all())
# sphinx_gallery_end_ignore

# %%
# Only graphs that saved tensors are used up. Addition and ``sum`` need no saved
# values to compute their derivatives, so the graph of ``(x + 1).sum()`` can be
# backwarded twice: the second pass adds its ones to ``.grad`` like the first.
u = (x + 1).sum()
u.backward()
u.backward()
print(x.grad)
# sphinx_gallery_start_ignore
assert bool((x.grad == 26).all())
# sphinx_gallery_end_ignore

# %%
# Resetting ``.grad``
# -------------------
# Adding up lets you sum gradients over several backward passes (several batches of
# data, say), but a training step needs the gradient of that step alone. So reset it
# between backward passes: ``x.grad.zero_()`` fills it with zeros in place.
x.grad.zero_()
print(x.grad)
# sphinx_gallery_start_ignore
assert bool((x.grad == 0).all())
# sphinx_gallery_end_ignore

# %%
# Or set it to ``None``
# ---------------------
# ``x.grad = None`` drops the tensor instead, and the next backward pass creates a
# fresh one; PyTorch's optimizers do this by default in ``zero_grad()``. Either way,
# the next gradient is 12 again.
x.grad = None
((x + 5) * (x + 5) + 1).sum().backward()
print(x.grad)
# sphinx_gallery_start_ignore
assert bool((x.grad == 12).all())
# sphinx_gallery_end_ignore

# %%
# Switching recording off: ``torch.no_grad()``
# ---------------------------------------------
# Inside a ``with torch.no_grad():`` block autograd records nothing: results do not
# require gradients and have no ``grad_fn``. Use it for work that needs no gradients,
# such as evaluating a model or updating its parameters.
with torch.no_grad():
    doubled = x * 2
print(doubled.requires_grad, doubled.grad_fn)
# sphinx_gallery_start_ignore
assert not doubled.requires_grad
assert doubled.grad_fn is None
# sphinx_gallery_end_ignore

# %%
# Updating a leaf needs ``no_grad()``
# -----------------------------------
# A gradient-descent step changes a leaf in place. Autograd must record every change
# to a tensor that requires grad, and changing ``x`` in place would make it an
# operation's output instead of the leaf whose ``.grad`` collects gradients, so
# PyTorch refuses.
try:
    x -= 0.25 * x.grad
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# sphinx_gallery_start_ignore
else:
    raise AssertionError("an in-place update of a leaf was allowed")
# sphinx_gallery_end_ignore

# %%
# The same step under ``no_grad()``
# ---------------------------------
# Under ``torch.no_grad()`` nothing is recorded, so the update is allowed: ``x``
# stays a leaf that requires gradients, now holding :math:`1 - 0.25 \cdot 12 = -2`.
with torch.no_grad():
    x -= 0.25 * x.grad
print(x)
print(x.is_leaf)
# sphinx_gallery_start_ignore
assert bool((x == -2).all())
assert x.is_leaf
assert x.requires_grad
# sphinx_gallery_end_ignore

# %%
# Cutting a tensor from the graph: ``detach()``
# ---------------------------------------------
# ``x.detach()`` returns a tensor that shares ``x``'s memory but is cut off from the
# graph: it does not require gradients. A tensor that requires gradients cannot be
# turned into a NumPy array directly, for instance.
try:
    x.numpy()
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# sphinx_gallery_start_ignore
else:
    raise AssertionError("numpy() on a tensor that requires grad did not raise")
# sphinx_gallery_end_ignore

# %%
# Through ``detach()`` it can
# ---------------------------
# The detached tensor has the same values and the same memory, and no gradient
# tracking, so ``numpy()`` works.
detached = x.detach()
print(detached.requires_grad, detached.data_ptr() == x.data_ptr())
print(detached.numpy())
# sphinx_gallery_start_ignore
assert not detached.requires_grad
assert detached.data_ptr() == x.data_ptr()
# sphinx_gallery_end_ignore

# %%
# Why is ``.grad`` ``None``?
# --------------------------
# After ``backward()``, only *leaves* that require gradients have a ``.grad``: tensors
# made by you, not computed from others. Reading the ``.grad`` of a computed tensor
# gives ``None``, and PyTorch warns:
import warnings

leaf = torch.ones(2, requires_grad=True)
doubled = leaf * 2
doubled.sum().backward()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(leaf.grad, doubled.grad)
print(f"{caught[0].category.__name__}: {str(caught[0].message).split('. ')[0]}. ...")
# sphinx_gallery_start_ignore
assert leaf.grad is not None
assert len(caught) == 1
assert "is not a leaf Tensor" in str(caught[0].message)
# sphinx_gallery_end_ignore

# %%
# This is the usual cause of a ``None`` gradient: a parameter that is, without your
# noticing, the *result* of an operation. Two common ways to get one:
#
# - ``w = torch.randn(3, requires_grad=True) * 0.01``: the leaf is the unscaled
#   ``randn`` tensor; ``w`` is the product, so ``w.grad`` stays ``None``.
# - ``w = torch.randn(3, requires_grad=True).to(device)``: where ``.to`` copies (to a
#   GPU, or to another dtype), ``w`` is the copy, not the leaf. On the CPU,
#   ``.to("cpu")`` returns the tensor itself, so the bug only shows on a GPU;
#   ``.to(torch.float64)`` copies anywhere and shows the same thing.
#
# The fix is to finish computing the starting values first, then ask for gradients,
# with ``requires_grad_()`` (or make the tensor where it will live, with
# ``device=`` and ``dtype=``):
scaled = torch.randn(3, requires_grad=True) * 0.01
copied = torch.randn(3, requires_grad=True).to(torch.float64)
fixed = (torch.randn(3) * 0.01).requires_grad_()
for name, w in [("scaled", scaled), ("copied", copied), ("fixed", fixed)]:
    (w * 2).sum().backward()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the warning above, once per tensor
        print(f"{name:<7} is_leaf={w.is_leaf!s:<5} grad={w.grad}")
# sphinx_gallery_start_ignore
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    assert scaled.grad is None
    assert copied.grad is None
assert fixed.is_leaf
assert torch.equal(fixed.grad, torch.full((3,), 2.0))
# sphinx_gallery_end_ignore

# %%
# A detached tensor is a leaf that does not require gradients, so it never gets a
# ``.grad``, and a loss computed only from it cannot be backwarded at all.
cut = leaf.detach()
try:
    (cut * 2).sum().backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# sphinx_gallery_start_ignore
else:
    raise AssertionError("backward through a detached tensor did not raise")
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - ``backward()`` without arguments needs a single-element output; otherwise pass
#   ``gradient=``, the weights of a vector-Jacobian product.
# - Gradients accumulate in ``.grad``: reset them with ``.grad.zero_()`` or
#   ``.grad = None`` before each step.
# - A graph whose operations saved tensors (a product, say) supports one backward
#   pass unless ``retain_graph=True``; a graph that saved none can be backwarded again.
# - ``torch.no_grad()`` stops recording; ``detach()`` gives a tensor cut from the
#   graph that shares the same memory.
# - Only leaves keep ``.grad``: a ``None`` gradient usually means a parameter that is
#   the result of an operation (``* 0.01``, ``.to(...)``); make it, then
#   ``requires_grad_()``.
#
# Next: :ref:`sphx_glr_auto_examples_02_autograd_plot_05_exercises.py`.
