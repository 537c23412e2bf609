"""Every internal link, image and script of the built site resolves, anchors included.

LinkChecker crawls the site from every page over the local HTTP server (not file:// URLs:
run as root, it drops to user ``nobody``, who may not be able to read the checkout). It
checks internal URLs only; external ones are checked for syntax alone, so the test runs
offline. Its AnchorCheck plugin reports a ``#fragment`` with no matching ``id`` in the
target page as a warning, so warnings are kept and every one counts as a failure.
"""

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# No browser, but it checks the built site the way a reader's browser would follow it.
pytestmark = pytest.mark.browser

# No pause between requests (the server answers with the header that allows it), and
# the anchor check.
CONFIG = """\
[checking]
maxrequestspersecond=1000
[AnchorCheck]
"""


def linkchecker() -> str:
    """The linkchecker command of this Python's environment, else the one on PATH."""
    beside = Path(sys.executable).with_name("linkchecker")
    found = str(beside) if beside.is_file() else shutil.which("linkchecker")
    if found is None:
        pytest.fail("linkchecker is not installed: install the `test` extra", pytrace=False)
    return found


def test_internal_links_and_anchors_resolve(all_pages, server, tmp_path_factory):
    # The configuration is read before linkchecker drops root's privileges: any folder will do.
    config = tmp_path_factory.mktemp("linkchecker") / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    result = subprocess.run(
        [
            linkchecker(),
            f"--config={config}",
            "--no-status",
            "--no-robots",
            "--output=csv/utf-8",
            "--timeout=30",
            *(server + page for page in all_pages),  # orphans too
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=600,
        check=False,
    )
    # 0: all good, 1: broken links or warnings found; anything else: linkchecker failed.
    assert result.returncode in {0, 1}, f"linkchecker failed:\n{result.stdout}\n{result.stderr}"
    # CSV with ";" between fields, after comment lines starting with "#".
    table = [
        row
        for row in csv.reader(io.StringIO(result.stdout), delimiter=";")
        if row and not row[0].startswith("#")
    ]
    rows = [dict(zip(table[0], row, strict=True)) for row in table[1:]] if table else []
    broken = sorted(
        {
            f"{row['parentname'].removeprefix(server) or '(start)'}: {row['urlname']}: "
            f"{row['result'] if row['valid'] == 'False' else row['warningstring']}".split(
                " Available anchors:"
            )[0].strip()
            for row in rows
            if row["valid"] == "False" or row["warningstring"]
        }
    )
    assert not broken, f"{len(broken)} broken link(s) or anchor(s):\n  " + "\n  ".join(broken)
    assert result.returncode == 0, f"linkchecker exit status {result.returncode}:\n{result.stdout}"
