"""Descriptions for pages without a first paragraph (docs/_ext/page_descriptions.py)."""

from page_descriptions import GENERATED_PAGES, describe


def test_api_pages_take_their_object_summary_as_plain_text():
    assert describe("gen_modules/torchintro.fit_sgd") == (
        "Fit the same line by full-batch gradient descent with torch.optim.SGD."
    )
    assert describe("gen_modules/torchintro.no_such_thing") is None


def test_generated_pages_have_their_own_and_other_pages_are_left_to_opengraph():
    assert describe("genindex") == GENERATED_PAGES["genindex"]
    assert describe("auto_examples/01_tensors/plot_01_creating_tensors") is None
