"""Every figure in a light and a dark variant (docs/_ext/light_dark_figures.py)."""

import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import light_dark_figures as ext
import matplotlib.colors
import matplotlib.pyplot as plt
from docutils import nodes
from matplotlib.figure import Figure
from sphinx_gallery.directives import imgsgnode

SVG = "{http://www.w3.org/2000/svg}"


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
    assert (tmp_path / "auto_examples/images/sphx_glr_plot_x_001.svg").is_file()
    assert (tmp_path / "auto_examples/images/sphx_glr_plot_x_001_dark.svg").is_file()
    assert re.findall(r":class: (.*)", rst) == [
        "sphx-glr-single-img only-light",
        "sphx-glr-single-img only-dark",
    ]
    assert re.findall(r":alt: (.*)", rst) == ["A falling line", "A falling line"]
    assert "/auto_examples/images/sphx_glr_plot_x_001_dark.svg" in rst
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


def effective_fills(svg_path):
    """Map each SVG group id to the fill its content inherits (SVG's default is black)."""
    fills = {}

    def walk(element, inherited):
        fill = element.get("fill", inherited)
        if element.get("id"):
            fills[element.get("id")] = fill
        for child in element:
            walk(child, fill)

    walk(ET.parse(svg_path).getroot(), "#000000")
    return fills


def styles(svg_path):
    """Every style of the SVG, except in the groups that keep their colours."""
    found = []

    def walk(element):
        if not element.get("id", "").startswith(ext.KEEP):
            found.append(element.get("style", ""))
            for child in element:
                walk(child)

    walk(ET.parse(svg_path).getroot())
    return " ".join(found)


def test_dark_variant_turns_ink_light_and_paper_dark_but_keeps_boxed_text(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], color="black", gid="ink-line")
    ax.plot([0, 1], [1, 0], color="C1", gid="data-line")
    title = ax.set_title("title", gid="title")
    boxed = ax.text(0.5, 0.5, "node", color="black", bbox={"facecolor": "#b9d7f7"})
    light, dark = ext.save_light_and_dark(fig, tmp_path / "figure.png")
    assert (light.name, dark.name) == ("figure.svg", "figure_dark.svg")

    root = ET.parse(dark).getroot()
    groups = {group.get("id"): group for group in root.iter(f"{SVG}g") if group.get("id")}
    assert f"fill: {ext.DARK_BACKGROUND}" in groups["patch_1"][0].get("style")  # figure
    assert f"fill: {ext.DARK_BACKGROUND}" in groups["patch_2"][0].get("style")  # axes
    assert "stroke: #000000" in styles(light)
    assert "stroke: #000000" not in styles(dark)
    assert f"stroke: {ext.DARK_INK}" in groups["ink-line"][0].get("style")
    assert f"stroke: {matplotlib.colors.to_hex('C1')}" in groups["data-line"][0].get("style")
    fills = effective_fills(dark)
    assert fills[title.get_gid()] == ext.DARK_INK
    assert fills[boxed.get_gid()] == "#000000"  # the box keeps its light fill
    assert "fill: #b9d7f7" in ET.tostring(groups[boxed.get_gid()], encoding="unicode")
    assert effective_fills(light)[title.get_gid()] == "#000000"


def test_text_written_on_an_image_keeps_its_colour(tmp_path):
    fig, (heatmap, plain) = plt.subplots(1, 2)
    heatmap.imshow([[0, 1], [2, 3]], cmap="Blues")
    count = heatmap.text(0, 0, "0", color="black")  # on a light cell that stays light
    label = plain.text(0.5, 0.5, "prose", color="black", gid="prose")  # on the paper
    title = heatmap.set_title("confusion", gid="title")
    _, dark = ext.save_light_and_dark(fig, tmp_path / "figure.png")

    fills = effective_fills(dark)
    assert fills[count.get_gid()] == "#000000"
    assert fills[label.get_gid()] == fills[title.get_gid()] == ext.DARK_INK


def test_each_figure_is_drawn_once_and_written_the_same_twice(tmp_path, monkeypatch):
    def make():
        fig, ax = plt.subplots()
        ax.plot([0, 1, 2], [0, 1, 4], marker="o")
        ax.set(title="the same figure", xlabel="x")
        return fig

    draws = []
    original = Figure.draw
    monkeypatch.setattr(
        Figure, "draw", lambda fig, renderer: draws.append(fig) or original(fig, renderer)
    )
    first = ext.save_light_and_dark(make(), tmp_path / "a.png")
    assert len(draws) == 1
    second = ext.save_light_and_dark(make(), tmp_path / "b.png")
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()
    assert b"Date" not in first[0].read_bytes()


def test_gallery_images_become_sized_sphinx_images(tmp_path):
    fig, _ = plt.subplots(figsize=(4, 3))
    ext.save_light_and_dark(fig, tmp_path / "plot.png")
    doctree = nodes.document(None, None)
    figure = imgsgnode()
    figure["uri"] = "/plot.svg"
    figure["class"] = ["sphx-glr-single-img", "only-dark"]
    figure["alt"] = 'Loss of "w" < 1'
    doctree += figure
    ext.sized_images(SimpleNamespace(srcdir=str(tmp_path)), doctree)
    (image,) = doctree.children
    assert isinstance(image, nodes.image)
    assert image["classes"] == ["sphx-glr-single-img", "only-dark"]
    assert image["alt"] == 'Loss of "w" < 1'  # Sphinx's writer escapes it
    # 4 x 3 inches at 72 pt per inch, in CSS pixels (4/3 of a pt)
    assert (image["width"], image["height"]) == ("384", "288")
