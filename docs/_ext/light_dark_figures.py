"""Every figure twice, for light and for dark pages, from the one figure object.

``light_and_dark_scraper`` takes the place of sphinx-gallery's matplotlib scraper: it saves
each open figure as drawn, recolours it for a dark page (dark paper, light ink, data colours
unchanged) and saves it again as ``*_dark.png``. The reST comes from sphinx-gallery's own
``figure_rst``; the scraper only adds the theme's ``only-light`` / ``only-dark`` classes,
so the page shows the variant that matches its mode.

Loaded as an extension too: sphinx-gallery's HTML writer for its ``image-sg`` images keeps
only the first of an image's classes and writes the alt text unescaped, so
:func:`prepare_images_for_html` joins the classes into one and escapes the text first.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import matplotlib.colors
import matplotlib.pyplot as plt
from docutils import nodes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text
from sphinx_gallery.directives import imgsgnode
from sphinx_gallery.scrapers import HLIST_HEADER, figure_rst

# The pydata-sphinx-theme's dark background, and a light grey for ink on it.
DARK_BACKGROUND = "#14181e"
DARK_INK = "#e1e4e8"
MODES = ("only-light", "only-dark")


def _luminance(color: Any) -> float | None:
    if color is None or (isinstance(color, str) and color == "none"):
        return None
    red, green, blue, alpha = matplotlib.colors.to_rgba(color)
    return None if alpha == 0 else 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _ink(color: Any) -> Any:
    """Swap near-black ink for light ink; leave colours alone."""
    luminance = _luminance(color)
    return DARK_INK if luminance is not None and luminance < 0.2 else color


def _paper(color: Any) -> Any:
    """Swap near-white backgrounds for the dark background; leave colours alone."""
    luminance = _luminance(color)
    return DARK_BACKGROUND if luminance is not None and luminance > 0.9 else color


def recolor_for_dark(fig: Figure) -> Figure:
    """Recolour a figure for a dark page: dark paper, light ink, data colours unchanged.

    Text drawn inside its own box (such as the nodes of an autograd graph) keeps its
    colours, since the box keeps its light fill; so does text written on an image (such
    as the counts in the cells of a confusion matrix), since the image keeps its colours.
    """
    boxed = {id(text.get_bbox_patch()) for text in fig.findobj(Text) if text.get_bbox_patch()}
    on_images = {id(text) for ax in fig.axes if ax.images for text in ax.texts}
    fig.patch.set_facecolor(DARK_BACKGROUND)
    for ax in fig.axes:
        ax.set_facecolor(_paper(ax.get_facecolor()))
        ax.tick_params(colors=DARK_INK, which="both")
        for spine in ax.spines.values():
            spine.set_edgecolor(_ink(spine.get_edgecolor()))
        legend = ax.get_legend()
        if legend is not None:
            frame = legend.get_frame()
            frame.set_facecolor(_paper(frame.get_facecolor()))
            frame.set_edgecolor(_ink(frame.get_edgecolor()))
    for artist in fig.findobj():
        arrow = getattr(artist, "arrow_patch", None)  # an annotation's arrow is not a child artist
        if arrow is not None:
            arrow.set_edgecolor(_ink(arrow.get_edgecolor()))
            arrow.set_facecolor(_ink(arrow.get_facecolor()))
        if isinstance(artist, Text) and artist.get_bbox_patch() is None:
            if id(artist) in on_images:
                continue
            artist.set_color(_ink(artist.get_color()))
        elif isinstance(artist, Patch) and id(artist) not in boxed and artist is not fig.patch:
            artist.set_edgecolor(_ink(artist.get_edgecolor()))
        elif hasattr(artist, "get_markeredgecolor"):  # Line2D
            artist.set_color(_ink(artist.get_color()))
            artist.set_markeredgecolor(_ink(artist.get_markeredgecolor()))
            artist.set_markerfacecolor(_ink(artist.get_markerfacecolor()))
    return fig


def figure_alt_text(fig: Figure, number: int) -> str:
    """Describe a figure by its titles (the examples title every figure), else by its number."""
    titles = [fig.get_suptitle(), *(ax.get_title() for ax in fig.axes)]
    text = "; ".join(title for title in titles if title).replace("\n", " ")
    return text or f"Figure {number}"


def save_light_and_dark(fig: Figure, light: Path) -> Path:
    """Save ``fig`` to ``light`` as drawn and, recoloured, beside it as ``*_dark``; return that."""
    dark = light.with_name(f"{light.stem}_dark{light.suffix}")
    fig.savefig(light)
    # Keep the layout just computed: the dark variant differs only in colour, so the
    # layout engine need not run again.
    fig.set_layout_engine("none")
    recolor_for_dark(fig)
    fig.savefig(dark, facecolor=fig.get_facecolor())
    return dark


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
        light = Path(next(block_vars["image_path_iterator"]))
        dark = save_light_and_dark(fig, light)
        figures.append(((light, dark), figure_alt_text(fig, number)))
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


def prepare_images_for_html(app: Any, doctree: nodes.document) -> None:
    """Hand sphinx-gallery's image writer all the classes, and alt text safe in HTML.

    Its writer emits ``class="<first class>"`` and ``alt="<text as is>"``; joining the
    classes into one string keeps ``only-dark`` with ``sphx-glr-single-img``, and
    escaping keeps a figure title with quotes or ``<`` from breaking the tag.
    """
    for node in doctree.findall(imgsgnode):
        if node.get("class"):
            node["class"] = [" ".join(node["class"])]
        node["alt"] = html.escape(node.get("alt", ""), quote=True)


def setup(app: Any) -> dict[str, Any]:
    """Fix up the images as each page is read."""
    app.connect("doctree-read", prepare_images_for_html)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
