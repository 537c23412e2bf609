"""The build's LaTeX-to-MathML conversion."""

import pytest
from mathml import to_mathml


def test_inline_and_block_math_become_mathml():
    inline = to_mathml(r"\frac{\partial f}{\partial a} = 2ab")
    assert inline.startswith('<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">')
    assert "<mfrac>" in inline  # a fraction
    assert "&#x02202;" in inline  # the partial sign
    assert 'display="block"' in to_mathml(r"y = 3x - 2", "block")


def test_the_conversion_is_deterministic():
    latex = r"\lambda_{\max} \approx 2.02, \quad 2 / \lambda_{\max} \approx 0.99"
    assert to_mathml(latex) == to_mathml(latex)


@pytest.mark.parametrize(
    ("latex", "why"),
    [(r"x^", "MissingSuperScriptOrSubscriptError"), (r"\undefinedcommand x", "unknown")],
)
def test_latex_that_cannot_be_converted_is_an_error_naming_it(latex, why):
    with pytest.raises(ValueError, match="cannot convert .* to MathML: .*" + why):
        to_mathml(latex)
