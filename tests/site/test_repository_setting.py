"""The built notebooks and pages follow the repository setting: install cell and Colab
links where the project has a public repository, neither where it has none."""

import json
import os
import re

import publishing

SETUP_MARK = "# Setup: install torchintro"


def first_code_cell(notebook) -> str:
    cells = json.loads(notebook.read_text())["cells"]
    return "".join(next(cell for cell in cells if cell["cell_type"] == "code")["source"])


def test_notebook_setup_cell_follows_the_setting(site_dir, notebook):
    url = publishing.repository_url_from(os.environ)
    cell = first_code_cell(notebook)
    if url:
        assert cell.startswith(SETUP_MARK)
        assert f"torchintro @ git+{url}" in cell
    else:
        assert SETUP_MARK not in cell


def test_colab_links_follow_the_setting(site_dir):
    url = publishing.repository_url_from(os.environ)
    pages = sorted((site_dir / "auto_examples").glob("*/plot_*.html"))
    assert pages
    for page in pages:
        links = re.findall(r'href="(https://colab\.research\.google\.com/[^"]+)"', page.read_text())
        docname = page.relative_to(site_dir).with_suffix("").as_posix()
        expected = publishing.colab_url(url, docname)
        assert links == ([expected] if expected else []), page.name


def test_running_page_says_where_torchintro_comes_from(site_dir):
    url = publishing.repository_url_from(os.environ)
    page = (site_dir / "running.html").read_text()
    if url:
        assert f'pip install "torchintro @ git+{url}"' in page.replace("&quot;", '"')
        assert f'href="{url}"' in page  # the header's link, and the one in the text
    else:
        assert "built without the address of a public repository" in page
        assert "git+" not in page
