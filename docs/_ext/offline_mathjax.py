"""Serve MathJax from the site itself, so math renders without a network.

The copy comes from the installed ``sphinx-mathjax-offline`` package; ``conf.py`` points
``mathjax_path`` at it. Only the parts that TeX-to-HTML rendering needs are copied.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from typing import Any

# The combined component, the TeX extensions it may autoload, the HTML output with its
# fonts, and the menu. The speech engine and the other bundles (20 MB) stay behind.
MATHJAX_PARTS = ("tex-chtml.js", "input/tex", "output/chtml", "ui", "a11y", "adaptors")


def mathjax_source() -> Path:
    """Find the MathJax folder that sphinx-mathjax-offline installs."""
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or spec.origin is None:
        raise RuntimeError("sphinx-mathjax-offline is not installed: install the docs extra")
    return Path(spec.origin).parent / "static" / "mathjax"


def copy_mathjax(app: Any, exception: Exception | None) -> None:
    """Copy the bundled MathJax into the built site's ``_static/mathjax``."""
    if exception is not None or app.builder.format != "html":
        return
    source = mathjax_source()
    target = Path(app.outdir) / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, dirs_exist_ok=True)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / part, target / part)


def setup(app: Any) -> dict[str, Any]:
    """Copy MathJax once the HTML is written."""
    app.connect("build-finished", copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
