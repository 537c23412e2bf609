"""Every figure in a light and a dark variant (docs/_ext/light_dark_figures.py)."""

import re

import light_dark_figures as ext
import matplotlib.colors
import matplotlib.pyplot as plt
from docutils import nodes
from sphinx_gallery.directives import imgsgnode


def scrape(tmp_path, count):
    images = tmp_path / "auto_examples" / "images"
    images.mkdir(parents=True)
    paths = iter(str(images / f"sphx_glr_plot_x_{n:03}.png") for n in range(1, count + 1))
    block_vars = {"image_path_iterator": paths}
    return ext.light_and_dark_scraper(None, block_vars, {"src_dir": str(tmp_path)})


def test_one_figure_gives_a_light_and_a_dark_image(tmp_path):
    _, ax = plt.subplots()
    ax.plot([0, 1], [1, 0], color="black")
    ax.set(title="A falling line")
    rst = scrape(tmp_path, 1)
    assert (tmp_path / "auto_examples/images/sphx_glr_plot_x_001.png").is_file()
    assert (tmp_path / "auto_examples/images/sphx_glr_plot_x_001_dark.png").is_file()
    assert re.findall(r":class: (.*)", rst) == [
        "sphx-glr-single-img only-light",
        "sphx-glr-single-img only-dark",
    ]
    assert re.findall(r":alt: (.*)", rst) == ["A falling line", "A falling line"]
    assert "/auto_examples/images/sphx_glr_plot_x_001_dark.png" in rst
    assert plt.get_fignums() == []


def test_several_figures_share_a_row_each_pair_in_one_item(tmp_path):
    for title in ("first", "second"):
        _, ax = plt.subplots()
        ax.set(title=title)
    rst = scrape(tmp_path, 2)
    assert ".. rst-class:: sphx-glr-horizontal" in rst
    assert rst.count("    *\n") == 2
    assert rst.count("sphx-glr-multi-img only-dark") == 2
    assert re.findall(r":alt: (.*)", rst) == ["first", "first", "second", "second"]


def test_no_figure_no_images(tmp_path):
    assert scrape(tmp_path, 0) == ""


def test_dark_variant_turns_ink_light_and_paper_dark_but_keeps_boxed_text():
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


def test_text_written_on_an_image_keeps_its_colour():
    fig, (heatmap, plain) = plt.subplots(1, 2)
    heatmap.imshow([[0, 1], [2, 3]], cmap="Blues")
    count = heatmap.text(0, 0, "0", color="black")  # on a light cell that stays light
    label = plain.text(0.5, 0.5, "prose", color="black")  # on the paper
    title = heatmap.set_title("confusion")
    ext.recolor_for_dark(fig)

    assert matplotlib.colors.to_hex(count.get_color()) == "#000000"
    assert matplotlib.colors.to_hex(label.get_color()) == ext.DARK_INK
    assert matplotlib.colors.to_hex(title.get_color()) == ext.DARK_INK


def test_images_keep_every_class_and_escaped_alt_text_in_html():
    doctree = nodes.document(None, None)
    image = imgsgnode()
    image["class"] = ["sphx-glr-single-img", "only-dark"]
    image["alt"] = 'Loss of "w" < 1'
    doctree += image
    ext.prepare_images_for_html(None, doctree)
    # sphinx-gallery's HTML writer keeps only the first class: all of them must be in it.
    assert image["class"][0] == "sphx-glr-single-img only-dark"
    assert image["alt"] == "Loss of &quot;w&quot; &lt; 1"
