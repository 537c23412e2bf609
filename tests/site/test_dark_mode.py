"""Dark mode: the theme's switcher darkens the page, and figures follow the mode.

The pydata-sphinx-theme keeps the chosen mode (light, dark or auto) in localStorage
``mode`` and shows the resolved one as ``data-theme`` on ``<html>``. Each figure of an
example page is there twice, ``only-light`` (as drawn) and ``only-dark`` (``*_dark.svg``,
recoloured), both SVG so that they are sharp at any screen density; the theme's CSS
shows the one matching the mode.
"""

import pytest

from browser_waits import evaluate_async

pytestmark = pytest.mark.browser

BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"
THEME = "() => document.documentElement.dataset.theme"


def luminance(css_color: str) -> float:
    """Relative luminance (0 black, 1 white) of an ``rgb()``/``rgba()`` colour."""
    channels = css_color[css_color.index("(") + 1 : css_color.index(")")].split(",")
    red, green, blue = (float(value) / 255 for value in channels[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_theme_switcher_turns_the_page_dark(open_page):
    visit = open_page(
        "index.html",
        color_scheme="light",
    )
    page = visit.page
    assert page.evaluate(THEME) == "light"
    light = page.evaluate(BACKGROUND)

    page.locator(".theme-switch-button").locator("visible=true").first.click()
    page.locator(".theme-change-button[data-mode=dark]").locator("visible=true").first.click()
    assert page.evaluate(THEME) == "dark"
    dark = page.evaluate(BACKGROUND)
    assert luminance(dark) < luminance(light) - 0.5, f"background {light} -> {dark}"
    assert page.evaluate("() => localStorage.getItem('mode')") == "dark"

    # The choice sticks: the next page opens dark.
    page.goto(visit.url.replace("index.html", "search.html"))
    assert page.evaluate(THEME) == "dark"
    assert page.evaluate(BACKGROUND) == dark


# What a reader sees (conftest's SETTINGS): a stored choice, or "auto" following the
# system's preference. The first two are the loads the accessibility checks look at too.
MODES = [
    pytest.param("light", "light", id="light-chosen"),
    pytest.param("dark", "dark", id="dark-chosen"),
    pytest.param("auto-dark", "dark", id="auto-system-dark"),
    pytest.param("auto-light", "light", id="auto-system-light"),
]

FIGURES = """async () => {
  // A figure in a folded solution is hidden whatever the mode: unfold them all first.
  document.querySelectorAll("details").forEach(details => { details.open = true; });
  const images = Array.from(document.querySelectorAll("img.only-light, img.only-dark"));
  // Load the lazy ones too, then see what the reader sees.
  await Promise.allSettled(images.map(img => { img.loading = "eager"; return img.decode(); }));
  return images.map(img => ({
    variant: img.classList.contains("only-dark") ? "dark" : "light",
    src: new URL(img.getAttribute("src"), document.baseURI).pathname,
    visible: img.checkVisibility(),
    loaded: img.complete && img.naturalWidth > 0,
  }));
}"""


@pytest.mark.parametrize(("setting", "theme"), MODES)
def test_figures_follow_the_mode(figure_page_path, setting, theme, page_at):
    visit = page_at(figure_page_path, setting)
    page = visit.page
    assert page.evaluate(THEME) == theme
    figures = evaluate_async(page, FIGURES)
    light = [figure for figure in figures if figure["variant"] == "light"]
    dark = [figure for figure in figures if figure["variant"] == "dark"]

    # Every figure is vector graphics, in both variants, the dark one named after the
    # light one.
    bitmaps = [figure["src"] for figure in light if not figure["src"].endswith(".svg")]
    assert light, f"{figure_page_path}: no figures found"
    assert not bitmaps, f"{figure_page_path}: figures that are not SVG: {bitmaps}"
    expected = [figure["src"].removesuffix(".svg") + "_dark.svg" for figure in light]
    assert [figure["src"] for figure in dark] == expected, (
        f"{figure_page_path}: the only-dark images are not the *_dark.svg twins of the "
        "only-light ones"
    )
    shown, hidden = (dark, light) if theme == "dark" else (light, dark)
    wrong = [
        *(f"hidden in {theme} mode: {figure['src']}" for figure in shown if not figure["visible"]),
        *(f"shown in {theme} mode: {figure['src']}" for figure in hidden if figure["visible"]),
        *(f"not loaded: {figure['src']}" for figure in shown if not figure["loaded"]),
    ]
    assert not wrong, f"{figure_page_path}:\n  " + "\n  ".join(wrong)
