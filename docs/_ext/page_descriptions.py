"""A ``<meta name="description">`` on every page, for search engines and link previews.

sphinxext-opengraph writes one from the first paragraph of a page's text. Pages that
have no such paragraph of their own get theirs here, before it runs (it keeps a
description a page already has): an API page the summary line of its object's
docstring, and Sphinx's generated index, module index and search pages a fixed line.
"""

from __future__ import annotations

import html
import importlib
import inspect
import re
from typing import Any

API_PREFIX = "gen_modules/"
GENERATED_PAGES = {
    "genindex": "Every function, class and term of the torchintro site, A to Z.",
    "py-modindex": "The Python modules the torchintro site documents.",
    "search": "Search the torchintro site: PyTorch's first hour, run in every build.",
}


def api_summary(pagename: str) -> str | None:
    """Return the summary line of the object an API page (``gen_modules/pkg.name``) documents."""
    module_name, _, name = pagename.removeprefix(API_PREFIX).rpartition(".")
    try:
        documented = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError, ValueError):
        return None
    summary = " ".join((inspect.getdoc(documented) or "").split("\n\n")[0].split())
    summary = re.sub(r":[\w:]+:`~?([^`<]+?)(?: <[^`]+>)?`", r"\1", summary)  # :func:`x` -> x
    return summary.replace("``", "") or None


def describe(pagename: str) -> str | None:
    """Return the description for ``pagename``, or None to leave it to opengraph."""
    if pagename in GENERATED_PAGES:
        return GENERATED_PAGES[pagename]
    if pagename.startswith(API_PREFIX):
        return api_summary(pagename)
    return None


def add_description(app: Any, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Add the page's ``<meta name="description">`` to the tags its template writes."""
    description = describe(pagename)
    if description is not None:
        tag = f'<meta name="description" content="{html.escape(description)}" />\n'
        context["metatags"] = context.get("metatags", "") + tag


def setup(app: Any) -> dict[str, Any]:
    """Describe pages before sphinxext-opengraph (priority 500) looks for a description."""
    app.connect("html-page-context", add_description, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
