"""Math typeset at build time as MathML, which browsers render without a script.

Every math node (the ``:math:`` role and ``math`` directive of the examples, MyST's
``$...$`` and ``$$...$$``) is converted from its LaTeX by ``latex2mathml`` and written
into the page as a ``<math>`` element. Current browsers render MathML Core natively,
screen readers read it, and a page with math loads no script and no web font for it
(the MathJax it replaces was most of the weight of a page with math). The conversion is
plain Python and deterministic, so two builds stay byte-identical.

A LaTeX command ``latex2mathml`` does not know is an error that names the page: math
is never published half-converted.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.errors import ExtensionError
from sphinx.locale import _


def to_mathml(latex: str, display: str = "inline") -> str:
    """Convert ``latex`` to a ``<math>`` element; ``display`` is ``"inline"`` or ``"block"``."""
    try:
        mathml = convert(latex.strip(), display=display)
    except Exception as error:  # latex2mathml raises an exception of its own for each kind
        raise ValueError(f"cannot convert {latex!r} to MathML: {error!r}") from error
    # A command latex2mathml does not know stays in the output as text, backslash and all.
    unknown = re.findall(r"\\[A-Za-z]+", re.sub(r"<[^>]*>", " ", mathml))
    if unknown or "<merror" in mathml:
        raise ValueError(f"cannot convert {latex!r} to MathML: unknown {unknown or mathml}")
    return mathml


def _convert(self: Any, latex: str, display: str) -> str:
    try:
        return to_mathml(latex, display)
    except ValueError as error:
        raise ExtensionError(f"{self.builder.current_docname}: {error}") from error


def visit_math(self: Any, node: nodes.math) -> None:
    """Write inline math as MathML."""
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate"))
    self.body.append(_convert(self, node.astext(), "inline"))
    self.body.append("</span>")
    raise nodes.SkipNode


def visit_displaymath(self: Any, node: nodes.math_block) -> None:
    """Write display math as MathML, one block per equation, with its number if it has one."""
    self.body.append(self.starttag(node, "div", CLASS="math notranslate"))
    if node.get("number"):
        self.body.append(f'<span class="eqno">({node["number"]})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    equations = [part for part in node.astext().split("\n\n") if part.strip()]
    for latex in equations:
        self.body.append(_convert(self, latex, "block"))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app: Any) -> dict[str, Any]:
    """Register the renderer; ``conf.py`` selects it with ``html_math_renderer``."""
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
