"""Each example starts from the same state, and deprecations fail the build
(docs/_ext/gallery_state.py)."""

import os
import subprocess
import sys
import warnings

import gallery_state
import pytest
import torch

from project_builds import ROOT, build_site, tiny_gallery


def test_no_example_inherits_the_torch_state_of_the_one_before():
    torch.manual_seed(123)
    torch.set_default_dtype(torch.float64)
    torch.set_printoptions(precision=2)
    torch.use_deterministic_algorithms(True)
    try:
        gallery_state.reset_torch({}, "plot_b.py")
        assert torch.get_default_dtype() == torch.float32
        assert torch.initial_seed() == gallery_state.SEED
        assert not torch.are_deterministic_algorithms_enabled()
        assert str(torch.tensor([1 / 3])) == "tensor([0.3333])"
    finally:
        torch.use_deterministic_algorithms(False)
        torch.set_printoptions(profile="default")


def test_the_reset_leaves_torch_dynamo_unimported_where_nothing_needs_it():
    """Turning deterministic mode off imports torch._inductor; an example that never
    turned it on must not pay for that (a rebuild of one page would, by a second)."""
    code = (
        "import sys; import torch; import gallery_state\n"
        "gallery_state.reset_torch({}, 'plot_a.py')\n"
        "print('torch._dynamo' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "docs" / "_ext")},
    )
    assert run.stdout.strip() == "False"


def test_deprecations_are_errors_only_while_an_example_runs():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # whatever the caller had, it comes back afterwards
        gallery_state.deprecations_fail({}, "plot_a.py", when="before")
        for category in (DeprecationWarning, FutureWarning):
            with pytest.raises(category, match="gone soon"):
                warnings.warn("gone soon", category, stacklevel=1)
        with warnings.catch_warnings(record=True) as shown:  # a page showing one on purpose
            warnings.simplefilter("always")
            warnings.warn("shown on purpose", DeprecationWarning, stacklevel=1)
        assert [str(w.message) for w in shown] == ["shown on purpose"]
        gallery_state.deprecations_fail({}, "plot_a.py", when="after")
        warnings.warn("ignored again", DeprecationWarning, stacklevel=1)  # no error


CONF = f"""
import sys
sys.path.insert(0, {str(ROOT / "docs" / "_ext")!r})
extensions = ["sphinx_gallery.gen_gallery"]
exclude_patterns = ["_build"]
sphinx_gallery_conf = {{
    "examples_dirs": ["../examples"],
    "gallery_dirs": ["auto_examples"],
    "filename_pattern": r".*\\.py$",
    "reset_modules": ("gallery_state.deprecations_fail",),
    "reset_modules_order": "both",
}}
"""

DEPRECATED = '''"""
A deprecated call
=================
"""
import warnings

print("before")
warnings.warn("this call is deprecated", FutureWarning, stacklevel=1)
'''


def test_a_deprecation_in_an_example_fails_the_build_naming_page_and_line(tmp_path):
    tiny_gallery(tmp_path, CONF, {"plot_deprecated.py": DEPRECATED})

    build = build_site(tmp_path)

    assert build.returncode != 0
    line = DEPRECATED.splitlines().index(next(s for s in DEPRECATED.splitlines() if "warn(" in s))
    assert f'plot_deprecated.py", line {line + 1}' in build.output, build.output[-3000:]
    assert "FutureWarning: this call is deprecated" in build.output, build.output[-3000:]
