"""Jobs a maintainer asks for: `nox -s tests`, `nox -s docs`, ... `nox` alone runs what CI runs.

Every session installs from the pinned versions in .ci/constraints.txt and reuses its
virtualenv between runs.
"""

import os
import shutil
import subprocess
from pathlib import Path

import nox

ROOT = Path(__file__).parent
CONSTRAINTS = ("-c", str(ROOT / ".ci" / "constraints.txt"))
DOCS = ROOT / "docs"
HTML = DOCS / "_build" / "html"
GENERATED = ["auto_examples", "gen_modules", "sg_execution_times.rst", "_build"]

nox.needs_version = ">=2024.3.2"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["lint", "tests", "doctest", "docs", "site"]


def install(session: nox.Session, *extras: str, editable: bool = False) -> None:
    target = f".[{','.join(extras)}]"
    session.install(*CONSTRAINTS, *(["-e", target] if editable else [target]))


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
    """Ruff: lint rules, NumPy docstring convention, and formatting."""
    session.install(*CONSTRAINTS, "ruff")
    session.run("ruff", "check", *session.posargs)
    session.run("ruff", "format", "--check", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Unit and property tests against the installed package (not the source folder).

    The docs extra too: some tests check the docs build's own extension.
    """
    install(session, "test", "docs")
    session.run("pytest", *(session.posargs or ["tests/", "--ignore=tests/site"]))


@nox.session
def doctest(session: nox.Session) -> None:
    """Every docstring example in src/torchintro and every >>> example in docs/*.md."""
    install(session, "test")
    pages = sorted(str(p.relative_to(ROOT)) for p in DOCS.glob("*.md"))
    session.run(
        "pytest",
        "--doctest-modules",
        "--doctest-glob=*.md",
        "-p",
        "no:cacheprovider",
        *(session.posargs or ["src/torchintro", *pages]),
    )


@nox.session
def docs(session: nox.Session) -> None:
    """Build the HTML site, running every example. Posargs go to sphinx-build.

    `nox -s docs -- -D plot_gallery=0` builds without running the examples;
    `nox -s docs -- --fresh` removes the generated gallery first.
    """
    install(session, "docs", editable=True)
    args = list(session.posargs)
    if "--fresh" in args:
        args.remove("--fresh")
        for name in GENERATED:
            path = DOCS / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    session.env["SOURCE_DATE_EPOCH"] = source_date_epoch()
    session.run(
        "sphinx-build", "-n", "-W", "--keep-going", "-b", "html", str(DOCS), str(HTML), *args
    )
    session.log(f"The site is built: open {HTML / 'index.html'}")


@nox.session
def site(session: nox.Session) -> None:
    """Check the built site in Chromium, its links, its notebooks, and that it rebuilds identically.

    Posargs go to pytest (`nox -s site -- -m "not reproducible"` skips the two extra builds).

    Needs `nox -s docs` first, and Chromium at /usr/bin/chromium (or $CHROMIUM).
    """
    if not (HTML / "index.html").is_file():
        session.error(f"No built site at {HTML}: run `nox -s docs` first")
    install(session, "test", "docs")  # docs: the reproducibility test builds the site twice
    session.run("pytest", "tests/site", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Measure build times against the floor (see benchmarks/build_times.py). Not run by CI."""
    install(session, "test", "docs", editable=True)
    session.run("python", "benchmarks/build_times.py", *session.posargs)


@nox.session(name="docs-live")
def docs_live(session: nox.Session) -> None:
    """Serve the site and rebuild on changes to docs/, examples/ and src/."""
    install(session, "docs", "live", editable=True)
    ignored = [f"--ignore={DOCS / name}" for name in GENERATED]
    session.run(
        "sphinx-autobuild",
        "-n",
        "--keep-going",
        str(DOCS),
        str(HTML),
        f"--watch={ROOT / 'src'}",
        f"--watch={ROOT / 'examples'}",
        *ignored,
        *session.posargs,
    )
