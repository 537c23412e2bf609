"""Toy data for the linear-regression problem ``y = 3x - 2``.

Every function draws its randomness from a ``torch.Generator`` made from the
``seed`` argument, never from torch's global random state, so the same seed gives
the same data whatever ran before.
"""

from __future__ import annotations

import torch

from torchintro._checks import (
    as_generator,
    check_finite_float,
    check_non_negative_float,
    check_positive_int,
)

TRUE_WEIGHT = 3.0
"""The slope of the toy problem ``y = 3x - 2``."""
TRUE_BIAS = -2.0
"""The intercept of the toy problem ``y = 3x - 2``."""


def make_notebook_sample(
    n_features: int = 10, *, seed: int | torch.Generator = 0
) -> tuple[torch.Tensor, torch.Tensor]:
    """Draw one sample of the original notebook's toy problem.

    The notebook draws a single sample of ``n_features`` standard-normal features
    per epoch and sets ``y = 3 * x.sum() - 2``: one sample with many features, not
    many data points. Its exact solution is ten weights of 3 and a bias of -2.

    Parameters
    ----------
    n_features : int, default 10
        Number of features in the sample (the notebook's ``N``).
    seed : int or torch.Generator, default 0
        Seed for a fresh generator, or a generator to draw from (and advance).

    Returns
    -------
    x : torch.Tensor of shape (n_features,)
        The features.
    y : torch.Tensor of shape ()
        The target, ``3 * x.sum() - 2``.

    Raises
    ------
    ValueError
        If ``n_features`` is not positive.

    Examples
    --------
    >>> import torch
    >>> from torchintro import make_notebook_sample
    >>> x, y = make_notebook_sample(4, seed=0)
    >>> x.shape, y.shape
    (torch.Size([4]), torch.Size([]))
    >>> bool(torch.isclose(y, 3 * x.sum() - 2))
    True
    """
    n_features = check_positive_int("n_features", n_features)
    x = torch.randn(n_features, generator=as_generator(seed))
    y = torch.dot(TRUE_WEIGHT * torch.ones(n_features), x) + TRUE_BIAS
    return x, y


def make_linear_data(
    n_samples: int,
    weight: float | torch.Tensor = TRUE_WEIGHT,
    bias: float = TRUE_BIAS,
    *,
    noise: float = 0.0,
    seed: int | torch.Generator = 0,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Draw ``n_samples`` points of a linear model ``y = x @ weight + bias + noise``.

    Features are uniform on [-1, 1), noise is normal with standard deviation ``noise``.

    Parameters
    ----------
    n_samples : int
        Number of data points.
    weight : float or torch.Tensor of shape (n_features,), default 3.0
        The true slope; a float gives one feature.
    bias : float, default -2.0
        The true intercept.
    noise : float, default 0.0
        Standard deviation of the Gaussian noise added to ``y``.
    seed : int or torch.Generator, default 0
        Seed for a fresh generator, or a generator to draw from (and advance).

    Returns
    -------
    x : torch.Tensor of shape (n_samples, n_features)
        The inputs.
    y : torch.Tensor of shape (n_samples,)
        The targets.

    Raises
    ------
    TypeError
        If ``weight`` is not a float or tensor, or ``bias`` is not a number.
    ValueError
        If ``n_samples`` is not positive, ``noise`` is negative, ``weight`` or
        ``bias`` is not finite, or ``weight`` is not a float or a non-empty 1-D tensor.

    Examples
    --------
    >>> import torch
    >>> from torchintro import make_linear_data
    >>> x, y = make_linear_data(3, noise=0.0, seed=0)
    >>> x.shape, y.shape
    (torch.Size([3, 1]), torch.Size([3]))
    >>> torch.allclose(y, 3 * x[:, 0] - 2)
    True
    """
    n_samples = check_positive_int("n_samples", n_samples)
    noise = check_non_negative_float("noise", noise)
    bias = check_finite_float("bias", bias)
    try:
        weight = torch.as_tensor(weight, dtype=torch.float32).detach()
    except (TypeError, ValueError, RuntimeError):
        raise TypeError(f"weight must be a float or a 1-D tensor, got {weight!r}") from None
    if weight.ndim == 0:
        weight = weight.reshape(1)
    if weight.ndim != 1 or weight.numel() == 0:
        raise ValueError(
            f"weight must be a float or a non-empty 1-D tensor, got shape {tuple(weight.shape)}"
        )
    if not bool(torch.isfinite(weight).all()):
        raise ValueError(f"weight must hold finite numbers, got {weight.tolist()}")
    generator = as_generator(seed)
    x = 2 * torch.rand(n_samples, weight.numel(), generator=generator) - 1
    y = x @ weight + bias
    if noise > 0:
        y = y + noise * torch.randn(n_samples, generator=generator)
    return x, y
