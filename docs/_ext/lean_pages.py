"""Pages that paint sooner: no stylesheet no page uses, no script that blocks the first paint.

- sphinx-gallery adds stylesheets for Binder badges, pandas data frames and rendered
  HTML outputs to every page; this site has none of them, so they are left out of the
  pages (three render-blocking requests fewer).
- Every script file a page loads gets ``defer``: scripts then run in the same order,
  once the HTML is parsed, and no longer hold up the first paint. The exception is
  Sphinx's ``documentation_options.js``, which inline scripts of the page use as they
  are parsed, and the search page, whose template runs Sphinx's search tools as it is
  parsed. (The theme's own search scripts are deferred by ``_templates/layout.html``.)

Lighthouse's mobile audit (``benchmarks/page_speed.py``) measures the effect.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

# Defines DOCUMENTATION_OPTIONS, which the page's inline scripts set as they are parsed.
RUNS_AT_ONCE = "documentation_options.js"
UNUSED_STYLESHEETS = frozenset(
    {"sg_gallery-binder.css", "sg_gallery-dataframe.css", "sg_gallery-rendered-html.css"}
)


def lean_assets(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Drop unused stylesheets from the page and defer its script files."""
    if "css_files" in context:
        context["css_files"] = [
            css
            for css in context["css_files"]
            if PurePosixPath(str(css.filename)).name not in UNUSED_STYLESHEETS
        ]
    if pagename == "search":  # its template's inline scripts use doctools.js at once
        return
    context["script_files"] = [_deferred(script) for script in context.get("script_files", [])]


def _deferred(script: Any) -> Any:
    """Copy ``script`` with ``defer`` (the builder shares the original between pages)."""
    attributes = script.attributes
    name = PurePosixPath(str(script.filename or "")).name
    if not name or name == RUNS_AT_ONCE or {"async", "defer"} & attributes.keys():
        return script
    return type(script)(
        script.filename, priority=script.priority, **{**attributes, "defer": "defer"}
    )


def setup(app: Any) -> dict[str, Any]:
    """Edit each page's assets just before it is written."""
    app.connect("html-page-context", lean_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
