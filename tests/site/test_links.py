"""Every internal link, image and script of the built site resolves, anchors included.

LinkChecker crawls the site from every page over the local HTTP server (not file:// URLs:
run as root, it drops to user ``nobody``, who may not be able to read the checkout). It
checks internal URLs only; external ones are checked for syntax alone, so the test runs
offline. Its warnings are kept and every one counts as a failure.

The ``#fragment`` of every link is checked here, not by LinkChecker's AnchorCheck plugin:
the plugin parses the target page again for every link into it, 58 of the 68 s the
check took (measured side by side on this site). Here each page is parsed once.
"""

import csv
import io
import os
import posixpath
import shutil
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

# No browser, but it checks the built site the way a reader's browser would follow it.
pytestmark = pytest.mark.browser

# No pause between requests (the server answers with the header that allows it).
CONFIG = """\
[checking]
maxrequestspersecond=1000
"""


def linkchecker() -> str:
    """The linkchecker command of this Python's environment, else the one on PATH."""
    beside = Path(sys.executable).with_name("linkchecker")
    found = str(beside) if beside.is_file() else shutil.which("linkchecker")
    if found is None:
        pytest.fail("linkchecker is not installed: install the `test` extra", pytrace=False)
    return found


def test_internal_links_resolve(all_pages, server, tmp_path_factory):
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
            f"{row['result'] if row['valid'] == 'False' else row['warningstring']}".strip()
            for row in rows
            if row["valid"] == "False" or row["warningstring"]
        }
    )
    assert not broken, f"{len(broken)} broken link(s) or anchor(s):\n  " + "\n  ".join(broken)
    assert result.returncode == 0, f"linkchecker exit status {result.returncode}:\n{result.stdout}"


class _Anchors(HTMLParser):
    """The ids a page defines and the ``href`` of each of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "a" and found.get("name"):
            self.ids.add(found["name"])
        if tag == "a" and found.get("href"):
            self.links.append(found["href"])


@cache
def parsed(page: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_fragment_names_an_id_of_its_page(site_dir, all_pages):
    checked, missing = 0, set()
    for page in all_pages:
        for href in parsed(site_dir / page).links:
            url = urlsplit(href)
            if url.scheme or url.netloc or not url.fragment:
                continue  # external, or no fragment to check
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(url.path)))
            if not url.path:
                target = page
            if not target.endswith(".html"):
                continue  # a fragment into a notebook or a script: no ids to check
            path = site_dir / target
            checked += 1
            if not path.is_file():
                missing.add(f"{page}: {href} (no page {target})")
            elif unquote(url.fragment) not in parsed(path).ids:
                missing.add(f"{page}: {href}")
    assert checked > len(all_pages), "too few links with a fragment: is the parser broken?"
    assert not missing, f"{len(missing)} link(s) to a missing anchor:\n  " + "\n  ".join(
        sorted(missing)
    )
