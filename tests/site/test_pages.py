"""Every page of the built site loads in Chromium cleanly and entirely from the site itself."""

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.browser


def test_page_loads_cleanly(page_path, page_at):
    """No console error, no uncaught exception, no failed request, no request to another host.

    The site must work offline: a request for a CDN or a font service is a page that breaks
    without a network (and tells a third party who reads it).
    """
    visit = page_at(page_path, "light")  # the first test to look at this page
    visit.page.wait_for_load_state("networkidle")
    problems = [
        *(f"request to another host: {url}" for url in visit.external_requests),
        *(f"failed request: {failure}" for failure in visit.failed),
        *(f"console error: {text}" for text in visit.console_errors),
        *(f"uncaught exception: {text}" for text in visit.page_errors),
    ]
    assert not problems, f"{page_path}:\n  " + "\n  ".join(dict.fromkeys(problems))


class _Text(HTMLParser):
    """The text of a page a reader sees: everything outside scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def test_no_unresolved_cross_reference_shows_its_target(page_path, site_dir):
    """A reference Sphinx could not resolve prints its target: ``python:int`` for ``int``."""
    parser = _Text()
    parser.feed((site_dir / page_path).read_text(encoding="utf-8"))
    text = " ".join(parser.parts)
    shown = sorted(set(re.findall(r"\b(?:python|numpy|torch|matplotlib):[\w.]+", text)))
    assert not shown, f"{page_path} shows unresolved reference targets: {shown}"


def test_nothing_but_stylesheets_holds_up_the_first_paint(page_path, site_dir):
    """``_templates/layout.html`` edits the theme's head by matching its markup: when a theme
    release changes that markup, this says so instead of the edit silently doing nothing."""
    text = (site_dir / page_path).read_text(encoding="utf-8")
    assert 'rel="preload"' not in text, f"{page_path}: the theme preloads scripts again"
    assert "styles/theme.css" not in text, f"{page_path}: theme.css (an @import) is linked"
    assert re.search(r'<link href="[^"]*_static/basic\.css\?[^"]*" rel="stylesheet"', text)


def test_every_page_has_a_description(page_path, site_dir):
    """Search engines and link previews show it: from the page's own words, never empty."""
    text = (site_dir / page_path).read_text(encoding="utf-8")
    found = re.findall(r'<meta name="description" content="([^"]*)"', text)
    assert len(found) == 1, f"{page_path}: {len(found)} descriptions"
    assert len(found[0].split()) >= 4, f"{page_path}: {found[0]!r}"


def test_printed_output_keeps_its_lines_whole(page_path, page_at):
    """A printed tensor row wrapped in two reads as two rows: output scrolls instead."""
    styles = page_at(page_path, "light").page.evaluate(
        """() => Array.from(document.querySelectorAll(".sphx-glr-script-out pre"),
                             pre => getComputedStyle(pre).whiteSpace)"""
    )
    assert all(style == "pre" for style in styles), f"{page_path}: {sorted(set(styles))}"


def test_exercise_pages_show_each_verdict_once(site_dir):
    """A check prints "Not yet" for the starter and "Correct" for the solution, and no repr."""
    pages = [
        page
        for page in sorted((site_dir / "auto_examples").rglob("*.html"))
        if "exercises-only" in page.read_text(encoding="utf-8")
    ]
    assert len(pages) == 6
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count("Not yet (") >= 3, page.name
        assert html.count("Correct (") >= 3, page.name
        assert "Verdict(" not in html, page.name
