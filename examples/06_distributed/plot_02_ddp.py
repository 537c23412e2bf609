"""
Data-parallel training
======================

The most common way to train on several devices is *data parallelism*: every process
holds a full copy of the model, works on its own share of each batch, and the
processes average their gradients before every update, so that all copies stay
identical. PyTorch's ``DistributedDataParallel`` (DDP) does the averaging. This page
trains the regression line with DDP in two processes, checks that the two copies agree
after every step, and that they end where one process training on the same data ends.
"""

# %%
# The training function
# ---------------------
# Each process runs :func:`torchintro.distributed.train_ddp` on the 64 noisy points of
# :math:`y = 3x - 2`. What makes it data-parallel:
#
# - ``DistributedDataParallel(model)`` wraps the model; during ``backward()`` it
#   averages each gradient over the processes with ``all_reduce``;
# - ``DistributedSampler`` gives each process its own shard of the data set, here 32 of
#   the 64 points, shuffled the same way in every process from one seed;
# - ``sampler.set_epoch(epoch)`` changes that shuffle from epoch to epoch (without it,
#   every epoch would repeat the first epoch's order).
#
# After every step it also gathers both processes' parameters and records how far
# apart they are. Its code:
import inspect

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DistributedSampler, TensorDataset

import torchintro
from torchintro.distributed import run_processes, train_ddp

signature, docstring, body = inspect.getsource(train_ddp).split('"""', 2)
print(signature.rstrip() + body)

# %%
# Two processes
# -------------
# Three epochs, 8 examples per process and step: each step uses 16 examples in all, and
# an epoch of 64 points takes 4 steps.
x, y = torchintro.make_linear_data(64, noise=0.5, seed=0)
settings = {"epochs": 3, "batch_size": 8, "lr": 0.1, "seed": 0}
ranks = run_processes(train_ddp, world_size=2, args=(x, y, *settings.values()), timeout=60)
for rank, result in enumerate(ranks):
    weight, bias = result["weight"][0], result["bias"]
    print(f"rank {rank}: {len(result['losses'])} steps, weight {weight:.6f}, bias {bias:.6f}")
spread = max(max(result["spread"]) for result in ranks)
print(f"largest difference between the two copies after any step: {spread}")
# sphinx_gallery_start_ignore
assert [len(result["losses"]) for result in ranks] == [12, 12]
assert spread == 0.0
assert ranks[0]["weight"] == ranks[1]["weight"]
assert ranks[0]["bias"] == ranks[1]["bias"]
# sphinx_gallery_end_ignore

# %%
# The two copies never differ, not even in the last bit: both start from the same
# parameters (the same seed), and both apply the same averaged gradient at every step.
# Their *losses* differ, because each process computes its loss on its own 8 points:
steps = range(1, len(ranks[0]["losses"]) + 1)
fig, ax = plt.subplots(layout="constrained")
for rank, result in enumerate(ranks):
    ax.plot(steps, result["losses"], marker="o", label=f"rank {rank} (its own 8 points)")
ax.set(xlabel="step", ylabel="mean squared error on the batch", yscale="log")
ax.set(title="Each process's loss, 2 processes x 8 examples per step")
ax.legend()
plt.show()


# %%
# The same training in one process
# --------------------------------
# Averaging the gradients of two batches of 8 gives the gradient of the mean loss over
# all 16 examples. So one process that takes, at each step, the 16 examples both
# processes used, should end with the same parameters. The samplers can be built
# without any process group (given ``num_replicas`` and ``rank``), which tells us
# exactly which examples each process saw:
def global_batches(epochs: int, batch_size: int, seed: int) -> list[torch.Tensor]:
    dataset = TensorDataset(x, y)
    samplers = [DistributedSampler(dataset, num_replicas=2, rank=r, seed=seed) for r in (0, 1)]
    batches = []
    for epoch in range(epochs):
        shards = []
        for sampler in samplers:
            sampler.set_epoch(epoch)
            shards.append(torch.tensor(list(sampler)).split(batch_size))
        batches += [torch.cat(pair) for pair in zip(*shards, strict=True)]
    return batches


torch.manual_seed(settings["seed"])  # the same initial parameters as the processes
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=settings["lr"])
for batch in global_batches(settings["epochs"], settings["batch_size"], settings["seed"]):
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x[batch]).squeeze(1), y[batch]).backward()
    optimizer.step()

weight, bias = model.weight.item(), model.bias.item()
difference = max(abs(weight - ranks[0]["weight"][0]), abs(bias - ranks[0]["bias"]))
print(f"one process: weight {weight:.6f}, bias {bias:.6f}")
print(f"largest difference from the two-process run: {difference:.1e}")
# sphinx_gallery_start_ignore
assert len(global_batches(3, 8, 0)) == 12
assert all(len(batch) == 16 for batch in global_batches(3, 8, 0))
assert difference < 1e-5
# sphinx_gallery_end_ignore

# %%
# The one-process run ends where the two-process run ended: the build checks that the
# largest difference, printed above, is below 1e-5. It can differ in the last bits,
# since the average of two means of 8 numbers is not always rounded as one mean of 16.
#
# What we learned
# ---------------
# - ``DistributedDataParallel`` averages gradients across processes during
#   ``backward()``, so replicas that start equal stay equal after every step.
# - ``DistributedSampler`` splits the data between processes; call ``set_epoch`` every
#   epoch.
# - Data-parallel training on ``n`` processes with batches of ``b`` each is ordinary
#   training with batches of ``n * b``, computed in ``n`` places at once.
#
# Next: :ref:`sphx_glr_auto_examples_06_distributed_plot_03_torchrun.py`.
