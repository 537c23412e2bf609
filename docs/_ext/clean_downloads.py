"""Downloaded scripts read like their pages: without the build's hidden checks.

An example's source keeps its ``sphinx_gallery_start_ignore`` blocks (the checks the
build runs) and its ``# sphinx_gallery_...`` configuration comments; the page and the
notebook leave both out, and so, after every build, do the downloaded ``.py`` files and
the ``.py`` files inside the downloaded zips. The cleaning is sphinx-gallery's own
(:func:`~sphinx_gallery.py_source_parser.remove_ignore_blocks` and
``remove_config_comments``), and cleaning a clean file changes nothing.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from sphinx_gallery.py_source_parser import remove_config_comments, remove_ignore_blocks


def clean_script(source: str) -> str:
    """``source`` without hidden blocks and configuration comments."""
    return remove_config_comments(remove_ignore_blocks(source))


def clean_zip(data: bytes) -> bytes:
    """Clean every ``.py`` member of the zip archive ``data``, keeping all else as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():  # same order, names, dates and compression
            member = old.read(info)
            if info.filename.endswith(".py"):
                member = clean_script(member.decode("utf-8")).encode("utf-8")
            new.writestr(info, member)
    return out.getvalue()


def _rewrite(path: Path, cleaned: bytes) -> None:
    if cleaned != path.read_bytes():
        path.write_bytes(cleaned)


def clean_downloads(app: Any, exception: BaseException | None) -> None:
    """Clean every downloadable script and zip of a finished HTML build."""
    downloads = Path(app.outdir) / "_downloads"
    if exception is not None or not downloads.is_dir():
        return
    for path in sorted(downloads.rglob("*.py")):
        _rewrite(path, clean_script(path.read_text(encoding="utf-8")).encode("utf-8"))
    for path in sorted(downloads.rglob("*.zip")):
        _rewrite(path, clean_zip(path.read_bytes()))


def setup(app: Any) -> dict[str, Any]:
    """Clean the downloads once the build has written them."""
    app.connect("build-finished", clean_downloads)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
