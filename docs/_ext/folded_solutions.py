"""Fold each exercise's solution into a sphinx-design dropdown, "Show a solution".

In an example, a paragraph reading just ``**Solution**`` marks where a solution starts;
everything after it, up to the end of its section, goes into the dropdown. Notebooks and
scripts are written from the example's source, not from this doctree, so they keep the
plain **Solution** paragraph and the code after it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx_design.shared import create_component

TITLE = "Show a solution"


def is_solution_marker(node: nodes.Node) -> bool:
    """Whether ``node`` is a paragraph holding nothing but the bold word "Solution"."""
    return (
        isinstance(node, nodes.paragraph)
        and len(node.children) == 1
        and isinstance(node[0], nodes.strong)
        and node.astext() == "Solution"
    )


def solution_dropdown(children: list[nodes.Node]) -> nodes.container:
    """Make a closed sphinx-design dropdown titled "Show a solution" holding ``children``."""
    dropdown = create_component(
        "dropdown",
        opened=False,
        type="dropdown",
        has_title=True,
        icon=None,
        chevron=None,
        container_classes=["sd-mb-3", "solution"],
        title_classes=[],
        body_classes=[],
    )
    dropdown += nodes.rubric(TITLE, TITLE)
    dropdown.extend(children)
    return dropdown


def fold_solutions(doctree: nodes.Node) -> int:
    """Fold each marker and what follows it in its section into a dropdown; return how many."""
    markers = list(doctree.findall(is_solution_marker))
    for marker in markers:
        parent = marker.parent
        start = parent.index(marker)
        end = start + 1
        while end < len(parent) and not isinstance(parent[end], nodes.section):
            end += 1
        parent[start:end] = [solution_dropdown(list(parent[start + 1 : end]))]
    return len(markers)


class FoldSolutions(SphinxTransform):
    """Run :func:`fold_solutions` on every page as it is read."""

    # Before sphinx-design turns dropdown containers into <details> (a post-transform).
    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        """Fold the solutions of the page being read."""
        fold_solutions(self.document)


def setup(app: Any) -> dict[str, Any]:
    """Register the transform; sphinx-design renders the dropdowns."""
    app.setup_extension("sphinx_design")
    app.add_transform(FoldSolutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
