"""Write the API reference's stub pages only when what they are made from changed.

autosummary writes a page per entry of ``api.rst`` into ``gen_modules/``, and to do so
imports ``torchintro``, and with it torch, on every build: 1.3 s of a rebuild with
nothing to do. The stubs are made from the pages that list entries (``api.rst``), the
stub templates (``_templates/autosummary``) and the package's modules. A stamp of
those is kept beside the stubs; a build whose stamp matches skips the generation
(``autosummary_generate = False``), so a build that runs no example and re-reads no
API page never imports torch.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from typing import Any

STUBS = "gen_modules"
STAMP = ".inputs"


def stub_inputs(confdir: Path, package: str = "torchintro") -> list[Path]:
    """List the files the stubs are made from: api.rst, the templates, the package's modules."""
    package_dir = Path(importlib.util.find_spec(package).origin).parent  # found, not imported
    templates = sorted((confdir / "_templates" / "autosummary").glob("*"))
    return [confdir / "api.rst", *templates, *sorted(package_dir.glob("*.py"))]


def stamp_of(paths: list[Path]) -> str:
    """Hash the names and contents of ``paths``."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def skip_if_current(app: Any) -> None:
    """Before autosummary runs: turn its stub generation off if the stubs are current.

    The setting is changed only while autosummary reads it, between builder-inited
    handlers, and restored at once: Sphinx compares settings with the previous build's
    (a changed ``autosummary_generate`` would make it read every page again), and that
    comparison is over by then.
    """
    confdir = Path(app.confdir)
    stamp_file = confdir / STUBS / STAMP
    stamp = stamp_of(stub_inputs(confdir))
    if _current(stamp_file, stamp):
        app.torchintro_generate_stubs = app.config.autosummary_generate
        app.config.autosummary_generate = False
    else:
        app.connect("build-finished", lambda app, exception: _write(stamp_file, stamp, exception))


def restore(app: Any) -> None:
    """After autosummary has run: put the setting back as configured."""
    saved = getattr(app, "torchintro_generate_stubs", None)
    if saved is not None:
        app.config.autosummary_generate = saved
        app.torchintro_generate_stubs = None


def _current(stamp_file: Path, stamp: str) -> bool:
    """Whether the stamp matches and every stub it lists is still there."""
    try:
        recorded = json.loads(stamp_file.read_text())
    except (OSError, ValueError):
        return False
    stubs = recorded.get("stubs", [])
    return (
        recorded.get("inputs") == stamp
        and bool(stubs)
        and all((stamp_file.parent / name).is_file() for name in stubs)
    )


def _write(stamp_file: Path, stamp: str, exception: BaseException | None) -> None:
    """After a build that generated the stubs: record their inputs and names."""
    if exception is None and stamp_file.parent.is_dir():
        stubs = sorted(path.name for path in stamp_file.parent.glob("*.rst"))
        stamp_file.write_text(json.dumps({"inputs": stamp, "stubs": stubs}))


def setup(app: Any) -> dict[str, Any]:
    """Around autosummary's own builder-inited handler (at the default priority, 500)."""
    app.connect("builder-inited", skip_if_current, priority=400)
    app.connect("builder-inited", restore, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
