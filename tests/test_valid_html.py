"""The build's HTML fixes for sphinx-gallery's output (docs/_ext/valid_html.py)."""

import html

from docutils import nodes
from docutils.utils import new_document
from sphinx_gallery.backreferences import THUMBNAIL_TEMPLATE
from valid_html import clean_raw_html, clean_thumbnails

INTRO = html.escape('Tensors "in place": see torch.add_.')


def thumbnail_div(tags: str = "") -> str:
    """The opening tag sphinx-gallery writes for a thumbnail, from its own template."""
    rst = THUMBNAIL_TEMPLATE.format(
        tags=tags, intro=INTRO, thumbnail="thumb.png", doc_name="page", title="Page"
    )
    return next(line.strip() for line in rst.splitlines() if "sphx-glr-thumbcontainer" in line)


def test_a_thumbnail_loses_its_tooltip_and_keeps_the_rest():
    div = thumbnail_div()
    assert "tooltip=" in div  # what sphinx-gallery writes today
    assert clean_thumbnails(div) == '<div class="sphx-glr-thumbcontainer">'


def test_a_tagged_thumbnail_keeps_its_tags():
    div = thumbnail_div(tags="data-sgtags='[\"basics\"]' ")
    assert clean_thumbnails(div) == (
        '<div class="sphx-glr-thumbcontainer" data-sgtags=\'["basics"]\'>'
    )


def test_other_html_is_left_alone():
    text = '<div class="note" tooltip="kept">x</div>'
    assert clean_thumbnails(text) == text


def raw(text: str, format: str = "html") -> nodes.raw:
    return nodes.raw("", text, format=format)


def test_a_page_keeps_its_first_tag_list_only_and_cleans_its_thumbnails():
    tag_list = "<div id='sg-tag-list' class='sphx-glr-tag-list'></div>"
    doctree = new_document("page")
    section = nodes.section()
    doctree += section
    section += [raw(tag_list), raw(thumbnail_div()), raw(tag_list), raw(tag_list)]
    section += raw(thumbnail_div(), format="latex")  # not HTML: not ours to change

    clean_raw_html(doctree)

    kept = [node.astext() for node in doctree.findall(nodes.raw)]
    assert kept == [
        tag_list,
        '<div class="sphx-glr-thumbcontainer">',
        thumbnail_div(),
    ]
