"""
Data in mini-batches
====================

The fits so far used every data point in every step. Real training sets are too large
for that, so each step uses a small random batch of them instead. PyTorch splits this
into two jobs: a ``Dataset`` says how many examples there are and returns one by its
index, and a ``DataLoader`` draws batches from it. This page shows both, and what the
batch size does to training.
"""

# %%
# A dataset from tensors
# ----------------------
# ``TensorDataset`` wraps tensors whose first dimension counts the examples; item ``i``
# is the tuple of their ``i``-th rows. We use 100 noisy points of :math:`y = 3x - 2`.
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, TensorDataset

import torchintro

x, y = torchintro.make_linear_data(100, noise=0.5, seed=0)
dataset = TensorDataset(x, y)
print(len(dataset))
print(dataset[0])


# %%
# A dataset of your own
# ---------------------
# Any class with ``__len__`` and ``__getitem__`` is a map-style dataset. This one makes
# each example when it is asked for, as a dataset reading images from disk would: here
# the point ``i`` of an evenly spaced grid on [-1, 1], without noise.
class LinePoints(Dataset):
    def __init__(self, size: int) -> None:
        self.size = size

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        if not 0 <= index < self.size:
            raise IndexError(f"index {index} is out of range for {self.size} points")
        x = torch.tensor([-1 + 2 * index / (self.size - 1)])
        return x, 3 * x[0] - 2


grid = LinePoints(5)
print(len(grid), grid[0], grid[4])
# sphinx_gallery_start_ignore
assert grid[4][0].item() == 1.0
assert grid[4][1].item() == 1.0
# sphinx_gallery_end_ignore

# %%
# Batches from a ``DataLoader``
# -----------------------------
# A ``DataLoader`` draws ``batch_size`` indices at a time, fetches those items and
# stacks them into one tensor per field. With ``shuffle=True`` it draws the indices in
# a new random order every epoch (one pass over the data); giving it a seeded
# ``torch.Generator`` makes that order repeatable.
loader = DataLoader(
    dataset, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0)
)
x_batch, y_batch = next(iter(loader))
print(x_batch.shape, y_batch.shape)
print(f"{len(loader)} batches per epoch")

# %%
# 100 is not a multiple of 32, so the last batch of each epoch has only the 4 examples
# left over. ``drop_last=True`` skips such a batch, for code that needs full batches:
sizes = [len(xb) for xb, _ in loader]
print("batch sizes:", sizes)
trimmed = DataLoader(dataset, batch_size=32, shuffle=True, drop_last=True)
print(f"with drop_last=True: {len(trimmed)} batches of 32")
# sphinx_gallery_start_ignore
assert len(loader) == 4
assert sizes == [32] * 3 + [4]
assert len(trimmed) == 3
assert all(len(xb) == 32 for xb, _ in trimmed)
# sphinx_gallery_end_ignore


# %%
# Each epoch visits every example once, in a new order: the first five indices the
# loader drew in two epochs in a row differ, and together the batches of one epoch
# hold each of the 100 points exactly once. A second loader with a generator seeded
# the same way draws the same orders.
def epoch_orders(generator: torch.Generator, epochs: int) -> list[torch.Tensor]:
    indexed = TensorDataset(torch.arange(100))
    batches = DataLoader(indexed, batch_size=32, shuffle=True, generator=generator)
    return [torch.cat([index for (index,) in batches]) for _ in range(epochs)]


first, second = epoch_orders(torch.Generator().manual_seed(0), 2)
print("epoch 1 starts with", first[:5].tolist())
print("epoch 2 starts with", second[:5].tolist())
again = epoch_orders(torch.Generator().manual_seed(0), 2)
print(
    "same seed, same orders:",
    all(torch.equal(a, b) for a, b in zip(again, [first, second], strict=True)),
)
# sphinx_gallery_start_ignore
assert not torch.equal(first[:5], second[:5])
assert torch.equal(first.sort().values, torch.arange(100))
assert torch.equal(again[0], first)
assert torch.equal(again[1], second)
# sphinx_gallery_end_ignore


# %%
# Epochs and steps
# ----------------
# The optimizer takes one *step* per batch, so an epoch has as many steps as the loader
# has batches. The training loop gains an inner loop over the batches; everything
# inside it is the loop of the previous page.
def train(batch_size: int, epochs: int, lr: float = 0.05) -> list[float]:
    """Train a line on ``dataset``; return the loss on all 100 points after each epoch."""
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    batches = DataLoader(
        dataset, batch_size=batch_size, shuffle=True, generator=torch.Generator().manual_seed(0)
    )
    losses = []
    for _ in range(epochs):
        for xb, yb in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(xb).squeeze(1), yb)
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            losses.append(loss_fn(model(x).squeeze(1), y).item())
    return losses


# %%
# What the batch size does
# ------------------------
# The same learning rate and number of epochs with three batch sizes: one point per
# step (100 steps per epoch), 10 points (10 steps) and the full data set (1 step). The
# lowest loss any line reaches on these points is the least-squares loss, drawn dotted.
import matplotlib.pyplot as plt

epochs = 20
curves = {size: train(size, epochs) for size in (1, 10, 100)}
best = torchintro.fit_least_squares(x, y).losses.item()
for size, losses in curves.items():
    print(
        f"batch size {size:>3}: loss after 1 epoch {losses[0]:.3f}, after {epochs} {losses[-1]:.3f}"
    )

fig, ax = plt.subplots(layout="constrained")
for size, losses in curves.items():
    steps = len(dataset) // size
    label = f"batch size {size} ({steps} step{'s' if steps > 1 else ''} per epoch)"
    ax.plot(range(1, epochs + 1), losses, label=label)
ax.axhline(best, color="C3", linestyle=":", label="least squares")
ax.set(xlabel="epoch", ylabel="mean squared error on all points", yscale="log")
ax.set_yticks([0.2, 0.5, 1, 2, 5], labels=["0.2", "0.5", "1", "2", "5"])
ax.minorticks_off()
ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
ax.set(title="Smaller batches: more steps per epoch, noisier steps")
ax.legend()
plt.show()
# sphinx_gallery_start_ignore
one, ten, full = curves[1], curves[10], curves[100]
assert one[0] < ten[0] < full[0]  # more steps per epoch: lower loss after one epoch
assert full[-1] > 1.5 * best  # the full batch is still far from the best after 20 epochs
assert abs(ten[-1] - best) < 0.01 * best  # 10 points per step has converged
assert max(one[10:]) - min(one[10:]) > 5 * (max(ten[10:]) - min(ten[10:]))  # noise
# sphinx_gallery_end_ignore

# %%
# With one point per step the loss falls fastest per epoch, but it keeps jumping around:
# each step follows the gradient of a single noisy point. The full batch takes the one
# exact gradient step per epoch and is still far from the best line after 20 epochs.
# Batches of 10 make ten steps per epoch with gradients averaged over 10 points, and
# settle at the least-squares loss. Per epoch, small batches make more progress; per
# step, large batches do, and on a GPU a large batch costs little more time than a
# small one. Choosing the batch size trades these off.
#
# What we learned
# ---------------
# - A ``Dataset`` has ``__len__`` and ``__getitem__``; ``TensorDataset`` wraps tensors.
# - A ``DataLoader`` batches a dataset: ``batch_size``, ``shuffle`` with a seeded
#   ``generator`` for repeatable orders, ``drop_last`` for full batches only.
# - An epoch is one pass over the data; a step is one batch and one optimizer update.
#
# Next, :ref:`sphx_glr_auto_examples_05_models_plot_03_digits.py` trains a classifier
# on real data.
