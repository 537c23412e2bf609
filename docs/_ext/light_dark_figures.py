"""Every figure drawn once, as SVG, and shown in a light and a dark variant.

``light_and_dark_scraper`` takes the place of sphinx-gallery's matplotlib scraper: it
renders each open figure once, as an SVG file (vector graphics: sharp at any screen
density), and writes the dark variant ``*_dark.svg`` by recolouring that file's text
(dark paper, light ink, data colours unchanged), without drawing the figure again. The
reST comes from sphinx-gallery's own ``figure_rst``; the scraper only adds the theme's
``only-light`` / ``only-dark`` classes, so the page shows the variant of its mode.

Loaded as an extension too: :func:`sized_images` hands the figures to Sphinx's own image
node, with their width and height.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import matplotlib.colors
import matplotlib.pyplot as plt
from docutils import nodes
from matplotlib.figure import Figure
from matplotlib.text import Text
from sphinx.util.images import get_image_size
from sphinx_gallery.directives import imgsgnode
from sphinx_gallery.scrapers import HLIST_HEADER, figure_rst

# The pydata-sphinx-theme's dark background, and a light grey for ink on it.
DARK_BACKGROUND = "#14181e"
DARK_INK = "#e1e4e8"
MODES = ("only-light", "only-dark")
# Elements in a group with an id of this prefix keep their colours in the dark variant.
KEEP = "keep-colours-"
# Fixed salt for the ids matplotlib gives clip paths and markers, and no date: two
# builds write the same bytes.
SVG_SETTINGS = {"svg.hashsalt": "torchintro", "svg.fonttype": "path"}
NAMESPACES = {
    "": "http://www.w3.org/2000/svg",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "cc": "http://creativecommons.org/ns#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
for _prefix, _uri in NAMESPACES.items():
    ET.register_namespace(_prefix, _uri)
_COLOUR = re.compile(r"\b(fill|stroke)\s*:\s*(#[0-9a-fA-F]{6})")


def _luminance(color: str) -> float:
    red, green, blue, _ = matplotlib.colors.to_rgba(color)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def dark_colour(prop: str, color: str) -> str:
    """Return the dark page's colour for an SVG ``fill`` or ``stroke`` of ``color``.

    Near-black ink (text, axes, black lines) turns light; a near-white fill (the paper
    of the figure, its axes and legends) turns dark; colours in between, the data's,
    stay as they are.
    """
    luminance = _luminance(color)
    if luminance < 0.2:
        return DARK_INK
    if prop == "fill" and luminance > 0.9:
        return DARK_BACKGROUND
    return color


def mark_kept_colours(fig: Figure) -> None:
    """Give the texts whose colours must stay an id that :func:`dark_svg` skips.

    Text drawn inside its own box (such as the nodes of an autograd graph) keeps its
    colours, since the box keeps its light fill; so does text written on an image (such
    as the counts in the cells of a confusion matrix), since the image keeps its colours.
    """
    numbers = itertools.count(1)
    on_images = {id(text) for ax in fig.axes if ax.images for text in ax.texts}
    for text in fig.findobj(Text):
        if (text.get_bbox_patch() is not None or id(text) in on_images) and not text.get_gid():
            text.set_gid(f"{KEEP}{next(numbers)}")


def dark_svg(svg: str) -> str:
    """Recolour the SVG text of a matplotlib figure for a dark page (see :func:`dark_colour`).

    Matplotlib leaves black fills implicit (SVG's default), so the dark variant's root
    sets light ink as the inherited fill, and each kept group sets black back.
    """
    root = ET.fromstring(svg)

    def recolour(element: ET.Element) -> None:
        if element.get("id", "").startswith(KEEP):
            element.set("fill", "#000000")
            return
        style = element.get("style")
        if style:
            element.set("style", _COLOUR.sub(lambda m: f"{m[1]}: {dark_colour(m[1], m[2])}", style))
        for child in element:
            recolour(child)

    recolour(root)
    root.set("fill", DARK_INK)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def figure_alt_text(fig: Figure, number: int) -> str:
    """Describe a figure by its titles (the examples title every figure), else by its number."""
    titles = [fig.get_suptitle(), *(ax.get_title() for ax in fig.axes)]
    text = "; ".join(title for title in titles if title).replace("\n", " ")
    return text or f"Figure {number}"


def save_light_and_dark(fig: Figure, image_path: Path) -> tuple[Path, Path]:
    """Draw ``fig`` once, as SVG, and write its dark twin; return both paths.

    The figure goes to ``image_path`` with the suffix ``.svg``, its dark variant beside
    it as ``*_dark.svg``: the same file, recoloured.
    """
    light = image_path.with_suffix(".svg")
    dark = light.with_name(f"{light.stem}_dark.svg")
    mark_kept_colours(fig)
    with plt.rc_context(SVG_SETTINGS):
        fig.savefig(light, format="svg", metadata={"Date": None})
    dark.write_text(dark_svg(light.read_text(encoding="utf-8")), encoding="utf-8")
    return light, dark


def mode_image_rst(path: Path, src_dir: Path, alt: str, mode: str, *, multi: bool) -> str:
    """sphinx-gallery's reST for one image, with the theme's class for ``mode`` added."""
    size = "sphx-glr-multi-img" if multi else "sphx-glr-single-img"
    # One of several figures side by side gets sphinx-gallery's smaller image class.
    return figure_rst([path], src_dir, alt).replace(
        ":class: sphx-glr-single-img", f":class: {size} {mode}", 1
    )


def light_and_dark_scraper(
    block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]
) -> str:
    """Save each open figure in a light and a dark variant; return the reST showing them."""
    src_dir = Path(gallery_conf["src_dir"])
    figures = []
    for number in plt.get_fignums():
        fig = plt.figure(number)
        paths = save_light_and_dark(fig, Path(next(block_vars["image_path_iterator"])))
        figures.append((paths, figure_alt_text(fig, number)))
    plt.close("all")
    multi = len(figures) > 1
    items = []
    for paths, alt in figures:
        images = "".join(
            mode_image_rst(path, src_dir, alt, mode, multi=multi)
            for path, mode in zip(paths, MODES, strict=True)
        )
        # Side by side, each figure is one item of sphinx-gallery's horizontal list,
        # holding both of its variants.
        items.append(images if not multi else "    *\n" + images.replace("\n", "\n      "))
    if not items:
        return ""
    return (HLIST_HEADER if multi else "") + "\n".join(items)


def sized_images(app: Any, doctree: nodes.document) -> None:
    """Turn sphinx-gallery's image nodes into Sphinx's own, with the figure's size.

    sphinx-gallery's ``image-sg`` node exists for its ``srcset`` of bitmaps, which SVG
    figures do not need, and its HTML writer keeps only the first of an image's classes,
    writes the alt text unescaped and gives no size. Sphinx's image node does all three;
    the width and height let the browser keep the figure's room before it loads (no
    layout shift), and CSS scales it to the column (``height: auto``).
    """
    for node in list(doctree.findall(imgsgnode)):
        image = nodes.image(uri=node["uri"], alt=node.get("alt", ""))
        image["classes"] = list(node.get("class") or [])
        size = get_image_size(Path(app.srcdir) / node["uri"].lstrip("/"))
        if size is not None:
            image["width"], image["height"] = (str(value) for value in size)
        node.replace_self(image)


def setup(app: Any) -> dict[str, Any]:
    """Swap the gallery's image nodes as each page is read, before Sphinx collects images."""
    app.connect("doctree-read", sized_images, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
