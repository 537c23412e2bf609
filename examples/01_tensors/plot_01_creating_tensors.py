"""
Creating tensors
================

A tensor is PyTorch's n-dimensional array. This page creates tensors the ways the
original notebook did and a few more, and looks at the three attributes every tensor
carries: its ``shape``, its ``dtype`` and its ``device``.
"""

# %%
# Filled with ones or zeros
# -------------------------
# ``torch.ones`` and ``torch.zeros`` take the shape as arguments. We also seed the
# random number generator once here, so the random tensors further down print the
# same numbers on every run, yours included.
import torch

torch.manual_seed(0)
x = torch.ones(3, 2)
print(x)
print(torch.zeros(3, 2))
