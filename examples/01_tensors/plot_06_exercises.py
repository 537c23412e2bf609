"""
Exercises: tensors
==================

Three short exercises on broadcasting, in-place operations and memory shared with
NumPy. Each one has a cell for your answer, ending with a check that tells you what is
still wrong, or that your answer is right. Try each one before opening its solution.
"""

# %%
# Setup
# -----
# The solutions use these imports and the usual seed. (``manual_seed`` returns the
# generator object; assigning it to ``_`` keeps it from being displayed.) The checkers
# come from :mod:`torchintro.exercises`: each computes the right answer itself and
# compares yours with it.
import numpy as np
import torch

from torchintro.exercises import check_double_safely, check_fill_shared, check_multiplication_table

_ = torch.manual_seed(0)

# %%
# Exercise 1: a multiplication table
# ----------------------------------
# Without a Python loop, make the 5x5 multiplication table: the tensor whose element
# :math:`(i, j)` is :math:`(i + 1)(j + 1)`. Hint: ``torch.arange`` gives the numbers 1
# to 5, ``.reshape(5, 1)`` turns them into a column, and broadcasting does the rest.
# Replace the ``...`` with your table; the check says what is still wrong:

# %%
table = ...
check_multiplication_table(table)

# %%
# **Solution**

# %%
numbers = torch.arange(1, 6)
# A (5, 1) column times a (5,) row broadcasts to (5, 5).
table = numbers.reshape(5, 1) * numbers
print(table)
# torch.outer computes the same table.
print(torch.equal(table, torch.outer(numbers, numbers)))
check_multiplication_table(table)

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
# What does ``print(prices)`` show afterwards, and why? Write ``double_safely``, which
# returns its tensor doubled and leaves the caller's tensor unchanged:


# %%
def double_safely(t):
    raise NotImplementedError  # your code here


check_double_safely(double_safely)

# %%
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
check_double_safely(double_safely)
# sphinx_gallery_start_ignore
assert double(torch.ones(1)).item() == 2.0
# sphinx_gallery_end_ignore

# %%
# Exercise 3: shared memory
# -------------------------
# Write ``fill_shared(readings, value)``: it makes a tensor that shares memory with the
# NumPy array ``readings``, sets every element to ``value`` with one in-place tensor
# operation, and returns the tensor, so that ``readings`` itself holds ``value``
# afterwards. Then: does a ``float32`` tensor made from ``readings`` share its memory
# too?


# %%
def fill_shared(readings, value):
    raise NotImplementedError  # your code here


check_fill_shared(fill_shared)

# %%
# **Solution**


# %%
def fill_shared(readings, value):
    shared = torch.from_numpy(readings)  # shares the array's memory
    shared.fill_(value)
    return shared


readings = np.zeros(4)
fill_shared(readings, 3.0)
print(readings)
check_fill_shared(fill_shared)

single = torch.from_numpy(readings).float()  # float64 -> float32 needs new memory: a copy
single[0] = -1.0
print(single)
print(readings)
# sphinx_gallery_start_ignore
assert readings.tolist() == [3.0, 3.0, 3.0, 3.0]
assert single.dtype == torch.float32
assert single.tolist() == [-1.0, 3.0, 3.0, 3.0]
# sphinx_gallery_end_ignore

# %%
# ``torch.from_numpy`` shares the array's memory, so filling the tensor fills the
# array. The ``float32`` tensor is a copy: NumPy stores ``float64``, and converting
# the dtype needs new memory, so changing it leaves ``readings`` alone.

# %%
# Up next
# -------
# Next: :ref:`sphx_glr_auto_examples_02_autograd_plot_01_requires_grad.py`, the first
# page of the Autograd gallery, where tensors record the operations done to them and
# compute gradients.
