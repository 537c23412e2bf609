"""Exercise pages offer the exercises alone, as a notebook and a script to fill in.

An exercise page (one with a paragraph reading just ``**Solution**``, see
:mod:`folded_solutions`) gets two more downloads, ``<name>_only.ipynb`` and
``<name>_only.py``, written from its source without the solutions: each marker, the code
after it and the prose after that, up to the next section, are left out. What stays of
an exercise is its task, the starter cell (``...`` or ``raise NotImplementedError``) and
the check call, so the notebook runs to the end as downloaded, each check saying "Not
yet", and says "Correct" for each answer the learner gets right. The notebook starts
with the same setup cell as the page's own (sphinx-gallery's ``first_notebook_cell``),
and, like the other downloads, holds none of the build's hidden checks.

The files are written into the gallery's output folder after sphinx-gallery has
generated it, only when their content changes (so an unchanged page is not rebuilt), and
the page's download footer links to them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.errors import ExtensionError
from sphinx_gallery.notebook import jupyter_notebook, save_notebook
from sphinx_gallery.py_source_parser import (
    Block,
    remove_config_comments,
    remove_ignore_blocks,
    split_code_and_text_blocks,
)

MARKER = "**Solution**"
SUFFIX = "_only"
# A section title: a line of text, then a line of one punctuation character, as long.
HEADING = re.compile(r"^(?P<title>\S.*)\n(?P<line>([=\-~^\"'`#*+])\3*)$", re.MULTILINE)
FOOTER_END = "    .. container:: sphx-glr-download sphx-glr-download-zip\n"
DOWNLOADS = """\
    .. container:: sphx-glr-download sphx-glr-download-jupyter exercises-only

      :download:`Download the exercises only, as a Jupyter notebook: {stem}.ipynb <{stem}.ipynb>`

    .. container:: sphx-glr-download sphx-glr-download-python exercises-only

      :download:`Download the exercises only, as Python source code: {stem}.py <{stem}.py>`

"""


NOTE = """\
This is the exercises-only version of the page: the solutions are left out. Replace
each ``...`` and each ``raise NotImplementedError`` with your answer and run the cell
again: its check says "Not yet", with a hint, until your answer is right, then
"Correct". The solutions are on the page, each folded under "Show a solution".
"""


def exercises_only(blocks: list[Block]) -> list[Block]:
    """Keep the docstring, add a note saying what this version is, drop the solutions."""
    docstring, *rest = without_solutions(blocks)
    return [docstring, Block("text", NOTE, docstring.lineno), *rest]


def has_solutions(blocks: list[Block]) -> bool:
    """Whether any text block holds a solution marker."""
    return any(block.type == "text" and _marker_at(block.content) >= 0 for block in blocks)


def _marker_at(text: str) -> int:
    """Where the marker paragraph starts in ``text``, or -1."""
    match = re.search(rf"^{re.escape(MARKER)}\s*$", text, re.MULTILINE)
    return -1 if match is None else match.start()


def _next_heading(text: str) -> int:
    """Where the first section title in ``text`` starts, or -1."""
    for match in HEADING.finditer(text):
        if len(match["line"]) >= len(match["title"].rstrip()):
            return match.start()
    return -1


def _text_without_solutions(text: str, in_solution: bool) -> tuple[str, bool]:
    """Drop the solutions from a text block; return the rest and whether one still runs."""
    kept = []
    while True:
        if in_solution:
            heading = _next_heading(text)
            if heading < 0:
                return "".join(kept), True
            text, in_solution = text[heading:], False
        marker = _marker_at(text)
        if marker < 0:
            return "".join(kept) + text, False
        kept.append(text[:marker])
        text, in_solution = text[marker + len(MARKER) :], True


def without_solutions(blocks: list[Block]) -> list[Block]:
    """``blocks`` without their solutions, and code without hidden blocks.

    A solution runs from its marker to the next section title (or the end).
    """
    kept: list[Block] = []
    in_solution = False
    for block in blocks:
        if block.type == "code":
            if not in_solution:
                code = remove_config_comments(remove_ignore_blocks(block.content))
                kept.append(Block("code", code, block.lineno))
            continue
        text, in_solution = _text_without_solutions(block.content, in_solution)
        if text.strip():
            kept.append(Block("text", text.rstrip("\n") + "\n", block.lineno))
    return kept


def script(blocks: list[Block]) -> str:
    """Write ``blocks`` as Python source in sphinx-gallery's format: docstring, then cells."""
    docstring, *rest = blocks
    lines = ['"""', docstring.content.strip("\n"), '"""', ""]
    previous = "text"
    for block in rest:
        if block.type == "text":
            lines += ["# %%"] + [
                f"# {line}".rstrip() for line in block.content.strip("\n").split("\n")
            ]
        elif previous == "code":
            lines += ["# %%", block.content.strip("\n"), ""]
        else:
            lines += [block.content.strip("\n"), ""]
        if block.type == "text":
            lines.append("")
        previous = block.type
    return "\n".join(lines).rstrip("\n") + "\n"


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write_exercises_only(app: Any) -> None:
    """For each example with solutions, write its solution-free notebook and script."""
    gallery_conf = app.config.sphinx_gallery_conf
    confdir = Path(app.confdir)
    pages: dict[str, str] = {}
    for examples, gallery in zip(
        gallery_conf["examples_dirs"], gallery_conf["gallery_dirs"], strict=True
    ):
        for source in sorted((confdir / examples).rglob("*.py")):
            _, blocks = split_code_and_text_blocks(str(source))
            if not has_solutions(blocks):
                continue
            target = confdir / gallery / source.parent.relative_to(confdir / examples)
            stem = source.stem + SUFFIX
            exercises = exercises_only(blocks)
            _write_if_changed(target / f"{stem}.py", script(exercises))
            notebook = jupyter_notebook(exercises, gallery_conf, target)
            scratch = target / f"{stem}.ipynb.new"
            save_notebook(notebook, scratch)
            _write_if_changed(target / f"{stem}.ipynb", scratch.read_text(encoding="utf-8"))
            scratch.unlink()
            docname = (target / source.stem).relative_to(app.srcdir).as_posix()
            pages[docname] = stem
    app.env.torchintro_exercises_only = pages


def link_downloads(app: Any, docname: str, source: list[str]) -> None:
    """Add the two downloads to the footer of a page that has them."""
    stem = getattr(app.env, "torchintro_exercises_only", {}).get(docname)
    if stem is None:
        return
    if FOOTER_END not in source[0]:
        raise ExtensionError(f"{docname}: no sphinx-gallery download footer to extend")
    source[0] = source[0].replace(FOOTER_END, DOWNLOADS.format(stem=stem) + FOOTER_END, 1)
    # The note at the top of the page points to the downloads: name these too.
    source[0] = source[0].replace(
        "to download the full example code.",
        "to download the full example code, or the exercises alone to fill in.",
        1,
    )


def setup(app: Any) -> dict[str, Any]:
    """Write the files once sphinx-gallery has generated the galleries; link them."""
    app.connect("builder-inited", write_exercises_only, priority=600)
    app.connect("source-read", link_downloads)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
