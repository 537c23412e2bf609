"""The shared argument checks: what they accept, and errors that name the argument and value."""

import math
import re

import numpy as np
import pytest
import torch

import torchintro
from torchintro._checks import (
    as_generator,
    check_float_tensor,
    check_non_negative_float,
    check_positive_float,
    check_positive_int,
)


@pytest.mark.parametrize("value", [1, 7, np.int64(3)])
def test_check_positive_int_returns_a_plain_int(value):
    result = check_positive_int("size", value)
    assert result == value
    assert type(result) is int


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (0, ValueError),
        (-2, ValueError),
        (True, TypeError),  # bool is an int subclass, but True is no size
        (2.0, TypeError),
        ("3", TypeError),
        (None, TypeError),
    ],
)
def test_check_positive_int_names_argument_and_value(value, error):
    with pytest.raises(
        error, match=rf"^size must be a positive integer, got {re.escape(repr(value))}$"
    ):
        check_positive_int("size", value)


@pytest.mark.parametrize("value", [0.5, 3, np.float32(0.25)])
def test_check_positive_float_returns_a_float(value):
    result = check_positive_float("rate", value)
    assert result == pytest.approx(float(value))
    assert type(result) is float


@pytest.mark.parametrize(
    ("value", "error", "expected"),
    [
        (0.0, ValueError, "a positive finite number"),
        (-0.1, ValueError, "a positive finite number"),
        (math.nan, ValueError, "a positive finite number"),
        (math.inf, ValueError, "a positive finite number"),
        (False, TypeError, "a positive number"),
        ("0.1", TypeError, "a positive number"),
    ],
)
def test_check_positive_float_names_argument_and_value(value, error, expected):
    with pytest.raises(error, match=rf"^rate must be {expected}, got {re.escape(repr(value))}$"):
        check_positive_float("rate", value)


def test_check_non_negative_float_accepts_zero():
    assert check_non_negative_float("noise", 0) == 0.0


@pytest.mark.parametrize(
    ("value", "error"),
    [(-1e-9, ValueError), (math.inf, ValueError), (math.nan, ValueError), (True, TypeError)],
)
def test_check_non_negative_float_names_argument_and_value(value, error):
    with pytest.raises(error, match=rf"^noise must be .*, got {re.escape(repr(value))}$"):
        check_non_negative_float("noise", value)


def test_check_float_tensor_passes_the_same_tensor_through():
    tensor = torch.zeros(2, dtype=torch.float64)
    assert check_float_tensor("x", tensor) is tensor


def test_check_float_tensor_rejects_non_tensors_by_type_name():
    with pytest.raises(TypeError, match=r"^x must be a torch\.Tensor, got list$"):
        check_float_tensor("x", [1.0, 2.0])


def test_check_float_tensor_rejects_integer_tensors_and_suggests_the_fix():
    with pytest.raises(
        TypeError, match=r"x must have a floating-point dtype.*torch\.int64"
    ) as info:
        check_float_tensor("x", torch.arange(3))
    assert "x.float()" in str(info.value)


def test_as_generator_passes_a_generator_through():
    generator = torch.Generator()
    assert as_generator(generator) is generator


def test_as_generator_makes_a_fresh_generator_per_seed():
    first, second = as_generator(5), as_generator(5)
    assert first is not second
    assert torch.equal(torch.rand(4, generator=first), torch.rand(4, generator=second))


@pytest.mark.parametrize(
    ("seed", "error"), [(-1, ValueError), (True, TypeError), (1.5, TypeError), ("0", TypeError)]
)
def test_as_generator_names_seed_and_value(seed, error):
    with pytest.raises(error, match=rf"^seed must be .*, got {re.escape(repr(seed))}$"):
        as_generator(seed)


# --- every public function checks its arguments with the checks above ----------------------

LINE = (torch.zeros(4, 1), torch.zeros(4))
# (call, the argument it gets wrong, the value): one bad value per checked argument, since
# the tests above cover every kind of bad value.
USES = [
    (lambda: torchintro.matmul_gflops(0, 1.0), "size", 0),
    (lambda: torchintro.matmul_gflops(8, math.nan), "seconds", math.nan),
    (lambda: torchintro.time_matmul(0, "cpu"), "size", 0),
    (lambda: torchintro.time_matmul(4, "cpu", min_run_time=-0.5), "min_run_time", -0.5),
    (lambda: torchintro.sweep_matmul([4, 0], ["cpu"]), "sizes[1]", 0),
    (lambda: torchintro.time_copy_to_device(-2, "cpu"), "size", -2),
    (lambda: torchintro.time_copy_to_device(2, "cpu", min_run_time=0), "min_run_time", 0),
    (lambda: torchintro.make_notebook_sample(0), "n_features", 0),
    (lambda: torchintro.make_notebook_sample(3, seed=-1), "seed", -1),
    (lambda: torchintro.make_linear_data(0), "n_samples", 0),
    (lambda: torchintro.make_linear_data(3, noise=-0.1), "noise", -0.1),
    (lambda: torchintro.fit_gradient_descent(*LINE, learning_rate=0.0), "learning_rate", 0.0),
    (lambda: torchintro.fit_gradient_descent(*LINE, epochs=0), "epochs", 0),
    (lambda: torchintro.fit_sgd(*LINE, learning_rate=math.inf), "learning_rate", math.inf),
    (lambda: torchintro.fit_sgd(*LINE, epochs=-1), "epochs", -1),
    (lambda: torchintro.fit_notebook_problem(0), "n_features", 0),
    (lambda: torchintro.fit_notebook_problem(learning_rate=-1.0), "learning_rate", -1.0),
    (lambda: torchintro.fit_notebook_problem(epochs=0), "epochs", 0),
    (lambda: torchintro.fit_notebook_problem(seed=-1), "seed", -1),
]


@pytest.mark.parametrize(
    ("call", "argument", "value"),
    USES,
    ids=[f"{call.__code__.co_names[1]}-{argument}" for call, argument, _ in USES],
)
def test_public_functions_name_the_bad_argument_and_value(call, argument, value):
    expected = rf"^{re.escape(argument)} must be .*, got {re.escape(repr(value))}$"
    with pytest.raises(ValueError, match=expected):
        call()
