"""Pytest configuration: every test and doctest starts from the same torch state."""

from torch_state import reset_torch_state  # noqa: F401  (autouse fixture)
