"""Check your own answers to the tutorial's exercises.

Every exercise of the site ends with a call such as ``check_multiplication_table(table)``.
The checker works out the right answer itself, compares yours with it, prints a one-line
verdict and returns a :class:`Verdict`, which is true when your answer passed:

>>> import torch
>>> from torchintro.exercises import check_multiplication_table
>>> verdict = check_multiplication_table(torch.ones(5))
Not yet (multiplication table): the table: expected shape (5, 5), got (5,).
>>> numbers = torch.arange(1, 6)
>>> verdict = check_multiplication_table(numbers.reshape(5, 1) * numbers)
Correct (multiplication table).
>>> bool(verdict)
True

A checker never raises at you: an answer left as ``...``, a function that still raises
``NotImplementedError``, an error your own function raised, or an answer of the wrong
kind all get a "Not yet" with a hint, so a notebook of unfinished exercises runs to the
end. A check leaves your random state as it found it (on the CPU), and computes with
autograd on even inside ``torch.no_grad()``.
"""

from __future__ import annotations

import functools
import math
import numbers
import operator
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import torch
from torch import nn

__all__ = [
    "Verdict",
    "check_accuracy",
    "check_averaged_gradient",
    "check_best_epoch",
    "check_double_safely",
    "check_fill_shared",
    "check_fit_on_device",
    "check_fixed_loop",
    "check_gflops",
    "check_largest_stable_rate",
    "check_mlp",
    "check_multiplication_table",
    "check_partial_derivatives",
    "check_predictions",
    "check_shards",
    "check_sine_derivative",
    "check_steps_per_epoch",
    "check_to_numpy",
    "check_two_feature_fit",
    "verdicts",
]


class Verdict:
    """What a checker decided about an answer; true when the answer passed.

    Parameters
    ----------
    exercise : str
        The exercise, in words.
    passed : bool
        Whether the answer is right.
    hint : str
        Why not, when it is not (``""`` when it passed).
    """

    def __init__(self, exercise: str, passed: bool, hint: str = "") -> None:
        self.exercise = exercise
        self.passed = passed
        self.hint = hint

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        if self.passed:
            return f"Correct ({self.exercise})."
        return f"Not yet ({self.exercise}): {self.hint}"

    def __repr__(self) -> str:
        return f"Verdict({self.exercise!r}, passed={self.passed}, hint={self.hint!r})"

    def _ipython_display_(self) -> None:
        """Show nothing in a notebook: the checker has printed the verdict already."""


verdicts: list[Verdict] = []
"""Every verdict given in this process, oldest first (the site's build reads it)."""


class _NotYet(Exception):
    """Raised inside a checker to stop it with a hint for the learner."""


def _describe(value: object) -> str:
    if isinstance(value, torch.Tensor):
        return f"a tensor of shape {tuple(value.shape)}"
    if isinstance(value, np.ndarray):
        return f"a NumPy array of shape {value.shape}"
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} {name}"


def _unfinished(answer: object) -> bool:
    """Whether ``answer`` is ``...`` or a tuple or list holding a ``...``."""
    if isinstance(answer, (tuple, list)):
        return any(item is Ellipsis for item in answer)
    return answer is Ellipsis


def _checker(exercise: str) -> Callable[[Callable[..., None]], Callable[..., Verdict]]:
    """Make ``check(*answers)``, which raises ``_NotYet`` or returns, a learner's checker."""

    def wrap(check: Callable[..., None]) -> Callable[..., Verdict]:
        @functools.wraps(check)
        def checker(*answers: Any) -> Verdict:
            try:
                if any(_unfinished(answer) for answer in answers):
                    raise _NotYet("replace the ... with your answer.")
                # Whatever mode the learner is in, the check computes with autograd on
                # and leaves the learner's random numbers as they were.
                with (
                    torch.inference_mode(False),
                    torch.enable_grad(),
                    torch.random.fork_rng(devices=[]),
                ):
                    check(*answers)
            except _NotYet as why:
                verdict = Verdict(exercise, False, str(why))
            except Exception as error:  # noqa: BLE001 - a learner sees a hint, never a traceback
                first_line = str(error).strip().split("\n")[0]
                hint = (
                    f"the check itself failed on this answer ({type(error).__name__}: "
                    f"{first_line}); is it the kind of answer the exercise asks for?"
                )
                verdict = Verdict(exercise, False, hint)
            else:
                verdict = Verdict(exercise, True)
            print(verdict)
            verdicts.append(verdict)
            return verdict

        return checker

    return wrap


def _call(function: object, *args: Any, what: str = "your function") -> Any:
    """Call the learner's ``function``; what it raises becomes a hint."""
    if not callable(function):
        raise _NotYet(f"expected a function, got {_describe(function)}.")
    try:
        return function(*args)
    except NotImplementedError as error:
        if not error.args:  # the starter's bare `raise NotImplementedError`
            raise _NotYet(f"{what} still raises NotImplementedError: write its body.") from None
        raise _NotYet(f"{what} raised NotImplementedError: {error}") from None
    except Exception as error:  # noqa: BLE001 - the learner's own error, named
        raise _NotYet(f"{what} raised {type(error).__name__}: {error}") from None


def _number(value: object, what: str) -> float:
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise _NotYet(f"{what}: expected a number, got {_describe(value)}.")
    return float(value)


def _numbers(answer: object, count: int, what: str) -> list[float]:
    """Read ``count`` numbers from a tuple, list, 1-D tensor or array, else give a hint."""
    if isinstance(answer, (torch.Tensor, np.ndarray)) and answer.ndim == 1:
        answer = answer.tolist()
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Sequence):
        raise _NotYet(f"expected {what}, got {_describe(answer)}.")
    if len(answer) != count:
        raise _NotYet(f"expected {what}: {count} numbers, got {len(answer)}.")
    return [_number(value, "each number") for value in answer]


def _same_number(value: object, expected: float, what: str, tolerance: float = 1e-6) -> None:
    got = _number(value, what)
    if not math.isclose(got, expected, rel_tol=tolerance, abs_tol=tolerance):
        raise _NotYet(f"{what}: expected {expected:.6g}, got {got:.6g}.")


def _first_mismatch(got: torch.Tensor, expected: torch.Tensor, atol: float) -> str:
    close = torch.isclose(got, expected, rtol=1e-5, atol=atol)
    index = tuple(int(i) for i in torch.nonzero(~close)[0])
    where = index[0] if len(index) == 1 else index
    return f"at index {where} expected {expected[index].item():.6g}, got {got[index].item():.6g}"


def _same_tensor(
    answer: object,
    expected: torch.Tensor,
    what: str = "your answer",
    *,
    floating: bool = False,
    atol: float = 1e-6,
) -> torch.Tensor:
    """Compare a learner's tensor with ``expected``: type, device, shape, dtype, values."""
    if not isinstance(answer, torch.Tensor):
        raise _NotYet(f"{what}: expected a tensor, got {_describe(answer)}.")
    if answer.device != expected.device:
        raise _NotYet(
            f"{what} is on device {answer.device}, expected {expected.device}: "
            f"move it with .to({str(expected.device)!r})."
        )
    if answer.shape != expected.shape:
        raise _NotYet(f"{what}: expected shape {tuple(expected.shape)}, got {tuple(answer.shape)}.")
    if floating and not answer.is_floating_point():
        raise _NotYet(f"{what} has dtype {answer.dtype} where a floating-point dtype was needed.")
    got = answer.detach().to("cpu", torch.float64)
    want = expected.detach().to("cpu", torch.float64)
    if not torch.allclose(got, want, rtol=1e-5, atol=atol):
        raise _NotYet(f"{what}: values off, {_first_mismatch(got, want, atol)}.")
    return answer


def _matches(answer: object, wrong: torch.Tensor) -> bool:
    """Whether ``answer`` is a tensor equal to ``wrong``, a known mistake's result."""
    return (
        isinstance(answer, torch.Tensor)
        and answer.shape == wrong.shape
        and torch.allclose(answer.detach().cpu().double(), wrong.cpu().double(), atol=1e-6)
    )


def _weight_and_bias(fit: object) -> tuple[Any, Any]:
    """Return a fit's ``.weight`` and ``.bias``, or give a hint that the answer is no fit."""
    for name in ("weight", "bias"):
        if not hasattr(fit, name):
            raise _NotYet(
                f"expected a fit (what fit_least_squares returns) with .{name}, "
                f"got {_describe(fit)}."
            )
    return fit.weight, fit.bias


# Tensors


@_checker("multiplication table")
def check_multiplication_table(table: torch.Tensor) -> None:
    """Check the 5x5 multiplication table, element ``(i, j)`` equal to ``(i + 1)(j + 1)``.

    Parameters
    ----------
    table : torch.Tensor
        Your table, of any numeric dtype.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    numbers_ = torch.arange(1, 6)
    _same_tensor(table, torch.outer(numbers_, numbers_), "the table")


@_checker("double without changing the input")
def check_double_safely(double: Callable[[torch.Tensor], torch.Tensor]) -> None:
    """Check a function that returns its tensor doubled and leaves the tensor unchanged.

    Parameters
    ----------
    double : callable
        Your function, called with ``torch.tensor([1.0, 2.0, 3.0])``.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    prices = torch.tensor([1.0, 2.0, 3.0])
    before = prices.clone()
    doubled = _call(double, prices)
    if not torch.equal(prices, before):
        raise _NotYet(
            f"your function changed its input in place (the caller's {before.tolist()} "
            f"became {prices.tolist()}): compute a new tensor, t * 2, instead of t *= 2."
        )
    _same_tensor(doubled, before * 2, "what your function returned", floating=True)


@_checker("a tensor sharing a NumPy array's memory")
def check_fill_shared(fill: Callable[[np.ndarray, float], torch.Tensor]) -> None:
    """Check ``fill(readings, value)``: a tensor sharing ``readings``' memory, set to ``value``.

    Parameters
    ----------
    fill : callable
        Your function, called with ``np.zeros(4)`` and ``3.0``.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    readings = np.zeros(4)
    shared = _call(fill, readings, 3.0)
    if not isinstance(shared, torch.Tensor):
        raise _NotYet(f"expected your function to return a tensor, got {_describe(shared)}.")
    if shared.device.type != "cpu" or not np.shares_memory(shared.detach().numpy(), readings):
        raise _NotYet(
            "the tensor your function returned does not share the array's memory: "
            "torch.tensor(...) and dtype conversions copy, torch.from_numpy(...) shares."
        )
    if not (readings == 3.0).all():
        raise _NotYet(
            f"the array holds {readings.tolist()} afterwards, expected every element 3.0: "
            "set the shared tensor in place (for instance with fill_)."
        )


# Autograd


@_checker("the derivative of sine")
def check_sine_derivative(angles: torch.Tensor) -> None:
    """Check ``angles``: 50 points from 0 to 2 pi whose ``.grad`` holds the derivative of sine.

    Parameters
    ----------
    angles : torch.Tensor
        The leaf tensor you called ``backward()`` for, with its ``.grad`` filled in.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    points = torch.linspace(0, 2 * math.pi, 50)
    _same_tensor(angles, points, "angles")
    if not angles.requires_grad:
        raise _NotYet("angles does not require grad: create it with requires_grad=True.")
    if not angles.is_leaf and not angles.retains_grad:
        raise _NotYet(
            "angles is not a leaf tensor, so backward() leaves its .grad empty: "
            "pass requires_grad=True to torch.linspace itself."
        )
    if angles.grad is None:
        raise _NotYet("angles.grad is None: call backward() on torch.sin(angles).sum().")
    _same_tensor(angles.grad, torch.cos(points), "angles.grad", atol=1e-5, floating=True)


@_checker("partial derivatives of f = a**2 * b + b")
def check_partial_derivatives(partials: Sequence[float]) -> None:
    """Check ``(df/da, df/db)`` at ``a = 2``, ``b = 3`` for ``f = a**2 * b + b``.

    Parameters
    ----------
    partials : sequence of float
        Your two partial derivatives, worked out by hand: ``(df/da, df/db)``.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0, requires_grad=True)
    (a**2 * b + b).backward()
    expected = (a.grad.item(), b.grad.item())
    got = tuple(_numbers(partials, 2, "two numbers, (df/da, df/db)"))
    if got == expected[::-1]:
        raise _NotYet("the two are swapped: first df/da, then df/db.")
    _same_number(got[0], expected[0], "df/da")
    _same_number(got[1], expected[1], "df/db")


@_checker("the accumulation trap")
def check_fixed_loop(gradients: Sequence[Any]) -> None:
    """Check the three gradients your fixed loop recorded: the derivative of x**2 at 1, thrice.

    Parameters
    ----------
    gradients : sequence
        What ``x.grad`` held after each of the three ``backward()`` calls (numbers or
        one-element tensors).

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    x = torch.tensor(1.0, requires_grad=True)
    (x * x).backward()
    expected = x.grad.item()
    if isinstance(gradients, (str, bytes)) or not isinstance(gradients, Sequence):
        raise _NotYet(f"expected a list of three gradients, got {_describe(gradients)}.")
    if len(gradients) != 3:
        raise _NotYet(f"expected three gradients, one per pass, got {len(gradients)}.")
    tensors = [g for g in gradients if isinstance(g, torch.Tensor)]
    if len({g.data_ptr() for g in tensors}) < len(tensors):
        raise _NotYet(
            "your list holds the same tensor memory more than once: x.grad is changed in "
            "place (and detach() shares its memory), so record x.grad.item() or x.grad.clone()."
        )
    got = [_number(g, "each gradient") for g in gradients]
    if got == [expected * (i + 1) for i in range(3)]:
        raise _NotYet(
            f"{got} still accumulates: backward() adds to x.grad, so reset it "
            "(x.grad = None) before each pass."
        )
    for i, value in enumerate(got):
        _same_number(value, expected, f"gradient {i + 1}")


# Linear regression


def _two_feature_data() -> tuple[torch.Tensor, torch.Tensor]:
    from torchintro.data import make_linear_data

    weight = torch.tensor([2.0, -1.0])
    return make_linear_data(200, weight=weight, bias=0.5, noise=0.1, seed=1)


@_checker("a line with two features")
def check_two_feature_fit(fit: Any) -> None:
    """Check a fit of ``make_linear_data(200, weight=[2, -1], bias=0.5, noise=0.1, seed=1)``.

    Parameters
    ----------
    fit : torchintro.FitResult
        Your fit (by least squares or gradient descent); its weight and bias must be
        within 0.001 of the least-squares solution.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torchintro.regression import fit_least_squares

    weight, bias = _weight_and_bias(fit)
    exact = fit_least_squares(*_two_feature_data())
    try:
        _same_tensor(weight, exact.weight, "the fit's weight", atol=1e-3, floating=True)
        _same_number(bias, exact.bias, "the fit's bias", tolerance=1e-3)
    except _NotYet as why:
        if getattr(fit, "method", None) != "gradient descent":
            raise
        raise _NotYet(
            f"{why} Gradient descent has not converged yet: give it more epochs or a larger "
            "learning rate."
        ) from None


RATES = (0.80, 0.85, 0.90, 0.95, 1.00, 1.05, 1.10)


@_checker("the largest stable learning rate")
def check_largest_stable_rate(rate: float) -> None:
    """Check the largest of 0.80, 0.85, ..., 1.10 at which gradient descent is stable.

    Stable means: 200 epochs of :func:`~torchintro.fit_gradient_descent` on
    ``make_linear_data(50, noise=0.5, seed=0)`` do not diverge and end below their first
    loss.

    Parameters
    ----------
    rate : float
        Your largest stable rate.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torchintro.data import make_linear_data
    from torchintro.regression import DivergedError, fit_gradient_descent

    got = _number(rate, "the rate")
    if not any(math.isclose(got, r, rel_tol=1e-6) for r in RATES):
        listed = ", ".join(f"{r:.2f}" for r in RATES)
        raise _NotYet(f"{got:.6g} is not one of the rates to try, {listed}.")
    x, y = make_linear_data(50, noise=0.5, seed=0)

    def stable(r: float) -> bool:
        try:
            fit = fit_gradient_descent(x, y, learning_rate=r, epochs=200)
        except DivergedError:
            return False
        return bool(fit.losses[-1] < fit.losses[0])

    largest = max(r for r in RATES if stable(r))
    if got > largest + 1e-6:
        raise _NotYet(f"{got:.2f} is not stable: its loss grows instead of shrinking.")
    if got < largest - 1e-6:
        raise _NotYet(f"{got:.2f} is stable, but a larger rate on the list is stable too.")


@_checker("predict with a fit")
def check_predictions(predicted: torch.Tensor) -> None:
    """Check the least-squares fit's predictions at ``x = -1, 0, 1``.

    The fit is of ``make_linear_data(50, noise=0.5, seed=0)``.

    Parameters
    ----------
    predicted : torch.Tensor
        Your three predictions, of shape ``(3,)``.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torchintro.data import make_linear_data
    from torchintro.regression import fit_least_squares

    new_x = torch.tensor([[-1.0], [0.0], [1.0]])
    truth = 3 * new_x[:, 0] - 2
    if _matches(predicted, truth):
        raise _NotYet("those are the true line's values, not the fit's: use fit.predict.")
    expected = fit_least_squares(*make_linear_data(50, noise=0.5, seed=0)).predict(new_x)
    _same_tensor(predicted, expected, "the predictions", atol=1e-4, floating=True)


# Devices and timing


@_checker("predictions as a NumPy array")
def check_to_numpy(to_numpy: Callable[[torch.Tensor], np.ndarray]) -> None:
    """Check ``to_numpy(t)``: the values of ``t``, on any device and requiring grad, as an array.

    Parameters
    ----------
    to_numpy : callable
        Your function, called with a model's output on :func:`~torchintro.select_device`.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torchintro.devices import select_device

    device = select_device()
    torch.manual_seed(0)  # the checker's own random numbers: the learner's are kept
    model = nn.Linear(3, 1).to(device)
    predictions = model(torch.randn(4, 3).to(device))
    expected = predictions.detach().cpu().numpy().copy()
    array = _call(to_numpy, predictions)
    if not predictions.requires_grad:
        raise _NotYet(
            "your function changed its input in place: detach_() took the caller's tensor "
            "out of the graph; detach() makes a new tensor instead."
        )
    if not isinstance(array, np.ndarray):
        raise _NotYet(f"expected a NumPy array, got {_describe(array)}.")
    if array.dtype.kind != "f":
        raise _NotYet(f"the array has dtype {array.dtype} where a floating-point dtype was needed.")
    _same_tensor(
        torch.from_numpy(array.astype(np.float64)), torch.from_numpy(expected), "the array"
    )


@_checker("GFLOP/s by hand")
def check_gflops(gflops: float) -> None:
    """Check the throughput of a 2048 x 2048 matrix multiply that took 0.25 s, in GFLOP/s.

    Parameters
    ----------
    gflops : float
        Your figure, to within 0.1%.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torchintro.bench import matmul_gflops

    expected = matmul_gflops(2048, 0.25)
    got = _number(gflops, "GFLOP/s")
    if math.isclose(got, expected / 2, rel_tol=1e-3):
        raise _NotYet("half the answer: each of n**3 terms takes a multiply and an add, 2 n**3.")
    if math.isclose(got, expected * 1e9, rel_tol=1e-3):
        raise _NotYet("that is in FLOP/s: divide by 1e9 for GFLOP/s.")
    _same_number(got, expected, "GFLOP/s", tolerance=1e-3)


@_checker("the regression on the device")
def check_fit_on_device(fit: Any) -> None:
    """Check a least-squares fit of ``make_linear_data(50, noise=0.5, seed=0)`` on the device.

    The device is what :func:`~torchintro.select_device` picks.

    Parameters
    ----------
    fit : torchintro.FitResult
        Your fit; its weight must be on the device.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torchintro.data import make_linear_data
    from torchintro.devices import select_device
    from torchintro.regression import fit_least_squares

    weight, bias = _weight_and_bias(fit)
    exact = fit_least_squares(*make_linear_data(50, noise=0.5, seed=0))
    device = select_device()
    if isinstance(weight, torch.Tensor) and weight.device != device:
        raise _NotYet(
            f"the fit's weight is on {weight.device}, expected {device}: move x and y to "
            "the device before fitting, and the fit runs there."
        )
    _same_tensor(weight, exact.weight.to(device), "the fit's weight", atol=1e-4)
    _same_number(bias, exact.bias, "the fit's bias", tolerance=1e-4)


# Training a real model


@_checker("a module of your own")
def check_mlp(mlp_class: Callable[[int, int, int], nn.Module]) -> None:
    """Check ``MLP(inputs, hidden, outputs)``: two linear layers with a ReLU between them.

    Parameters
    ----------
    mlp_class : type
        Your ``nn.Module`` subclass, built here as ``MLP(64, 32, 10)``.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    if isinstance(mlp_class, nn.Module):
        raise _NotYet("that is a model: pass the class itself, MLP, and the check builds one.")
    torch.manual_seed(0)  # the checker's own random numbers: the learner's are kept
    model = _call(mlp_class, 64, 32, 10, what="MLP(64, 32, 10)")
    if not isinstance(model, nn.Module):
        raise _NotYet(f"MLP(64, 32, 10) gave {_describe(model)}, expected an nn.Module.")
    count = sum(p.numel() for p in model.parameters())
    expected = (64 * 32 + 32) + (32 * 10 + 10)
    if count != expected:
        raise _NotYet(
            f"MLP(64, 32, 10) has {count} parameters, expected {expected}: "
            "nn.Linear(64, 32), then nn.Linear(32, 10)."
        )
    linears = [module for module in model.modules() if isinstance(module, nn.Linear)]
    if [(m.in_features, m.out_features) for m in linears] != [(64, 32), (32, 10)]:
        raise _NotYet("expected two nn.Linear layers, 64 to 32, then 32 to 10.")
    x = torch.randn(5, 64)
    with torch.no_grad():
        got = _call(model, x, what="your model")
        first, second = linears
        expected_output = second(torch.relu(first(x)))
        linear_output = second(first(x))
    if not isinstance(got, torch.Tensor) or got.shape != (5, 10):
        raise _NotYet(
            f"for a batch of shape (5, 64) your model gave {_describe(got)}, "
            "expected shape (5, 10)."
        )
    if torch.allclose(got, linear_output, atol=1e-5):
        raise _NotYet("your MLP is linear: put a ReLU (torch.relu) between the two layers.")
    if not torch.allclose(got, expected_output, atol=1e-5):
        raise _NotYet(
            "your MLP does not compute output(relu(hidden(x))): one ReLU between the two "
            "layers, and nothing after the last one."
        )


@_checker("accuracy over a data loader")
def check_accuracy(accuracy: Callable[[nn.Module, Any], float]) -> None:
    """Check ``accuracy(model, loader)``: the fraction of correct examples, in eval mode.

    Parameters
    ----------
    accuracy : callable
        Your function, called on a small classifier and a loader whose last batch is
        smaller than the others.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torch.utils.data import DataLoader, TensorDataset

    # The model predicts the class of each example's largest feature; 5 of 10 are right,
    # 3, 0 and 2 in the batches of 4, 4 and 2: the mean of the batches' accuracies, and
    # the correct count over 3 full batches, are both something else.
    predicted = torch.tensor([0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
    labels = torch.tensor([0, 1, 2, 1, 0, 0, 1, 0, 2, 0])
    right = (predicted == labels).double()
    expected = right.mean().item()
    mean_of_batches = torch.stack([batch.mean() for batch in right.split(4)]).mean().item()
    over_full_batches = right.sum().item() / 12
    loader = DataLoader(TensorDataset(nn.functional.one_hot(predicted).float(), labels), 4)
    model = nn.Sequential(nn.Linear(3, 3), nn.Dropout(0.5))
    with torch.no_grad():
        model[0].weight.copy_(torch.eye(3))
        model[0].bias.zero_()
    seen = []
    model.register_forward_hook(lambda *_: seen.append((model.training, torch.is_grad_enabled())))
    for training in (True, False):
        model.train(training)
        seen.clear()
        got = _number(_call(accuracy, model, loader), "the accuracy")
        if not seen:
            raise _NotYet("your function never called the model.")
        if any(mode for mode, _ in seen):
            raise _NotYet("the model was in training mode while evaluated: call model.eval().")
        if any(grad for _, grad in seen):
            raise _NotYet(
                "autograd recorded the evaluation's graph: evaluate inside torch.no_grad()."
            )
        if model.training != training:
            mode = "training" if training else "evaluation"
            raise _NotYet(f"the model was in {mode} mode and your function did not restore it.")
        if math.isclose(got, mean_of_batches):
            raise _NotYet(
                "that is the mean of the batches' accuracies, but the last batch is smaller: "
                "count correct examples over all batches, then divide once."
            )
        if math.isclose(got, over_full_batches):
            raise _NotYet(
                "you divided by batches x batch size, but the last batch is smaller: "
                "divide by the number of examples you counted."
            )
        _same_number(got, expected, "the accuracy")


def _validation_accuracy(model: nn.Module) -> float:
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    features = torch.tensor(digits.data, dtype=torch.float32) / 16
    labels = torch.tensor(digits.target)
    _, x_val, _, y_val = train_test_split(
        features, labels, train_size=0.75, stratify=labels, random_state=0
    )
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    with torch.no_grad():
        correct = (model(x_val.to(device)).argmax(dim=1).cpu() == y_val).sum().item()
    model.train(was_training)
    return correct / len(y_val)


TRAINED = 0.9  # the least validation accuracy of a trained MLP (the page's reaches 0.97)


@_checker("keep the best epoch")
def check_best_epoch(model: nn.Module, accuracies: Sequence[float]) -> None:
    """Check that ``model`` holds the parameters of its best epoch.

    Parameters
    ----------
    model : torch.nn.Module
        Your model after loading the best state back; evaluated here on the validation
        split of the models gallery (``train_size=0.75``, stratified, ``random_state=0``).
    accuracies : sequence of float
        The validation accuracy you measured after each of the 20 epochs.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    if not isinstance(model, nn.Module):
        raise _NotYet(f"expected your model, an nn.Module, got {_describe(model)}.")
    if isinstance(accuracies, (str, bytes)) or not isinstance(accuracies, Sequence):
        raise _NotYet(f"expected a list of 20 accuracies, got {_describe(accuracies)}.")
    if len(accuracies) != 20:
        raise _NotYet(f"expected an accuracy for each of the 20 epochs, got {len(accuracies)}.")
    recorded = [_number(value, "each accuracy") for value in accuracies]
    best = max(recorded)
    if best < TRAINED:
        raise _NotYet(
            f"your best accuracy is {best:.4f}: 20 epochs of Adam reach more than "
            f"{TRAINED}; is the model trained, and the accuracy measured after each epoch?"
        )
    got = _validation_accuracy(model)
    if not math.isclose(got, best, rel_tol=1e-6) and math.isclose(got, recorded[-1], rel_tol=1e-6):
        raise _NotYet(
            f"your model has the last epoch's accuracy, {got:.4f}, not the best, "
            f"{max(recorded):.4f}: state_dict() returns the live tensors, so keep "
            "copy.deepcopy(model.state_dict())."
        )
    _same_number(got, best, "your model's validation accuracy")


# More than one process


@_checker("who gets which example")
def check_shards(shards: Sequence[Sequence[int]]) -> None:
    """Check the indices each of 3 ranks gets from 10 examples, without shuffling.

    Parameters
    ----------
    shards : sequence
        Three sequences of int: rank 0's indices, rank 1's, rank 2's.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torch.utils.data import DistributedSampler

    data = range(10)
    expected = [
        list(DistributedSampler(data, num_replicas=3, rank=r, shuffle=False)) for r in range(3)
    ]
    if isinstance(shards, (str, bytes)) or not isinstance(shards, Sequence):
        raise _NotYet(f"expected three lists of indices, one per rank, got {_describe(shards)}.")
    if len(shards) != 3:
        raise _NotYet(f"expected three lists of indices, one per rank, got {len(shards)}.")
    for rank, (shard, want) in enumerate(zip(shards, expected, strict=True)):
        if isinstance(shard, torch.Tensor):
            shard = shard.tolist()
        if isinstance(shard, (str, bytes)) or not isinstance(shard, Sequence):
            raise _NotYet(f"rank {rank}: expected a list of indices, got {_describe(shard)}.")
        try:
            got = [operator.index(i) for i in shard]
        except TypeError:
            raise _NotYet(f"rank {rank}: indices are integers, got {list(shard)}.") from None
        if got == want:
            continue
        hint = f"rank {rank}: expected {want}, got {got}"
        if len(got) < len(want) and got == want[: len(got)]:
            hint += "; 10 is not a multiple of 3, so the sampler pads every rank to 4"
        raise _NotYet(hint + ".")


@_checker("averaging gradients by hand")
def check_averaged_gradient(averaged: torch.Tensor) -> None:
    """Check the average of two halves' weight gradients for the exercise's ``nn.Linear(1, 1)``.

    The model is made right after ``torch.manual_seed(0)``; the data are
    ``make_linear_data(10, noise=0.5, seed=0)``.

    Parameters
    ----------
    averaged : torch.Tensor
        Your averaged gradient of the weight, of shape ``(1, 1)``.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torchintro.data import make_linear_data

    x, y = make_linear_data(10, noise=0.5, seed=0)
    torch.manual_seed(0)  # as the exercise does (the learner's random state is kept)
    model = nn.Linear(1, 1)
    nn.functional.mse_loss(model(x).squeeze(1), y).backward()
    expected = model.weight.grad
    if _matches(averaged, 2 * expected):
        raise _NotYet("that is the sum of the two gradients: divide by 2 for the mean.")
    _same_tensor(averaged, expected, "the averaged gradient", floating=True)


@_checker("steps per epoch")
def check_steps_per_epoch(answer: Sequence[int]) -> None:
    """Check ``(steps, examples)``: 4 processes, 8 examples each per step, 1,000 examples.

    Parameters
    ----------
    answer : sequence of int
        Two numbers: steps in one epoch, and the examples one step uses over all
        processes.

    Returns
    -------
    Verdict
        True when the answer passed; the verdict is printed too.
    """
    from torch.utils.data import DataLoader, DistributedSampler

    sampler = DistributedSampler(range(1000), num_replicas=4, rank=0)
    steps = len(DataLoader(range(1000), batch_size=8, sampler=sampler))
    got = _numbers(answer, 2, "two numbers, (steps, examples per step)")
    _same_number(got[0], steps, "steps per epoch")
    _same_number(got[1], 4 * 8, "examples per step")
