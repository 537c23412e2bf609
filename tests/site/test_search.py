"""The search page finds the pages a reader would look for, offline, from the built index."""

import pytest

pytestmark = pytest.mark.browser

FINISHED = """() => {
  const title = document.querySelector("#search-results h2");
  return title !== null && title.textContent.startsWith("Search Results");
}"""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tensor", "auto_examples/01_tensors/"),
        ("backward", "auto_examples/02_autograd/"),
    ],
)
def test_search_finds(query, expected, open_page):
    visit = open_page(f"search.html?q={query}")
    visit.page.wait_for_function(FINISHED)
    links = visit.page.eval_on_selector_all(
        "#search-results ul.search li a", "links => links.map(link => link.href)"
    )
    assert any(expected in link for link in links), (
        f"searching {query!r} gave no result under {expected}; results: {links}"
    )
