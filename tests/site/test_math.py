"""Math is MathML written at build time: rendered by the browser, no script, no TeX left."""

import pytest

pytestmark = pytest.mark.browser

# The text of the page a reader sees outside code and math: TeX delimiters or commands
# left there are math the build did not convert.
VISIBLE_PROSE = """() => {
  const skip = "pre, code, script, style, textarea, math";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
    texts.push(node.textContent);
  }
  return texts.join(" ");
}"""

# Each math element of the page: whether the browser lays it out as MathML (its display
# is "math", "block math" or "inline math"), and its size.
MATH = """() => Array.from(document.querySelectorAll(".math")).map(element => {
  const math = element.querySelector("math");
  if (!math) return {html: element.outerHTML.slice(0, 200)};
  const box = math.getBoundingClientRect();
  return {
    html: element.outerHTML.slice(0, 200),
    display: getComputedStyle(math).display,
    width: box.width,
    height: box.height,
  };
})"""


def test_math_is_rendered(math_page_path, page_at):
    """Each math element holds MathML the browser renders, and no TeX shows in the prose."""
    page = page_at(math_page_path, "light").page
    # Unfold the solutions, so the math in them is laid out and counts as visible.
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    found = page.evaluate(MATH)
    assert found, f"no math on {math_page_path}"
    not_rendered = [
        math["html"]
        for math in found
        if "math" not in math.get("display", "") or not (math["width"] > 0 < math["height"])
    ]
    assert not not_rendered, f"math not rendered on {math_page_path}:\n" + "\n".join(not_rendered)
    prose = page.evaluate(VISIBLE_PROSE)
    raw = [tex for tex in ("\\(", "\\)", "\\[", "\\]", "$$", "\\frac", "\\partial") if tex in prose]
    assert not raw, f"raw TeX {raw} visible on {math_page_path}"
    assert not page.query_selector("script[src*=mathjax]"), "a page loads MathJax"
