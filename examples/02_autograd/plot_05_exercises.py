"""
Exercises: autograd
===================

Three short exercises on gradients. Each one has a cell for your answer, ending with a
check that tells you what is still wrong, or that your answer is right. Try each one
before opening its solution.
"""

# %%
# Setup
# -----
# Each solution below starts from this. ``torch.manual_seed`` returns the random
# number generator; assigning it to ``_`` keeps it from being printed. The checkers come
# from :mod:`torchintro.exercises`.
import torch

from torchintro.exercises import (
    check_fixed_loop,
    check_partial_derivatives,
    check_sine_derivative,
)

_ = torch.manual_seed(0)

# %%
# Exercise 1: the derivative of sine
# ----------------------------------
# Use autograd to compute the derivative of :math:`\sin x` at 50 points between 0 and
# :math:`2\pi`, and compare it with :math:`\cos x`. Hint: ``backward()`` without
# arguments needs a scalar, and summing is harmless here because each output depends
# on one input only. Make ``angles`` the 50 points, call ``backward()``, and check
# ``angles``, whose ``.grad`` then holds the derivative:

# %%
import math

angles = ...
check_sine_derivative(angles)

# %%
# **Solution**

# %%

import matplotlib.pyplot as plt

angles = torch.linspace(0, 2 * math.pi, 50, requires_grad=True)
torch.sin(angles).sum().backward()
points = angles.detach()

fig, ax = plt.subplots(layout="constrained")
ax.plot(points, torch.sin(points), label="sin x")
ax.plot(points, torch.cos(points), label="cos x")
ax.plot(points, angles.grad, "o", markersize=4, label="angles.grad")
ax.set(
    xlabel="x",
    ylabel="value",
    title="The gradient of sin x from autograd matches cos x",
)
ax.legend(loc="lower left")
plt.show()

print(torch.allclose(angles.grad, torch.cos(points)))
check_sine_derivative(angles)

# %%
# Exercise 2: predict, then check
# -------------------------------
# Let :math:`a = 2`, :math:`b = 3` and :math:`f = a^2 b + b`. Work out
# :math:`\partial f / \partial a` and :math:`\partial f / \partial b` on paper, and
# check your two numbers; then compute them with autograd.

# %%
by_hand = (..., ...)  # (df/da, df/db)
check_partial_derivatives(by_hand)

# %%
# **Solution**

# %%
# By hand, :math:`\partial f / \partial a = 2ab = 12` and
# :math:`\partial f / \partial b = a^2 + 1 = 5`.
by_hand = (12, 5)
check_partial_derivatives(by_hand)

a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
f = a**2 * b + b
f.backward()
print(a.grad, b.grad)
# sphinx_gallery_start_ignore
assert (a.grad.item(), b.grad.item()) == by_hand
# sphinx_gallery_end_ignore

# %%
# Exercise 3: the accumulation trap
# ---------------------------------
# This loop should print the derivative of :math:`x^2` at :math:`x = 1`, which is 2,
# three times. It prints 2, 4 and 6 instead. Why, and how do you fix it?
#
# .. code-block:: python
#
#    x = torch.tensor(1.0, requires_grad=True)
#    for _ in range(3):
#        (x * x).backward()
#        print(x.grad)
#
# Fix the loop, collect what ``x.grad`` holds after each pass in ``gradients`` (as
# numbers: ``x.grad.item()``), and check them:

# %%
gradients = ...
check_fixed_loop(gradients)

# %%
# **Solution**

# %%
# ``backward()`` adds to ``x.grad``, so each pass piles onto the last one. Reset the
# gradient before each backward pass (``x.grad.zero_()`` works too once it exists).
x = torch.tensor(1.0, requires_grad=True)
gradients = []
for _ in range(3):
    x.grad = None
    (x * x).backward()
    print(x.grad)
    gradients.append(x.grad.item())
check_fixed_loop(gradients)
# sphinx_gallery_start_ignore
trap = torch.tensor(1.0, requires_grad=True)
seen = []
for _ in range(3):
    (trap * trap).backward()
    seen.append(trap.grad.item())
assert seen == [2.0, 4.0, 6.0]  # what the task says the loop prints
# sphinx_gallery_end_ignore

# %%
# Up next
# -------
# Next: :ref:`sphx_glr_auto_examples_03_regression_plot_01_notebook_problem.py`, the first
# page of the Linear regression gallery, puts autograd to work: it learns a line by
# gradient descent.
