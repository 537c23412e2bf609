"""
``train()`` and ``eval()``, and switching gradients off
=======================================================

Some layers behave differently while a model learns and while it is used: dropout
switches units off at random, batch normalization uses the statistics of the current
batch. ``model.train()`` and ``model.eval()`` choose between the two behaviours. A
separate question is whether autograd records the computation at all; this page
compares the three ways to stop it: ``torch.no_grad()``, ``torch.inference_mode()``
and ``.detach()``.
"""

# %%
# Dropout
# -------
# ``nn.Dropout(p=0.5)`` sets each value to zero with probability 0.5 in training mode
# and multiplies the others by 1 / (1 - 0.5) = 2, so that on average each output equals
# its input. In evaluation mode it passes its input through unchanged. Every module
# starts in training mode.
import torch
from torch import nn

torch.manual_seed(0)
dropout = nn.Dropout(p=0.5)
x = torch.ones(8)
print("training:  ", dropout.training)
print("call 1:", dropout(x))
print("call 2:", dropout(x))
dropout.eval()
print("evaluation:", dropout.training)
print("call 3:", dropout(x))
# sphinx_gallery_start_ignore
dropout.train()
first, second = dropout(x), dropout(x)
assert not torch.equal(first, second)
assert set(first.tolist()) <= {0.0, 2.0}
dropout.eval()
assert torch.equal(dropout(x), x)
# sphinx_gallery_end_ignore

# %%
# In training mode, two calls on the same input give different outputs; in evaluation
# mode, the output is the input. ``model.train()`` and ``model.eval()`` set the mode of
# a module and of every submodule inside it.
#
# Batch normalization
# -------------------
# ``nn.BatchNorm1d`` normalizes each feature with the mean and variance of the current
# batch while training, and keeps running averages of them for evaluation. So in
# training mode an example's output depends on which other examples share its batch:
torch.manual_seed(0)
norm = nn.BatchNorm1d(1)
example = torch.tensor([[1.0]])
batch_a = torch.cat([example, torch.tensor([[0.0], [2.0]])])
batch_b = torch.cat([example, torch.tensor([[5.0], [9.0]])])
print("training, batch a:", norm(batch_a)[0].item())
print("training, batch b:", norm(batch_b)[0].item())
norm.eval()
print("evaluation, batch a:", norm(batch_a)[0].item())
print("evaluation, batch b:", norm(batch_b)[0].item())
# sphinx_gallery_start_ignore
norm.train()
assert norm(batch_a)[0].item() != norm(batch_b)[0].item()
norm.eval()
assert norm(batch_a)[0].item() == norm(batch_b)[0].item()
# sphinx_gallery_end_ignore

# %%
# In training mode the same example gives two different outputs in two batches; in
# evaluation mode it gives one, computed from the running statistics. This is why a
# model is put in evaluation mode before it is evaluated or used: forgetting
# ``model.eval()`` gives predictions that change from call to call (dropout) or from
# batch to batch (batch normalization). And why it is put back with ``model.train()``
# before training resumes.
#
# Three ways to switch gradients off
# ----------------------------------
# ``eval()`` does not touch autograd: a model in evaluation mode still records every
# operation on tensors that require gradients. To stop that, for speed and memory:
#
# - ``torch.no_grad()``: inside the block, nothing is recorded; results do not require
#   gradients.
# - ``torch.inference_mode()``: the same, and faster still, because PyTorch also skips
#   the bookkeeping that would let the results be used with autograd later; in return,
#   tensors made inside it can never be used in a computation autograd records.
# - ``tensor.detach()``: no block; one tensor that shares the original's memory but is
#   cut from the graph.
weight = torch.tensor([2.0], requires_grad=True)
with torch.no_grad():
    a = weight * 3
with torch.inference_mode():
    b = weight * 3
c = (weight * 3).detach()
for name, tensor in [("no_grad", a), ("inference_mode", b), ("detach", c)]:
    print(f"{name:<15} requires_grad={tensor.requires_grad}, is_inference={tensor.is_inference()}")

# %%
# All three results are constants to autograd. The difference shows afterwards.
# A ``no_grad`` result can be used in a later computation that autograd records, as a
# constant:
loss = (weight * a).sum()
loss.backward()
print("gradient through the no_grad constant:", weight.grad)
# sphinx_gallery_start_ignore
assert weight.grad.item() == 6.0
# sphinx_gallery_end_ignore

# %%
# An ``inference_mode`` result cannot: autograd would have to save it for the backward
# pass, and inference tensors refuse that. Nor can it be changed in place outside
# ``inference_mode``. These are the errors PyTorch raises:
try:
    (weight * b).sum()
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0])
try:
    b.add_(1)
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0])


# sphinx_gallery_start_ignore
def message_of(action) -> str:
    try:
        action()
    except RuntimeError as error:
        return str(error)
    raise AssertionError("no RuntimeError")


assert "Inference tensors cannot be saved for backward" in message_of(lambda: (weight * b).sum())
assert "Inplace update to inference tensor outside" in message_of(lambda: b.add_(1))
# sphinx_gallery_end_ignore

# %%
# ``b.clone()`` makes an ordinary copy that can be used with autograd.
#
# A detached tensor shares memory with the tensor it came from. Changing it in place
# changes that tensor too, and if autograd saved the original for a backward pass,
# the backward pass notices and refuses:
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.exp()  # autograd saves exp(x) to compute the gradient later
y.detach().zero_()  # changes y itself
print(y)
try:
    y.sum().backward()
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0][:150], "...")
# sphinx_gallery_start_ignore
z = torch.tensor([1.0], requires_grad=True).exp()
z.detach().zero_()
assert "modified by an inplace operation" in message_of(lambda: z.sum().backward())
# sphinx_gallery_end_ignore

# %%
# Which to use
# ------------
# For evaluating or using a trained model, ``model.eval()`` together with
# ``torch.no_grad()`` (or ``torch.inference_mode()`` when the results only leave as
# numbers). Use ``.detach()`` for one value you want to keep, plot or log without its
# graph, as in ``losses.append(loss.detach())``, and ``loss.item()`` for a Python number.
#
# What we learned
# ---------------
# - ``model.train()`` and ``model.eval()`` switch dropout and batch normalization
#   between their two behaviours; they do not switch autograd off.
# - ``torch.no_grad()`` stops recording; ``torch.inference_mode()`` stops it more
#   cheaply but its tensors cannot enter autograd later; ``.detach()`` cuts one tensor
#   from the graph while sharing its memory.
#
# Next, :ref:`sphx_glr_auto_examples_05_models_plot_05_saving.py` saves a trained model
# and loads it back.
