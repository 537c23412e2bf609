"""
Reproducible runs
=================

Run the same training twice and you may get two different models: initial weights,
batch order, dropout and data augmentation all draw random numbers, from up to four
different generators. This page seeds each of them, including in the data loader's
worker processes, and shows two complete runs that match bit for bit.
"""

# %%
# The random generators of a training run
# ---------------------------------------
# - ``torch.manual_seed``: PyTorch's global generator (initial weights, dropout,
#   ``torch.rand``).
# - ``random.seed`` and ``numpy.random.seed``: Python's and NumPy's global generators,
#   which data code often uses.
# - A ``torch.Generator`` given to the ``DataLoader``: the order of the batches, and the
#   seeds of its worker processes.
# - Generators your own code creates, such as a ``numpy.random.Generator`` held by a
#   dataset: in worker processes these need ``worker_init_fn``, shown below.
#
# A dataset with random augmentation
# ----------------------------------
# The digits again, with each image shifted by a random amount of up to one pixel
# whenever it is fetched: a typical augmentation. It draws the shift from a NumPy
# generator the dataset holds.
import random

import numpy as np
import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, Dataset, get_worker_info

digits = load_digits()


class ShiftedDigits(Dataset):
    def __init__(self, seed: int) -> None:
        self.images = torch.tensor(digits.images, dtype=torch.float32) / 16
        self.labels = torch.tensor(digits.target)
        self.rng = np.random.default_rng(seed)

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, index: int):
        down, right = self.rng.integers(-1, 2, size=2).tolist()
        image = torch.roll(self.images[index], shifts=(down, right), dims=(0, 1))
        return image.flatten(), self.labels[index]


# %%
# Worker processes
# ----------------
# With ``num_workers=2`` the loader fetches batches in two worker processes, each with
# its own copy of the dataset, and so its own copy of ``self.rng``, in the same state.
# A dataset that only returns what its generator draws shows what that means: batch 0
# comes from worker 0, batch 1 from worker 1, and they draw the same numbers.
class Draws(Dataset):
    def __init__(self) -> None:
        self.rng = np.random.default_rng(0)

    def __len__(self) -> int:
        return 8

    def __getitem__(self, index: int) -> int:
        return int(self.rng.integers(100))


def batches(worker_init_fn=None) -> list[list[int]]:
    loader = DataLoader(
        Draws(),
        batch_size=4,
        num_workers=2,
        worker_init_fn=worker_init_fn,
        generator=torch.Generator().manual_seed(0),
    )
    return [batch.tolist() for batch in loader]


print("without worker_init_fn:", batches())


# %%
# PyTorch itself seeds each worker's torch, ``random`` and NumPy global generators
# differently, from the loader's generator, and ``get_worker_info().seed`` gives that
# per-worker seed. A ``worker_init_fn``, run in each worker as it starts, can seed the
# dataset's own generator from it:
def seed_worker(worker_id: int) -> None:
    info = get_worker_info()
    info.dataset.rng = np.random.default_rng(info.seed)


print("with seed_worker:      ", batches(seed_worker))
print("again:                 ", batches(seed_worker))


# sphinx_gallery_start_ignore
class GlobalDraws(Dataset):
    def __len__(self) -> int:
        return 2

    def __getitem__(self, index: int) -> tuple[int, int, int]:
        return torch.randint(10**6, ()).item(), random.randrange(10**6), np.random.randint(10**6)  # noqa: NPY002 (the global generator, on purpose)


loader = DataLoader(GlobalDraws(), batch_size=1, num_workers=2)
from_worker_0, from_worker_1 = ([int(value) for value in batch] for batch in loader)
assert all(
    a != b for a, b in zip(from_worker_0, from_worker_1, strict=True)
)  # all three seeded apart
plain = batches()
assert plain[0] == plain[1]
seeded = batches(seed_worker)
assert seeded[0] != seeded[1]
assert seeded == batches(seed_worker)
# sphinx_gallery_end_ignore


# %%
# Now the two workers draw different numbers, and the same ones on every run, because
# the workers' seeds come from the loader's seeded generator.
#
# Two complete runs
# -----------------
# ``run`` seeds every generator of the list above, then trains a digit classifier with
# dropout for three epochs, on shifted images fetched by two workers.
# ``torch.use_deterministic_algorithms(True)`` makes PyTorch use deterministic
# implementations of its operations, and raise an error where it has none; on a CPU
# most operations are deterministic already, on a GPU several are not (and CUDA also
# needs the environment variable ``CUBLAS_WORKSPACE_CONFIG=:4096:8``).
def run(seed: int) -> list[torch.Tensor]:
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)  # noqa: NPY002 (NumPy's global generator, which data code may use)
    torch.use_deterministic_algorithms(True)

    model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = DataLoader(
        ShiftedDigits(seed),
        batch_size=64,
        shuffle=True,
        num_workers=2,
        worker_init_fn=seed_worker,
        generator=torch.Generator().manual_seed(seed),
        persistent_workers=True,  # start the workers once, not every epoch
    )
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(3):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
    return [p.detach() for p in model.parameters()]


first, second, other = run(0), run(0), run(1)
print("seed 0 twice, identical parameters:", all(map(torch.equal, first, second)))
print("seed 0 and seed 1, identical:      ", all(map(torch.equal, first, other)))
torch.use_deterministic_algorithms(False)
# sphinx_gallery_start_ignore
assert all(map(torch.equal, first, second))
assert not any(map(torch.equal, first, other))
# sphinx_gallery_end_ignore

# %%
# Two runs with the same seed end with bit-for-bit identical parameters; a different
# seed gives a different model.
#
# What stays different
# --------------------
# Seeding makes a run repeatable on the same machine, with the same versions of torch
# and its libraries, on the same kind of device. It does not make runs match across
# them: a new torch release may change an algorithm or the order of a sum, a CPU and a
# GPU round differently, and two GPU models may choose different kernels. PyTorch's
# `reproducibility notes <https://pytorch.org/docs/stable/notes/randomness.html>`_ list
# what it does and does not promise.
#
# What we learned
# ---------------
# - Seed torch, ``random`` and NumPy, and give the ``DataLoader`` a seeded generator.
# - Generators your dataset holds need a ``worker_init_fn`` that seeds them from
#   ``get_worker_info().seed`` in each worker process.
# - ``torch.use_deterministic_algorithms(True)`` rules out nondeterministic kernels.
# - Reproducible means the same code, versions and kind of device; not across them.
#
# Next, :ref:`sphx_glr_auto_examples_05_models_plot_07_exercises.py`.
