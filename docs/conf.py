"""Sphinx configuration for the torchintro site.

Every example under ``examples/`` runs during the build (sphinx-gallery), so the
outputs and figures on the pages come from code run by this build.
"""

import os
import re
import sys
from importlib.metadata import version as _version
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

from numpydoc.xref import DEFAULT_LINKS
from publishing import build_commit, notebook_setup_cell, repository_url_from, where_to_get

# -- Project -------------------------------------------------------------------------

project = "torchintro"
author = "The torchintro developers"
copyright = "2026, The torchintro developers"
release = _version("torchintro")
version = release

# The one setting for where this project lives publicly: downloaded notebooks install
# torchintro from it, and "Open in Colab" links open notebooks from its `notebooks`
# branch (published by .github/workflows/docs.yml). Empty: no install cell, no links.
# Set TORCHINTRO_REPOSITORY_URL, or let GitHub Actions / Read the Docs supply it.
repository_url = repository_url_from(os.environ)

# -- General -------------------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.intersphinx",
    "numpydoc",
    "myst_parser",
    "sphinx_copybutton",
    "sphinx_design",
    "sphinx_gallery.gen_gallery",
    "sphinxext.opengraph",
    # Our build helpers, one job each (docs/_ext/):
    "example_inputs",  # re-run an example when anything deciding its output changed
    "light_dark_figures",  # every figure in a light and a dark variant
    "provenance",  # the line saying what produced a page's outputs
    "publishing",  # the repository setting: notebook install cell, Colab links
    "time_limits",  # each example runs under a time limit
    "folded_solutions",  # exercise solutions in "Show a solution" dropdowns
    "exercises_only",  # exercise pages' notebooks and scripts without the solutions
    "mathml",  # math typeset at build time as MathML, which browsers render
    "search_outputs",  # printed outputs kept out of the search index
    "clean_downloads",  # downloaded scripts without the hidden checks
    "page_descriptions",  # a meta description where opengraph finds no paragraph
    "sidebar_toggles",  # the sidebar's fold toggles named for screen readers
    "valid_html",  # no invalid attribute, repeated id or raw template in the output
    "lean_pages",  # no unused stylesheet, no script blocking the first paint
    "api_stubs",  # the API stubs are written only when their inputs changed
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "**/GALLERY_HEADER.rst", "sg_execution_times.rst"]
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["torchintro.css"]
nitpicky = True

# Math is MathML written by the build (docs/_ext/mathml.py): no script, no web font.
html_math_renderer = "mathml"

myst_enable_extensions = ["colon_fence", "dollarmath", "deflist", "substitution"]
myst_update_mathjax = False  # no MathJax to configure: math is MathML
myst_substitutions = {"where_to_get_torchintro": where_to_get(repository_url)}
myst_heading_anchors = 3

# -- API reference -------------------------------------------------------------------

autosummary_generate = True  # when the stubs' inputs changed (docs/_ext/api_stubs.py)
autodoc_typehints = "none"  # numpydoc's Parameters sections already carry the types
numpydoc_show_class_members = False
numpydoc_xref_param_type = True
# numpydoc links a builtin type such as ``int`` to ``python:int`` in Python's docs. A link
# intersphinx cannot resolve (every one, offline) shows its target, "python:int": give
# each such link its own name as title, so pages read "int" and link it where they can.
numpydoc_xref_aliases = {
    name: re.sub(r"`((?:python|numpy):[^`<>]+)`", rf"`{name} <\1>`", link)
    for name, link in DEFAULT_LINKS.items()
    if re.search(r"`(python|numpy):[^`<>]+`", link)
} | {
    "Tensor": "torch.Tensor",
    "torch.Tensor": "torch.Tensor",
    "torch.Generator": "torch.Generator",
    "torch.device": "torch.device",
    "torch.dtype": "torch.dtype",
}
numpydoc_xref_ignore = {
    "of",
    "shape",
    "or",
    "to",
    "optional",
    "default",
    "mapping",
    "n_samples",
    "n_features",
}
numpydoc_validation_checks = {"all", "GL01", "GL02", "SA01", "EX01", "ES01", "RT02", "SS05", "SS06"}
numpydoc_validation_exclude = {r"\.__init__$"}

# -- Intersphinx: only for online builds, never blocking an offline one ---------------
#
# Set TORCHINTRO_INTERSPHINX=1 where the inventories can be fetched (CI, Read the Docs).
# References into these projects link where an inventory resolves them; where none
# does (offline, or a name another project does not index) they are not warned about:
# nitpicky checking is for this site's own references.

intersphinx_timeout = 10
_external = {
    "python": ("https://docs.python.org/3", None),
    "numpy": ("https://numpy.org/doc/stable", None),
    "matplotlib": ("https://matplotlib.org/stable", None),
    "torch": ("https://docs.pytorch.org/docs/stable", None),
}
if os.environ.get("TORCHINTRO_INTERSPHINX") == "1":
    intersphinx_mapping = _external
else:
    intersphinx_mapping = {}
    intersphinx_disabled_reftypes = ["*"]
nitpick_ignore_regex = [
    (r"py:.*", r"(torch|numpy|np|matplotlib|collections|typing|os|subprocess)(\..*)?"),
    (r"py:.*", r"(int|float|str|bool|tuple|list|dict|None|Callable|Iterable|Mapping)"),
    (r".*", r"python:.*"),  # numpydoc's links for builtin types
]

# -- HTML ----------------------------------------------------------------------------

html_theme = "pydata_sphinx_theme"
html_title = "torchintro"
html_favicon = "_static/favicon.svg"
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False  # the reST sources are generated; readers download .py/.ipynb
html_theme_options = {
    "navigation_with_keys": False,
    "show_prev_next": True,
    "navbar_end": ["theme-switcher", "navbar-icon-links"],
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
    "secondary_sidebar_items": ["page-toc", "sg_download_links", "provenance"],
    # The theme's own accessible styles: "default" and "github-dark" colour comments and
    # doctest output below WCAG AA's 4.5:1 contrast on the theme's code background.
    "pygments_light_style": "a11y-high-contrast-light",
    "pygments_dark_style": "a11y-high-contrast-dark",
    # The header links to the public repository, where there is one (repository_url).
    "icon_links": [
        {
            "name": "Source repository",
            "url": repository_url,
            "icon": "fa-brands fa-github"
            if "github.com" in repository_url
            else "fa-solid fa-code-branch",
            "type": "fontawesome",
        }
    ]
    if repository_url
    else [],
}
html_context = {"default_mode": "auto"}
# sphinxext-opengraph: each page's <meta name="description"> (and Open Graph tags) from
# its first paragraph. No social-card images: they would be drawn on every build.
ogp_social_cards = {"enable": False}
# The standalone pages have no section navigation to show.
html_sidebars = {"running": [], "original-notebook": [], "api": []}

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos, .gp, .go"

# -- Gallery -------------------------------------------------------------------------

# Seconds an example may run before the build stops it (docs/_ext/time_limits.py); an
# example can ask for more with a line `# sphinx_gallery_torchintro_time_limit = <seconds>`.
torchintro_time_limit = 120
sphinx_gallery_conf = {
    "examples_dirs": ["../examples"],
    "gallery_dirs": ["auto_examples"],
    # Every .py file in a gallery is executed: the default pattern would render any
    # file not named plot_* without running it.
    "filename_pattern": r".*\.py$",
    "ignore_pattern": r"__init__\.py",
    "within_subsection_order": "FileNameSortKey",
    "abort_on_example_error": True,
    # time_limits: no example may run past torchintro_time_limit and hang the build.
    # gallery_state: the same torch state for every example; deprecations fail the build.
    # exercise_checks: every exercise's reference solution passes its checker.
    "reset_modules": (
        "matplotlib",
        "gallery_state.reset_torch",
        "gallery_state.deprecations_fail",
        "exercise_checks.solutions_pass",
        "time_limits.limit_example_time",
    ),
    "reset_modules_order": "both",
    "doc_module": ("torchintro",),
    "backreferences_dir": "gen_modules/backreferences",
    "download_all_examples": True,
    "remove_config_comments": True,
    "show_signature": False,
    "show_memory": False,
    # No timings on the pages: two builds of one commit must give the same HTML.
    "min_reported_time": float("inf"),
    "write_computation_times": False,
    "capture_repr": ("__repr__",),
    # A checker of torchintro.exercises prints its verdict; the Verdict it returns
    # would show again as an output (in a notebook it shows nothing).
    "ignore_repr_types": r"torchintro\.exercises\.Verdict",
    "image_scrapers": ("light_dark_figures.light_and_dark_scraper",),
    "matplotlib_animations": False,
    "default_thumb_file": str(HERE / "_static" / "default_thumb.png"),
    "first_notebook_cell": notebook_setup_cell(
        repository_url, build_commit(os.environ, HERE.parent), _version("torch")
    ),
}
