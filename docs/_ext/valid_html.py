"""Valid HTML where the tools we build with write invalid HTML.

Three fixes, each checked by the Nu HTML Checker in ``tests/site/test_html_valid.py``:

- sphinx-gallery gives each thumbnail (on the gallery indexes and the API pages) a ``tooltip`` attribute, which HTML does not have (its
  CSS shows it as a hover overlay). The text is the example's first paragraph with the
  inline code dropped ("between torch.mm and , why"), shown only to a mouse, never to a
  screen reader or a phone; the thumbnail's title and the page say it better. It goes.
- sphinx-gallery's gallery index carries an empty ``<div id="sg-tag-list">`` for its tag
  filter, once per sub-gallery, so the top index repeats the id. The first one is kept
  (the tag script fills the first); the rest go.
- pydata-sphinx-theme keeps a Jinja macro file, ``webpack-macros.html``, in its static
  folder, so Sphinx publishes it as ``_static/webpack-macros.html``: a page of unrendered
  ``{{ pathto(...) }}`` links. It is removed from the output after the build.

The first two are made in the document tree, in the raw HTML nodes sphinx-gallery's reST
becomes (``doctree-read``): that covers the gallery indexes and the API pages'
"Examples using" thumbnails (inserted by its ``minigallery`` directive) alike, and
follows sphinx-gallery's output rather than a copy of its templates.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes

# sphinx-gallery's THUMBNAIL_TEMPLATE: <div class="sphx-glr-thumbcontainer" tooltip="...">
TOOLTIP = re.compile(r'(<div class="sphx-glr-thumbcontainer"[^>]*?)\s+tooltip="[^"]*"')
TAG_LIST = "id='sg-tag-list'"
THEME_TEMPLATES = ["_static/webpack-macros.html"]


def clean_thumbnails(html: str) -> str:
    """Remove the ``tooltip`` attribute from sphinx-gallery's thumbnails in ``html``."""
    return TOOLTIP.sub(r"\1", html)


def clean_raw_html(doctree: nodes.document) -> None:
    """Clean the thumbnails of a page's raw HTML and keep its first tag list only."""
    tag_lists = 0
    for node in list(doctree.findall(nodes.raw)):
        if "html" not in node.get("format", "").split():
            continue
        html = node.astext()
        if TAG_LIST in html:
            tag_lists += 1
            if tag_lists > 1:
                node.parent.remove(node)
                continue
        cleaned = clean_thumbnails(html)
        if cleaned != html:
            node.children = [nodes.Text(cleaned)]


def _doctree_read(app: Any, doctree: nodes.document) -> None:
    clean_raw_html(doctree)


def _remove_templates(app: Any, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for name in THEME_TEMPLATES:
        (Path(app.outdir) / name).unlink(missing_ok=True)


def setup(app: Any) -> dict[str, Any]:
    """Clean each page's raw HTML as it is read, and the output once it is written."""
    app.connect("doctree-read", _doctree_read)
    app.connect("build-finished", _remove_templates)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
