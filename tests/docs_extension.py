"""Load a module of the docs build's extension folder (docs/_ext) for testing."""

import importlib.util
from pathlib import Path
from types import ModuleType

EXT = Path(__file__).resolve().parents[1] / "docs" / "_ext"


def load(name: str) -> ModuleType:
    """Import docs/_ext/<name>.py as a fresh module."""
    spec = importlib.util.spec_from_file_location(name, EXT / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
