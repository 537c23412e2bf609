"""Fixtures for the tests of the built site: an HTTP server, Chromium, and the pages to visit.

The browser is pytest-playwright's (its ``browser`` and ``new_context`` fixtures), launched
from Debian's Chromium; the site is served by the standard library's HTTP server. The
tests need a built site (``nox -s docs``) and, for the browser tests, Chromium
(``/usr/bin/chromium``, or the path in the ``CHROMIUM`` environment variable, which
``nox -s site`` sets to the one it finds). Where either
is missing the tests are skipped with a message saying so, except in CI (``CI=true``),
where they fail: a skipped suite would hide a broken site.

The page lists are read from the built HTML when the tests are collected, so every page the
build makes is visited, whatever galleries it has. ``TORCHINTRO_HTML`` points the suite at
another build.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import sys
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from browser_waits import TIMEOUT_MS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
HTML = Path(os.environ.get("TORCHINTRO_HTML", ROOT / "docs" / "_build" / "html")).resolve()
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The JavaScript and Java tools the checks use, pinned in package.json there (`npm ci`).
JS_TOOLS = ROOT / "tests" / "site" / "js"
# Folders of the build that hold assets, not pages.
NOT_PAGES = {"_static", "_sources", "_downloads", "_images"}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def skip_or_fail(message: str) -> None:
    """Skip on a workstation; fail in CI, where a skipped suite would hide breakage."""
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def site_is_built() -> bool:
    return (HTML / "index.html").is_file()


# -- What the build holds, read when the tests are collected ---------------------------------


@functools.cache
def site_pages() -> list[str]:
    """Every HTML page of the build, as a path relative to its root (genindex and search too)."""
    if not site_is_built():
        return []
    return sorted(
        path.relative_to(HTML).as_posix()
        for path in HTML.rglob("*.html")
        if path.relative_to(HTML).parts[0] not in NOT_PAGES
    )


def pages_matching(pattern: str) -> list[str]:
    found = re.compile(pattern).search
    return [page for page in site_pages() if found((HTML / page).read_text(encoding="utf-8"))]


def math_pages() -> list[str]:
    """Pages with math (typeset at build time as MathML)."""
    return pages_matching(r'class="math\b')


def figure_pages() -> list[str]:
    """Pages with figures drawn in a light and a dark variant."""
    return pages_matching(r'<img [^>]*class\s*=\s*"[^"]*\bonly-dark\b')


def site_notebooks() -> dict[str, Path]:
    """The notebooks readers download, by a readable id (the file name, made unique)."""
    if not site_is_built():
        return {}
    paths = sorted((HTML / "_downloads").rglob("*.ipynb"))
    names = Counter(path.name for path in paths)
    return {
        (path.stem if names[path.name] == 1 else path.relative_to(HTML).as_posix()): path
        for path in paths
    }


NOT_BUILT = pytest.param(None, id="site-not-built")


def _params(values: list, none_reason: str) -> list:
    if not site_is_built():
        return [NOT_BUILT]  # the site fixture then skips or fails with its message
    if not values:
        return [pytest.param(None, id="none", marks=pytest.mark.skip(reason=none_reason))]
    return values


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize over the pages (or notebooks) of the build, one test each."""
    names = metafunc.fixturenames
    if "page_path" in names:
        metafunc.parametrize("page_path", _params(site_pages(), "the build has no pages"))
    if "math_page_path" in names:
        metafunc.parametrize(
            "math_page_path", _params(math_pages(), "no page of the build has math")
        )
    if "figure_page_path" in names:
        metafunc.parametrize(
            "figure_page_path",
            _params(figure_pages(), "no page of the build has light and dark figures"),
        )
    if "notebook" in names:
        notebooks = [pytest.param(path, id=key) for key, path in site_notebooks().items()]
        metafunc.parametrize("notebook", _params(notebooks, "the build has no notebooks"))


# -- The site over HTTP ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The root of the built site; skips (fails in CI) when the site has not been built."""
    if not site_is_built():
        skip_or_fail(f"No built site at {HTML}: run `nox -s docs` first to build it.")
    return HTML


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """The tools pinned in tests/site/js/package.json; skips (fails in CI) if not installed."""
    installed = JS_TOOLS / "node_modules"
    if not (installed / ".package-lock.json").is_file():
        skip_or_fail(f"The site checks' tools are not installed: run `npm ci` in {JS_TOOLS}")
    return installed


@pytest.fixture(scope="session")
def java() -> str:
    """Java, for the Nu HTML Checker; skips (fails in CI) where there is none."""
    found = shutil.which(os.environ.get("JAVA", "java"))
    if found is None:
        skip_or_fail(
            "No Java for the Nu HTML Checker: install it (`apt-get install "
            "default-jre-headless` on Debian) or point the JAVA environment variable at one."
        )
    return found


@pytest.fixture(scope="session")
def all_pages(site_dir: Path) -> list[str]:
    """Every page of the build, as paths relative to its root."""
    return site_pages()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """The standard library's file server, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass  # a failing test says what went wrong

    def end_headers(self) -> None:
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the host answers
        # with this header; it is our own server, so let it check at full speed.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    """The standard library's threading server, quiet when a browser hangs up mid-file."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a tab closed while a file was still being sent: not the site's fault
        super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 at a free port; yields the root URL, ending in /."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    with _Server(("127.0.0.1", 0), handler) as httpd:
        httpd.daemon_threads = True
        thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{httpd.server_port}/"
        httpd.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(server: str) -> str:
    """The local site, as pytest-playwright's base URL.

    Defined here also because pytest-playwright 0.10's own ``base_url`` is a session
    fixture written as an instance method, which pytest 9 deprecates with a warning (an
    error here): without this override, every test using ``new_context`` fails.
    """
    return server


# -- Chromium, through pytest-playwright's fixtures ------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium (or $CHROMIUM) headless, resolving no host but 127.0.0.1.

    A request for any other host then fails at once (and is reported by the tests) instead
    of waiting on the network.
    """
    if not CHROMIUM.is_file():
        skip_or_fail(
            f"No Chromium at {CHROMIUM}: install it (`apt-get install chromium` on Debian) "
            "or point the CHROMIUM environment variable at one."
        )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
    }


# Runs before any script of every page: the mode the pydata-sphinx-theme reads at load.
_SET_MODE = """mode => {
  try {
    localStorage.setItem("mode", mode);
    if (mode !== "auto") localStorage.setItem("theme", mode);
  } catch (error) {}  // about:blank has no storage
}"""


@dataclass
class Visit:
    """A page opened by ``open_page``, with what happened while it loaded."""

    page: Page
    server: str
    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def external_requests(self) -> list[str]:
        """Requests for anything but the local server (data: and blob: URLs are local)."""
        return [
            url for url in self.requests if _is_network(url) and not url.startswith(self.server)
        ]


def _open(context, server: str, path: str, mode: str | None, wait_until: str) -> Visit:
    """Open ``path`` in a new tab of ``context``, recording what happens while it loads."""
    context.set_default_timeout(TIMEOUT_MS)
    if mode is not None:
        context.add_init_script(f"({_SET_MODE})({mode!r})")
    page = context.new_page()
    visit = Visit(page=page, server=server, url=server + path)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda message: _console(visit, message))
    page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
    page.on("response", lambda response: _response(visit, response))
    page.on(
        "requestfailed",
        lambda request: visit.failed.append(f"{request.failure} {request.url}"),
    )
    page.goto(visit.url, wait_until=wait_until)
    return visit


@pytest.fixture
def open_page(new_context, server: str) -> Callable[..., Visit]:
    """Open a page of the site in a browser context of its own, for a test that changes it.

    ``open_page(path, mode="dark", color_scheme="light")``: ``mode`` is stored where the
    theme's switcher stores it (localStorage ``mode`` and ``theme``) before the page loads;
    ``None`` leaves the theme's default. ``color_scheme`` is the system preference the
    browser reports. The context is pytest-playwright's ``new_context``, closed after the
    test, so nothing a page stores carries over.
    """

    def open_(
        path: str,
        *,
        mode: str | None = None,
        color_scheme: str = "light",
        wait_until: str = "load",
    ) -> Visit:
        return _open(new_context(color_scheme=color_scheme), server, path, mode, wait_until)

    return open_


@pytest.fixture(scope="session")
def page_at(browser, server: str) -> Iterator[Callable[..., Visit]]:
    """A page of the site as a reader finds it, loaded once for all the tests that only read it.

    ``page_at(path, "dark")`` gives the same loaded page to every test that asks for the
    same path and reader's setting (see ``SETTINGS``): a load costs more than most checks.
    The tests of one page run one after another (see ``pytest_collection_modifyitems``),
    so only the last few pages are kept open. A test that clicks, types or navigates uses
    ``open_page`` instead.
    """
    kept: OrderedDict[tuple[str, str], Visit] = OrderedDict()

    def get(path: str, setting: str) -> Visit:
        key = (path, setting)
        if key not in kept:
            mode, color_scheme = SETTINGS[setting]
            context = browser.new_context(color_scheme=color_scheme)
            kept[key] = _open(context, server, path, mode, "load")
            while len(kept) > KEEP_OPEN:
                kept.popitem(last=False)[1].page.context.close()
        kept.move_to_end(key)
        return kept[key]

    yield get
    for visit in kept.values():
        visit.page.context.close()


# How a reader may have set things up: the mode chosen in the theme's switcher (stored
# before the page loads) and the system's colour scheme. "light" and "dark" are a choice
# made against the system's preference (the choice wins); "auto" follows the system.
SETTINGS = {
    "light": ("light", "dark"),
    "dark": ("dark", "light"),
    "auto-dark": ("auto", "dark"),
    "auto-light": ("auto", "light"),
}
KEEP_OPEN = len(SETTINGS)  # pages kept loaded: the settings the tests of one page use
PAGE_ARGUMENTS = ("page_path", "math_page_path", "figure_page_path")
# Within one page's tests, the clean-load check goes first: it sees the page as loaded,
# before any other test has run scripts on it.
FIRST = ("test_pages.py",)
# The longest tests (copies of the site built again), started first so that the browser
# tests fill the other workers meanwhile rather than wait at the end.
LONGEST = ("test_reproducible.py", "test_incremental_builds.py")


def _page_of(item: pytest.Item) -> str | None:
    params = getattr(getattr(item, "callspec", None), "params", {})
    return next((params[name] for name in PAGE_ARGUMENTS if params.get(name)), None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the longest tests first, then the tests of one page one after another.

    The tests of a page share its load (``page_at``); with pytest-xdist (``--dist
    loadgroup``, as ``nox -s site`` runs it) they are one group, sent to one worker.
    """
    items.sort(
        key=lambda item: (
            item.path.name not in LONGEST,
            _page_of(item) or "",
            item.path.name not in FIRST,
        )
    )
    for item in items:
        page = _page_of(item)
        if page is not None:
            item.add_marker(pytest.mark.xdist_group(page))


def _console(visit: Visit, message) -> None:
    if message.type == "error":
        visit.console_errors.append(
            f"{message.text} (at {message.location.get('url') or 'the page'})"
        )


def _response(visit: Visit, response) -> None:
    if response.status >= 400:
        visit.failed.append(f"{response.status} {response.url}")


def _is_network(url: str) -> bool:
    return urlsplit(url).scheme not in {"data", "blob", "about", "javascript"}
