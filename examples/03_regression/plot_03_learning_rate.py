"""
Choosing the learning rate
==========================

The learning rate sets the size of each gradient-descent step. Too small, and
training crawls; too large, and every step overshoots until the loss blows up. This
page shows both and works out where the limit lies.
"""

# %%
# The data
# --------
# The 50 noisy points of the previous page, and the least-squares loss, the smallest
# mean squared error a line can reach on them.
import torch

import torchintro

torch.manual_seed(0)
x, y = torchintro.make_linear_data(50, noise=0.5, seed=0)
best_loss = torchintro.fit_least_squares(x, y).losses.item()
print(f"least-squares loss: {best_loss:.4f}")

# %%
# Four learning rates
# -------------------
# We run 100 epochs of gradient descent with each rate. A fit whose loss overflows
# to infinity raises :class:`torchintro.DivergedError`; its ``losses`` attribute keeps
# the losses up to that epoch, so we can still plot them.
import textwrap  # to wrap the long error message

from torchintro import DivergedError, fit_gradient_descent

rates = [0.01, 0.1, 0.5, 1.5]
curves = {}
for rate in rates:
    try:
        fit = fit_gradient_descent(x, y, learning_rate=rate, epochs=100)
    except DivergedError as error:
        print(f"learning_rate={rate}: DivergedError:")
        print(textwrap.fill(str(error), width=70))
        curves[rate] = error.losses
    else:
        print(f"learning_rate={rate}: last loss {fit.losses[-1]:.4f}")
        curves[rate] = fit.losses
# sphinx_gallery_start_ignore
assert len(curves[1.5]) == 59
assert torch.isfinite(curves[1.5]).all()
assert curves[0.01][-1] > 1.0
assert 3.5 < curves[0.01][-1] / best_loss < 4
assert curves[0.1][-1] - best_loss < 1e-4
assert curves[0.5][-1] - best_loss < 1e-6
# sphinx_gallery_end_ignore

# %%
# With 0.01 the loss is still above 1 at the last epoch, nearly four times the
# least-squares loss; 0.1 and 0.5 get within 0.0001 of it. With 1.5 the loss stops being
# finite at epoch 59.

# %%
# The loss curves
# ---------------
# Both panels have a logarithmic loss axis. Left: 0.5 drops fastest to the minimum,
# the least-squares loss; 0.1 follows and 0.01 has barely started. Right: 1.5 climbs by a constant factor every epoch, a
# straight line on this scale, until the loss overflows float32.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(7, 3.2), layout="constrained")
converging, diverging = axes
for color, (rate, losses) in enumerate(curves.items()):
    panel = diverging if rate == 1.5 else converging
    panel.plot(losses, color=f"C{color}", label=f"rate {rate}")
converging.axhline(best_loss, color="C4", linestyle=":", label="minimum")
converging.set(ylabel="mean squared error", title="Converging rates")
diverging.set(title="A diverging rate")
for panel in axes:
    panel.set(xlabel="epoch", yscale="log")
    panel.legend()
plt.show()

# %%
# Why a step overshoots
# ---------------------
# Write :math:`\theta = (w, b)` for the parameters and :math:`\theta^*` for the
# least-squares answer. The mean squared error of a line is a quadratic in
# :math:`\theta`, so its gradient is linear: :math:`\nabla L(\theta) = H (\theta -
# \theta^*)`, where the *curvature* :math:`H = \frac{2}{n} \sum_i (x_i, 1)^\top
# (x_i, 1)` depends only on the inputs. :math:`H` is the *Hessian* of the loss, the
# matrix of its second derivatives. One step therefore maps the distance to the
# answer to
#
# .. math:: \theta_{k+1} - \theta^* = (I - \mathrm{lr}\, H)\,(\theta_k - \theta^*).
#
# Along each eigenvector of :math:`H`, with eigenvalue :math:`\lambda`, the distance is
# multiplied by :math:`1 - \mathrm{lr}\,\lambda` at every step. It shrinks if
# :math:`|1 - \mathrm{lr}\,\lambda| < 1`, that is if :math:`\mathrm{lr} < 2 / \lambda`;
# otherwise each step jumps past the answer to a point farther away on the other side.
ones = torch.ones(len(x), 1)
inputs = torch.cat([x, ones], dim=1)  # each row is (x_i, 1)
curvature = 2 * inputs.T @ inputs / len(x)
eigenvalues = torch.linalg.eigvalsh(curvature)
limit = 2 / eigenvalues.max().item()
print("eigenvalues of H:", eigenvalues)
print(f"largest stable rate: 2 / max(eigenvalues) = {limit:.3f}")
# sphinx_gallery_start_ignore
assert f"{eigenvalues.max():.2f}" == "2.03"
assert f"{limit:.2f}" == "0.99"
# sphinx_gallery_end_ignore

# %%
# Each rate's factor
# ------------------
# The direction with the largest :math:`|1 - \mathrm{lr}\,\lambda|` decides. For a
# small rate that is the flattest direction (the smallest :math:`\lambda`), where the
# fit crawls; for a rate that diverges it is the steepest (the largest
# :math:`\lambda`), where each step overshoots most. Below 1 the fit converges, the
# faster the smaller the factor is; above 1 it diverges.
# Squared, the factor is what the loss gap shrinks or grows by per epoch: 0.1 gives
# :math:`0.938^2 = 0.88`, the factor seen on the previous page.
factors = {}
print("learning_rate  factor  squared")
for rate in rates:
    factor = (1 - rate * eigenvalues).abs().max().item()
    verdict = "converges" if factor < 1 else "diverges"
    print(f"{rate:13}  {factor:6.3f}  {factor**2:7.3f}  {verdict}")
    factors[rate] = factor
# sphinx_gallery_start_ignore
assert f"{factors[0.1]:.3f}" == "0.938"
assert f"{factors[0.1] ** 2:.2f}" == "0.88"
assert all((factors[rate] < 1) == (rate in (0.01, 0.1, 0.5)) for rate in rates)
assert sorted(rates[:3], key=factors.get) == [0.5, 0.1, 0.01]
growth = curves[1.5][-10:] / curves[1.5][-11:-1]
assert torch.allclose(growth, torch.tensor(factors[1.5] ** 2), rtol=0.01)
assert f"{factors[1.5]:.2f}" == "2.04"
assert f"{factors[1.5] ** 2:.1f}" == "4.2"
# sphinx_gallery_end_ignore

# %%
# The diverging run matches its factor: with 1.5, the loss of the last epochs grows
# by :math:`2.04^2 \approx 4.2` per epoch. Even a learning rate of 1.0 is too large
# here, since the limit is 0.99; the exercises find that limit by experiment.

# %%
# What we learned
# ---------------
# - A small learning rate converges slowly; a large one overshoots, and past a limit
#   every step lands farther from the answer and the loss blows up.
# - :class:`torchintro.DivergedError` reports a loss that is no longer finite and keeps
#   the losses before it.
# - For mean squared error the limit is :math:`2 / \lambda_{\max}`, from the largest
#   eigenvalue of the curvature; each step multiplies the distance to the answer by
#   :math:`1 - \mathrm{lr}\,\lambda` along each direction.
#
# Next, :ref:`sphx_glr_auto_examples_03_regression_plot_04_exercises.py`.
