"""Which package modules an example depends on, and what changes its inputs stamp."""

from pathlib import Path

import example_inputs
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "torchintro"


@pytest.fixture(scope="module")
def inputs():
    return example_inputs


def names(paths):
    return [path.name for path in paths]


def test_a_script_without_the_package_depends_on_none_of_it(inputs):
    assert inputs.package_files_used("import torch\nprint(torch.ones(2))\n", PACKAGE) == []


def test_from_import_follows_the_name_to_its_module_and_that_module_s_imports(inputs):
    used = inputs.package_files_used("from torchintro import make_linear_data\n", PACKAGE)
    assert names(used) == ["__init__.py", "_checks.py", "data.py"]


def test_attribute_use_after_a_plain_import_is_followed(inputs):
    used = inputs.package_files_used("import torchintro\ntorchintro.sweep_matmul([8])\n", PACKAGE)
    assert names(used) == ["__init__.py", "_checks.py", "bench.py", "devices.py"]


def test_importing_a_module_directly_counts(inputs):
    used = inputs.package_files_used("from torchintro.graph import trace_graph\n", PACKAGE)
    assert names(used) == ["__init__.py", "graph.py"]


def test_regression_depends_on_data_through_its_own_import(inputs):
    used = inputs.package_files_used("from torchintro import fit_notebook_problem\n", PACKAGE)
    assert names(used) == ["__init__.py", "_checks.py", "data.py", "regression.py"]


def test_stamp_changes_with_the_example_the_module_it_uses_and_the_environment(inputs, tmp_path):
    package = tmp_path / "torchintro"
    package.mkdir()
    for path in PACKAGE.glob("*.py"):
        (package / path.name).write_text(path.read_text())
    example = tmp_path / "plot_x.py"
    example.write_text("from torchintro import make_linear_data\n")
    environment = {"versions": {"torch": "2.13.0"}}

    def stamp(env=environment):
        return inputs.inputs_stamp(example, env, package)

    first = stamp()
    assert stamp() == first  # deterministic
    (package / "bench.py").write_text("# a module this example does not use\n")
    assert stamp() == first
    (package / "data.py").write_text((package / "data.py").read_text() + "\n# edited\n")
    second = stamp()
    assert second != first
    assert stamp({"versions": {"torch": "2.14.0"}}) != second
    example.write_text(example.read_text() + "# edited\n")
    assert stamp() != second


def test_the_settings_that_shape_outputs_are_inputs(inputs):
    """A repr hidden or shown changes a page's output: its setting is an input."""
    conf = {name: None for name in inputs.OUTPUT_SETTINGS}
    hidden = {**conf, "ignore_repr_types": r"torchintro\.exercises\.Verdict"}
    assert inputs.environment_inputs(conf, [], "cpu") != inputs.environment_inputs(
        hidden, [], "cpu"
    )
    assert inputs.environment_inputs({**conf, "filename_pattern": "x"}, [], "cpu") == (
        inputs.environment_inputs(conf, [], "cpu")
    )
