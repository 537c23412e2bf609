"""
Three ways to fit a line
========================

The usual regression problem: many noisy points of one input, and the straight line
that fits them best. This page fits it by hand-written gradient descent, with
``torch.nn`` and ``torch.optim``, and in closed form, and compares the three.
"""

# %%
# Noisy points on a line
# ----------------------
# :func:`torchintro.make_linear_data` draws 50 inputs uniformly from [-1, 1) and gives
# each the target :math:`y = 3x - 2` plus Gaussian noise of standard deviation 0.5.
# ``x`` has one column per feature, here a single one.
import torch

import torchintro

torch.manual_seed(0)
x, y = torchintro.make_linear_data(50, noise=0.5, seed=0)
print(x.shape, y.shape)
# sphinx_gallery_start_ignore
assert x.shape == (50, 1)
assert y.shape == (50,)
# sphinx_gallery_end_ignore

# %%
# Gradient descent by hand
# ------------------------
# :func:`torchintro.fit_gradient_descent` runs the loop of the previous page with two
# changes: each step uses all 50 points at once, with the *mean* squared error as the
# loss, and the weight and bias start at zero.
from torchintro import fit_gradient_descent, fit_least_squares, fit_sgd

by_hand = fit_gradient_descent(x, y, learning_rate=0.1, epochs=100)
print(f"weight {by_hand.weight.item():.4f}, bias {by_hand.bias:.4f}")

# %%
# With ``torch.nn`` and ``torch.optim``
# -------------------------------------
# The same fit from PyTorch's parts: ``torch.nn.Linear(1, 1)`` holds the weight and
# bias, ``torch.nn.MSELoss`` computes the loss and ``torch.optim.SGD`` does the update.
# ``nn.Linear`` starts from random parameters, so we first set them to zero with
# ``torch.nn.init.zeros_``, where the hand-written fit starts. This is the code to
# copy into a project of your own:
model = torch.nn.Linear(1, 1)
torch.nn.init.zeros_(model.weight)
torch.nn.init.zeros_(model.bias)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
mse = torch.nn.MSELoss()
for _ in range(100):  # 100 epochs, each over all 50 points
    optimizer.zero_grad()  # sets every parameter's .grad to None
    loss = mse(model(x).squeeze(1), y)  # model(x) has shape (50, 1)
    loss.backward()
    optimizer.step()  # w -= lr * w.grad, without recording
print(f"weight {model.weight.item():.4f}, bias {model.bias.item():.4f}")

# %%
# :func:`torchintro.fit_sgd` runs exactly this loop (and stops with a clear error if
# the loss diverges); it returns a :class:`torchintro.FitResult` like the other fits.
sgd = fit_sgd(x, y, learning_rate=0.1, epochs=100)
print(f"weight {sgd.weight.item():.4f}, bias {sgd.bias:.4f}")
# sphinx_gallery_start_ignore
# A line with weight and bias zero predicts 0 everywhere: its loss is the mean of y².
assert torch.allclose(sgd.losses[0], (y**2).mean())
assert torch.allclose(by_hand.losses[0], (y**2).mean())
assert torch.equal(model.weight.detach().flatten(), sgd.weight.flatten())
assert model.bias.item() == sgd.bias
# sphinx_gallery_end_ignore

# %%
# In closed form
# --------------
# The line with the least mean squared error can also be computed directly, without
# steps or a learning rate: :func:`torchintro.fit_least_squares` solves the linear
# least-squares problem with ``torch.linalg.lstsq``.
exact = fit_least_squares(x, y)
print(f"weight {exact.weight.item():.4f}, bias {exact.bias:.4f}")

# %%
# Side by side
# ------------
# Each :class:`torchintro.FitResult` predicts with ``predict``; the mean squared error
# of its predictions on the 50 points measures how well it fits.
fits = [by_hand, sgd, exact]

print(f"{'method':<18} {'weight':>8} {'bias':>8} {'final MSE':>10}")
for fit in fits:
    weight = fit.weight.item()
    mse = ((fit.predict(x) - y) ** 2).mean().item()
    print(f"{fit.method:<18} {weight:8.4f} {fit.bias:8.4f} {mse:10.6f}")
# sphinx_gallery_start_ignore
final_mse = [((fit.predict(x) - y) ** 2).mean().item() for fit in fits]
assert torch.allclose(by_hand.weight, sgd.weight, atol=1e-5)
assert abs(by_hand.bias - sgd.bias) < 1e-5
assert torch.allclose(by_hand.losses, sgd.losses, rtol=1e-5)
assert 0.001 < (exact.weight - by_hand.weight).item() < 0.01
assert 0 < final_mse[0] - final_mse[2] < 1e-5
assert f"{exact.weight.item():.2f}" == "3.20"
assert f"{exact.bias:.2f}" == "-1.93"
# sphinx_gallery_end_ignore

# %%
# The two gradient descents agree: both start from a weight and bias of zero, see the
# same data and use the same learning rate, so they compute the same gradients and
# take the same steps (up to float32 rounding). After 100 steps their weight is still
# between 0.001 and 0.01 short of the least-squares weight, but their mean squared
# error is already within 0.00001 of the smallest possible.
#
# None of the three is the true line :math:`y = 3x - 2`: the best line for these 50
# noisy points has slope 3.20 and intercept -1.93. More points, or less noise, bring
# it closer to the true one.

# %%
# The fitted lines
# ----------------
# On the scale of the data, the three fitted lines lie on top of each other, a little
# off the true line.
import matplotlib.pyplot as plt

ends = torch.tensor([[-1.0], [1.0]])  # two points define a line
fig, ax = plt.subplots(layout="constrained")
ax.scatter(x[:, 0], y, s=20, label="data")
ax.plot(ends, 3 * ends - 2, color="C3", label="true line $y = 3x - 2$")
for fit, style in zip(fits, ["-", "--", ":"], strict=True):
    ax.plot(ends, fit.predict(ends), style, label=fit.method)
ax.set(xlabel="x", ylabel="y", title="Three fits of 50 noisy points")
ax.legend()
plt.show()

# %%
# Approaching the least-squares answer
# ------------------------------------
# Least squares gives the smallest mean squared error any line can reach, so the
# descent's loss can only approach it from above (left). The gap to it (right) falls
# steadily; from epoch 20 on it lies on a straight line on the log scale, each step
# shrinking it by the same factor, 0.88. The next page explains where that factor
# comes from. The dashed ``torch.optim.SGD`` curve runs on top of the hand-written one.
best_loss = exact.losses.item()

fig, axes = plt.subplots(1, 2, figsize=(7, 3.2), layout="constrained")
left, right = axes
for fit, style in zip([by_hand, sgd], ["-", "--"], strict=True):
    left.plot(fit.losses, style, label=fit.method)
    right.plot(fit.losses - best_loss, style, label=fit.method)
left.axhline(best_loss, color="C2", linestyle=":", label="least squares")
left.set(xlabel="epoch", ylabel="mean squared error", title="Loss")
right.set(xlabel="epoch", ylabel="loss - least-squares loss")
right.set(title="Gap to least squares")
for panel in axes:
    panel.set_yscale("log")
left.legend()
plt.show()
# sphinx_gallery_start_ignore
gap = by_hand.losses - best_loss
assert (gap > 0).all()
assert (gap[1:] < gap[:-1]).all()
ratios = gap[21:] / gap[20:-1]
assert ((ratios > 0.87) & (ratios < 0.89)).all()
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - Gradient descent by hand and ``torch.optim.SGD`` with ``torch.nn.Linear`` are the
#   same algorithm: ``optimizer.step()`` replaces the hand-written update, and
#   ``optimizer.zero_grad()`` the reset of the gradients (it sets them to ``None``).
# - For a straight line, least squares gives the best fit directly; gradient descent
#   approaches it step by step.
# - The best line for noisy data is not the true line; it gets closer with more data.
#
# Next, :ref:`sphx_glr_auto_examples_03_regression_plot_03_learning_rate.py` shows
# what the learning rate does, and what happens when it is too large.
