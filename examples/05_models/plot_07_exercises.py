"""
Exercises: training a real model
================================

Three short exercises on modules, evaluation and checkpoints. Each one has a cell for
your answer, ending with a check that tells you what is still wrong, or that your answer
is right. Try each one before you open its solution.
"""

# %%
# Setup
# -----
# The digits of this gallery, split into a training and a validation set, as tensors,
# and the checkers from :mod:`torchintro.exercises`.
import copy

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from torchintro.exercises import check_accuracy, check_best_epoch, check_mlp

digits = load_digits()
features = torch.tensor(digits.data, dtype=torch.float32) / 16
labels = torch.tensor(digits.target)
x_train, x_val, y_train, y_val = train_test_split(
    features, labels, train_size=0.75, stratify=labels, random_state=0
)
print(x_train.shape, x_val.shape)

# %%
# Exercise 1: a module of your own
# --------------------------------
# Write a module ``MLP(inputs, hidden, outputs)`` with two linear layers and a ReLU
# between them, as a subclass of ``nn.Module`` with ``__init__`` and ``forward``. How
# many parameters does ``MLP(64, 32, 10)`` have? Work it out by hand, then count them
# with ``parameters()``.


# %%
class MLP(nn.Module):
    def __init__(self, inputs: int, hidden: int, outputs: int) -> None:
        super().__init__()
        raise NotImplementedError  # your layers here

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError  # your code here


check_mlp(MLP)

# %%
# **Solution**


# %%
class MLP(nn.Module):
    def __init__(self, inputs: int, hidden: int, outputs: int) -> None:
        super().__init__()
        self.hidden = nn.Linear(inputs, hidden)
        self.output = nn.Linear(hidden, outputs)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.output(torch.relu(self.hidden(x)))


torch.manual_seed(0)
mlp = MLP(64, 32, 10)
by_hand = 64 * 32 + 32 + 32 * 10 + 10  # weights and biases of each layer
counted = sum(p.numel() for p in mlp.parameters())
print(by_hand, counted, mlp(x_train[:5]).shape)
check_mlp(MLP)
# sphinx_gallery_start_ignore
assert by_hand == counted == 2410
# sphinx_gallery_end_ignore

# %%
# Each ``nn.Linear(a, b)`` has a ``(b, a)`` weight and ``b`` biases: 2,080 and 330
# here, 2,410 in all.
#
# Exercise 2: accuracy over a data loader
# ---------------------------------------
# Write ``accuracy(model, loader)``, which returns the fraction of examples of a
# ``DataLoader`` that ``model`` classifies correctly. It must evaluate in evaluation
# mode without recording gradients, and leave the model in the mode it found it in.
# Check it against the accuracy computed on the whole validation tensor at once.


# %%
def accuracy(model: nn.Module, loader: DataLoader) -> float:
    raise NotImplementedError  # your code here


check_accuracy(accuracy)

# %%
# **Solution**


# %%
def accuracy(model: nn.Module, loader: DataLoader) -> float:
    was_training = model.training
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for xb, yb in loader:
            correct += (model(xb).argmax(dim=1) == yb).sum().item()
            total += len(yb)
    model.train(was_training)
    return correct / total


val_loader = DataLoader(TensorDataset(x_val, y_val), batch_size=100)
print(f"{accuracy(mlp, val_loader):.4f}")
with torch.no_grad():
    at_once = (mlp(x_val).argmax(dim=1) == y_val).float().mean().item()
print(f"{at_once:.4f}", mlp.training)
check_accuracy(accuracy)
# sphinx_gallery_start_ignore
assert abs(accuracy(mlp, val_loader) - at_once) < 1e-6
assert at_once <= 0.1
# sphinx_gallery_end_ignore

# %%
# The model is untrained, so it does no better than guessing, which gets one digit in
# ten right. Counting correct examples batch by batch and dividing once at the end
# gives the same fraction as the whole tensor at once, even though the last batch is
# smaller than the others.
#
# Exercise 3: keep the best epoch
# -------------------------------
# Train ``MLP(64, 32, 10)`` for 20 epochs with Adam (learning rate 0.01) on mini-batches
# of 32, measure the validation accuracy after each epoch, and keep a copy of the
# parameters from the epoch where it was highest ("early stopping"). Load that copy
# back at the end and check that the model then has the best accuracy you recorded.
# Careful: ``state_dict()`` returns references to the model's live tensors, which the
# next optimizer step changes. Check your model, with the list of the 20 accuracies:

# %%
model = ...
accuracies = ...
check_best_epoch(model, accuracies)

# %%
# **Solution**

# %%
torch.manual_seed(0)
model = MLP(64, 32, 10)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()
train_loader = DataLoader(
    TensorDataset(x_train, y_train),
    batch_size=32,
    shuffle=True,
    generator=torch.Generator().manual_seed(0),
)
accuracies, best_accuracy, best_epoch, best_state = [], 0.0, None, None
for epoch in range(20):
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss_fn(model(xb), yb).backward()
        optimizer.step()
    score = accuracy(model, val_loader)
    accuracies.append(score)
    if score > best_accuracy:
        best_accuracy, best_epoch = score, epoch + 1
        best_state = copy.deepcopy(model.state_dict())  # a copy, not the live tensors

final_accuracy = accuracy(model, val_loader)
model.load_state_dict(best_state)
print(f"best epoch {best_epoch}: {best_accuracy:.4f}; last epoch: {final_accuracy:.4f}")
print(f"after loading the best state: {accuracy(model, val_loader):.4f}")
check_best_epoch(model, accuracies)
# sphinx_gallery_start_ignore
assert accuracy(model, val_loader) == best_accuracy >= final_accuracy
assert best_accuracy > 0.95
# sphinx_gallery_end_ignore

# %%
# ``copy.deepcopy`` copies the tensors of the state dictionary. Without it,
# ``best_state`` would hold the very tensors the optimizer goes on changing, and loading
# it back would restore the last epoch, not the best.
#
# Where next
# ----------
# The next gallery, :ref:`sphx_glr_auto_examples_06_distributed`, trains on more than
# one process: ``torch.distributed``, ``DistributedDataParallel`` and ``torchrun``.
