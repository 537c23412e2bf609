"""
Tensors that require gradients
==============================

Autograd is PyTorch's automatic differentiation engine: it records the operations you
apply to tensors and computes gradients from that record. This page shows how to ask
for gradients of a tensor, and which tensors can have them.

It follows the Tensors gallery, which ended with
:ref:`sphx_glr_auto_examples_01_tensors_plot_06_exercises.py`.
"""

# %%
# Asking at creation
# ------------------
# Factory functions such as ``torch.randn``, ``torch.ones`` and ``torch.tensor`` take
# ``requires_grad=True``. From then on autograd records what is computed from the
# tensor, and the flag shows in its printout.
import torch

torch.manual_seed(0)
x = torch.randn(2, 2, requires_grad=True)
print(x)
# sphinx_gallery_start_ignore
assert x.requires_grad
assert x.shape == (2, 2)
# sphinx_gallery_end_ignore

# %%
# Off by default
# --------------
# A tensor made without the flag does not require gradients: autograd records nothing
# about it, which is what you want for data such as inputs and targets.
print(torch.ones(2, 2).requires_grad)
# sphinx_gallery_start_ignore
assert not torch.ones(2, 2).requires_grad
# sphinx_gallery_end_ignore

# %%
# A tensor from NumPy
# -------------------
# ``torch.from_numpy`` keeps the array's dtype and shares its memory. NumPy's default
# floating-point type is 64-bit, so this tensor is ``float64``, not PyTorch's default
# ``float32``.
import numpy as np

a = torch.from_numpy(np.array([1.0, 2.0, 3.0]))
print(a)
print(a.requires_grad)
# sphinx_gallery_start_ignore
assert a.dtype == torch.float64
assert not a.requires_grad
# sphinx_gallery_end_ignore

# %%
# Turning it on afterwards
# ------------------------
# ``requires_grad_()`` switches the flag on an existing tensor. Its trailing underscore
# is PyTorch's mark of an in-place method: it changes the tensor itself and returns
# that same tensor, not a copy.
same = a.requires_grad_(True)
print(a)
print(same is a)
# sphinx_gallery_start_ignore
assert a.requires_grad
assert same is a
# sphinx_gallery_end_ignore

# %%
# Only floating-point and complex tensors
# ---------------------------------------
# The original notebook says "Autograd only works on tensors of type float". More
# precisely, gradients need a floating-point or complex dtype of any width
# (``float16``, ``float32`` and ``float64`` all work), and integer tensors are refused:
# a gradient measures the effect of a small change, and an integer cannot change by a
# small amount.
try:
    torch.ones(2, dtype=torch.int64, requires_grad=True)
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# sphinx_gallery_start_ignore
else:
    raise AssertionError("an integer tensor was allowed to require grad")
# sphinx_gallery_end_ignore

# %%
# Any floating-point or complex dtype works
# -----------------------------------------
# The same call succeeds for other floating-point dtypes (``float32``, the default, we
# saw above) and for complex ones.
for dtype in (torch.float16, torch.float64, torch.complex64):
    print(dtype, torch.ones(2, dtype=dtype, requires_grad=True).requires_grad)
# sphinx_gallery_start_ignore
for dtype in (torch.float16, torch.float32, torch.float64, torch.complex64):
    assert torch.ones(2, dtype=dtype, requires_grad=True).requires_grad
# sphinx_gallery_end_ignore

# %%
# Converting integers first
# -------------------------
# To differentiate with respect to integer data, convert it to floating point first.
# ``.float()`` returns a new ``float32`` tensor, which can then require gradients.
counts = torch.arange(3)
print(counts)
print(counts.float().requires_grad_())
# sphinx_gallery_start_ignore
assert counts.dtype == torch.int64
assert counts.float().requires_grad_().requires_grad
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - ``requires_grad=True`` at creation, or ``requires_grad_()`` afterwards, asks
#   autograd to track a tensor; tensors do not require gradients by default.
# - A trailing underscore marks an in-place method, which returns the tensor itself.
# - ``torch.from_numpy`` keeps NumPy's dtype, usually ``float64``.
# - Only floating-point and complex tensors can require gradients.
#
# Next: :ref:`sphx_glr_auto_examples_02_autograd_plot_02_computational_graph.py`, the
# graph autograd records as you compute.
