"""What device the examples run on, known without importing torch on every build.

Importing torch costs seconds, and a build that runs no example (a prose edit, a rebuild
with nothing changed) needs only two facts from it: which device the examples would use
and how to describe it. They are computed once per environment and kept in a small JSON
file; the key covers everything that could change them (the Python environment, the
installed torch, the device-selection variables, the machine), so a changed environment
is asked again. Versions are never cached: they come from package metadata, which is cheap.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import platform
import sys
from pathlib import Path

# Variables that change which device torchintro.select_device() picks.
DEVICE_VARIABLES = (
    "TORCHINTRO_DEVICE",
    "CUDA_VISIBLE_DEVICES",
    "HIP_VISIBLE_DEVICES",
    "ROCR_VISIBLE_DEVICES",
    "ZE_AFFINITY_MASK",
)


def environment_key() -> str:
    """Hash what decides the device: this Python, its torch, the variables, the machine."""
    parts = {
        "python": sys.executable,
        "torch": importlib.metadata.version("torch"),
        "torchintro": importlib.metadata.version("torchintro"),
        "variables": {name: os.environ.get(name) for name in DEVICE_VARIABLES},
        "machine": platform.node(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def probe() -> dict[str, str]:
    """Ask torch: the device the examples use and its description (imports torch)."""
    import torchintro

    device = torchintro.select_device()
    return {"device": str(device), "description": torchintro.describe_device(device)}


def device_facts(cache_dir: str | os.PathLike[str]) -> dict[str, str]:
    """Return ``{"device": ..., "description": ...}``, from the cache when it is current."""
    cache = Path(cache_dir) / "torchintro-device.json"
    key = environment_key()
    try:
        stored = json.loads(cache.read_text())
        if stored.get("key") == key:
            return stored["facts"]
    except (OSError, ValueError, KeyError):
        pass
    facts = probe()
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"key": key, "facts": facts}, indent=1))
    return facts
