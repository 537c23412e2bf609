"""Exercise solutions fold into sphinx-design dropdowns (docs/_ext/folded_solutions.py)."""

import folded_solutions
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from sphinx_design.shared import is_component


def parse(text):
    document = new_document("test", get_default_settings(Parser))
    Parser().parse(text, document)
    return document


def test_solution_marker_folds_the_rest_of_its_section_into_a_dropdown():
    doctree = parse(
        "Exercise\n========\n\nDo it.\n\n**Solution**\n\n::\n\n    answer = 42\n\n"
        "After.\n\nNext\n====\n\nStill visible.\n"
    )
    assert folded_solutions.fold_solutions(doctree) == 1
    (dropdown,) = list(doctree.findall(lambda node: is_component(node, "dropdown")))
    title, *body = dropdown.children
    assert isinstance(title, nodes.rubric)
    assert title.astext() == "Show a solution"
    assert dropdown["opened"] is False
    assert [type(child) for child in body] == [nodes.literal_block, nodes.paragraph]
    assert "Still visible." not in dropdown.astext()
    assert "Do it." not in dropdown.astext()
    assert "Solution\n" not in doctree.astext()


def test_bold_words_that_are_not_a_lone_marker_stay():
    doctree = parse("Exercise\n========\n\nA **Solution** is near.\n\n**Solution** below\n")
    assert folded_solutions.fold_solutions(doctree) == 0
