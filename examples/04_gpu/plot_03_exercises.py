"""
Exercises: devices and timing
=============================

Three short exercises on device-agnostic code and throughput. Each one has a cell for
your answer, ending with a check that tells you what is still wrong, or that your answer
is right. Try each one before you open its solution; the solutions run on whatever
device built this page.
"""

# %%
# Setup
# -----
# The imports, the seed and the device the solutions use, and the checkers from
# :mod:`torchintro.exercises`.
import torch

import torchintro
from torchintro.exercises import check_fit_on_device, check_gflops, check_to_numpy

torch.manual_seed(0)
device = torchintro.select_device()
print(torchintro.describe_device(device))

# %%
# Exercise 1: predictions as a NumPy array
# ----------------------------------------
# Put a ``torch.nn.Linear(3, 1)`` model and a batch of 4 random inputs on ``device``
# and compute the model's predictions there. Then write ``to_numpy(t)``, which returns
# such predictions as a NumPy array, leaving ``t`` as it was. Two things stand in the
# way: NumPy only reads CPU memory, and it refuses tensors that require grad.


# %%
def to_numpy(t):
    raise NotImplementedError  # your code here


check_to_numpy(to_numpy)

# %%
# **Solution**


# %%
def to_numpy(t):
    return t.detach().cpu().numpy()


model = torch.nn.Linear(3, 1).to(device)
batch = torch.randn(4, 3, device=device)
predictions = to_numpy(model(batch))
print(type(predictions).__name__, predictions.shape)
check_to_numpy(to_numpy)
# sphinx_gallery_start_ignore
assert type(predictions).__name__ == "ndarray"
assert model(batch).requires_grad
on_cpu = torch.ones(2)
assert on_cpu.cpu() is on_cpu
# sphinx_gallery_end_ignore

# %%
# ``.detach()`` leaves the graph (the output depends on the model's parameters, so it
# requires grad), ``.cpu()`` brings it to the CPU, and ``.numpy()`` shares its memory
# as an array. On the CPU, ``.cpu()`` returns the tensor itself, so the same code
# costs nothing there.
#
# Exercise 2: GFLOP/s by hand
# ---------------------------
# A 2048 x 2048 matrix multiply took 0.25 s. How many GFLOP/s is that? Work it out,
# then check your answer.

# %%
gflops = ...
check_gflops(gflops)

# %%
# **Solution**

# %%
n, seconds = 2048, 0.25
operations = 2 * n**3  # n**3 multiplications, about as many additions
print(f"by hand:       {operations / seconds / 1e9:.2f} GFLOP/s")
gflops = operations / seconds / 1e9
check_gflops(gflops)
print(f"matmul_gflops: {torchintro.matmul_gflops(n, seconds):.2f} GFLOP/s")
# sphinx_gallery_start_ignore
assert gflops == torchintro.matmul_gflops(n, seconds)
assert f"{gflops:.2f}" == "68.72"
assert f"{operations:.1e}" == "1.7e+10"
# sphinx_gallery_end_ignore

# %%
# Each of the :math:`n^2` output elements takes :math:`n` multiplications and
# :math:`n - 1` additions, counted as :math:`2n` operations in all. So
# :math:`2 \cdot 2048^3 \approx 1.7 \times 10^{10}` operations in 0.25 s make
# 68.72 GFLOP/s, the figure :func:`torchintro.matmul_gflops` gives too.
#
# Exercise 3: the regression on the device
# ----------------------------------------
# Draw the regression gallery's data, ``make_linear_data(50, noise=0.5, seed=0)``,
# move it to ``device`` and fit it with :func:`torchintro.fit_least_squares`. Print the
# device of the learned weight, then the weight itself as a Python number.

# %%
fit = ...
check_fit_on_device(fit)

# %%
# **Solution**

# %%
x, y = torchintro.make_linear_data(50, noise=0.5, seed=0)
fit = torchintro.fit_least_squares(x.to(device), y.to(device))
print(fit.weight.device)
print(f"weight = {fit.weight.item():.2f}, bias = {fit.bias:.2f}")
check_fit_on_device(fit)
# sphinx_gallery_start_ignore
assert f"{fit.weight.item():.2f}" == "3.20"
assert f"{fit.bias:.2f}" == "-1.93"
# sphinx_gallery_end_ignore

# %%
# The fit runs where its data lives, and ``.item()`` brings the answer back: slope
# 3.20 and intercept -1.93, as on the CPU in the regression gallery.

# %%
# Where next
# ----------
# The next gallery, :ref:`sphx_glr_auto_examples_05_models`, trains a real model:
# ``nn.Module``, mini-batches, a classifier of handwritten digits, evaluation, saving
# and reproducible runs. The :doc:`API reference </api>` documents the ``torchintro``
# helpers these pages used.
