"""
Timing on a device
==================

How fast does each device of this machine multiply matrices, and from what size on
does an accelerator pay off? Measuring it needs care, because accelerators work
asynchronously. This is the one page whose numbers change from run to run: they
were measured on the machine that built it, named below.
"""

# %%
# The devices of this build
# -------------------------
# We time every device :func:`torchintro.available_devices` lists: the CPU always,
# and each accelerator if there is one.
import torch

import torchintro

torch.manual_seed(0)
devices = torchintro.available_devices()
for device in devices:
    print(torchintro.describe_device(device))
if len(devices) == 1:
    print("No accelerator in this build: every number below is the CPU's.")

# %%
# Kernels are queued
# ------------------
# On an accelerator, ``c = a @ b`` returns as soon as the multiply is *queued*; the
# device works through its queue while Python runs ahead. A clock read right after
# the call measures the queueing, not the work. :func:`torchintro.synchronize` waits
# until the queue is empty: in plain PyTorch, ``torch.accelerator.synchronize()`` (or,
# for CUDA alone, ``torch.cuda.synchronize()``), which our helper calls for any device
# but the CPU. On the CPU the work is done when the call returns, so there is nothing
# to wait for and the two times below are nearly equal.
import time

device = torchintro.select_device()
a = torch.randn(1024, 1024, device=device)
b = torch.randn(1024, 1024, device=device)
c = a @ b  # the first call pays one-off costs: don't time it
torchintro.synchronize(device)

start = time.perf_counter()
c = a @ b
returned = time.perf_counter() - start
torchintro.synchronize(device)
finished = time.perf_counter() - start
print(f"on {device}: the call returned after {returned * 1e3:.3f} ms,")
print(f"the multiply was finished after {finished * 1e3:.3f} ms")
# sphinx_gallery_start_ignore
assert 0 < returned <= finished
if device.type == "cpu":
    assert finished - returned < 0.1 * finished
# sphinx_gallery_end_ignore

# %%
# A single call is a poor measure of the multiply itself: it also pays for what runs
# once per call, such as waking the CPU's worker threads and handing the result fresh
# memory, and it catches whatever else the machine was doing at that moment.
# :func:`torchintro.time_matmul` uses ``torch.utils.benchmark.Timer`` instead. After a
# warm-up call, the timer runs the statement in blocks of many calls, back to back,
# until ``min_run_time`` seconds have passed; it reads the clock (synchronizing CUDA
# devices) only at each block's start and end, and reports each block's time per call.
# Our statement is ``a @ b`` followed by :func:`torchintro.synchronize`, so every call
# includes its own wait for the device. We keep the fastest block's time per call: the
# one least disturbed by the rest of the machine.

# %%
# A sweep over sizes
# ------------------
# Multiplying two :math:`n \times n` matrices takes :math:`n^3` multiplications and
# about as many additions: :math:`2n^3` floating-point operations. Divided by the
# time, that gives the throughput in GFLOP/s, billions of operations per second.
# :func:`torchintro.sweep_matmul` times every size on every device.
sizes = [16, 32, 64, 128, 256, 512, 1024]
timings = torchintro.sweep_matmul(sizes, min_run_time=0.05)

print(f"{'device':<8} {'size':>5} {'time (ms)':>10} {'GFLOP/s':>9}")
for row in timings:
    ms = row.seconds * 1e3
    print(f"{row.device:<8} {row.size:5d} {ms:10.4f} {row.gflops:9.1f}")
# sphinx_gallery_start_ignore
assert [(t.device, t.size) for t in timings] == [(str(d), s) for d in devices for s in sizes]
assert all(t.gflops > 0 and t.seconds > 0 for t in timings)
# sphinx_gallery_end_ignore

# %%
# The same size, measured both ways: the single call of the previous section against
# the sweep's time per call.
swept = next(t for t in timings if t.device == str(device) and t.size == 1024)
print(f"1024 x 1024 on {device}: one call {finished * 1e3:.2f} ms, ", end="")
print(f"the sweep {swept.seconds * 1e3:.2f} ms per call ({finished / swept.seconds:.1f} x)")

# %%
# Throughput against size
# -----------------------
# Both axes are logarithmic. Timings taken on a busy machine can make the curve bumpy;
# the line printed below it compares the two ends of each device's curve.
import matplotlib.pyplot as plt

fig, ax = plt.subplots(layout="constrained")
for device in devices:
    gflops = [r.gflops for r in timings if r.device == str(device)]
    ax.plot(sizes, gflops, "o-", label=str(device))
ax.set(
    xscale="log",
    yscale="log",
    xlabel="matrix size n (n x n times n x n)",
    ylabel="GFLOP/s",
    title="Matrix-multiply throughput on this build's devices",
)
ax.set_xticks(sizes, [str(size) for size in sizes])
ax.legend()
plt.show()

for device in devices:
    smallest, *_, largest = [r for r in timings if r.device == str(device)]
    gain = largest.gflops / smallest.gflops
    print(
        f"{device}: n = {largest.size} runs at {gain:.0f} times the throughput "
        f"of n = {smallest.size} ({largest.gflops:.1f} against {smallest.gflops:.2f} GFLOP/s)"
    )
    # sphinx_gallery_start_ignore
    assert gain > 1, "the next section explains why small sizes gain nothing"
    # sphinx_gallery_end_ignore

# %%
# Why small sizes gain nothing
# ----------------------------
# A 16 x 16 multiply is only 8192 operations, over in far less time than it takes to
# call it: Python, PyTorch's dispatcher and, on an accelerator, the kernel launch each
# cost microseconds whatever the size. On the CPU a small multiply is also too small
# to share among the cores. An accelerator has thousands of cores and only pays off
# once a multiply has enough work to keep them busy, and once the time saved exceeds
# the time to copy the data there and back.

# %%
# The cost of the copy
# --------------------
# Data usually starts in the CPU's memory (the "host"). With an accelerator, we time
# copying a 1024 x 1024 float32 matrix (4 MiB) to it with
# :func:`torchintro.time_copy_to_device`, and compare with the multiply of that size.
for device in devices[1:]:
    copy = torchintro.time_copy_to_device(1024, device)
    multiply = [row for row in timings if row.device == str(device)][-1]
    print(f"{device}: copy {copy.seconds * 1e3:.3f} ms ({copy.gigabytes_per_second:.1f} GB/s)")
    print(f"{device}: 1024 x 1024 multiply {multiply.seconds * 1e3:.3f} ms")
if len(devices) == 1:
    print("No accelerator in this build: no copy to time.")

# %%
# On a GPU, copying the inputs of a multiply of this size commonly takes longer than
# the multiply itself, since the link between host and device is far slower than the
# device's own memory. Built on a machine with a GPU, the lines above measure it. Keep
# data on the device across many operations and copy back only the results.

# %%
# What we learned
# ---------------
# - Accelerators run asynchronously: synchronize before reading the clock, or use
#   ``torch.utils.benchmark.Timer`` through :func:`torchintro.time_matmul`.
# - A matrix multiply takes :math:`2n^3` operations; throughput is that over the time.
# - Small operations are dominated by fixed costs; an accelerator pays off for large
#   ones, and only when the data stays on it.
#
# Next, :ref:`sphx_glr_auto_examples_04_gpu_plot_03_exercises.py`.
