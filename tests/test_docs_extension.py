"""The docs build's own extension: light and dark figures, provenance, folded solutions."""

import re
from pathlib import Path

import matplotlib.colors
import matplotlib.pyplot as plt
import pytest
import torch
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

import torchintro
from docs_extension import load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ext():
    return load("torchintro_sphinx")


def scrape(ext, tmp_path, count):
    images = tmp_path / "auto_examples" / "images"
    images.mkdir(parents=True)
    paths = iter(str(images / f"sphx_glr_plot_x_{n:03}.png") for n in range(1, count + 1))
    block_vars = {"image_path_iterator": paths}
    return ext.light_and_dark_scraper(None, block_vars, {"src_dir": str(tmp_path)})


def test_one_figure_gives_a_light_and_a_dark_image(ext, tmp_path):
    _, ax = plt.subplots()
    ax.plot([0, 1], [1, 0], color="black")
    ax.set(title="A falling line")
    rst = scrape(ext, tmp_path, 1)
    assert (tmp_path / "auto_examples/images/sphx_glr_plot_x_001.png").is_file()
    assert (tmp_path / "auto_examples/images/sphx_glr_plot_x_001_dark.png").is_file()
    assert re.findall(r":class: (.*)", rst) == [
        "sphx-glr-single-img only-light",
        "sphx-glr-single-img only-dark",
    ]
    assert re.findall(r":alt: (.*)", rst) == ["A falling line", "A falling line"]
    assert "/auto_examples/images/sphx_glr_plot_x_001_dark.png" in rst
    assert plt.get_fignums() == []


def test_several_figures_share_a_row_each_pair_in_one_item(ext, tmp_path):
    for title in ("first", "second"):
        _, ax = plt.subplots()
        ax.set(title=title)
    rst = scrape(ext, tmp_path, 2)
    assert ".. rst-class:: sphx-glr-horizontal" in rst
    assert rst.count("    *\n") == 2
    assert rst.count("sphx-glr-multi-img only-dark") == 2
    assert re.findall(r":alt: (.*)", rst) == ["first", "first", "second", "second"]


def test_no_figure_no_images(ext, tmp_path):
    assert scrape(ext, tmp_path, 0) == ""


def test_dark_variant_turns_ink_light_and_paper_dark_but_keeps_boxed_text(ext):
    fig, ax = plt.subplots()
    (line,) = ax.plot([0, 1], [0, 1], color="black")
    (data,) = ax.plot([0, 1], [1, 0], color="C1")
    title = ax.set_title("title")
    boxed = ax.text(0.5, 0.5, "node", color="black", bbox={"facecolor": "#b9d7f7"})
    ext.recolor_for_dark(fig)

    def rgb(color):
        return matplotlib.colors.to_hex(color)

    assert rgb(fig.get_facecolor()) == ext.DARK_BACKGROUND
    assert rgb(ax.get_facecolor()) == ext.DARK_BACKGROUND
    assert rgb(title.get_color()) == ext.DARK_INK
    assert rgb(line.get_color()) == ext.DARK_INK
    assert rgb(data.get_color()) == rgb("C1")
    assert rgb(boxed.get_color()) == "#000000"
    assert rgb(boxed.get_bbox_patch().get_facecolor()) == "#b9d7f7"


def test_provenance_names_torch_device_seed_and_the_source_date(ext, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    line = ext.provenance()
    assert "built on 2023-11-14" in line
    assert f"torch {torch.__version__} " in line
    assert torchintro.describe_device(torchintro.select_device()) in line
    assert "random seed 0" in line


def parse(text):
    document = new_document("test", get_default_settings(Parser))
    Parser().parse(text, document)
    return document


def test_solution_marker_folds_the_rest_of_its_section(ext):
    doctree = parse(
        "Exercise\n========\n\nDo it.\n\n**Solution**\n\n::\n\n    answer = 42\n\n"
        "After.\n\nNext\n====\n\nStill visible.\n"
    )
    ext.fold_solutions(None, doctree, "page")
    (folded,) = list(doctree.findall(ext.solution))
    assert [type(child) for child in folded.children] == [nodes.literal_block, nodes.paragraph]
    assert "Still visible." not in folded.astext()
    assert "Solution" not in doctree.astext()
