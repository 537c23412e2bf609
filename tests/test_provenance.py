"""The provenance line and the cached device facts behind it (docs/_ext/provenance.py,
docs/_ext/device_facts.py)."""

import json

import device_facts
import provenance
import pytest
import torch

import torchintro


def test_build_date_comes_from_source_date_epoch():
    assert provenance.build_date({"SOURCE_DATE_EPOCH": "1700000000"}) == "2023-11-14"


def test_line_names_date_torch_device_and_seed():
    line = provenance.provenance_line("2023-11-14", "2.13.0+cpu", "CPU (cpu, x86_64, 2 threads)")
    assert line == (
        "Outputs computed when this page was built on 2023-11-14, with torch 2.13.0+cpu "
        "on CPU (cpu, x86_64, 2 threads), random seed 0."
    )


def test_example_pages_only():
    assert provenance.EXAMPLE_PAGE.fullmatch("auto_examples/02_autograd/plot_03_worked_example")
    assert not provenance.EXAMPLE_PAGE.fullmatch("auto_examples/02_autograd/index")
    assert provenance.EXAMPLE_PAGE.fullmatch("auto_examples/plot_plain")
    assert not provenance.EXAMPLE_PAGE.fullmatch("running")


def test_device_facts_are_what_torch_says(tmp_path):
    facts = device_facts.device_facts(tmp_path)
    device = torchintro.select_device()
    assert facts == {"device": str(device), "description": torchintro.describe_device(device)}


def test_device_facts_are_probed_once_per_environment(tmp_path, monkeypatch):
    calls = []

    def probe():
        calls.append(1)
        return {"device": "cpu", "description": f"probe {len(calls)}"}

    monkeypatch.setattr(device_facts, "probe", probe)
    assert device_facts.device_facts(tmp_path)["description"] == "probe 1"
    assert device_facts.device_facts(tmp_path)["description"] == "probe 1", "cached"
    monkeypatch.setenv("TORCHINTRO_DEVICE", "cpu")  # another device choice: ask again
    assert device_facts.device_facts(tmp_path)["description"] == "probe 2"
    (tmp_path / "torchintro-device.json").write_text("{not json")  # a damaged cache
    assert device_facts.device_facts(tmp_path)["description"] == "probe 3"
    stored = json.loads((tmp_path / "torchintro-device.json").read_text())
    assert stored["facts"]["description"] == "probe 3"


def test_a_new_torch_is_a_new_environment(monkeypatch):
    before = device_facts.environment_key()
    real = device_facts.importlib.metadata.version

    def version(name):
        return "9.9.9" if name == "torch" else real(name)

    monkeypatch.setattr(device_facts.importlib.metadata, "version", version)
    assert device_facts.environment_key() != before


@pytest.mark.parametrize("torch_version", [torch.__version__])
def test_provenance_uses_the_installed_torch_version(torch_version):
    # The line's version comes from package metadata, never from a cache.
    assert device_facts.importlib.metadata.version("torch") == torch_version
