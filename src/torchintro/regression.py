"""Fit a straight line three ways: hand-written gradient descent, ``torch.optim``, least squares.

All fits minimise the mean squared error of ``x @ weight + bias`` against ``y`` and
return a :class:`FitResult`. A loss that overflows to ``inf`` or becomes ``nan``
raises :class:`DivergedError`, which carries the loss history up to that epoch so
a diverging run can still be plotted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from torchintro._checks import (
    as_generator,
    check_float_tensor,
    check_positive_float,
    check_positive_int,
)
from torchintro.data import make_notebook_sample


class DivergedError(RuntimeError):
    """The loss of a fit became ``inf`` or ``nan``: the learning rate is too large.

    Parameters
    ----------
    epoch : int
        The epoch (counted from 0) whose loss was not finite.
    learning_rate : float
        The learning rate of the fit.
    losses : torch.Tensor of shape (epoch,)
        The finite losses of the epochs before.
    """

    def __init__(self, epoch: int, learning_rate: float, losses: torch.Tensor) -> None:
        self.epoch = epoch
        self.learning_rate = learning_rate
        self.losses = losses
        super().__init__(
            f"the loss stopped being finite at epoch {epoch} with learning_rate="
            f"{learning_rate:g}; the steps overshoot, so try a smaller learning_rate"
        )


@dataclass(frozen=True)
class FitResult:
    """The outcome of a fit.

    Parameters
    ----------
    method : str
        Which fit produced it.
    weight : torch.Tensor of shape (n_features,)
        The learned slopes.
    bias : float
        The learned intercept.
    losses : torch.Tensor of shape (epochs,)
        Mean squared error at the start of each epoch; for the closed-form fit, the
        single final loss.
    learning_rate : float or None
        The step size, or ``None`` for the closed-form fit.
    """

    method: str
    weight: torch.Tensor
    bias: float
    losses: torch.Tensor
    learning_rate: float | None = None

    def predict(self, x: torch.Tensor) -> torch.Tensor:
        """Predict ``y`` with the learned line.

        Parameters
        ----------
        x : torch.Tensor of shape (n_samples, n_features)
            Inputs.

        Returns
        -------
        torch.Tensor of shape (n_samples,)
            ``x @ weight + bias``.

        Examples
        --------
        >>> import torch
        >>> from torchintro import FitResult
        >>> fit = FitResult("by hand", torch.tensor([3.0]), -2.0, torch.tensor([0.0]))
        >>> fit.predict(torch.tensor([[0.0], [1.0]]))
        tensor([-2.,  1.])
        """
        return x @ self.weight + self.bias


def _check_xy(x: object, y: object) -> tuple[torch.Tensor, torch.Tensor]:
    x = check_float_tensor("x", x)
    y = check_float_tensor("y", y)
    if x.ndim != 2:
        raise ValueError(f"x must have shape (n_samples, n_features), got shape {tuple(x.shape)}")
    if x.shape[0] == 0:
        raise ValueError(f"x must hold at least one sample, got shape {tuple(x.shape)}")
    if y.shape != x.shape[:1]:
        raise ValueError(
            f"y must have shape (n_samples,) = ({x.shape[0]},) to match x, "
            f"got shape {tuple(y.shape)}"
        )
    # The fits differentiate the weights, never the data: without detach(), data that
    # requires grad would collect a .grad of its own and the results would carry a graph.
    return x.detach(), y.detach()


def _raise_if_diverged(loss: torch.Tensor, epoch: int, rate: float, losses: torch.Tensor) -> None:
    if not torch.isfinite(loss):
        raise DivergedError(epoch, rate, losses[:epoch].clone())


def _descend(
    sample: Callable[[], tuple[torch.Tensor, torch.Tensor]],
    weight: torch.Tensor,
    bias: torch.Tensor,
    learning_rate: float,
    epochs: int,
) -> torch.Tensor:
    """Run the notebook's loop, updating ``weight`` and ``bias`` in place; return the losses."""
    # In the weights' dtype: a float64 loss past float32's range must not turn into inf here.
    losses = torch.empty(epochs, dtype=weight.dtype)
    for epoch in range(epochs):
        x, y = sample()
        loss = ((x @ weight + bias - y) ** 2).mean()
        _raise_if_diverged(loss, epoch, learning_rate, losses)
        loss.backward()
        with torch.no_grad():  # the update itself must not become part of the graph
            weight -= learning_rate * weight.grad
            bias -= learning_rate * bias.grad
        weight.grad.zero_()  # backward() adds to .grad, so clear it for the next epoch
        bias.grad.zero_()
        losses[epoch] = loss.detach()
    return losses


def fit_notebook_problem(
    n_features: int = 10,
    *,
    learning_rate: float = 0.01,
    epochs: int = 200,
    seed: int | torch.Generator = 0,
) -> FitResult:
    """Run the original notebook's toy problem: one fresh sample per epoch.

    The weights start uniform on [0, 1) and the bias at 1, as in the notebook; each
    epoch draws one sample from :func:`~torchintro.make_notebook_sample` and takes one
    gradient step on its squared error.

    Parameters
    ----------
    n_features : int, default 10
        Features per sample, and so the number of weights learned.
    learning_rate : float, default 0.01
        Step size of gradient descent.
    epochs : int, default 200
        Number of samples drawn, one step each.
    seed : int or torch.Generator, default 0
        Seeds the initial weights and every sample.

    Returns
    -------
    FitResult
        ``n_features`` weights (each near 3) and a bias (near -2).

    Raises
    ------
    ValueError
        If ``n_features``, ``learning_rate`` or ``epochs`` is not positive.
    DivergedError
        If the loss stops being finite.

    Examples
    --------
    >>> from torchintro import fit_notebook_problem
    >>> fit = fit_notebook_problem(epochs=500, seed=0)
    >>> fit.weight.shape
    torch.Size([10])
    >>> round(fit.weight.mean().item(), 1), round(fit.bias, 1)
    (3.0, -2.0)
    """
    n_features = check_positive_int("n_features", n_features)
    learning_rate = check_positive_float("learning_rate", learning_rate)
    epochs = check_positive_int("epochs", epochs)
    generator = as_generator(seed)
    weight = torch.rand(n_features, generator=generator).requires_grad_()
    bias = torch.ones(1, requires_grad=True)
    losses = _descend(
        lambda: make_notebook_sample(n_features, seed=generator),
        weight,
        bias,
        learning_rate,
        epochs,
    )
    return FitResult("notebook problem", weight.detach(), bias.item(), losses, learning_rate)


def _check_iterative_fit(
    x: object, y: object, learning_rate: object, epochs: object
) -> tuple[torch.Tensor, torch.Tensor, float, int]:
    """Check the arguments the two descent fits share."""
    x, y = _check_xy(x, y)
    return (
        x,
        y,
        check_positive_float("learning_rate", learning_rate),
        check_positive_int("epochs", epochs),
    )


def fit_gradient_descent(
    x: torch.Tensor, y: torch.Tensor, *, learning_rate: float = 0.1, epochs: int = 100
) -> FitResult:
    """Fit ``y ≈ x @ weight + bias`` by hand-written full-batch gradient descent.

    Autograd computes the gradients; the update runs under ``torch.no_grad()`` and
    the gradients are zeroed after each step. Weights and bias start at zero, on the
    device of ``x``, so the fit runs wherever the data lives.

    Parameters
    ----------
    x : torch.Tensor of shape (n_samples, n_features)
        Inputs, floating point.
    y : torch.Tensor of shape (n_samples,)
        Targets, floating point.
    learning_rate : float, default 0.1
        Step size.
    epochs : int, default 100
        Number of steps, each over the whole data set.

    Returns
    -------
    FitResult
        The learned line and the loss of every epoch.

    Raises
    ------
    TypeError
        If ``x`` or ``y`` is not a floating-point tensor.
    ValueError
        If the shapes do not match, ``x`` holds no samples, or ``learning_rate`` or
        ``epochs`` is not positive.
    DivergedError
        If the loss stops being finite.

    Examples
    --------
    >>> from torchintro import fit_gradient_descent, make_linear_data
    >>> x, y = make_linear_data(50, seed=0)
    >>> fit = fit_gradient_descent(x, y, learning_rate=0.5, epochs=300)
    >>> fit.weight, round(fit.bias, 3)
    (tensor([3.0000]), -2.0)
    """
    x, y, learning_rate, epochs = _check_iterative_fit(x, y, learning_rate, epochs)
    weight = torch.zeros(x.shape[1], dtype=x.dtype, device=x.device, requires_grad=True)
    bias = torch.zeros((), dtype=x.dtype, device=x.device, requires_grad=True)
    losses = _descend(lambda: (x, y), weight, bias, learning_rate, epochs)
    return FitResult("gradient descent", weight.detach(), bias.item(), losses, learning_rate)


def fit_sgd(
    x: torch.Tensor, y: torch.Tensor, *, learning_rate: float = 0.1, epochs: int = 100
) -> FitResult:
    """Fit the same line by full-batch gradient descent with ``torch.optim.SGD``.

    This is :func:`fit_gradient_descent` written with PyTorch's building blocks
    (``torch.nn.Linear``, ``torch.nn.MSELoss``, ``torch.optim.SGD``): with the same
    start (zeros), data and learning rate it takes the same steps. Every step uses
    every sample, so nothing here is stochastic; the optimizer is named after the
    mini-batch use it is usually put to.
    The model is created on the device of ``x``.

    Parameters
    ----------
    x : torch.Tensor of shape (n_samples, n_features)
        Inputs, floating point.
    y : torch.Tensor of shape (n_samples,)
        Targets, floating point.
    learning_rate : float, default 0.1
        Step size.
    epochs : int, default 100
        Number of full-batch steps.

    Returns
    -------
    FitResult
        The learned line and the loss of every epoch.

    Raises
    ------
    TypeError
        If ``x`` or ``y`` is not a floating-point tensor.
    ValueError
        If the shapes do not match, ``x`` holds no samples, or ``learning_rate`` or
        ``epochs`` is not positive.
    DivergedError
        If the loss stops being finite.

    Examples
    --------
    >>> from torchintro import fit_sgd, make_linear_data
    >>> x, y = make_linear_data(50, seed=0)
    >>> fit = fit_sgd(x, y, learning_rate=0.5, epochs=300)
    >>> fit.weight, round(fit.bias, 3)
    (tensor([3.0000]), -2.0)
    """
    x, y, learning_rate, epochs = _check_iterative_fit(x, y, learning_rate, epochs)
    model = torch.nn.Linear(x.shape[1], 1, dtype=x.dtype, device=x.device)
    torch.nn.init.zeros_(model.weight)
    torch.nn.init.zeros_(model.bias)
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    mse = torch.nn.MSELoss()
    losses = torch.empty(epochs, dtype=x.dtype)
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = mse(model(x).squeeze(1), y)
        _raise_if_diverged(loss, epoch, learning_rate, losses)
        loss.backward()
        optimizer.step()
        losses[epoch] = loss.detach()
    weight = model.weight.detach().squeeze(0)
    return FitResult("torch.optim.SGD", weight, model.bias.item(), losses, learning_rate)


def fit_least_squares(x: torch.Tensor, y: torch.Tensor) -> FitResult:
    """Solve for the best line in closed form with ``torch.linalg.lstsq``.

    The solve runs on the device of ``x``; the weight stays there. On the CPU it uses
    LAPACK's SVD-based ``gelsd`` driver (NumPy's choice for ``numpy.linalg.lstsq``):
    torch's default there, ``gelsy``, can differ in the last bits from one call to the
    next on the same data, and this site rebuilds bit for bit.

    Parameters
    ----------
    x : torch.Tensor of shape (n_samples, n_features)
        Inputs, floating point.
    y : torch.Tensor of shape (n_samples,)
        Targets, floating point.

    Returns
    -------
    FitResult
        ``losses`` holds the one mean squared error of the solution.

    Raises
    ------
    TypeError
        If ``x`` or ``y`` is not a floating-point tensor.
    ValueError
        If the shapes do not match, or ``x`` holds no samples.

    Examples
    --------
    >>> from torchintro import fit_least_squares, make_linear_data
    >>> x, y = make_linear_data(20, seed=0)
    >>> fit = fit_least_squares(x, y)
    >>> fit.weight, round(fit.bias, 4)
    (tensor([3.0000]), -2.0)
    """
    x, y = _check_xy(x, y)
    design = torch.cat([x, torch.ones(x.shape[0], 1, dtype=x.dtype, device=x.device)], dim=1)
    # lstsq wants one dtype; gradient descent works in x's dtype, so this fit does too.
    target = y.to(x.dtype).unsqueeze(1)
    driver = "gelsd" if design.device.type == "cpu" else None  # accelerators have one driver
    solution = torch.linalg.lstsq(design, target, driver=driver).solution.squeeze(1)
    weight, bias = solution[:-1], solution[-1].item()
    loss = ((x @ weight + bias - y) ** 2).mean().reshape(1)
    return FitResult("least squares", weight, bias, loss)
