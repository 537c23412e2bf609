"""
Exercises: more than one process
================================

Three short exercises on what data-parallel training does, each answered in one
process: the samplers and the gradients of several processes can be computed without
starting them. Each one has a cell for your answer, ending with a check that tells you
what is still wrong, or that your answer is right. Try each one before you open its
solution.
"""

# %%
# Setup
# -----
# Ten examples of the regression line, and the checkers from
# :mod:`torchintro.exercises`.
import torch
from torch import nn
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

import torchintro
from torchintro.exercises import check_averaged_gradient, check_shards, check_steps_per_epoch

x, y = torchintro.make_linear_data(10, noise=0.5, seed=0)
dataset = TensorDataset(x, y)
print(len(dataset))

# %%
# Exercise 1: who gets which example?
# -----------------------------------
# Split the 10 examples of ``dataset`` between 3 processes with ``DistributedSampler``,
# without shuffling. Which indices does each rank get? 10 is not a multiple of 3: what
# does the sampler do about it? Put each rank's indices, as a list, in ``shards``:

# %%
shards = [..., ..., ...]
check_shards(shards)

# %%
# **Solution**

# %%
shards = [
    list(DistributedSampler(dataset, num_replicas=3, rank=rank, shuffle=False)) for rank in range(3)
]
for rank, shard in enumerate(shards):
    print(f"rank {rank}: {shard}")
check_shards(shards)
# sphinx_gallery_start_ignore
assert shards == [[0, 3, 6, 9], [1, 4, 7, 0], [2, 5, 8, 1]]  # what the text below says
# sphinx_gallery_end_ignore

# %%
# Rank ``r`` takes every third index starting at ``r``. To give every process the same
# number of examples, 4, the sampler pads the list of 10 indices to 12 with the first
# ones again: examples 0 and 1 are used twice per epoch. ``drop_last=True`` would drop
# the last index instead, giving each rank 3.
#
# Exercise 2: averaging gradients by hand
# ---------------------------------------
# Right after ``torch.manual_seed(0)``, make one ``nn.Linear(1, 1)`` and two copies of
# it (``copy.deepcopy``). Give the first copy the
# first 5 examples and the second the last 5, and compute each copy's gradient of its
# mean squared error. Average the two gradients, as DDP's ``all_reduce`` does, and
# compare with the gradient one model gets from the mean squared error on all 10.
# Check the averaged gradient of the weight:

# %%
averaged = ...
check_averaged_gradient(averaged)

# %%
# **Solution**

# %%
import copy

torch.manual_seed(0)
model = nn.Linear(1, 1)
replicas = [copy.deepcopy(model) for _ in range(2)]
for replica, part in zip(replicas, (slice(0, 5), slice(5, 10)), strict=True):
    nn.functional.mse_loss(replica(x[part]).squeeze(1), y[part]).backward()
averaged = (replicas[0].weight.grad + replicas[1].weight.grad) / 2

nn.functional.mse_loss(model(x).squeeze(1), y).backward()
print(averaged, model.weight.grad)
check_averaged_gradient(averaged)
# sphinx_gallery_start_ignore
assert torch.allclose(averaged, model.weight.grad, atol=1e-6)
# sphinx_gallery_end_ignore

# %%
# They agree: with equal shares, the mean of the two halves' mean losses is the mean
# loss over all 10, and gradients average the same way. (With a padded sampler, as in
# exercise 1, the examples used twice count twice in the average, which shifts it
# slightly.)
#
# Exercise 3: steps per epoch
# ---------------------------
# A job runs on 4 processes with 8 examples per process and step, on a data set of
# 1,000 examples. How many steps does an epoch take, and how many examples does each
# step use in all? Work it out and check your two numbers, then count with a
# ``DistributedSampler`` and a ``DataLoader`` for one of the ranks.

# %%
steps, examples_per_step = ..., ...
check_steps_per_epoch((steps, examples_per_step))

# %%
# **Solution**

# %%
big = TensorDataset(torch.zeros(1000, 1))
sampler = DistributedSampler(big, num_replicas=4, rank=0)
loader = DataLoader(big, batch_size=8, sampler=sampler)
print(len(sampler), len(loader), 4 * 8)
steps, examples_per_step = len(loader), 4 * 8
check_steps_per_epoch((steps, examples_per_step))
# sphinx_gallery_start_ignore
assert (len(sampler), len(loader)) == (250, 32)
# sphinx_gallery_end_ignore

# %%
# Each rank gets 1,000 / 4 = 250 examples, which make 32 batches of 8 (the last one
# has 2): an epoch is 32 steps, each using 4 x 8 = 32 examples in all, except the last.
#
# Where next
# ----------
# This was the last page of the tutorial. The :doc:`landing page </index>` leads back
# to every gallery and to running the examples yourself; the
# :doc:`API reference </api>` documents the ``torchintro`` helpers these pages used.
