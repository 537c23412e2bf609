"""Give every gallery example the same start: sphinx-gallery's reset hooks.

Named in ``sphinx_gallery_conf["reset_modules"]``, they run before and after each example:

- ``gallery_state.reset_torch``: no example inherits a seed, print options, a default
  dtype, a default device or deterministic-algorithms mode from the one before;
- ``gallery_state.deprecations_fail``: a ``DeprecationWarning`` or ``FutureWarning``
  raised while an example runs is an error, which fails the build naming the page and
  the line. When torch deprecates something a page teaches, the build says so first. A
  page that shows such a warning on purpose catches it itself
  (``warnings.catch_warnings``), where the reader sees it done.
"""

from __future__ import annotations

import warnings
from typing import Any

SEED = 0


def reset_torch(gallery_conf: dict[str, Any], fname: str) -> None:
    """Give every example the same torch state: seed 0, default printing, float32, CPU.

    Deterministic-algorithms mode is off again too (the reproducibility page turns it on).
    """
    import torch  # here, not at module level: a build that runs no example never imports it

    torch.manual_seed(SEED)
    torch.set_printoptions(profile="default")
    torch.set_default_dtype(torch.float32)
    torch.set_default_device(None)
    # Only where an example turned it on: the setter imports torch._inductor (and with it
    # torch._dynamo, over a second) in a process that may have no other use for them.
    if torch.are_deterministic_algorithms_enabled():
        torch.use_deterministic_algorithms(False)


_FAIL_ON = (DeprecationWarning, FutureWarning)
_filters: warnings.catch_warnings | None = None  # the filters to restore after an example


def deprecations_fail(gallery_conf: dict[str, Any], fname: str, when: str) -> None:
    """Before an example: make deprecation warnings errors. After it: undo that."""
    global _filters
    if _filters is not None:  # after an example (or before one whose last did not end)
        _filters.__exit__(None, None, None)
        _filters = None
    if when == "before":
        _filters = warnings.catch_warnings()
        _filters.__enter__()
        for category in _FAIL_ON:
            warnings.filterwarnings("error", category=category)
