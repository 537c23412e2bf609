"""Each example starts from the same state, and deprecations fail the build
(docs/_ext/gallery_state.py)."""

import warnings

import gallery_state
import pytest

from project_builds import ROOT, build_site, tiny_gallery


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
