"""Pages leave out unused stylesheets and defer their script files."""

from lean_pages import lean_assets
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
