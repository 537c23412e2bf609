"""
Device-agnostic code
====================

Every tensor lives on a device: the CPU, or an accelerator such as a GPU. This page
picks a device without naming one, creates and moves tensors there and brings the
results back, in code that runs unchanged with or without a GPU.

It follows the Linear regression gallery, which ended with
:ref:`sphx_glr_auto_examples_03_regression_plot_04_exercises.py`.
"""

# %%
# What this machine has
# ---------------------
# :func:`torchintro.available_devices` lists the CPU, then every accelerator that
# ``torch.accelerator`` finds: CUDA and ROCm GPUs, Apple's MPS, Intel's XPU and the
# rest are all accelerators to it.
import torch

import torchintro

torch.manual_seed(0)
print(torchintro.available_devices())
print("accelerator available:", torch.accelerator.is_available())

# %%
# Pick a device
# -------------
# :func:`torchintro.select_device` returns the current accelerator, or the CPU when
# there is none. Write the rest of the code in terms of ``device`` and it runs on
# either. The lines below say which device built this page: every output in this
# gallery came from it.
device = torchintro.select_device()
print(device)
print(torchintro.describe_device(device))
# sphinx_gallery_start_ignore
assert device.type in {d.type for d in torchintro.available_devices()}
# sphinx_gallery_end_ignore

# %%
# In plain PyTorch, without ``torchintro``, the same choice is one line.
# ``torch.accelerator.current_accelerator()`` returns the accelerator's device, or
# ``None`` when there is none. Code written before ``torch.accelerator`` existed (and
# much code you will read) asks about CUDA GPUs alone, with
# ``torch.cuda.is_available()``.
plain = torch.accelerator.current_accelerator() or torch.device("cpu")
print(plain)
print(torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu"))
# sphinx_gallery_start_ignore
import os

if "TORCHINTRO_DEVICE" not in os.environ:
    assert plain.type == device.type
# sphinx_gallery_end_ignore

# %%
# Choosing by hand
# ----------------
# An argument overrides the automatic choice, and so does the environment variable
# ``TORCHINTRO_DEVICE``: run a script as ``TORCHINTRO_DEVICE=cpu python train.py`` to
# keep it on the CPU on a GPU machine. Here ``mock.patch.dict`` sets the variable for
# the ``with`` block only.
import os
from unittest import mock

print(torchintro.select_device("cpu"))
with mock.patch.dict(os.environ, {"TORCHINTRO_DEVICE": "cpu"}):
    print(torchintro.select_device())
# sphinx_gallery_start_ignore
with mock.patch.dict(os.environ, {"TORCHINTRO_DEVICE": "cpu"}):
    assert torchintro.select_device() == torch.device("cpu")
# sphinx_gallery_end_ignore

# %%
# Create tensors on the device
# ----------------------------
# Factory functions such as ``torch.ones`` and ``torch.randn`` take a ``device``
# argument: the tensor is made where it will be used, with no copy from the CPU.
# ``.device`` tells where a tensor lives.
a = torch.ones(2, 3, device=device)
print(a.device)
# sphinx_gallery_start_ignore
assert a.device.type == device.type
# sphinx_gallery_end_ignore

# %%
# Move tensors with ``.to``
# -------------------------
# ``.to(device)`` returns a copy on ``device``; the original stays where it was. A
# tensor already on ``device`` comes back as it is, without a copy, so on a machine
# with only a CPU ``moved is on_cpu`` prints ``True``.
on_cpu = torch.rand(3, 2)
moved = on_cpu.to(device)
print(on_cpu.device, moved.device)
print("same tensor:", moved is on_cpu)
# sphinx_gallery_start_ignore
assert (moved is on_cpu) == (device.type == "cpu")
assert on_cpu.device.type == "cpu"
# sphinx_gallery_end_ignore

# %%
# Move a model
# ------------
# For a model, ``.to(device)`` moves every parameter in place and returns the model
# itself, so ``model = model.to(device)`` and ``model.to(device)`` do the same.
model = torch.nn.Linear(3, 1).to(device)
print(model.weight.device, model.bias.device)
print(model(a).device)
# sphinx_gallery_start_ignore
assert model.weight.device.type == device.type
# sphinx_gallery_end_ignore

# %%
# One computation, one device
# ---------------------------
# An operation needs its tensors on one device: PyTorch does not copy them between
# devices behind your back (Python numbers and zero-dimensional CPU tensors are the
# exception: they count as scalars). With an accelerator, adding a CPU tensor to a
# tensor on the accelerator raises an error; with only a CPU, both are on the CPU
# and the sum simply works, so the page then prints the start of the error a CUDA
# machine gives instead, marked as not produced by this build.
x_cpu = torch.ones(3)
x_device = torch.ones(3, device=device)
if device.type == "cpu":
    print("only a CPU here, so both are on it:", x_cpu + x_device)
    print("(not run here) on a CUDA GPU the sum raises, for example:")
    print("RuntimeError: Expected all tensors to be on the same device, but found at")
    print("least two devices, cuda:0 and cpu!")
else:
    try:
        x_cpu + x_device
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
    # sphinx_gallery_start_ignore
    else:
        raise AssertionError("mixing devices should have failed")
    # sphinx_gallery_end_ignore

# %%
# Bring results back
# ------------------
# ``.cpu()`` copies a tensor back to the CPU, where NumPy and matplotlib can use it;
# ``.item()`` turns a one-element tensor into a Python number. Both wait for the
# device to finish the computation first.
product = a @ moved
print(product.cpu().numpy())
print(product.sum().item())
# sphinx_gallery_start_ignore
assert product.cpu().device.type == "cpu"
assert isinstance(product.sum().item(), float)
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - :func:`torchintro.select_device` picks the accelerator if there is one, the CPU
#   otherwise; an argument or ``TORCHINTRO_DEVICE`` overrides it.
# - Create tensors with ``device=device``, move tensors and models with
#   ``.to(device)``, and keep every operand of a computation on one device.
# - ``.cpu()`` and ``.item()`` bring results back to the CPU and Python.
#
# Next, :ref:`sphx_glr_auto_examples_04_gpu_plot_02_timing.py` measures how fast each
# device multiplies matrices, and why timing an accelerator needs care.
