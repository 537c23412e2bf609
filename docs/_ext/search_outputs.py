"""Keep printed outputs out of the search index: it indexes prose and code only.

Outputs are mostly numbers, and the timing page's differ from build to build; left out,
they cannot make two builds of one commit index differently.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

OUTPUT_CLASS = "sphx-glr-script-out"


def keep_outputs_out_of_search(app: Any, doctree: nodes.document) -> None:
    """Mark every block of printed output ``no-search``, which Sphinx's indexer skips."""
    for node in doctree.findall(nodes.Element):
        if OUTPUT_CLASS in node["classes"]:
            node["classes"].append("no-search")


def setup(app: Any) -> dict[str, Any]:
    """Mark outputs as each page is read."""
    app.connect("doctree-read", keep_outputs_out_of_search)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
