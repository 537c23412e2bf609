"""Jobs a maintainer asks for: `nox -s tests`, `nox -s docs`, ... Plain `nox` runs what CI runs.

This file is the one list of sessions: the ones marked `default=False` (bench, docs-live)
run only when asked for. Every environment installs the versions pinned in
.ci/constraints.txt. Sessions that need the package, torch and the docs toolchain share
one virtualenv, `.nox/shared`, created once and reused until pyproject.toml or the
constraints change; lint has its own small one.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import nox

ROOT = Path(__file__).parent
CONSTRAINTS = ("-c", str(ROOT / ".ci" / "constraints.txt"))
DOCS = ROOT / "docs"
HTML = DOCS / "_build" / "html"
# Whether the last `nox -s docs` was a cold build; tests/site/test_reproducible.py reads it.
BUILD_STAMP = HTML / ".doctrees" / "torchintro-build.json"
GENERATED = ["auto_examples", "gen_modules", "sg_execution_times.rst", "_build"]

nox.needs_version = ">=2024.3.2"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True

SHARED = ROOT / ".nox" / "shared"
SHARED_EXTRAS = ".[test,docs,live]"


def shared_environment(session: nox.Session) -> None:
    """Create (or reuse) the one virtualenv of torch, the docs toolchain and the test tools.

    The package is installed editable, so a change to src/ needs no reinstall. The
    environment is rebuilt when pyproject.toml or the constraints change (a stamp of
    both is kept inside it). Commands the session runs find its tools first on PATH.
    """
    stamp = hashlib.sha256()
    for name in ("pyproject.toml", ".ci/constraints.txt"):
        stamp.update((ROOT / name).read_bytes())
    digest = stamp.hexdigest()
    stamp_file = SHARED / "torchintro-stamp"
    if not (stamp_file.is_file() and stamp_file.read_text() == digest):
        session.log(f"Installing the shared environment in {SHARED}")
        if SHARED.exists():
            shutil.rmtree(SHARED)
        venv.create(SHARED, with_pip=True)
        # --no-compile: byte-compiling every module of torch and the rest took more than
        # half of the install (89 s against 40 s, side by side); Python compiles what is
        # imported, on first import.
        session.run(
            shared_tool("python"), "-m", "pip", "install", "--quiet", "--no-compile",
            *CONSTRAINTS, "-e", SHARED_EXTRAS, external=True,
        )  # fmt: skip
        stamp_file.write_text(digest)
    # Python keeps the bytecode of what it imports, even where the machine sets
    # PYTHONDONTWRITEBYTECODE=1 (these do): each process would otherwise compile torch's
    # modules again, every import. Measured here: `import torch` 3.4 s without the
    # cache, 1.3 s with it; torch._dynamo (DistributedDataParallel imports it) 4.3 s
    # against 1.2 s. The first process to import a module writes its cache.
    session.env["PYTHONDONTWRITEBYTECODE"] = None
    session.env["VIRTUAL_ENV"] = str(SHARED)
    session.env["PATH"] = os.pathsep.join([str(SHARED_BIN), os.environ.get("PATH", "")])


SHARED_BIN = SHARED / ("Scripts" if sys.platform == "win32" else "bin")


def shared_tool(name: str) -> str:
    """The path of a command installed in the shared environment."""
    return str(SHARED_BIN / name)


def find_chromium() -> str | None:
    """A Chromium for the browser tests: $CHROMIUM, Debian's `chromium`, or Playwright's own."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    ask_playwright = (
        "from playwright.sync_api import sync_playwright\n"
        "with sync_playwright() as p: print(p.chromium.executable_path)"
    )
    out = subprocess.run(
        [shared_tool("python"), "-c", ask_playwright], capture_output=True, text=True, check=False
    )
    path = out.stdout.strip()
    return path if path and Path(path).is_file() else None


def source_date_epoch() -> str:
    """The last commit's time, so the build date on the pages is the same in every build."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return out.stdout.strip() or "0"
    except OSError:
        return "0"


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff (lint rules, NumPy docstrings, formatting); zizmor and schemas for the CI files."""
    session.install(*CONSTRAINTS, "ruff", "zizmor", "check-jsonschema")
    session.run("ruff", "check", *session.posargs)
    session.run("ruff", "format", "--check", *session.posargs)
    workflows = sorted(str(path) for path in (ROOT / ".github" / "workflows").glob("*.yml"))
    # Offline: no GitHub API calls, so no token and no network needed.
    session.run("zizmor", "--offline", "--persona=pedantic", *workflows)
    session.run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *workflows)
    session.run(
        "check-jsonschema",
        "--builtin-schema",
        "vendor.readthedocs",
        str(ROOT / ".readthedocs.yaml"),
    )


@nox.session(venv_backend="none")
def tests(session: nox.Session) -> None:
    """Unit and property tests of the package and of the docs build's extensions, on every core."""
    shared_environment(session)
    default = ["tests/", "--ignore=tests/site", "--numprocesses=auto"]
    session.run(shared_tool("pytest"), *(session.posargs or default))


@nox.session(venv_backend="none")
def doctest(session: nox.Session) -> None:
    """Every docstring example in src/torchintro and every >>> example in docs/*.md."""
    shared_environment(session)
    pages = sorted(str(p.relative_to(ROOT)) for p in DOCS.glob("*.md"))
    session.run(
        shared_tool("pytest"),
        "--doctest-modules",
        "--doctest-glob=*.md",
        "-p",
        "no:cacheprovider",
        *(session.posargs or ["src/torchintro", *pages]),
    )


@nox.session(venv_backend="none")
def docs(session: nox.Session) -> None:
    """Build the HTML site, running every example. Posargs go to sphinx-build.

    `nox -s docs -- -D plot_gallery=0` builds without running the examples;
    `nox -s docs -- --fresh` removes the generated gallery first.
    """
    shared_environment(session)
    args = list(session.posargs)
    if "--fresh" in args:
        args.remove("--fresh")
        for name in GENERATED:
            path = DOCS / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    session.env["SOURCE_DATE_EPOCH"] = epoch = source_date_epoch()
    # A cold build (nothing generated yet, as on a clean clone) with no options is one of
    # the two builds the reproducibility test compares; the stamp says whether this was one.
    cold = not args and not any((DOCS / name).exists() for name in GENERATED)
    session.run(
        shared_tool("sphinx-build"), "-n", "-W", "--keep-going", "-b", "html",
        str(DOCS), str(HTML), *args,
    )  # fmt: skip
    BUILD_STAMP.write_text(json.dumps({"cold": cold, "source_date_epoch": epoch}))
    session.log(f"The site is built: open {HTML / 'index.html'}")


@nox.session(venv_backend="none")
def site(session: nox.Session) -> None:
    """Check the built site in Chromium, its links, its notebooks, and that it rebuilds identically.

    Posargs go to pytest (`nox -s site -- -m "not reproducible"` skips the extra builds).
    Needs `nox -s docs` first, and a Chromium (see find_chromium).
    """
    if not (HTML / "index.html").is_file():
        session.error(f"No built site at {HTML}: run `nox -s docs` first")
    shared_environment(session)
    chromium = find_chromium()
    if chromium is None:
        session.error(
            "No Chromium found: install Debian's `chromium` (apt-get install chromium), "
            "run `playwright install chromium`, or set CHROMIUM=/path/to/chromium"
        )
    session.env["CHROMIUM"] = chromium
    # The checks' JavaScript and Java tools (axe-core, the Nu HTML Checker), as locked.
    if shutil.which("npm") is None:
        session.error("No npm found: install Node.js's npm (apt-get install npm)")
    session.run(
        "npm", "ci", "--prefix", "tests/site/js", "--no-audit", "--no-fund", "--ignore-scripts",
        "--loglevel=error", external=True,
    )  # fmt: skip
    session.env["SOURCE_DATE_EPOCH"] = source_date_epoch()
    # The tests of one page share its load (tests/site/conftest.py): keep them on one worker.
    workers = ["--numprocesses=auto", "--maxprocesses=4", "--dist=loadgroup"]
    session.run(shared_tool("pytest"), "tests/site", *workers, *session.posargs)


@nox.session(venv_backend="none", default=False)
def bench(session: nox.Session) -> None:
    """Measure build times against the floor (see benchmarks/build_times.py)."""
    shared_environment(session)
    session.run(shared_tool("python"), "benchmarks/build_times.py", *session.posargs)


@nox.session(name="docs-live", venv_backend="none", default=False)
def docs_live(session: nox.Session) -> None:
    """Serve the site and rebuild on changes to docs/, examples/ and src/."""
    shared_environment(session)
    ignored = [f"--ignore={DOCS / name}" for name in GENERATED]
    session.run(
        shared_tool("sphinx-autobuild"),
        "-n",
        "--keep-going",
        str(DOCS),
        str(HTML),
        f"--watch={ROOT / 'src'}",
        f"--watch={ROOT / 'examples'}",
        *ignored,
        *session.posargs,
    )
