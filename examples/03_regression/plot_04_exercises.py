"""
Exercises: linear regression
============================

Three short exercises on fitting lines. Each one has a cell for your answer, ending with
a check that tells you what is still wrong, or that your answer is right. Try each one
before you open its solution.
"""

# %%
# Setup
# -----
# The imports and the seed the solutions use, and the 50 noisy points of the
# previous pages for exercises 2 and 3. The checkers come from
# :mod:`torchintro.exercises`.
import torch

import torchintro
from torchintro import fit_gradient_descent, fit_least_squares
from torchintro.exercises import (
    check_largest_stable_rate,
    check_predictions,
    check_two_feature_fit,
)

torch.manual_seed(0)
x, y = torchintro.make_linear_data(50, noise=0.5, seed=0)
print(x.shape, y.shape)

# %%
# Exercise 1: a line with two features
# ------------------------------------
# Draw 200 points of :math:`y = 2 x_1 - x_2 + 0.5` with noise 0.1 (pass
# ``weight=torch.tensor([2.0, -1.0])`` and ``bias=0.5`` to
# :func:`torchintro.make_linear_data`, and ``seed=1``). Fit them by least squares and
# by gradient descent (learning rate 0.5, 300 epochs), and check both fits: the check
# wants each within 0.001 of the least-squares weights and bias, which recover the
# true ones.

# %%
exact = ...
descent = ...
check_two_feature_fit(exact)
check_two_feature_fit(descent)

# %%
# **Solution**

# %%
x2, y2 = torchintro.make_linear_data(
    200,
    weight=torch.tensor([2.0, -1.0]),
    bias=0.5,
    noise=0.1,
    seed=1,
)
exact = fit_least_squares(x2, y2)
descent = fit_gradient_descent(x2, y2, learning_rate=0.5, epochs=300)
print(x2.shape)
print("least squares:   ", exact.weight, f"bias {exact.bias:.3f}")
print("gradient descent:", descent.weight, f"bias {descent.bias:.3f}")
check_two_feature_fit(exact)
check_two_feature_fit(descent)
# sphinx_gallery_start_ignore
assert x2.shape == (200, 2)
assert torch.allclose(exact.weight, torch.tensor([2.0, -1.0]), atol=0.05)
assert abs(exact.bias - 0.5) < 0.05
# sphinx_gallery_end_ignore

# %%
# Each of the two columns of ``x2`` gets its own weight; both fits land within 0.05
# of 2 and -1, and of the bias 0.5.
#
# Exercise 2: the largest stable learning rate
# --------------------------------------------
# On ``x, y`` from the setup, try the learning rates 0.80, 0.85, ..., 1.10 for 200
# epochs each. Call a rate stable if the fit does not raise
# :class:`torchintro.DivergedError` and its last loss is below its first. Which is
# the largest stable rate, and does it agree with the limit 0.99 computed on the
# learning-rate page?

# %%
largest = ...
check_largest_stable_rate(largest)

# %%
# **Solution**


# %%
def is_stable(rate: float) -> bool:
    try:
        fit = fit_gradient_descent(x, y, learning_rate=rate, epochs=200)
    except torchintro.DivergedError:
        return False
    return bool(fit.losses[-1] < fit.losses[0])


rates = [0.80, 0.85, 0.90, 0.95, 1.00, 1.05, 1.10]
stable = {rate: is_stable(rate) for rate in rates}
print(stable)
largest = max(rate for rate in rates if stable[rate])
print("largest stable rate:", largest)
check_largest_stable_rate(largest)
# sphinx_gallery_start_ignore
assert [rate for rate in rates if stable[rate]] == [0.80, 0.85, 0.90, 0.95]
# sphinx_gallery_end_ignore

# %%
# The largest stable rate on this grid is 0.95 and 1.00 is already unstable, in
# agreement with the limit :math:`2 / \lambda_{\max} \approx 0.99`. A finer grid
# around 0.99 narrows it down further.
#
# Exercise 3: predict with a fit
# ------------------------------
# Fit ``x, y`` by least squares and use the fit's ``predict`` method to predict ``y``
# at :math:`x = -1, 0, 1`. Compare with the true line :math:`y = 3x - 2`. Mind the
# shape: ``predict`` expects ``(n_samples, n_features)``.

# %%
predicted = ...
check_predictions(predicted)

# %%
# **Solution**

# %%
fit = fit_least_squares(x, y)
new_x = torch.tensor([[-1.0], [0.0], [1.0]])  # 3 samples, 1 feature
predicted = fit.predict(new_x)
print("predicted:", predicted)
print("true:     ", 3 * new_x[:, 0] - 2)
check_predictions(predicted)
# sphinx_gallery_start_ignore
assert torch.allclose(predicted, fit.weight * new_x[:, 0] + fit.bias)
assert (predicted - (3 * new_x[:, 0] - 2)).abs().max() < 0.3
# sphinx_gallery_end_ignore

# %%
# ``predict`` computes ``new_x @ weight + bias``. The predictions differ from the
# true line by less than 0.3, because the fit follows these 50 noisy points.

# %%
# Up next
# -------
# Next: :ref:`sphx_glr_auto_examples_04_gpu_plot_01_devices.py`, the first page of the
# GPU acceleration gallery, runs the same code on whatever device a machine has.
