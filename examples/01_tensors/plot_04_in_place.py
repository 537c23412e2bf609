"""
In-place operations
===================

Most operations return a new tensor. Many also have an in-place form, named with a
trailing underscore, that writes the result into an existing tensor instead. This page shows what
"in place" means, corrects the original notebook's ``torch.add_``, and shows when
PyTorch refuses to work in place.
"""

# %%
# Out of place: a new tensor
# --------------------------
# ``x.add(y)`` computes :math:`x + y` into a new tensor and leaves ``x`` as it was.
import torch

torch.manual_seed(0)
x = torch.ones(2, 2)
y = torch.ones(2, 2)
total = x.add(y)
print(total)
print(x)
# sphinx_gallery_start_ignore
assert torch.equal(total, torch.full((2, 2), 2.0))
assert torch.equal(x, torch.ones(2, 2))
# sphinx_gallery_end_ignore

# %%
# In place: the same tensor, changed
# ----------------------------------
# ``x.add_(y)`` adds ``y`` into ``x`` itself. It also returns ``x``, the very same
# object rather than a copy, so that calls can be chained; ``is`` confirms it.
result = x.add_(y)
print(x)
print(result is x)
# sphinx_gallery_start_ignore
assert torch.equal(x, torch.full((2, 2), 2.0))
assert result is x
# sphinx_gallery_end_ignore

# %%
# The same memory, too
# --------------------
# ``data_ptr()`` is the address of a tensor's first element. An in-place operation
# writes into the memory the tensor already has, so the address does not change. (We
# compare addresses rather than print them: they differ from run to run.)
address_before = x.data_ptr()
x.mul_(3)
print(x)
print(x.data_ptr() == address_before)
# sphinx_gallery_start_ignore
assert torch.equal(x, torch.full((2, 2), 6.0))
assert x.data_ptr() == address_before
# sphinx_gallery_end_ignore

# %%
# There is no ``torch.add_``
# --------------------------
# The original notebook wrote ``z = torch.add_(x, y)``, which fails: the in-place form
# of ``torch.add`` exists only as the tensor method ``x.add_(y)``. Written that way,
# ``z = x.add_(y)`` makes ``z`` a second name for the changed ``x``.
try:
    z = torch.add_(x, y)
    # sphinx_gallery_start_ignore
    raise AssertionError("torch.add_ should not exist")
    # sphinx_gallery_end_ignore
except AttributeError as error:
    print(f"AttributeError: {error}")
z = x.add_(y)
print(z is x)
# sphinx_gallery_start_ignore
assert not hasattr(torch, "add_")
assert z is x
assert torch.equal(x, torch.full((2, 2), 7.0))
# sphinx_gallery_end_ignore

# %%
# A few in-place operations do have a function form in the ``torch`` namespace, such as
# ``torch.relu_``, ``torch.exp_`` and ``torch.zero_``; ``torch.add`` has none. Any
# function with an ``out=`` argument can also write its result into an existing tensor
# of the right shape and dtype: ``torch.add(x, y, out=x)`` overwrites ``x``.
in_place_functions = [name for name in ("relu_", "exp_", "zero_", "add_") if hasattr(torch, name)]
print(in_place_functions)
w = torch.add(x, y, out=x)
print(w is x, x)
# sphinx_gallery_start_ignore
assert in_place_functions == ["relu_", "exp_", "zero_"]
assert w is x
assert torch.equal(x, torch.full((2, 2), 8.0))
# sphinx_gallery_end_ignore

# %%
# ``+=`` is in place, ``x = x + y`` is not
# ----------------------------------------
# Augmented assignment such as ``x += 1`` calls the in-place method, so every name for
# that tensor sees the change. ``x = x + 1`` builds a new tensor and rebinds the name
# ``x`` to it; other names keep the old tensor.
x = torch.zeros(2)
same_tensor = x
x += 1
print(same_tensor)
x = x + 1
print(same_tensor, x)
# sphinx_gallery_start_ignore
assert torch.equal(same_tensor, torch.ones(2))
assert torch.equal(x, torch.full((2,), 2.0))
assert x is not same_tensor
# sphinx_gallery_end_ignore

# %%
# Refused: a leaf tensor that requires grad
# -----------------------------------------
# A tensor created with ``requires_grad=True`` is a *leaf* of autograd's graph: a
# starting point of the recorded computation, whose ``.grad`` collects gradients.
# Autograd must record every change to a tensor that requires grad, and changing a
# leaf in place would turn it into an operation's output, no longer the leaf that
# collects gradients: so PyTorch refuses.
weights = torch.ones(3, requires_grad=True)
try:
    weights.add_(1)
    # sphinx_gallery_start_ignore
    raise AssertionError("an in-place add on a leaf that requires grad should fail")
    # sphinx_gallery_end_ignore
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# %%
# Allowed again under ``torch.no_grad()``
# ---------------------------------------
# Under ``torch.no_grad()`` nothing is recorded, so the in-place update is allowed.
# This is how a training loop updates its weights, as the notebook's gradient-descent
# example does; ``weights`` still requires grad afterwards.
with torch.no_grad():
    weights.sub_(0.25)
print(weights)
# sphinx_gallery_start_ignore
assert torch.equal(weights.detach(), torch.full((3,), 0.75))
assert weights.requires_grad
assert weights.is_leaf
# sphinx_gallery_end_ignore

# %%
# Broadcasting in place: the result must fit
# ------------------------------------------
# An in-place operation broadcasts the other operand, but the result has to fit the
# tensor being changed. Adding a (3,) row into a (2, 3) tensor works: the broadcast
# shape is (2, 3), the tensor's own shape.
grid = torch.zeros(2, 3)
grid.add_(torch.tensor([1.0, 2.0, 3.0]))
print(grid)
# sphinx_gallery_start_ignore
assert torch.equal(grid, torch.tensor([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]))
# sphinx_gallery_end_ignore

# %%
# Refused: a result that would not fit
# ------------------------------------
# The other way round, a (3,) tensor plus a (3, 1) column broadcasts to (3, 3): nine
# numbers that cannot be stored in three. ``x + column`` would be fine, since it makes
# a new (3, 3) tensor; ``x.add_(column)`` is refused.
x = torch.zeros(3)
column = torch.ones(3, 1)
print((x + column).shape)
try:
    x.add_(column)
    # sphinx_gallery_start_ignore
    raise AssertionError("a (3, 3) result should not fit a (3,) tensor")
    # sphinx_gallery_end_ignore
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# sphinx_gallery_start_ignore
assert (x + column).shape == (3, 3)
assert torch.equal(x, torch.zeros(3))
# sphinx_gallery_end_ignore

# %%
# Refused: a result of another dtype
# ----------------------------------
# An in-place result must also fit the tensor's dtype. Adding 0.5 to integers gives
# floats: ``counts + 0.5`` returns a new float tensor, but ``counts.add_(0.5)`` cannot
# store floats in an ``int64`` tensor.
counts = torch.tensor([1, 2, 3])
print(counts + 0.5)
try:
    counts.add_(0.5)
    # sphinx_gallery_start_ignore
    raise AssertionError("floats should not be written into an int64 tensor")
    # sphinx_gallery_end_ignore
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# sphinx_gallery_start_ignore
assert (counts + 0.5).dtype == torch.float32
assert torch.equal(counts, torch.tensor([1, 2, 3]))
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - A trailing underscore means in place: ``x.add_(y)`` changes ``x``, keeps its
#   memory, and returns ``x`` itself.
# - Every in-place operation is a tensor method; only some also exist as ``torch``
#   functions (``torch.relu_``, not ``torch.add_``), and ``out=`` writes a function's
#   result into an existing tensor.
# - ``x += y`` is in place; ``x = x + y`` makes a new tensor.
# - PyTorch refuses to work in place on a leaf that requires grad (outside
#   ``torch.no_grad()``), and when the result's shape or dtype would not fit.
#
# Next: :ref:`sphx_glr_auto_examples_01_tensors_plot_05_numpy_bridge.py`, where a tensor
# and a NumPy array share one block of memory.
