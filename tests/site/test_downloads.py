"""What a reader downloads reads like the page: no hidden checks in scripts or zips."""

import os
import subprocess
import sys
import zipfile

HIDDEN = "sphinx_gallery_start_ignore"


def test_downloaded_scripts_have_no_hidden_checks(site_dir):
    scripts = sorted((site_dir / "_downloads").rglob("plot_*.py"))
    assert len(scripts) > 10
    for script in scripts:
        source = script.read_text(encoding="utf-8")
        assert HIDDEN not in source, script.name
        compile(source, script.name, "exec")  # still a whole program


def test_downloaded_zips_have_no_hidden_checks(site_dir):
    archives = sorted((site_dir / "_downloads").rglob("*.zip"))
    assert archives
    for path in archives:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".py"):
                    assert HIDDEN not in archive.read(name).decode("utf-8"), f"{path.name}: {name}"


# Runs every downloaded script in one Python process (torch and matplotlib imported
# once), each as __main__ in a fresh namespace, and reports those that raised.
RUN_ALL = """
import runpy, sys, traceback
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

failed = []
for path in sys.argv[1:]:
    try:
        runpy.run_path(path, run_name="__main__")
    except BaseException:
        failed.append(f"{path}:\\n{traceback.format_exc(limit=-4)}")
    finally:
        plt.close("all")
sys.stderr.write("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_downloaded_scripts_run(site_dir, tmp_path):
    """A reader's downloaded script runs as it is, outside the build and without its checks.

    The notebook tests run every page's code, the way a reader of a notebook does; run as
    a file, only the pages that start processes behave differently (processes started
    with ``spawn`` import the main script again, from its file), so those run here.
    """
    downloads = sorted((site_dir / "_downloads").rglob("plot_*.py"))
    scripts = [str(path) for path in downloads if "torchintro.distributed" in path.read_text()]
    assert len(scripts) >= 3, scripts
    run = subprocess.run(
        [sys.executable, "-c", RUN_ALL, *scripts],
        cwd=tmp_path,
        # One torch thread: the cores are shared with the other tests (see test_notebooks).
        env={**os.environ, "OMP_NUM_THREADS": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, f"downloaded scripts that failed:\n{run.stderr[-6000:]}"
