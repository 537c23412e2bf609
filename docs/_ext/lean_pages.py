"""Pages that paint sooner: no asset a page does not use, no script that blocks the first paint.

- sphinx-gallery adds stylesheets for Binder badges, pandas data frames and rendered
  HTML outputs to every page; this site has none of them, so they are left out of the
  pages (three render-blocking requests fewer). sphinx-design's stylesheet and script
  stay only on the pages that use its components (cards, dropdowns).
- Gallery images (figures and thumbnails) after a page's first one load lazily, when
  the reader scrolls near them: the rest of the page, and the figure variant of the
  other colour mode, which is never shown, no longer take bandwidth from what is on
  screen. The first stays eager, since it may be what the reader sees first.
- Every script file a page loads gets ``defer``: scripts then run in the same order,
  once the HTML is parsed, and no longer hold up the first paint. The exception is
  Sphinx's ``documentation_options.js``, which inline scripts of the page use as they
  are parsed, and the search page, whose template runs Sphinx's search tools as it is
  parsed. (The theme's own search scripts are deferred by ``_templates/layout.html``.)

Lighthouse's mobile audit (``benchmarks/page_speed.py``) measures the effect.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

# Defines DOCUMENTATION_OPTIONS, which the page's inline scripts set as they are parsed.
RUNS_AT_ONCE = "documentation_options.js"
UNUSED_STYLESHEETS = frozenset(
    {"sg_gallery-binder.css", "sg_gallery-dataframe.css", "sg_gallery-rendered-html.css"}
)
DESIGN_ASSETS = frozenset({"sphinx-design.min.css", "design-tabs.js"})
DESIGN_CLASS = re.compile(r'class="(?:[^"]*\s)?sd-')
GALLERY_IMAGE = re.compile(r'<img (?![^>]*\bloading=)(?=[^>]*src="[^"]*_images/sphx_glr_)')


def lean_assets(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Drop unused stylesheets and scripts, defer script files, load later images lazily."""
    body = context.get("body", "")
    unused = UNUSED_STYLESHEETS if DESIGN_CLASS.search(body) else UNUSED_STYLESHEETS | DESIGN_ASSETS
    if "css_files" in context:
        context["css_files"] = [css for css in context["css_files"] if _name(css) not in unused]
    if body:
        context["body"] = lazy_after_first(body)
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if _name(s) not in unused]
    if pagename == "search":  # its template's inline scripts use doctools.js at once
        return
    context["script_files"] = [_deferred(script) for script in context.get("script_files", [])]


def lazy_after_first(body: str) -> str:
    """Give every gallery image of ``body`` but the first ``loading="lazy"``."""
    seen = 0

    def mark(match: re.Match) -> str:
        nonlocal seen
        seen += 1
        return match[0] if seen == 1 else '<img loading="lazy" '

    return GALLERY_IMAGE.sub(mark, body)


def _name(asset: Any) -> str:
    return PurePosixPath(str(asset.filename or "")).name


def _deferred(script: Any) -> Any:
    """Copy ``script`` with ``defer`` (the builder shares the original between pages)."""
    attributes = script.attributes
    name = _name(script)
    if not name or name == RUNS_AT_ONCE or {"async", "defer"} & attributes.keys():
        return script
    return type(script)(
        script.filename, priority=script.priority, **{**attributes, "defer": "defer"}
    )


def setup(app: Any) -> dict[str, Any]:
    """Edit each page's assets just before it is written."""
    app.connect("html-page-context", lean_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
