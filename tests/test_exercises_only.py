"""Exercise pages: the solution-free notebook and script, and the build's check of solutions."""

import re
from pathlib import Path

import pytest
from exercise_checks import SolutionFailed, last_verdicts, solutions_pass
from exercises_only import has_solutions, script, without_solutions
from sphinx_gallery.py_source_parser import split_code_and_text_blocks

from torchintro import exercises

EXAMPLES = Path(__file__).parents[1] / "examples"
PAGE = '''"""
Exercises
=========

Intro.
"""

# %%
# Exercise 1: first
# -----------------
# Task one.

# %%
answer = ...
check_one(answer)

# %%
# **Solution**

# %%
answer = 1
check_one(answer)
# sphinx_gallery_start_ignore
assert answer == 1
# sphinx_gallery_end_ignore

# %%
# Why one is right.
#
# Exercise 2: second
# ------------------
# Task two.
#
# **Solution**

# %%
secret = 2

# %%
# Up next
# -------
# The end.
'''


def blocks_of(source: str, tmp_path: Path) -> list:
    path = tmp_path / "page.py"
    path.write_text(source, encoding="utf-8")
    return split_code_and_text_blocks(str(path))[1]


def test_solutions_go_and_the_rest_stays(tmp_path):
    kept = without_solutions(blocks_of(PAGE, tmp_path))
    text = "".join(block.content for block in kept)
    for gone in ("**Solution**", "answer = 1", "assert", "Why one is right", "secret"):
        assert gone not in text
    for stays in (
        "Intro.",
        "Task one.",
        "answer = ...\ncheck_one(answer)",
        "Task two.",
        "The end.",
    ):
        assert stays in text
    assert [block.type for block in kept] == ["text", "text", "code", "text", "text"]


def test_the_script_reads_back_as_the_same_blocks(tmp_path):
    kept = without_solutions(blocks_of(PAGE, tmp_path))
    again = blocks_of(script(kept), tmp_path)
    assert [(b.type, b.content.strip()) for b in again] == [
        (b.type, b.content.strip()) for b in kept
    ]
    assert not has_solutions(again)
    assert has_solutions(blocks_of(PAGE, tmp_path))


def test_a_page_without_solutions_is_left_alone(tmp_path):
    source = PAGE.replace("# **Solution**\n", "")
    blocks = blocks_of(source, tmp_path)
    assert not has_solutions(blocks)
    kept = without_solutions(blocks)
    assert [b.type for b in kept] == [b.type for b in blocks]
    assert [b.content.strip() for b in kept if b.type == "text"] == [
        b.content.strip() for b in blocks if b.type == "text"
    ]
    assert "assert answer == 1" not in "".join(b.content for b in kept)  # hidden checks go


def exercise_pages() -> list[Path]:
    pages = [path for path in sorted(EXAMPLES.rglob("*.py")) if "**Solution**" in path.read_text()]
    assert {page.parent.name for page in pages} == {
        p.name for p in EXAMPLES.iterdir() if p.is_dir()
    }
    return pages


@pytest.mark.parametrize("page", exercise_pages(), ids=lambda page: page.parent.name)
def test_every_exercise_has_a_starter_check_and_a_checked_solution(page, tmp_path):
    blocks = split_code_and_text_blocks(str(page))[1]
    kept = without_solutions(blocks)
    starters = re.findall(r"\b(check_\w+)\(", "".join(b.content for b in kept if b.type == "code"))
    every = re.findall(r"\b(check_\w+)\(", "".join(b.content for b in blocks if b.type == "code"))
    exercises_count = len(re.findall(r"^# Exercise \d+:", page.read_text(), re.MULTILINE))
    assert exercises_count == page.read_text().count("# **Solution**") == 3
    assert len(set(starters)) == exercises_count  # one checker per exercise, before its solution
    assert sorted(every) == sorted(starters * 2)  # and the same call again in the solution


def test_every_checker_is_used_on_a_page():
    used = set()
    for page in exercise_pages():
        used |= set(re.findall(r"\b(check_\w+)\(", page.read_text()))
    assert used == {name for name in exercises.__all__ if name.startswith("check_")}


def verdict(exercise: str, passed: bool) -> exercises.Verdict:
    return exercises.Verdict(exercise, passed, "" if passed else "why.")


def test_last_verdicts_keep_each_exercises_last():
    verdicts = [verdict("a", False), verdict("b", False), verdict("a", True)]
    assert {name: v.passed for name, v in last_verdicts(verdicts).items()} == {
        "a": True,
        "b": False,
    }


def test_the_build_fails_when_a_solution_does_not_pass(monkeypatch):
    monkeypatch.setattr(exercises, "verdicts", [verdict("old", False)])
    solutions_pass({}, "/x/page.py", "before")  # verdicts of earlier pages do not count
    exercises.verdicts += [verdict("a", False), verdict("a", True), verdict("b", False)]
    with pytest.raises(SolutionFailed, match=r"page.py: .*\n  Not yet \(b\): why\.$"):
        solutions_pass({}, "/x/page.py", "after")
    solutions_pass({}, "/x/next.py", "before")
    exercises.verdicts += [verdict("b", False), verdict("b", True)]
    solutions_pass({}, "/x/next.py", "after")


def test_the_page_links_its_exercises_only_downloads():
    from types import SimpleNamespace

    from exercises_only import FOOTER_END, link_downloads
    from sphinx.errors import ExtensionError

    app = SimpleNamespace(
        env=SimpleNamespace(torchintro_exercises_only={"g/plot_x": "plot_x_only"})
    )
    page = f"Go to the end to download the full example code.\n\n{FOOTER_END}"
    source = [page]
    link_downloads(app, "g/plot_x", source)
    assert ":download:`Download the exercises only, as a Jupyter notebook" in source[0]
    assert "<plot_x_only.ipynb>`" in source[0]
    assert "<plot_x_only.py>`" in source[0]
    assert "or the exercises alone to fill in." in source[0]
    other = [page]
    link_downloads(app, "g/plot_y", other)  # a page without exercises is left alone
    assert other == [page]
    with pytest.raises(ExtensionError, match="g/plot_x: no sphinx-gallery download footer"):
        link_downloads(app, "g/plot_x", ["no footer"])
