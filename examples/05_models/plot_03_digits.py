"""
A classifier on real data
=========================

A network that reads handwritten digits: scikit-learn's copy of the UCI digits, 1,797
images of 8x8 pixels that ship inside the ``scikit-learn`` package, so nothing is
downloaded. This page splits them into training, validation and test sets, trains a
small multilayer perceptron with mini-batches, watches it learn, and looks at what it
still gets wrong.
"""

# %%
# The digits
# ----------
# ``load_digits`` returns the images flattened to 64 pixel values from 0 (white) to 16
# (black), and the digit each shows.
import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

digits = load_digits()
print(digits.data.shape, digits.target.shape, digits.data.min(), digits.data.max())

fig, axes = plt.subplots(2, 5, figsize=(6, 2.8), layout="constrained")
for digit, ax in enumerate(axes.flat):
    first = (digits.target == digit).argmax()  # the first image of each digit
    ax.imshow(digits.images[first], cmap="gray_r", vmin=0, vmax=16)
    ax.set(title=str(digit), xticks=[], yticks=[])
fig.suptitle("One image of each digit (8x8 pixels)")
plt.show()
# sphinx_gallery_start_ignore
assert digits.data.shape == (1797, 64)
assert (digits.data.min(), digits.data.max()) == (0.0, 16.0)
# sphinx_gallery_end_ignore

# %%
# Training, validation and test sets
# ----------------------------------
# The model learns from the training set; the validation set tells us, during
# training, how well it does on images it has not learned from; the test set is looked
# at once, at the end, for the number we report. ``train_test_split`` with
# ``stratify`` keeps the ten digits in the same proportions in every part: 60% for
# training, 20% each for validation and test. Pixels are scaled to [0, 1].
features = torch.tensor(digits.data, dtype=torch.float32) / 16
labels = torch.tensor(digits.target)  # int64, as the loss below expects
x_train, x_rest, y_train, y_rest = train_test_split(
    features, labels, train_size=0.6, stratify=labels, random_state=0
)
x_val, x_test, y_val, y_test = train_test_split(
    x_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=0
)
print(f"train {len(x_train)}, validation {len(x_val)}, test {len(x_test)}")
print("images of each digit in the training set:", torch.bincount(y_train).tolist())
# sphinx_gallery_start_ignore
assert len(x_train) + len(x_val) + len(x_test) == 1797
assert (torch.bincount(y_train) - 0.6 * torch.bincount(labels)).abs().max() <= 1
# sphinx_gallery_end_ignore

# %%
# The model
# ---------
# A multilayer perceptron: a linear layer from the 64 pixels to 64 hidden units, a
# ReLU, and a linear layer to 10 outputs, one per digit. ``nn.Sequential`` chains
# modules so that we need not write ``forward``. Its outputs are *logits*: any real
# numbers, larger for the more likely digit.
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))
print(model)
print(sum(p.numel() for p in model.parameters()), "parameters")
# sphinx_gallery_start_ignore
assert sum(p.numel() for p in model.parameters()) == 64 * 64 + 64 + 64 * 10 + 10
# sphinx_gallery_end_ignore

# %%
# The loss, and why there is no softmax layer
# -------------------------------------------
# ``nn.CrossEntropyLoss`` takes the logits and the true labels. It applies
# ``log_softmax`` to the logits itself, in one numerically stable step, then averages
# minus the log-probability of the true digit. So the model must *not* end in a
# softmax: the loss would apply it a second time, squashing the probabilities towards
# uniform and the gradients towards zero. Where probabilities are wanted, apply
# ``torch.softmax`` to the logits outside the model:
loss_fn = nn.CrossEntropyLoss()
logits = model(x_train[:3])
print(logits.shape)
print(torch.softmax(logits, dim=1).sum(dim=1))  # each row is a distribution over digits
by_hand = -torch.log_softmax(logits, dim=1)[torch.arange(3), y_train[:3]].mean()
print(f"{loss_fn(logits, y_train[:3]).item():.6f} {by_hand.item():.6f}")
# sphinx_gallery_start_ignore
assert torch.allclose(loss_fn(logits, y_train[:3]), by_hand)
# sphinx_gallery_end_ignore


# %%
# Training, and watching it
# -------------------------
# Mini-batches of 32 training images, reshuffled every epoch, and the Adam optimizer,
# a variant of gradient descent that adapts the step size of each parameter. After
# each epoch we measure loss and accuracy on the training and the validation set,
# with the model in evaluation mode and gradients off (the next page says why).
def evaluate(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """Mean loss and accuracy of ``model`` on ``x``, ``y``."""
    model.eval()
    with torch.no_grad():
        logits = model(x)
        loss = loss_fn(logits, y).item()
        accuracy = (logits.argmax(dim=1) == y).float().mean().item()
    model.train()
    return loss, accuracy


loader = DataLoader(
    TensorDataset(x_train, y_train),
    batch_size=32,
    shuffle=True,
    generator=torch.Generator().manual_seed(0),
)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
history = {"train": [], "validation": []}
for _ in range(30):
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
    history["train"].append(evaluate(model, x_train, y_train))
    history["validation"].append(evaluate(model, x_val, y_val))

for name, rows in history.items():
    loss, accuracy = rows[-1]
    print(f"{name:<10} after 30 epochs: loss {loss:.3f}, accuracy {accuracy:.1%}")

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(7, 3.2), layout="constrained")
epochs = range(1, 31)
for name, rows in history.items():
    left.plot(epochs, [loss for loss, _ in rows], label=name)
    right.plot(epochs, [accuracy for _, accuracy in rows], label=name)
left.set(xlabel="epoch", ylabel="cross-entropy loss", yscale="log", title="Loss")
right.set(xlabel="epoch", ylabel="accuracy", title="Accuracy")
right.yaxis.set_major_formatter("{x:.0%}")
left.legend()
plt.show()
# sphinx_gallery_start_ignore
train_loss, train_accuracy = history["train"][-1]
val_loss, val_accuracy = history["validation"][-1]
assert history["train"][0][1] < 0.95 < val_accuracy
assert train_loss < val_loss
assert val_accuracy <= train_accuracy
train_losses = [loss for loss, _ in history["train"]]
val_losses = [loss for loss, _ in history["validation"]]
assert all(t < v for t, v in zip(train_losses[-10:], val_losses[-10:], strict=True))
assert val_losses[-1] / val_losses[-11] > train_losses[-1] / train_losses[-11]  # slower
# sphinx_gallery_end_ignore

# %%
# Both losses fall quickly at first. Over the last ten epochs the validation loss stays
# above the training loss and falls more slowly: the model fits the images it learns
# from better than new ones. The validation set is what tells us when more training
# stops helping.
#
# The test set, once
# ------------------
# Now, and only now, the test set: 360 images the model has never been trained or
# tuned on. The build checks that the accuracy is at least 95%.
test_loss, test_accuracy = evaluate(model, x_test, y_test)
print(f"test accuracy: {test_accuracy:.1%} ({round(test_accuracy * len(y_test))} of {len(y_test)})")
# sphinx_gallery_start_ignore
assert len(y_test) == 360
assert test_accuracy >= 0.95
# sphinx_gallery_end_ignore

# %%
# Which digits it confuses
# ------------------------
# The confusion matrix counts, for each true digit (row), how often the model predicted
# each digit (column); correct predictions lie on the diagonal. ``torch.bincount`` on
# ``10 * true + predicted`` counts all hundred pairs at once.
model.eval()
with torch.no_grad():
    predicted = model(x_test).argmax(dim=1)
confusion = torch.bincount(10 * y_test + predicted, minlength=100).reshape(10, 10)
off_diagonal = confusion - torch.diag(torch.diag(confusion))
true_digit, guess = divmod(off_diagonal.argmax().item(), 10)
print(
    f"{off_diagonal.sum().item()} mistakes; the most frequent: "
    f"{true_digit} read as {guess}, {off_diagonal.max().item()} times"
)

fig, ax = plt.subplots(figsize=(4.6, 4.2), layout="constrained")
ax.imshow(confusion.numpy(), cmap="Blues")  # matplotlib takes NumPy arrays
for true in range(10):
    for pred in range(10):
        count = confusion[true, pred].item()
        if count:
            color = "white" if count > confusion.max() / 2 else "black"
            ax.text(pred, true, count, ha="center", va="center", color=color, fontsize=8)
ax.set(xticks=range(10), yticks=range(10), xlabel="predicted digit", ylabel="true digit")
ax.set(title="Confusion matrix on the test set")
plt.show()
# sphinx_gallery_start_ignore
assert confusion.sum().item() == 360
assert torch.diag(confusion).sum().item() == round(test_accuracy * 360)
# sphinx_gallery_end_ignore

# %%
# The mistakes themselves
# -----------------------
# Every test image the model got wrong, with its prediction and the true digit. Several
# would puzzle a person too, at 8x8 pixels.
wrong = (predicted != y_test).nonzero().flatten()
columns = 6
rows = -(-len(wrong) // columns)
fig, axes = plt.subplots(rows, columns, figsize=(6, 1.25 * rows + 0.4), layout="constrained")
for ax in axes.flat:
    ax.set_axis_off()
for ax, index in zip(axes.flat, wrong.tolist(), strict=False):  # more axes than images
    ax.imshow(x_test[index].reshape(8, 8).numpy(), cmap="gray_r", vmin=0, vmax=1)
    ax.set_title(f"{predicted[index].item()} (true {y_test[index].item()})", fontsize=9)
fig.suptitle("Misread test digits: predicted (true)")
plt.show()

# %%
# What we learned
# ---------------
# - Split real data into training, validation and test sets, stratified by class; look
#   at the test set once, at the end.
# - A classifier outputs logits; ``nn.CrossEntropyLoss`` applies the softmax itself,
#   so the model ends in a linear layer.
# - Accuracy counts ``logits.argmax(dim=1) == labels``; a confusion matrix shows which
#   classes are mistaken for which.
#
# Next, :ref:`sphx_glr_auto_examples_05_models_plot_04_train_eval.py` explains
# ``model.eval()`` and ``torch.no_grad()``, used above in ``evaluate``.
