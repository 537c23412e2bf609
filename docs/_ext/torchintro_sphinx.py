"""Build-time helpers for the torchintro site, loaded as the Sphinx extension ``torchintro_sphinx``.

- ``reset_torch``: sphinx-gallery's reset hook, so no example inherits torch state.
- ``light_and_dark_scraper``: saves every figure twice, as drawn and recoloured for dark mode,
  and shows the one that matches the theme's mode.
- A provenance line under each example's title: torch version, device, seed, build date.
- Printed outputs are kept out of the search index.
- MathJax is copied into the site from an installed package: math renders offline.
- Collapsible exercise solutions: a paragraph reading just **Solution** folds everything after it,
  to the end of its section, into a ``<details>`` element (notebooks keep the plain paragraph).
- Named sidebar toggles: the theme's chevrons that fold the sidebar get an accessible name.
"""

from __future__ import annotations

import datetime
import importlib.util
import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import matplotlib.colors
import matplotlib.pyplot as plt
import torch
from bs4 import BeautifulSoup  # a dependency of the pydata-sphinx-theme
from docutils import nodes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text

import torchintro

SEED = 0

# The pydata-sphinx-theme's dark background, and a light grey for ink on it.
DARK_BACKGROUND = "#14181e"
DARK_INK = "#e1e4e8"


def reset_torch(gallery_conf: dict[str, Any], fname: str) -> None:
    """Give every example the same torch state: seed 0, default printing, float32, CPU."""
    torch.manual_seed(SEED)
    torch.set_printoptions(profile="default")
    torch.set_default_dtype(torch.float32)
    torch.set_default_device(None)


# -- Figures for light and dark mode ---------------------------------------------------


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
    colours, since the box keeps its light fill.
    """
    boxed = {id(text.get_bbox_patch()) for text in fig.findobj(Text) if text.get_bbox_patch()}
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


def light_and_dark_scraper(
    block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]
) -> str:
    """Save each open figure as drawn (light) and recoloured (dark); show the one matching the mode.

    Written in place of sphinx-gallery's matplotlib scraper: both variants of a figure
    come from the one figure object, saved, recoloured, saved again.
    """
    src_dir = Path(gallery_conf["src_dir"])
    images = []
    for number in plt.get_fignums():
        fig = plt.figure(number)
        light = Path(next(block_vars["image_path_iterator"]))
        dark = light.with_name(light.stem + "_dark.png")
        fig.savefig(light)
        # Keep the layout just computed: the dark variant differs only in colour, so the
        # layout engine need not run again (it is a third of a re-draw's time).
        fig.set_layout_engine("none")
        recolor_for_dark(fig)
        fig.savefig(dark, facecolor=fig.get_facecolor())
        alt = figure_alt_text(fig, number)
        images.append([(path.relative_to(src_dir).as_posix(), alt) for path in (light, dark)])
    plt.close("all")
    if not images:
        return ""
    single = len(images) == 1
    css = "sphx-glr-single-img" if single else "sphx-glr-multi-img"
    indent = "" if single else "      "
    rst = "\n" if single else "\n.. rst-class:: sphx-glr-horizontal\n\n"
    for pair in images:
        rst += "" if single else "    *\n\n"
        for (path, alt), mode in zip(pair, ("only-light", "only-dark"), strict=True):
            # Both variants in one list item; the theme hides .only-light / .only-dark by mode.
            rst += f"{indent}.. image:: /{path}\n{indent}   :alt: {alt}\n"
            rst += f"{indent}   :class: {css} {mode}\n\n"
    return rst


# -- Publishing: the repository setting, the notebooks' setup cell, Colab links -------

NOTEBOOKS_BRANCH = "notebooks"


def repository_url_from(environ: Mapping[str, str]) -> str:
    """Find the public repository's URL: set explicitly, or from the CI that is building.

    ``TORCHINTRO_REPOSITORY_URL`` wins; GitHub Actions and Read the Docs name the
    repository they build in their own variables. Elsewhere: ``""`` (unpublished).
    """
    if environ.get("TORCHINTRO_REPOSITORY_URL"):
        url = environ["TORCHINTRO_REPOSITORY_URL"]
    elif environ.get("GITHUB_REPOSITORY"):
        url = f"{environ.get('GITHUB_SERVER_URL', 'https://github.com')}/{environ['GITHUB_REPOSITORY']}"
    else:
        url = environ.get("READTHEDOCS_GIT_CLONE_URL", "")
    return url.removesuffix("/").removesuffix(".git")


def notebook_setup_cell(repository_url: str) -> str | None:
    """Return the code of the first cell of every notebook: install torchintro where it is missing.

    Where torchintro is importable (a local clone, the docs build) the cell does nothing;
    on Colab or a fresh Jupyter it installs the package and its dependencies from the
    repository. Without a repository URL there is nowhere to install from: no cell.
    """
    if not repository_url:
        return None
    return (
        "# Setup: install torchintro (and what it needs) if it is missing, as on Colab.\n"
        "# Where it is installed already, this cell does nothing.\n"
        "import importlib.util\n"
        "import subprocess\n"
        "import sys\n"
        "\n"
        'if importlib.util.find_spec("torchintro") is None:\n'
        "    subprocess.run(\n"
        f'        [sys.executable, "-m", "pip", "install", "--quiet", "torchintro @ git+{repository_url}"],\n'
        "        check=True,\n"
        "    )"
    )


def colab_url(repository_url: str, docname: str) -> str | None:
    """Link that opens an example's notebook in Google Colab, or ``None`` if there is none.

    Colab opens notebooks stored on GitHub; the workflow publishes the built notebooks
    to the repository's ``notebooks`` branch, one folder per gallery.
    """
    prefix = "https://github.com/"
    if not repository_url.startswith(prefix):
        return None
    gallery_path = docname.removeprefix("auto_examples/")
    return (
        f"https://colab.research.google.com/github/{repository_url.removeprefix(prefix)}"
        f"/blob/{NOTEBOOKS_BRANCH}/{gallery_path}.ipynb"
    )


# -- Provenance ------------------------------------------------------------------------


def build_date() -> str:
    """Return the build date: from SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
        if epoch
        else datetime.datetime.now(tz=datetime.timezone.utc)
    )
    return moment.date().isoformat()


def provenance() -> str:
    """One line saying what produced the outputs of an example page."""
    device = torchintro.select_device()
    return (
        f"Outputs computed when this page was built on {build_date()}, with torch "
        f"{torch.__version__} on {torchintro.describe_device(device)}, random seed {SEED}."
    )


def reread_if_provenance_changed(
    app: Any, env: Any, added: set, changed: set, removed: set
) -> list[str]:
    """Re-read every example page when its provenance line would change (date, torch, device).

    Sphinx re-reads a page only when its source changed; the line is added while
    reading, so without this an unchanged page would keep an old date.
    """
    current = provenance()
    previous = getattr(env, "torchintro_provenance", None)
    env.torchintro_provenance = current
    if previous is None or previous == current:
        return []
    return [name for name in env.found_docs if _EXAMPLE_PAGE.fullmatch(name)]


_EXAMPLE_PAGE = re.compile(r"auto_examples/[^/]+/plot_[^/]+")
_TITLE = re.compile(r"^(?P<title>[^\n]+)\n=+\n", re.MULTILINE)


def add_provenance(app: Any, docname: str, source: list[str]) -> None:
    """Put the provenance line under the title of every executed example page."""
    if not _EXAMPLE_PAGE.fullmatch(docname):
        return
    note = f"\n.. container:: sphx-glr-provenance\n\n   {provenance()}\n"
    link = colab_url(app.config.repository_url, docname)
    if link:
        note += f"\n.. container:: sphx-glr-colab\n\n   `Open this example in Colab <{link}>`__\n"
    source[0] = _TITLE.sub(lambda match: match[0] + note, source[0], count=1)


# -- Collapsible solutions -------------------------------------------------------------


class solution(nodes.General, nodes.Element):
    """A ``<details>`` block holding an exercise's solution."""


def _visit_solution(self: Any, node: solution) -> None:
    self.body.append('<details class="sphx-glr-solution"><summary>Show a solution</summary>\n')


def _depart_solution(self: Any, node: solution) -> None:
    self.body.append("</details>\n")


def _is_solution_marker(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.paragraph)
        and len(node.children) == 1
        and isinstance(node[0], nodes.strong)
        and node.astext() == "Solution"
    )


def fold_solutions(app: Any, doctree: nodes.document, docname: str) -> None:
    """Fold each **Solution** paragraph and what follows it in its section into a solution node."""
    for marker in list(doctree.findall(_is_solution_marker)):
        parent = marker.parent
        start = parent.index(marker)
        end = start + 1
        while end < len(parent) and not isinstance(parent[end], nodes.section):
            end += 1
        folded = solution()
        folded.extend(parent[start + 1 : end])
        parent[start:end] = [folded]


# -- MathJax, served from the site itself ----------------------------------------------

# The parts of the MathJax that sphinx-mathjax-offline ships which TeX-to-HTML needs:
# the combined component, the TeX extensions it may autoload, the HTML output with
# its fonts, and the menu. Its speech engine and other bundles (20 MB) stay behind.
MATHJAX_PARTS = ("tex-chtml.js", "input/tex", "output/chtml", "ui", "a11y", "adaptors")


def copy_mathjax(app: Any, exception: Exception | None) -> None:
    """Copy the bundled MathJax into the built site, so math renders without a network."""
    if exception is not None or app.builder.format != "html":
        return
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    source = Path(spec.origin).parent / "static" / "mathjax"
    target = Path(app.outdir) / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, dirs_exist_ok=True)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / part, target / part)


# -- Search --------------------------------------------------------------------------


def keep_outputs_out_of_search(app: Any, doctree: nodes.document) -> None:
    """Leave printed outputs out of the search index: it indexes the prose and the code.

    Outputs are mostly numbers, and the timing page's vary from build to build; kept
    out, they cannot make two builds of one commit index differently.
    """
    for node in doctree.findall(nodes.Element):
        if "sphx-glr-script-out" in node["classes"]:
            node["classes"].append("no-search")


# -- Sidebar toggles with a name ----------------------------------------------------------


def name_sidebar_toggles(html: str) -> str:
    """Give each chevron that folds a sidebar entry an accessible name.

    The pydata-sphinx-theme puts the chevron alone in a ``<summary>`` beside the entry's
    link, so screen readers announce a button with no name (axe's rule summary-name).
    """
    soup = BeautifulSoup(html, "html.parser")
    for summary in soup.select("li > details > summary"):
        if summary.get_text(strip=True) or summary.get("aria-label"):
            continue
        link = summary.find_parent("li").find("a", recursive=False)
        title = link.get_text(" ", strip=True) if link is not None else "this section"
        summary["aria-label"] = f"Pages under {title}"
    return str(soup)


def label_sidebar_toggles(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Wrap the theme's sidebar generator so its chevrons come out named."""
    generate = context.get("generate_toctree_html")
    if generate is None:
        return

    def generate_named(kind: str, *args: Any, **kwargs: Any) -> Any:
        html = generate(kind, *args, **kwargs)
        return name_sidebar_toggles(str(html)) if kind == "sidebar" else html

    context["generate_toctree_html"] = generate_named


def setup(app: Any) -> dict[str, Any]:
    """Register the provenance line, the solution folding and the named sidebar toggles."""
    app.add_config_value("repository_url", "", "html", types=[str])
    app.connect("source-read", add_provenance)
    app.connect("env-get-outdated", reread_if_provenance_changed)
    app.connect("doctree-resolved", fold_solutions)
    app.connect("doctree-read", keep_outputs_out_of_search)
    # After the theme's own handler (priority 500) has put its generator in the context.
    app.connect("html-page-context", label_sidebar_toggles, priority=600)
    app.add_node(
        solution,
        html=(_visit_solution, _depart_solution),
        latex=(lambda self, node: None, lambda self, node: None),
        text=(lambda self, node: None, lambda self, node: None),
    )
    app.add_css_file("torchintro.css")
    app.connect("build-finished", copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
