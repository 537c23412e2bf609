"""Every page is valid HTML, as the Nu HTML Checker (the W3C's validator) reads it.

The checker is the ``vnu-jar`` release pinned in ``tests/site/js/package.json`` (``npm ci``
there, as ``nox -s site`` does); it runs on Java, offline, once for the whole site, and each
page's errors are reported by that page's test. Warnings are not errors and are not checked.
"""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def nu_errors(java: str, node_modules: Path, files: list[str], cwd: Path) -> list[dict]:
    """The Nu HTML Checker's error messages for ``files`` (paths relative to ``cwd``)."""
    checker = node_modules / "vnu-jar" / "build" / "dist" / "vnu.jar"
    arguments = ["--errors-only", "--exit-zero-always", "--format", "json", *files]
    run = subprocess.run(
        [java, "-jar", str(checker), *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(run.stderr)["messages"]  # the checker reports on stderr


@pytest.fixture(scope="session")
def html_errors(site_dir: Path, all_pages: list[str], node_modules: Path, java: str):
    """The checker's errors for every page of the build, by page path (one run for all)."""
    errors = defaultdict(list)
    for message in nu_errors(java, node_modules, all_pages, site_dir):
        page = Path(message["url"].removeprefix("file:")).resolve().relative_to(site_dir)
        errors[page.as_posix()].append(message)
    return errors


def describe(message: dict) -> str:
    where = f"line {message.get('lastLine', '?')}, column {message.get('firstColumn', '?')}"
    return f"{where}: {message['message']}\n      {message.get('extract', '').strip()[:160]}"


def test_page_is_valid_html(page_path, html_errors):
    errors = html_errors.get(page_path, [])
    assert not errors, f"{page_path}: {len(errors)} HTML error(s)\n  " + "\n  ".join(
        describe(message) for message in errors[:20]
    )


def test_the_checker_finds_what_the_build_once_had(tmp_path, node_modules, java):
    """The check can fail: the checker, run as above, reports both kinds of error we fixed."""
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<div id="a" tooltip="x"></div><div id="a"></div></body></html>',
        encoding="utf-8",
    )
    messages = [m["message"] for m in nu_errors(java, node_modules, ["page.html"], tmp_path)]
    assert any("tooltip" in text for text in messages), messages
    assert any("Duplicate ID" in text for text in messages), messages


def test_no_theme_template_is_published(site_dir):
    """No Jinja template reaches the output (the theme's webpack-macros.html once did)."""
    templates = [
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if "{%" in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert not templates, f"Jinja templates published as pages: {templates}"
