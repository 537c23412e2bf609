"""Build-time helpers for the torchintro site, loaded as a Sphinx extension."""

from __future__ import annotations

from typing import Any

import torch


def reset_torch(gallery_conf: dict[str, Any], fname: str) -> None:
    """Give every example the same torch state: seed 0, default printing, float32, CPU."""
    torch.manual_seed(0)
    torch.set_printoptions(profile="default")
    torch.set_default_dtype(torch.float32)
    torch.set_default_device(None)


def setup(app: Any) -> dict[str, Any]:
    """Register nothing yet; the module is importable as ``torchintro_sphinx``."""
    return {"parallel_read_safe": True, "parallel_write_safe": True}
