"""Pages leave out unused stylesheets and defer their script files."""

from pathlib import PurePosixPath

from lean_pages import lazy_after_first, lean_assets
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript


def asset(filename, **attributes):
    if filename.endswith(".css"):
        return _CascadingStyleSheet(filename, **attributes)
    return _JavaScript(filename, **attributes)


def test_unused_stylesheets_go_and_scripts_are_deferred():
    context = {
        "css_files": [asset("_static/sg_gallery.css"), asset("_static/sg_gallery-binder.css")],
        "script_files": [
            asset("_static/documentation_options.js"),
            asset("_static/doctools.js"),
            asset("_static/already.js", **{"async": "async"}),
            asset("_static/theirs.js", defer="defer"),
            asset("", body="inline();"),
        ],
    }
    originals = list(context["script_files"])
    lean_assets(None, "index", "page.html", context, None)
    assert "defer" not in originals[1].attributes  # shared with other pages: left alone
    assert [css.filename for css in context["css_files"]] == ["_static/sg_gallery.css"]
    deferred = [s.attributes.get("defer") for s in context["script_files"]]
    # documentation_options.js runs at once: the page's inline scripts use what it defines.
    assert deferred == [None, "defer", None, "defer", None]


def test_the_search_page_keeps_its_scripts_as_they_are():
    context = {"script_files": [asset("_static/doctools.js")]}
    lean_assets(None, "search", "search.html", context, None)
    assert context["script_files"][0].attributes == {}


def test_sphinx_design_assets_stay_only_where_its_components_are():
    def kept(body):
        context = {
            "body": body,
            "css_files": [asset("_static/sphinx-design.min.css"), asset("_static/pygments.css")],
            "script_files": [asset("_static/design-tabs.js"), asset("_static/doctools.js")],
        }
        lean_assets(None, "page", "page.html", context, None)
        return [
            PurePosixPath(a.filename).name for a in context["css_files"] + context["script_files"]
        ]

    assert kept("<p>prose</p>") == ["pygments.css", "doctools.js"]
    assert kept('<div class="sd-card sd-sphinx-override">') == [
        "sphinx-design.min.css",
        "pygments.css",
        "design-tabs.js",
        "doctools.js",
    ]


def test_gallery_images_after_the_first_load_lazily():
    body = (
        '<img src="../_images/sphx_glr_a_001.svg" alt="a" />'
        '<img src="../_images/sphx_glr_a_001_dark.svg" alt="a" />'
        '<img src="../_static/logo.svg" alt="logo" />'
        '<img loading="eager" src="../_images/sphx_glr_b_thumb.svg" alt="" />'
        '<img alt="" src="../_images/sphx_glr_c_thumb.png" />'
    )
    assert lazy_after_first(body) == (
        '<img src="../_images/sphx_glr_a_001.svg" alt="a" />'
        '<img loading="lazy" src="../_images/sphx_glr_a_001_dark.svg" alt="a" />'
        '<img src="../_static/logo.svg" alt="logo" />'
        '<img loading="eager" src="../_images/sphx_glr_b_thumb.svg" alt="" />'
        '<img loading="lazy" alt="" src="../_images/sphx_glr_c_thumb.png" />'
    )
