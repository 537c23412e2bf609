"""Re-run a gallery example when anything that decides its output changed, and only then.

sphinx-gallery skips an example whose own file is unchanged (an MD5 next to its
generated page). Its output also depends on the ``torchintro`` modules it imports,
the versions of torch and the other libraries, the device, and the parts of the
gallery configuration that shape execution. This extension hashes all of those for
each example into an *inputs stamp* kept beside sphinx-gallery's MD5; when the stamp
changes, it removes the MD5, so sphinx-gallery runs the example again.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import platform
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from device_facts import device_facts

HERE = Path(__file__).parent
PACKAGE = "torchintro"
# The build helpers that shape what an example shows: how its figures are drawn, and the
# state it starts from.
OUTPUT_SHAPING_FILES = ("light_dark_figures.py", "gallery_state.py")
VERSIONED = ("torch", "numpy", "matplotlib", "sphinx-gallery", PACKAGE)
# The gallery settings that shape what an example prints, draws or writes;
# the rest (which files to run, whether to abort on errors, ...) do not.
OUTPUT_SETTINGS = (
    "reset_modules",
    "reset_modules_order",
    "image_scrapers",
    "capture_repr",
    "ignore_repr_types",
    "first_notebook_cell",
    "last_notebook_cell",
    "remove_config_comments",
    "min_reported_time",
    "show_memory",
    "matplotlib_animations",
    "doc_module",
)


def _package_dir() -> Path:
    """Find the installed package's folder without importing it (which imports torch)."""
    spec = importlib.util.find_spec(PACKAGE)
    return Path(spec.origin).parent


@functools.lru_cache(maxsize=256)  # each package module is read for every example
def _imports_of(source: str, package: str) -> tuple[frozenset[str], bool]:
    """Return the names a source imports from ``package``, and whether it imports the package whole."""
    names: set[str] = set()
    whole = False
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == package:
                names.update(alias.name for alias in node.names)
            elif node.module.startswith(package + "."):
                names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == package:
                    whole = True
                elif alias.name.startswith(package + "."):
                    names.add(alias.name.split(".")[1])
    if whole:  # `import torchintro` then `torchintro.name`: collect the attributes used
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == package
            ):
                names.add(node.attr)
    return frozenset(names), whole


@functools.lru_cache(maxsize=8)
def _defined_in(init_source: str, package: str) -> dict[str, str]:
    """Map each public name of the package's ``__init__`` to the module it comes from."""
    defined_in = {}
    for node in ast.walk(ast.parse(init_source)):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith(package + ".")
        ):
            for alias in node.names:
                defined_in[alias.asname or alias.name] = node.module.split(".")[1]
    return defined_in


def package_files_used(source: str, package_dir: Path, package: str = PACKAGE) -> list[Path]:
    """Return the package's module files a source depends on, following the package's own imports.

    ``from torchintro import fit_sgd`` depends on the module defining ``fit_sgd``, on
    the modules that one imports from the package, and on ``__init__.py``.
    """
    names, whole = _imports_of(source, package)
    if not names and not whole:
        return []
    init = package_dir / "__init__.py"
    defined_in = _defined_in(init.read_text(), package)
    pending = {defined_in.get(name, name) for name in names}
    seen: set[str] = set()
    while pending:
        module = pending.pop()
        path = package_dir / f"{module}.py"
        if module in seen or not path.exists():
            continue
        seen.add(module)
        inner, _ = _imports_of(path.read_text(), package)
        pending.update(defined_in.get(name, name) for name in inner)
    return [init, *sorted(package_dir / f"{module}.py" for module in seen)]


def environment_inputs(
    gallery_conf: Mapping[str, Any], extra_files: Iterable[Path], device: str
) -> dict[str, Any]:
    """Return what every example's output depends on besides its own code."""
    return {
        "python": platform.python_version(),
        "versions": {name: importlib.metadata.version(name) for name in VERSIONED},
        "device": device,
        "settings": {key: repr(gallery_conf.get(key)) for key in OUTPUT_SETTINGS},
        "files": {
            str(path.name): hashlib.sha256(path.read_bytes()).hexdigest() for path in extra_files
        },
    }


def inputs_stamp(example: Path, environment: Mapping[str, Any], package_dir: Path) -> str:
    """Hash an example's source, the package modules it uses, and its environment."""
    source = example.read_text()
    digest = hashlib.sha256(source.encode())
    for path in package_files_used(source, package_dir):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(json.dumps(environment, sort_keys=True).encode())
    return digest.hexdigest()


def invalidate_stale_examples(app: Any) -> None:
    """Remove the MD5 of each example whose inputs stamp changed, so sphinx-gallery re-runs it."""
    conf = app.config.sphinx_gallery_conf
    src = Path(app.srcdir)
    device = device_facts(app.doctreedir)["device"]
    environment = environment_inputs(conf, [HERE / name for name in OUTPUT_SHAPING_FILES], device)
    package_dir = _package_dir()
    pattern = re.compile(conf.get("ignore_pattern", r"__init__\.py"))
    for examples_dir, gallery_dir in zip(conf["examples_dirs"], conf["gallery_dirs"], strict=True):
        for example in sorted((src / examples_dir).resolve().rglob("*.py")):
            if pattern.search(str(example)):
                continue
            relative = example.relative_to((src / examples_dir).resolve())
            target = src / gallery_dir / relative
            stamp_file = target.with_name(target.name + ".inputs")
            md5_file = target.with_name(target.name + ".md5")
            stamp = inputs_stamp(example, environment, package_dir)
            old = stamp_file.read_text() if stamp_file.exists() else None
            if old != stamp:
                md5_file.unlink(missing_ok=True)
                target.parent.mkdir(parents=True, exist_ok=True)
                stamp_file.write_text(stamp)


def setup(app: Any) -> dict[str, Any]:
    """Check the examples' inputs before sphinx-gallery decides what to run."""
    # sphinx-gallery generates the gallery on builder-inited at the default priority 500.
    app.connect("builder-inited", invalidate_stale_examples, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
