"""Math is typeset by the MathJax the site bundles, with no TeX source left showing."""

import pytest

pytestmark = pytest.mark.browser

# The text of the page a reader sees outside code: TeX delimiters left there are math
# MathJax did not typeset.
VISIBLE_PROSE = """() => {
  const skip = "pre, code, script, style, textarea, mjx-container, mjx-assistive-mml";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
    texts.push(node.textContent);
  }
  return texts.join(" ");
}"""

UNTYPESET = """() => Array.from(document.querySelectorAll(".math"))
  .filter(element => !element.querySelector("mjx-container"))
  .map(element => element.outerHTML.slice(0, 200))"""


def test_math_is_rendered(math_page_path, page_at):
    """Where MathJax came from, and its errors, the clean-load test of each page checks."""
    page = page_at(math_page_path, "light").page
    # page_at has waited for MathJax to finish typesetting, where the page loads it.
    # Unfold the solutions, so the math in them counts as visible too.
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    untypeset = page.evaluate(UNTYPESET)
    assert not untypeset, f"math left untypeset on {math_page_path}:\n" + "\n".join(untypeset)
    prose = page.evaluate(VISIBLE_PROSE)
    raw = [delimiter for delimiter in ("\\(", "\\)", "\\[", "\\]", "$$") if delimiter in prose]
    assert not raw, f"raw TeX delimiters {raw} visible on {math_page_path}"
