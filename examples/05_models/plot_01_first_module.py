"""
Your first ``nn.Module``
========================

Real PyTorch models are classes: subclasses of ``torch.nn.Module`` that hold their
parameters and say, in ``forward``, how an input becomes an output. This page writes
the straight line of the regression gallery as such a class, looks inside it, trains it
with an optimizer, and checks that it learns exactly what a hand-written loop learns.
"""

# %%
# The data
# --------
# The 50 noisy points of :math:`y = 3x - 2` from the regression gallery, drawn by
# :func:`torchintro.make_linear_data`: ``x`` has shape ``(50, 1)``, one row per
# example and one column per feature, and ``y`` has shape ``(50,)``.
import torch
from torch import nn

import torchintro

x, y = torchintro.make_linear_data(50, noise=0.5, seed=0)
print(x.shape, y.shape)


# %%
# The model as a class
# --------------------
# A module defines its parts in ``__init__`` (after calling ``super().__init__()``) and
# its computation in ``forward``. Here the only part is an ``nn.Linear(1, 1)``, which
# holds a weight and a bias and computes ``x @ weight.T + bias``; ``forward`` drops the
# output's last dimension, of size 1, so that predictions have the shape of ``y``.
class LineModel(nn.Module):
    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.linear = nn.Linear(in_features, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(x).squeeze(1)


model = LineModel(1)
print(model)

# %%
# Call the model itself, ``model(x)``, not ``model.forward(x)``: calling it runs
# ``forward`` and also any hooks PyTorch or a library has attached to the module.
prediction = model(x)
print(prediction.shape)
# sphinx_gallery_start_ignore
assert prediction.shape == (50,)
# sphinx_gallery_end_ignore

# %%
# What a module holds
# -------------------
# Assigning an ``nn.Linear`` to ``self.linear`` registered it as a submodule, and with
# it its two parameters. ``parameters()`` yields them (what an optimizer needs);
# ``named_parameters()`` adds their names, built from the attribute names:
for name, parameter in model.named_parameters():
    print(f"{name:<14} shape {tuple(parameter.shape)}, requires_grad={parameter.requires_grad}")

# %%
# ``state_dict()`` is the module's state as an ordered dictionary from those names to
# tensors: what is saved to disk and loaded back (a later page does so). ``nn.Linear``
# starts from small random values; we set both to zero, where the hand-written loop
# below starts, with ``torch.nn.init.zeros_``.
nn.init.zeros_(model.linear.weight)
nn.init.zeros_(model.linear.bias)
print(model.state_dict())
# sphinx_gallery_start_ignore
assert list(model.state_dict()) == ["linear.weight", "linear.bias"]
assert sum(p.numel() for p in model.parameters()) == 2
# sphinx_gallery_end_ignore

# %%
# Training with an optimizer
# --------------------------
# The optimizer is given the parameters to update, ``model.parameters()``, and a
# learning rate. Each step of the loop has the same four lines in every PyTorch
# training loop: reset the gradients, compute the loss, backpropagate, update.
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss()

for _ in range(100):  # each step sees all 50 points
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()

print(f"weight {model.linear.weight.item():.4f}, bias {model.linear.bias.item():.4f}")
print(f"final loss {loss.item():.4f}")

# %%
# The same fit by hand
# --------------------
# The loop of the regression gallery, with the weight and the bias as plain tensors
# that require gradients, and the update written out under ``torch.no_grad()``:
weight = torch.zeros(1, requires_grad=True)
bias = torch.zeros(1, requires_grad=True)
for _ in range(100):
    loss = ((x[:, 0] * weight + bias - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        weight -= 0.1 * weight.grad
        bias -= 0.1 * bias.grad
    weight.grad = None
    bias.grad = None

print(f"weight {weight.item():.4f}, bias {bias.item():.4f}")

# %%
# Both start from zero and take the same 100 steps of the same size, so they end with
# the same parameters: the build checks that they differ by less than 1e-5, and prints
# the largest difference.
difference = max(
    (model.linear.weight.flatten() - weight).abs().item(),
    (model.linear.bias - bias).abs().item(),
)
print(f"largest difference: {difference:.1e}")
# sphinx_gallery_start_ignore
assert difference < 1e-5
assert torch.allclose(model.linear.weight.flatten(), weight, atol=1e-5)
# sphinx_gallery_end_ignore

# %%
# What we learned
# ---------------
# - A model is a subclass of ``nn.Module``: parts in ``__init__``, computation in
#   ``forward``, and you call the model, not ``forward``.
# - Submodules and parameters assigned as attributes are registered:
#   ``parameters()``, ``named_parameters()`` and ``state_dict()`` find them.
# - ``torch.optim.SGD(model.parameters(), lr=...)`` with ``zero_grad``, ``backward``
#   and ``step`` does exactly what the hand-written update does.
#
# Next, :ref:`sphx_glr_auto_examples_05_models_plot_02_minibatches.py` feeds the model
# its data in mini-batches.
