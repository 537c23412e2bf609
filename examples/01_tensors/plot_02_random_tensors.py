"""
Random tensors
==============

``torch.rand`` and ``torch.randn`` are the two random tensors you will meet first. This
page shows how a seed makes random numbers repeat, then draws a million values from
each function and compares them with the distribution it samples.
"""

# %%
# The same seed, the same numbers
# -------------------------------
# ``torch.manual_seed`` resets PyTorch's global random number generator, so what is
# drawn after it repeats exactly. Seeded with 0, the first ``torch.rand(3, 2)`` is the
# one the :ref:`previous page <sphx_glr_auto_examples_01_tensors_plot_01_creating_tensors.py>`
# printed. The original notebook never seeded, so its random outputs changed on every
# run.
import torch

torch.manual_seed(0)
first = torch.rand(3, 2)
torch.manual_seed(0)
again = torch.rand(3, 2)
print(first)
print(torch.equal(first, again))
# sphinx_gallery_start_ignore
assert torch.equal(first, again)
page_one = torch.tensor([[0.4963, 0.7682], [0.0885, 0.1320], [0.3074, 0.6341]])
assert torch.allclose(first, page_one, atol=5e-5)
# sphinx_gallery_end_ignore

# %%
# A million uniform draws
# -----------------------
# ``torch.rand`` samples the half-open interval :math:`[0, 1)`: 0 can be drawn, 1
# never. (The original notebook called it "(0, 1) inclusive", which is wrong twice:
# 0 is included and 1 is not.) Every one of a million draws is at least 0 and less
# than 1.
n_samples = 1_000_000
uniform = torch.rand(n_samples)
print(f"smallest: {uniform.min():.3g}")
print(f"largest:  {uniform.max():.7f}")
# sphinx_gallery_start_ignore
assert uniform.min() >= 0
assert uniform.max() < 1
# sphinx_gallery_end_ignore

# %%
# The uniform histogram
# ---------------------
# A histogram with ``density=True`` scales its bars so their total area is 1, which
# makes it comparable with a probability density. The uniform density is 1 on
# :math:`[0, 1)` and 0 elsewhere, and the bars follow it.
import matplotlib.pyplot as plt

fig, ax = plt.subplots(layout="constrained")
ax.hist(
    uniform.numpy(),
    bins=60,
    range=(-0.25, 1.25),
    density=True,
    label="torch.rand samples",
)
ax.plot(
    [-0.25, 0, 0, 1, 1, 1.25],
    [0, 0, 1, 1, 0, 0],
    color="C1",
    linewidth=2,
    label="uniform density",
)
ax.set(
    xlabel="value",
    ylabel="density",
    ylim=(0, 1.5),
    title="A million draws of torch.rand",
)
ax.legend(loc="upper center")
# sphinx_gallery_start_ignore
bar_heights, edges = torch.histogram(uniform, bins=60, range=(-0.25, 1.25), density=True)
inside = (edges[:-1] >= 0) & (edges[1:] <= 1)
assert bool(((bar_heights[inside] - 1).abs() < 0.02).all())
assert bool((bar_heights[~inside] == 0).all())
# sphinx_gallery_end_ignore

# %%
# Uniform mean and standard deviation
# -----------------------------------
# A uniform variable on :math:`[0, 1)` has mean :math:`1/2` and standard deviation
# :math:`1/\sqrt{12} \approx 0.2887`. With a million draws the sample values agree
# with these to within 0.005, which the build checks every time it runs this page.
print(f"mean: {uniform.mean():.4f}  (theory 0.5000)")
print(f"std:  {uniform.std():.4f}  (theory {12**-0.5:.4f})")
# sphinx_gallery_start_ignore
assert abs(12**-0.5 - 0.2887) < 0.00005
assert abs(uniform.mean().item() - 0.5) < 0.005
assert abs(uniform.std().item() - 12**-0.5) < 0.005
# sphinx_gallery_end_ignore

# %%
# Other intervals
# ---------------
# Scaling and shifting moves the interval: ``low + (high - low) * torch.rand(...)``
# samples :math:`[low, high)`. Here, angles in :math:`[-\pi, \pi)`.
import math

angles = -math.pi + 2 * math.pi * torch.rand(n_samples)
print(f"smallest: {angles.min():.6f}")
print(f"largest:  {angles.max():.6f}  (pi = {math.pi:.6f})")
# sphinx_gallery_start_ignore
assert angles.min() >= -math.pi
assert angles.max() < math.pi
# sphinx_gallery_end_ignore

# %%
# A million normal draws
# ----------------------
# ``torch.randn`` samples the standard normal distribution, with mean 0 and variance
# 1 (so standard deviation 1 too). The sample mean and standard deviation are within
# 0.005 of these, and about 68.3 % of the draws lie within one standard deviation of
# the mean, as theory says.
normal = torch.randn(n_samples)
within_one = (normal.abs() < 1).float().mean()
theory = math.erf(1 / math.sqrt(2))
print(f"mean: {normal.mean():.4f}  (theory 0)")
print(f"std:  {normal.std():.4f}  (theory 1)")
print(f"in (-1, 1): {within_one:.4f}  (theory {theory:.4f})")
# sphinx_gallery_start_ignore
assert abs(normal.mean().item()) < 0.005
assert abs(normal.std().item() - 1) < 0.005
assert abs(theory - 0.683) < 0.0005
assert abs(within_one.item() - 0.683) < 0.005
# sphinx_gallery_end_ignore

# %%
# Other means and spreads
# -----------------------
# ``mean + std * torch.randn(...)`` samples a normal distribution with that mean and
# standard deviation: heights around 170 cm, give or take 10.
heights = 170 + 10 * torch.randn(n_samples)
print(f"mean: {heights.mean():.2f}, std: {heights.std():.2f}")
# sphinx_gallery_start_ignore
assert abs(heights.mean().item() - 170) < 0.05
assert abs(heights.std().item() - 10) < 0.05
# sphinx_gallery_end_ignore

# %%
# The bell curve
# --------------
# The standard normal density is
#
# .. math:: p(x) = \frac{1}{\sqrt{2\pi}} e^{-x^2/2},
#
# the bell curve drawn here over the histogram of the million ``torch.randn`` draws.
grid = torch.linspace(-4, 4, 200)
density = torch.exp(-(grid**2) / 2) / math.sqrt(2 * math.pi)

fig, ax = plt.subplots(layout="constrained")
ax.hist(
    normal.numpy(),
    bins=80,
    range=(-4, 4),
    density=True,
    label="torch.randn samples",
)
ax.plot(
    grid.numpy(),
    density.numpy(),
    color="C1",
    linewidth=2,
    label="standard normal density",
)
ax.set(
    xlabel="value",
    ylabel="density",
    title="A million draws of torch.randn",
)
ax.legend(loc="upper right")
# sphinx_gallery_thumbnail_number = 2
plt.show()
# sphinx_gallery_start_ignore
bar_heights, edges = torch.histogram(normal, bins=80, range=(-4.0, 4.0), density=True)
centres = (edges[:-1] + edges[1:]) / 2
expected = torch.exp(-(centres**2) / 2) / math.sqrt(2 * math.pi)
assert bool(((bar_heights - expected).abs() < 0.01).all())
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - ``torch.manual_seed`` makes random draws repeat, run after run.
# - ``torch.rand`` samples :math:`[0, 1)`, including 0 and excluding 1.
# - ``torch.randn`` samples the standard normal distribution: mean 0, variance 1.
# - Scale and shift them for other intervals, means and spreads.
#
# Next: :ref:`sphx_glr_auto_examples_01_tensors_plot_03_operations.py`, where tensors
# are multiplied, added and broadcast.
