"""
Creating tensors
================

A tensor is PyTorch's n-dimensional array of numbers. This page creates tensors the
ways the original notebook did and a few more, and reads the three attributes every
tensor carries: its ``shape``, its ``dtype`` (the type of its elements) and its
``device`` (where its memory lives).
"""

# %%
# Filled with ones or zeros
# -------------------------
# ``torch.ones`` and ``torch.zeros`` take the shape as arguments: ``3, 2`` means three
# rows and two columns. We also seed the random number generator once here, so the
# random tensors further down print the same numbers on every run, yours included.
import torch

torch.manual_seed(0)
ones = torch.ones(3, 2)
zeros = torch.zeros(3, 2)
print(ones)
print(zeros)
# sphinx_gallery_start_ignore
assert ones.shape == (3, 2)
assert bool((ones == 1).all())
assert zeros.shape == (3, 2)
assert bool((zeros == 0).all())
# sphinx_gallery_end_ignore

# %%
# Shape, dtype and device
# -----------------------
# Every tensor knows its shape (a ``torch.Size``, which behaves like a tuple), the type
# of its elements and the device that holds its memory. Unless told otherwise, PyTorch
# makes floating-point tensors of type ``torch.float32`` on the CPU.
print(ones.shape)
print(ones.dtype)
print(ones.device)
# sphinx_gallery_start_ignore
assert ones.shape == torch.Size([3, 2])
assert ones.dtype == torch.float32
assert ones.device == torch.device("cpu")
# sphinx_gallery_end_ignore

# %%
# Random tensors
# --------------
# ``torch.rand`` draws each element uniformly from :math:`[0, 1)` and ``torch.randn``
# from the standard normal distribution. Because we seeded the generator above, these
# are the same numbers every time this page is built; the
# :ref:`next page <sphx_glr_auto_examples_01_tensors_plot_02_random_tensors.py>` looks at
# the two distributions closely.
uniform = torch.rand(3, 2)
normal = torch.randn(3, 2)
print(uniform)
print(normal)
# sphinx_gallery_start_ignore
assert uniform.shape == normal.shape == (3, 2)
assert bool(((uniform >= 0) & (uniform < 1)).all())
# sphinx_gallery_end_ignore

# %%
# From Python data
# ----------------
# ``torch.tensor`` copies nested Python lists into a new tensor and infers the dtype
# from the data: whole numbers give ``torch.int64``, numbers with a decimal point give
# ``torch.float32``.
counts = torch.tensor([[1, 2, 3], [4, 5, 6]])
weights = torch.tensor([0.5, 1.5])
print(counts, counts.dtype)
print(weights, weights.dtype)
# sphinx_gallery_start_ignore
assert counts.shape == (2, 3)
assert counts.dtype == torch.int64
assert weights.dtype == torch.float32
# sphinx_gallery_end_ignore

# %%
# Ranges and constants
# --------------------
# ``torch.arange(start, end, step)`` counts from ``start`` up to, but not including,
# ``end``, like Python's ``range``. ``torch.full`` fills a shape with one value; write
# ``7.0`` rather than ``7`` if you want floats, because the dtype follows the value.
print(torch.arange(5))
print(torch.arange(0, 1, 0.25))
print(torch.full((2, 3), 7.0))
print(torch.full((2, 3), 7).dtype)
# sphinx_gallery_start_ignore
assert torch.equal(torch.arange(5), torch.tensor([0, 1, 2, 3, 4]))
assert torch.equal(torch.arange(0, 1, 0.25), torch.tensor([0.0, 0.25, 0.5, 0.75]))
assert bool((torch.full((2, 3), 7.0) == 7).all())
assert torch.full((2, 3), 7).dtype == torch.int64
# sphinx_gallery_end_ignore

# %%
# Choosing the dtype yourself
# ---------------------------
# Creation functions such as ``torch.zeros`` take a ``dtype=`` keyword, and ``.to``
# converts an existing tensor into a new one of another dtype.
int_zeros = torch.zeros(2, 2, dtype=torch.int64)
doubles = int_zeros.to(torch.float64)
print(int_zeros)
print(doubles)
# sphinx_gallery_start_ignore
assert int_zeros.dtype == torch.int64
assert doubles.dtype == torch.float64
# sphinx_gallery_end_ignore

# %%
# Shaped like another tensor
# --------------------------
# ``torch.zeros_like(a)`` returns zeros with the shape, dtype and device of ``a``, so
# you need not spell them out again. Here ``a`` holds integers, and so do its zeros.
a = torch.arange(6).reshape(2, 3)
a_zeros = torch.zeros_like(a)
print(a_zeros)
print(a_zeros.shape, a_zeros.dtype, a_zeros.device)
# sphinx_gallery_start_ignore
assert a_zeros.shape == a.shape
assert a_zeros.dtype == a.dtype == torch.int64
assert a_zeros.device == a.device
assert bool((a_zeros == 0).all())
# sphinx_gallery_end_ignore

# %%
# ``torch.empty``: memory without initial values
# ----------------------------------------------
# ``torch.empty`` allocates memory for the tensor but does not write to it, so its
# elements are whatever bytes that memory last held: zeros, leftovers of an earlier
# tensor, anything. That is why we print only its shape and dtype here; its values
# could differ from one run to the next.
buffer = torch.empty(2, 3)
print(buffer.shape, buffer.dtype)
# sphinx_gallery_start_ignore
assert buffer.shape == (2, 3)
assert buffer.dtype == torch.float32
# sphinx_gallery_end_ignore

# %%
# When ``empty`` is the right choice
# ----------------------------------
# Skipping initialisation saves work only when every element is about to be
# overwritten anyway. In-place methods such as ``fill_`` and ``uniform_`` (their
# trailing underscore means "change this tensor") do exactly that, so these results
# are fully determined: the second draws uniformly from :math:`[-1, 1)`.
halves = torch.empty(2, 3).fill_(0.5)
print(halves)
spread = torch.empty(2, 3).uniform_(-1, 1)
print(spread)
# sphinx_gallery_start_ignore
assert bool((halves == 0.5).all())
assert bool(((spread >= -1) & (spread < 1)).all())
# sphinx_gallery_end_ignore

# %%
# All three attributes at a glance
# --------------------------------
# A table of the tensors on this page. All of them live on the CPU because we never
# asked for another device; a later gallery puts tensors on an accelerator.
tensors = {
    "ones": ones,
    "uniform": uniform,
    "counts": counts,
    "arange(5)": torch.arange(5),
    "a_zeros": a_zeros,
    "int_zeros": int_zeros,
    "doubles": doubles,
    "halves": halves,
}
for name, tensor in tensors.items():
    shape, dtype = str(tuple(tensor.shape)), str(tensor.dtype)
    print(f"{name:10} {shape:8} {dtype:14} {tensor.device}")
# sphinx_gallery_start_ignore
assert all(tensor.device.type == "cpu" for tensor in tensors.values())
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - ``ones``, ``zeros``, ``full``, ``rand``, ``randn`` and ``empty`` take a shape;
#   ``tensor`` takes data, ``arange`` a range, ``zeros_like`` another tensor.
# - Every tensor has a ``shape``, a ``dtype`` (``float32`` by default for floats,
#   ``int64`` for whole numbers) and a ``device`` (the CPU by default).
# - ``torch.empty`` skips initialisation: use it only when you will overwrite every
#   element, and never read it before that.
#
# Next: :ref:`sphx_glr_auto_examples_01_tensors_plot_02_random_tensors.py`, where
# ``rand`` and ``randn`` are drawn many times and compared with their distributions.
