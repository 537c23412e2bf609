"""
Saving and loading
==================

Training takes time; a trained model should outlive the process that trained it. This
page saves a model's parameters and loads them into a fresh model, saves a checkpoint
from which an interrupted training run resumes exactly where it stopped, and explains
why pickling the whole model object is fragile.
"""

# %%
# A model to save
# ---------------
# The digit classifier of the previous pages, trained for a few epochs. ``train`` runs
# epochs of mini-batches; the optimizer and the loader's random generator are passed in,
# because a resumed run will need their state too.
import tempfile
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

digits = load_digits()
features = torch.tensor(digits.data, dtype=torch.float32) / 16
labels = torch.tensor(digits.target)
dataset = TensorDataset(features, labels)
loss_fn = nn.CrossEntropyLoss()


def make_model() -> nn.Module:
    return nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))


def train(model, optimizer, generator, epochs: int) -> None:
    loader = DataLoader(dataset, batch_size=64, shuffle=True, generator=generator)
    model.train()
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()


torch.manual_seed(0)
model = make_model()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
train(model, optimizer, torch.Generator().manual_seed(0), epochs=3)
model.eval()

# %%
# Saving the parameters
# ---------------------
# The recommended way to save a model is its ``state_dict()``: a dictionary of its
# parameter (and buffer) tensors, by name. ``torch.save`` writes it to a file; here a
# temporary directory, removed at the end of the page.
folder = Path(tempfile.mkdtemp())
path = folder / "digits.pt"
torch.save(model.state_dict(), path)
print(f"{path.name}: {path.stat().st_size:,} bytes")

# %%
# Loading is the reverse, into a freshly constructed model of the same architecture:
# ``torch.load(path, weights_only=True)`` reads the dictionary back (and refuses to run
# any other code a file may carry), and ``load_state_dict`` copies it into the model.
# The loaded model predicts exactly what the saved one did:
loaded = make_model()
loaded.load_state_dict(torch.load(path, weights_only=True))
loaded.eval()
with torch.no_grad():
    same = torch.equal(loaded(features), model(features))
print("identical predictions:", same)
# sphinx_gallery_start_ignore
assert same
# sphinx_gallery_end_ignore


# %%
# A checkpoint to resume from
# ---------------------------
# To continue training later, the parameters are not enough. Adam keeps running
# averages of each parameter's gradients; the data loader's generator decides the order
# of the next batches; and we need to know how many epochs were done. A checkpoint is a
# dictionary of all of them. First, the reference: six epochs without a break.
def start():
    torch.manual_seed(0)
    model = make_model()
    return model, torch.optim.Adam(model.parameters(), lr=1e-3), torch.Generator().manual_seed(0)


model, optimizer, generator = start()
train(model, optimizer, generator, epochs=6)
uninterrupted = [p.detach().clone() for p in model.parameters()]

# %%
# Now three epochs, a checkpoint, and a "new process" that builds everything afresh,
# loads the checkpoint and trains the remaining three epochs:
model, optimizer, generator = start()
train(model, optimizer, generator, epochs=3)
checkpoint = {
    "epoch": 3,
    "model": model.state_dict(),
    "optimizer": optimizer.state_dict(),
    "generator": generator.get_state(),
}
torch.save(checkpoint, folder / "checkpoint.pt")
del model, optimizer, generator

model, optimizer, generator = start()  # fresh objects, as after a restart
state = torch.load(folder / "checkpoint.pt", weights_only=True)
model.load_state_dict(state["model"])
optimizer.load_state_dict(state["optimizer"])
generator.set_state(state["generator"])
train(model, optimizer, generator, epochs=6 - state["epoch"])
resumed = [p.detach() for p in model.parameters()]
print(
    "resumed run equals the uninterrupted one:",
    all(torch.equal(a, b) for a, b in zip(resumed, uninterrupted, strict=True)),
)
# sphinx_gallery_start_ignore
assert all(torch.equal(a, b) for a, b in zip(resumed, uninterrupted, strict=True))
# sphinx_gallery_end_ignore

# %%
# The resumed run ends with bit-for-bit the parameters of the uninterrupted one. Leave
# out the optimizer's state and Adam restarts its averages from zero; the run then
# ends somewhere else:
model, optimizer, generator = start()
model.load_state_dict(state["model"])
generator.set_state(state["generator"])
train(model, optimizer, generator, epochs=3)
gap = max(
    (a - b).abs().max().item() for a, b in zip(model.parameters(), uninterrupted, strict=True)
)
print(f"without the optimizer state: parameters differ by up to {gap:.4f}")
# sphinx_gallery_start_ignore
assert gap > 1e-3
# sphinx_gallery_end_ignore

# %%
# Why not save the whole model?
# -----------------------------
# ``torch.save(model, path)`` also works: it pickles the model object. But a pickle
# stores the model's class only by name (here ``torch.nn.modules.container.Sequential``;
# for your own class, something like ``mymodule.MyModel``), so loading it needs that
# class, importable under that same name, from code that still matches; renaming or
# moving the class, or changing it, breaks old files. And loading a pickle can run
# arbitrary code, so ``torch.load`` refuses it by default (``weights_only=True`` has been
# the default since torch 2.6). Its message goes on to say how to load such a file with
# ``weights_only=False``, for a file you trust:
import pickle

torch.save(model, folder / "whole.pt")
try:
    torch.load(folder / "whole.pt")
    refused = None
except pickle.UnpicklingError as error:
    refused = str(error)
    print("UnpicklingError:", refused.split(".")[0] + ".")
# sphinx_gallery_start_ignore
assert refused is not None
assert "weights_only" in refused
# sphinx_gallery_end_ignore

# %%
# A ``state_dict`` holds only tensors, numbers and strings: loading it needs no class at
# all, and the code that builds the model stays in your source, where it belongs.
import shutil

shutil.rmtree(folder)

# %%
# What we learned
# ---------------
# - Save ``model.state_dict()``; load with ``torch.load(path, weights_only=True)`` into
#   a freshly built model with ``load_state_dict``.
# - A checkpoint to resume from holds the epoch, the model's and the optimizer's
#   state dictionaries and the state of every random generator the run uses.
# - Pickling the whole model ties the file to your code's class names and layout.
#
# Next, :ref:`sphx_glr_auto_examples_05_models_plot_06_reproducibility.py` makes two
# whole training runs match bit for bit.
