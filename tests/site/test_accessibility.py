"""axe-core finds no accessibility violation on any page, in light or in dark mode.

axe runs with its default rules (WCAG 2.x A and AA, and best practices): the axe-core release
pinned in ``tests/site/js/package.json`` (installed by ``npm ci`` there, as ``nox -s site``
does), injected from disk so nothing is fetched, and run with a time limit, so that a
check that stalls fails its test rather than holding the run. The two modes differ only in
colours (the theme swaps CSS variables and the dark figure variants), so dark mode runs
again only the default rules about colour; every other rule would give the light run's
answer a second time. The dark check turns the light page dark with the theme's own
switcher, as a reader would, rather than loading the page again: a load cost more than
the check (on this site, 109 s for the dark checks with a load each, 55 s for the light).
"""

import pytest

from browser_waits import evaluate_async

pytestmark = pytest.mark.browser


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{len(violation['nodes'])} node(s)] {violation['helpUrl']}"
        )
        for node in violation["nodes"][:10]:
            target = " >> ".join(str(part) for part in node["target"])
            lines.append(f"    {target}")
            lines.append(f"      {node['html'][:160]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe_source(node_modules) -> str:
    """axe-core as pinned in tests/site/js/package.json."""
    return (node_modules / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def run_axe(page, axe_source: str, options: dict) -> list[dict]:
    """The violations axe finds on ``page``; fails after a minute rather than wait forever."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source)
    results = evaluate_async(page, "options => axe.run(document, options)", options, 60_000)
    return results["violations"]


# axe's default rules tagged "cat.color" (color-contrast-enhanced, AAA, is not a default).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
RULES = {
    "light": {},  # all default rules
    "dark": {"runOnly": {"type": "rule", "values": COLOUR_RULES}},
}


def switch_to(page, mode: str) -> None:
    """Choose ``mode`` in the theme's switcher (its menu item's handler, without hovering)."""
    page.evaluate(
        "mode => document.querySelector(`.theme-change-button[data-mode=${mode}]`).click()", mode
    )
    assert page.evaluate("() => document.documentElement.dataset.theme") == mode
    # Colours change through CSS transitions: end them, so that axe sees the final colours.
    # Not by awaiting each one's `finished`: a transition on an element that is not
    # rendered (a copy button shown on hover) can stay pending without end, which once
    # held a CI run until it was killed.
    page.evaluate(FINISH_TRANSITIONS)


FINISH_TRANSITIONS = """() => document.getAnimations().forEach(animation => {
  if (animation.effect.getComputedTiming().endTime !== Infinity) animation.finish();
})"""


@pytest.mark.parametrize("mode", RULES)
def test_no_axe_violations(page_path, mode, page_at, axe_source):
    visit = page_at(page_path, "light")
    options = {"resultTypes": ["violations"], **RULES[mode]}
    switch_to(visit.page, mode)
    try:
        violations = run_axe(visit.page, axe_source, options)
    finally:
        switch_to(visit.page, "light")  # as the other tests of this page expect it
    assert not violations, (
        f"{page_path} in {mode} mode: {len(violations)} axe violation(s)\n" + describe(violations)
    )
