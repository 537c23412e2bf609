"""No example can hang the build (docs/_ext/time_limits.py)."""

import time

import psutil
import pytest
import time_limits

from project_builds import ROOT, build_site, tiny_gallery

CONF = f"""
import sys
sys.path.insert(0, {str(ROOT / "docs" / "_ext")!r})
extensions = ["sphinx_gallery.gen_gallery", "time_limits"]
exclude_patterns = ["_build"]
torchintro_time_limit = 60
sphinx_gallery_conf = {{
    "examples_dirs": ["../examples"],
    "gallery_dirs": ["auto_examples"],
    "filename_pattern": r".*\\.py$",
    "reset_modules": ("time_limits.limit_example_time",),
    "reset_modules_order": "both",
    "remove_config_comments": True,
}}
"""

# Starts a process that would outlive the build, then never ends; its own limit is 3 s.
ENDLESS = '''"""
An endless example
==================
"""
# sphinx_gallery_torchintro_time_limit = 3
import pathlib
import subprocess
import sys

child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
pathlib.Path("child.pid").write_text(str(child.pid))
while True:
    try:
        pass
    except Exception:  # swallowing the first exception does not help
        pass
'''


def test_an_endless_example_fails_the_build_naming_page_and_line(tmp_path):
    quick = '"""\nQuick\n=====\n"""\nprint(1)\n'
    tiny_gallery(tmp_path, CONF, {"plot_endless.py": ENDLESS, "plot_quick.py": quick})

    build = build_site(tmp_path)

    assert build.returncode != 0
    assert build.seconds < 45, "the limit was 3 s"
    assert "plot_endless.py ran past its time limit of 3 s" in build.output, build.output[-3000:]
    loop_line = ENDLESS.splitlines().index("while True:") + 1
    assert f'plot_endless.py", line {loop_line}' in build.output or (
        f'plot_endless.py", line {loop_line + 1}' in build.output
    ), build.output[-3000:]
    child = int((tmp_path / "examples" / "child.pid").read_text())
    deadline = time.monotonic() + 10
    while psutil.pid_exists(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not psutil.pid_exists(child) or psutil.Process(child).status() == "zombie", (
        "the example's process was left running"
    )


def test_an_example_sets_its_own_limit():
    own = "import torch\n# sphinx_gallery_torchintro_time_limit = 300\nprint(1)\n"
    assert time_limits.example_limit(own, 120.0) == 300.0
    assert time_limits.example_limit("print(1)\n", 120.0) == 120.0


@pytest.mark.parametrize("value", [0, -5, True, "60"])
def test_the_default_limit_must_be_a_positive_number(value):
    config = type("Config", (), {"torchintro_time_limit": value})()
    with pytest.raises(ValueError, match=rf"^torchintro_time_limit must be .*, got {value!r}$"):
        time_limits._read_config(None, config)
