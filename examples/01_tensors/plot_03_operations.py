"""
Operations on tensors
=====================

Tensors can be multiplied as matrices or element by element. This page shows the
difference between ``torch.mm`` and ``*``, why the original notebook's example could
not tell them apart, and the broadcasting rule that decides which shapes elementwise
operations such as ``+`` and ``*`` accept.
"""

# %%
# The notebook's example
# ----------------------
# Two 2x2 tensors of ones. ``torch.mm`` is the matrix product; ``+`` and ``torch.add``
# add element by element. All three print a tensor of 2s.
import torch

torch.manual_seed(0)
x = torch.ones(2, 2)
y = torch.ones(2, 2)
print(torch.mm(x, y))
print(x + y)
print(torch.add(x, y))
# sphinx_gallery_start_ignore
twos = torch.full((2, 2), 2.0)
assert torch.equal(torch.mm(x, y), twos)
assert torch.equal(x + y, twos)
assert torch.equal(torch.add(x, y), twos)
# sphinx_gallery_end_ignore

# %%
# Why the matrix product gave 2s too
# ----------------------------------
# Element :math:`(i, j)` of a matrix product sums over the shared inner dimension,
# :math:`(xy)_{ij} = \sum_k x_{ik} y_{kj}`. With ones everywhere and an inner dimension
# of 2, that sum is :math:`1 \cdot 1 + 1 \cdot 1 = 2`, the same as :math:`1 + 1`: a
# coincidence of these inputs. Make the inner dimension 3 and the product gives 3s.
print(torch.mm(torch.ones(2, 3), torch.ones(3, 2)))
# sphinx_gallery_start_ignore
assert torch.equal(torch.mm(torch.ones(2, 3), torch.ones(3, 2)), torch.full((2, 2), 3.0))
# sphinx_gallery_end_ignore

# %%
# Matrix product versus elementwise product
# -----------------------------------------
# With other values the operations part ways. ``a @ b`` is the matrix product (the
# ``@`` operator calls ``torch.matmul``, which for two 2-D tensors is ``torch.mm``);
# ``a * b`` multiplies matching elements. Here ``b`` swaps the columns of ``a`` when
# multiplied from the right, ``a * b`` keeps only the off-diagonal elements, and
# ``a + b`` adds 1 to them.
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
b = torch.tensor([[0.0, 1.0], [1.0, 0.0]])
print(a @ b)
print(a * b)
print(a + b)
# sphinx_gallery_start_ignore
assert torch.equal(a @ b, torch.mm(a, b))
assert torch.equal(a @ b, torch.tensor([[2.0, 1.0], [4.0, 3.0]]))
assert torch.equal(a * b, torch.tensor([[0.0, 2.0], [3.0, 0.0]]))
assert torch.equal(a + b, torch.tensor([[1.0, 3.0], [4.0, 4.0]]))
# sphinx_gallery_end_ignore

# %%
# Shapes for a matrix product
# ---------------------------
# A matrix product of an :math:`(n, k)` and a :math:`(k, m)` tensor has shape
# :math:`(n, m)`: the inner sizes must agree. Two 2x3 tensors cannot be multiplied as
# matrices, though they can be multiplied element by element.
p = torch.ones(2, 3)
q = torch.ones(2, 3)
print((p * q).shape)
try:
    p @ q
    # sphinx_gallery_start_ignore
    raise AssertionError("a (2, 3) @ (2, 3) product should fail")
    # sphinx_gallery_end_ignore
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# sphinx_gallery_start_ignore
assert (p * q).shape == (2, 3)
# sphinx_gallery_end_ignore

# %%
# Operators are functions
# -----------------------
# ``x + y`` and ``torch.add(x, y)`` compute the same thing. The function form takes
# extra arguments, such as ``alpha``, which scales the second operand first:
# ``torch.add(x, y, alpha=3)`` is :math:`x + 3y`.
print(torch.add(x, y, alpha=3))
# sphinx_gallery_start_ignore
assert torch.equal(torch.add(x, y, alpha=3), torch.full((2, 2), 4.0))
# sphinx_gallery_end_ignore

# %%
# Broadcasting a number
# ---------------------
# Elementwise operations also accept a plain number, which acts as if it were a tensor
# of that value in the other operand's shape. The autograd gallery's ``y = x + 5``
# relies on this.
print(x + 5)
# sphinx_gallery_start_ignore
assert torch.equal(x + 5, torch.full((2, 2), 6.0))
# sphinx_gallery_end_ignore

# %%
# Broadcasting tensors
# --------------------
# Two shapes are compatible when, compared from the last dimension backwards, each
# pair of sizes is equal or one of them is 1; a missing dimension counts as 1. The
# result takes the larger size in each dimension. A column of shape (3, 1) plus a row
# of shape (2,) therefore gives shape (3, 2): every element of the column meets every
# element of the row.
column = torch.tensor([[0.0], [10.0], [20.0]])
row = torch.tensor([1.0, 2.0])
table = column + row
print(table)
print(table.shape)
# sphinx_gallery_start_ignore
assert column.shape == (3, 1)
assert row.shape == (2,)
assert table.shape == (3, 2)
assert torch.equal(table, torch.tensor([[1.0, 2.0], [11.0, 12.0], [21.0, 22.0]]))
# sphinx_gallery_end_ignore

# %%
# What broadcasting did
# ---------------------
# Broadcasting behaves as if both operands were first expanded to the common shape,
# though no copies are made. ``torch.broadcast_tensors`` shows those expanded
# operands; adding them gives the same table.
column_expanded, row_expanded = torch.broadcast_tensors(column, row)
print(column_expanded)
print(row_expanded)
print(torch.equal(column_expanded + row_expanded, table))
# sphinx_gallery_start_ignore
assert column_expanded.shape == row_expanded.shape == (3, 2)
# The expanded views repeat elements with a stride of 0 instead of copying them.
assert column_expanded.stride()[1] == 0
assert row_expanded.stride()[0] == 0
assert column_expanded.data_ptr() == column.data_ptr()
assert torch.equal(column_expanded + row_expanded, table)
# sphinx_gallery_end_ignore

# %%
# Shapes that do not broadcast
# ----------------------------
# A (3,) tensor and a (2,) tensor compare their only dimension, 3 against 2: neither is
# 1, so PyTorch refuses and names the mismatching sizes.
try:
    torch.ones(3) + torch.ones(2)
    # sphinx_gallery_start_ignore
    raise AssertionError("(3,) + (2,) should not broadcast")
    # sphinx_gallery_end_ignore
except RuntimeError as error:
    print(f"RuntimeError: {error}")
    # sphinx_gallery_start_ignore
    assert "(3)" in str(error)  # noqa: PT017
    assert "(2)" in str(error)  # noqa: PT017
    # sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - ``torch.mm(x, y)`` and ``x @ y`` are matrix products; ``x * y`` multiplies element by
#   element. On 2x2 ones ``mm`` and ``+`` both give 2s only by coincidence.
# - ``x + y`` is ``torch.add(x, y)``; the function takes extra arguments such as ``alpha``.
# - Broadcasting compares shapes from the right: sizes must be equal or 1, and the result
#   takes the larger one.
#
# Next: :ref:`sphx_glr_auto_examples_01_tensors_plot_04_in_place.py`, operations that
# change a tensor instead of making a new one.
