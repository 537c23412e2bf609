"""
Exercises: tensors
==================

Three short exercises on broadcasting, in-place operations and memory shared with
NumPy. Try each one before opening its solution.
"""

# %%
# Setup
# -----
# The solutions use these imports and the usual seed. (``manual_seed`` returns the
# generator object; assigning it to ``_`` keeps it from being displayed.)
import numpy as np
import torch

_ = torch.manual_seed(0)

# %%
# Exercise 1: a multiplication table
# ----------------------------------
# Without a Python loop, make the 5x5 multiplication table: the tensor whose element
# :math:`(i, j)` is :math:`(i + 1)(j + 1)`. Hint: ``torch.arange`` gives the numbers 1
# to 5, ``.reshape(5, 1)`` turns them into a column, and broadcasting does the rest.
#
# **Solution**

# %%
numbers = torch.arange(1, 6)
# A (5, 1) column times a (5,) row broadcasts to (5, 5).
table = numbers.reshape(5, 1) * numbers
print(table)
# torch.outer computes the same table.
print(torch.equal(table, torch.outer(numbers, numbers)))
# sphinx_gallery_start_ignore
assert table.shape == (5, 5)
assert all(table[i, j].item() == (i + 1) * (j + 1) for i in range(5) for j in range(5))
assert torch.equal(table, torch.outer(numbers, numbers))
# sphinx_gallery_end_ignore

# %%
# Exercise 2: the in-place trap
# -----------------------------
# This function is meant to return doubled prices::
#
#     def double(t):
#         t *= 2
#         return t
#
#     prices = torch.tensor([1.0, 2.0, 3.0])
#     doubled = double(prices)
#
# What does ``print(prices)`` show afterwards, and why? Rewrite ``double`` so that the
# caller's tensor stays unchanged.
#
# **Solution**


# %%
def double(t):
    t *= 2  # in place: changes the very tensor the caller passed in
    return t


prices = torch.tensor([1.0, 2.0, 3.0])
doubled = double(prices)
print(prices)  # doubled too
print(doubled is prices)  # one tensor, two names


def double_safely(t):
    return t * 2  # out of place: a new tensor


prices = torch.tensor([1.0, 2.0, 3.0])
doubled = double_safely(prices)
print(prices)
print(doubled)
# sphinx_gallery_start_ignore
assert double(torch.ones(1)).item() == 2.0
assert torch.equal(prices, torch.tensor([1.0, 2.0, 3.0]))
assert torch.equal(doubled, torch.tensor([2.0, 4.0, 6.0]))
assert doubled is not prices
# sphinx_gallery_end_ignore

# %%
# Exercise 3: shared memory
# -------------------------
# Start from ``readings = np.zeros(4)``. Make a tensor that shares memory with
# ``readings`` and set every reading to 3 with one in-place tensor operation. Then make
# a ``float32`` tensor from ``readings`` and check that changing it leaves
# ``readings`` alone.
#
# **Solution**

# %%
readings = np.zeros(4)
shared = torch.from_numpy(readings)  # shares the array's memory
shared.fill_(3)
print(readings)

single = shared.float()  # float64 -> float32 needs new memory: a copy
single[0] = -1.0
print(single)
print(readings)
# sphinx_gallery_start_ignore
assert readings.tolist() == [3.0, 3.0, 3.0, 3.0]
assert single.dtype == torch.float32
assert single.tolist() == [-1.0, 3.0, 3.0, 3.0]
# sphinx_gallery_end_ignore

# %%
# Up next
# -------
# Next: :ref:`sphx_glr_auto_examples_02_autograd_plot_01_requires_grad.py`, the first
# page of the Autograd gallery, where tensors record the operations done to them and
# compute gradients.
