"""
Tensors and NumPy arrays
========================

PyTorch converts to and from NumPy cheaply, because a CPU tensor and a NumPy array can
share one block of memory. This page shows which conversions share and which copy,
and why the original notebook's tensor made from NumPy had ``dtype=torch.float64``.
"""

# %%
# ``torch.from_numpy`` shares memory
# ----------------------------------
# ``torch.from_numpy`` wraps the array's memory in a tensor without copying it. Change
# the array, and the tensor shows the change: there is only one set of numbers. (Its
# ``dtype=torch.float64`` is explained further down.)
import numpy as np
import torch

torch.manual_seed(0)
array = np.array([1.0, 2.0, 3.0])
shared = torch.from_numpy(array)
array[0] = 100.0
print(shared)
# sphinx_gallery_start_ignore
assert shared[0].item() == 100.0
assert np.shares_memory(array, shared.numpy())
# sphinx_gallery_end_ignore

# %%
# It works both ways
# ------------------
# Changing the tensor in place changes the array, and the two report the same address
# for their first element.
shared.mul_(2)
print(array)
print(shared.data_ptr() == array.ctypes.data)
# sphinx_gallery_start_ignore
assert array.tolist() == [200.0, 4.0, 6.0]
assert shared.data_ptr() == array.ctypes.data
# sphinx_gallery_end_ignore

# %%
# ``.numpy()`` shares memory too
# ------------------------------
# Going the other way, ``tensor.numpy()`` returns an array that views the CPU tensor's
# memory. A tensor on a GPU has to be copied to the CPU first, with ``.cpu()``.
tensor = torch.zeros(3)
view = tensor.numpy()
tensor[1] = 5.0
print(view)
# sphinx_gallery_start_ignore
assert view.tolist() == [0.0, 5.0, 0.0]
assert np.shares_memory(view, tensor.numpy())
# sphinx_gallery_end_ignore

# %%
# ``torch.tensor`` copies
# -----------------------
# ``torch.tensor(array)`` always copies the data into new memory. Later changes to the
# array do not reach the copy.
array = np.array([1.0, 2.0, 3.0])
copied = torch.tensor(array)
array[0] = 100.0
print(copied)
# sphinx_gallery_start_ignore
assert copied.tolist() == [1.0, 2.0, 3.0]
assert copied.data_ptr() != array.ctypes.data
# sphinx_gallery_end_ignore

# %%
# The dtype comes along
# ---------------------
# NumPy makes floating-point arrays of type ``float64`` by default, PyTorch
# ``float32``. A tensor made from an array keeps the array's dtype, which is why the
# notebook's ``torch.from_numpy(np.array([1., 2., 3.]))`` printed
# ``dtype=torch.float64``. PyTorch leaves the dtype out of a printed tensor when it is
# the default floating-point dtype (``float32`` unless changed), ``int64`` or ``bool``:
# the dtypes it would pick itself for floats, integers and truth values.
print(np.array([1.0, 2.0, 3.0]).dtype)
print(torch.from_numpy(np.array([1.0, 2.0, 3.0])))
print(torch.tensor([1.0, 2.0, 3.0]))
print(torch.tensor([1, 2, 3]), torch.tensor([1, 2, 3], dtype=torch.int32))
print(torch.tensor([True, False]))
# sphinx_gallery_start_ignore
assert np.array([1.0, 2.0, 3.0]).dtype == np.float64
assert torch.from_numpy(np.array([1.0, 2.0, 3.0])).dtype == torch.float64
assert torch.tensor([1.0, 2.0, 3.0]).dtype == torch.float32
assert "dtype" not in repr(torch.tensor([1.0, 2.0, 3.0]))
# sphinx_gallery_end_ignore

# %%
# Mixed dtypes promote
# --------------------
# Combining a ``float32`` tensor with a ``float64`` one gives ``float64``, so a single
# tensor from NumPy can quietly turn a whole computation into double precision.
mixed = torch.ones(3) + torch.from_numpy(np.ones(3))
print(mixed.dtype)
# sphinx_gallery_start_ignore
assert mixed.dtype == torch.float64
# sphinx_gallery_end_ignore

# %%
# Converting to ``float32``
# -------------------------
# Ask for ``float32`` when converting, with ``torch.tensor(array, dtype=torch.float32)``
# or ``torch.from_numpy(array).float()``. A new dtype needs new memory, so both make a
# copy: the result no longer shares memory with the array.
single = torch.from_numpy(array).float()
print(single)
print(single.data_ptr() == array.ctypes.data)
# sphinx_gallery_start_ignore
assert single.dtype == torch.float32
assert torch.tensor(array, dtype=torch.float32).dtype == torch.float32
assert single.data_ptr() != array.ctypes.data
# sphinx_gallery_end_ignore

# %%
# Tensors that require grad
# -------------------------
# ``.numpy()`` refuses a tensor that requires grad, because NumPy cannot record
# operations for autograd. ``.detach()`` first gives a tensor that shares the memory
# but is outside the graph, as the error message suggests.
weights = torch.ones(3, requires_grad=True)
try:
    weights.numpy()
    # sphinx_gallery_start_ignore
    raise AssertionError(".numpy() on a tensor that requires grad should fail")
    # sphinx_gallery_end_ignore
except RuntimeError as error:
    print(f"RuntimeError: {error}")
    # sphinx_gallery_start_ignore
    assert "detach().numpy()" in str(error)  # noqa: PT017
    # sphinx_gallery_end_ignore
print(weights.detach().numpy())
# sphinx_gallery_start_ignore
assert weights.detach().data_ptr() == weights.data_ptr()
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - ``torch.from_numpy(array)`` and ``tensor.numpy()`` share memory with their source
#   (CPU tensors only): a change through either name shows in both.
# - ``torch.tensor(array)`` copies, and so does any conversion that changes the dtype.
# - Tensors from NumPy arrays keep NumPy's default ``float64``; convert with ``.float()``
#   where PyTorch's ``float32`` is wanted.
#
# Next: :ref:`sphx_glr_auto_examples_01_tensors_plot_06_exercises.py`, three short
# exercises on this gallery.
