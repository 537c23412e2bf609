"""Argument checks shared by the package, each raising an error that names the argument."""

from __future__ import annotations

import math
import numbers

import torch


def check_positive_int(name: str, value: object) -> int:
    """Return ``value`` if it is a positive integer, else raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a positive integer, got {value!r}")
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def check_positive_float(name: str, value: object) -> float:
    """Return ``value`` as a float if it is a finite positive number, else raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a positive number, got {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return float(value)


def check_non_negative_float(name: str, value: object) -> float:
    """Return ``value`` as a float if it is finite and at least zero, else raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return float(value)


def check_finite_float(name: str, value: object) -> float:
    """Return ``value`` as a float if it is a finite number, else raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def check_float_tensor(name: str, value: object) -> torch.Tensor:
    """Return ``value`` if it is a floating-point tensor, else raise naming ``name``."""
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    if not value.is_floating_point():
        raise TypeError(
            f"{name} must have a floating-point dtype for gradients, got {value.dtype} "
            f"(convert it with {name}.float())"
        )
    return value


def as_generator(seed: int | torch.Generator) -> torch.Generator:
    """Turn a seed into a fresh CPU generator, or pass a generator through."""
    if isinstance(seed, torch.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"seed must be an int or a torch.Generator, got {seed!r}")
    if seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    return torch.Generator().manual_seed(int(seed))
