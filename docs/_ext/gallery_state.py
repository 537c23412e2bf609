"""Give every gallery example the same start: sphinx-gallery's reset hook for torch.

Named in ``sphinx_gallery_conf["reset_modules"]`` as ``gallery_state.reset_torch``; it runs
before and after each example, so no example inherits a seed, print options, a default
dtype or a default device from the one before.
"""

from __future__ import annotations

from typing import Any

SEED = 0


def reset_torch(gallery_conf: dict[str, Any], fname: str) -> None:
    """Give every example the same torch state: seed 0, default printing, float32, CPU."""
    import torch  # here, not at module level: a build that runs no example never imports it

    torch.manual_seed(SEED)
    torch.set_printoptions(profile="default")
    torch.set_default_dtype(torch.float32)
    torch.set_default_device(None)
