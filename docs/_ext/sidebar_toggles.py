"""Give the theme's sidebar fold toggles an accessible name.

The pydata-sphinx-theme puts a chevron alone in a ``<summary>`` beside each sidebar entry
that has children, so screen readers announce a button with no name (axe's rule
``summary-name``). This wraps the theme's sidebar generator and names each chevron after
its entry. If the theme stops providing the generator, nothing happens, and the site's
accessibility test flags the unnamed toggles again.
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup  # a dependency of the pydata-sphinx-theme


def name_sidebar_toggles(html: str) -> str:
    """Give each unnamed ``li > details > summary`` an ``aria-label`` naming its entry."""
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
    """Wrap the theme's ``generate_toctree_html`` so the sidebar it makes comes out named."""
    generate = context.get("generate_toctree_html")
    if generate is None:
        return

    def generate_named(kind: str, *args: Any, **kwargs: Any) -> Any:
        html = generate(kind, *args, **kwargs)
        return name_sidebar_toggles(str(html)) if kind == "sidebar" else html

    context["generate_toctree_html"] = generate_named


def setup(app: Any) -> dict[str, Any]:
    """Name the toggles on every page."""
    # After the theme's own handler (priority 500) has put its generator in the context.
    app.connect("html-page-context", label_sidebar_toggles, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
