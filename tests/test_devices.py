"""Choosing, describing and synchronizing devices, with and without an accelerator.

The accelerator is faked with monkeypatch where a test needs one (or needs its
absence), so the suite says the same on a laptop and on a GPU machine.
"""

import pytest
import torch

from torchintro import (
    available_devices,
    describe_device,
    select_device,
    synchronize,
)
from torchintro import devices as devices_module
from torchintro.devices import DEVICE_ENV_VAR


@pytest.fixture
def no_env_var(monkeypatch):
    monkeypatch.delenv(DEVICE_ENV_VAR, raising=False)


@pytest.fixture
def cpu_only(monkeypatch, no_env_var):
    """A machine without an accelerator."""
    monkeypatch.setattr(torch.accelerator, "is_available", lambda: False)
    monkeypatch.setattr(torch.accelerator, "current_accelerator", lambda *args, **kwargs: None)


@pytest.fixture
def two_gpus(monkeypatch, no_env_var):
    """A machine with two CUDA devices, as far as torch.accelerator tells."""
    monkeypatch.setattr(torch.accelerator, "is_available", lambda: True)
    monkeypatch.setattr(
        torch.accelerator, "current_accelerator", lambda *args, **kwargs: torch.device("cuda")
    )
    monkeypatch.setattr(torch.accelerator, "device_count", lambda: 2)


# --- available_devices ----------------------------------------------------------------


def test_available_devices_starts_with_the_cpu():
    devices = available_devices()
    assert devices[0] == torch.device("cpu")
    assert all(isinstance(device, torch.device) for device in devices)


def test_available_devices_without_accelerator_is_just_the_cpu(cpu_only):
    assert available_devices() == [torch.device("cpu")]


def test_available_devices_lists_every_accelerator_index(two_gpus):
    assert available_devices() == [
        torch.device("cpu"),
        torch.device("cuda", 0),
        torch.device("cuda", 1),
    ]


# --- select_device: the choice ----------------------------------------------------------


@pytest.mark.parametrize("device", ["cpu", torch.device("cpu")])
def test_select_device_accepts_strings_and_devices(device, no_env_var):
    assert select_device(device) == torch.device("cpu")


def test_select_device_without_accelerator_picks_the_cpu(cpu_only):
    assert select_device() == torch.device("cpu")


def test_select_device_picks_the_accelerator_when_there_is_one(two_gpus):
    assert select_device() == torch.device("cuda")


def test_select_device_accepts_an_accelerator_index_the_machine_has(two_gpus):
    assert select_device("cuda:1") == torch.device("cuda", 1)


def test_select_device_reads_the_environment_variable(monkeypatch, two_gpus):
    monkeypatch.setenv(DEVICE_ENV_VAR, "cpu")
    assert select_device() == torch.device("cpu")


def test_select_device_argument_beats_the_environment_variable(monkeypatch, cpu_only):
    monkeypatch.setenv(DEVICE_ENV_VAR, "abacus")  # would raise if it were read
    assert select_device("cpu") == torch.device("cpu")


def test_select_device_ignores_an_empty_environment_variable(monkeypatch, cpu_only):
    monkeypatch.setenv(DEVICE_ENV_VAR, "")
    assert select_device() == torch.device("cpu")


# --- select_device: bad input ------------------------------------------------------------


def test_select_device_rejects_an_unknown_device_name(no_env_var):
    with pytest.raises(ValueError, match=r"^device must name a PyTorch device .*, got 'abacus'$"):
        select_device("abacus")


@pytest.mark.parametrize(("device", "type_name"), [(0, "int"), (["cpu"], "list"), (1.5, "float")])
def test_select_device_rejects_other_types(device, type_name, no_env_var):
    with pytest.raises(
        TypeError, match=rf"^device must be a str or torch\.device, got {type_name}$"
    ):
        select_device(device)


def test_select_device_rejects_an_accelerator_the_machine_lacks(cpu_only):
    with pytest.raises(
        ValueError,
        match=r"^device is 'cuda', but this machine has no such device \(available: cpu\)$",
    ):
        select_device("cuda")


@pytest.mark.skipif(torch.accelerator.is_available(), reason="this machine has an accelerator")
def test_select_device_rejects_cuda_on_this_machine_unpatched(no_env_var):
    with pytest.raises(ValueError, match=r"device is 'cuda'.*available: cpu"):
        select_device("cuda")


def test_select_device_rejects_an_index_past_the_last_accelerator(two_gpus):
    with pytest.raises(
        ValueError, match=r"device is 'cuda:2', .*no such device \(available: cpu, cuda:0, cuda:1\)"
    ):
        select_device("cuda:2")


def test_select_device_rejects_another_accelerator_type(two_gpus):
    with pytest.raises(ValueError, match=r"device is 'mps', .*no such device"):
        select_device("mps")


def test_select_device_names_the_environment_variable_when_it_is_unknown(monkeypatch, cpu_only):
    monkeypatch.setenv(DEVICE_ENV_VAR, "abacus")
    with pytest.raises(
        ValueError, match=rf"^{DEVICE_ENV_VAR} must name a PyTorch device .*'abacus'"
    ):
        select_device()


def test_select_device_names_the_environment_variable_when_the_device_is_missing(
    monkeypatch, cpu_only
):
    monkeypatch.setenv(DEVICE_ENV_VAR, "cuda")
    with pytest.raises(
        ValueError, match=rf"^{DEVICE_ENV_VAR} is 'cuda', but this machine has no such device"
    ):
        select_device()


# --- describe_device and synchronize -----------------------------------------------------


def test_describe_device_of_the_cpu_counts_threads(no_env_var):
    description = describe_device("cpu")
    assert description.startswith("CPU (cpu, ")
    assert description.endswith(f", {torch.get_num_threads()} threads)")


def test_describe_device_rejects_an_unknown_device(no_env_var):
    with pytest.raises(ValueError, match=r"device must name a PyTorch device .*'abacus'"):
        describe_device("abacus")


def test_synchronize_waits_on_accelerators_and_not_on_the_cpu(monkeypatch, no_env_var):
    waited = []
    monkeypatch.setattr(torch.accelerator, "synchronize", waited.append)
    synchronize("cpu")
    assert waited == []  # CPU work is finished when the call returns
    accelerator = torch.device("cuda", 1)
    monkeypatch.setattr(devices_module, "select_device", lambda device: accelerator)
    synchronize("cuda:1")
    assert waited == [accelerator]


def test_synchronize_rejects_a_missing_device(cpu_only):
    with pytest.raises(ValueError, match=r"device is 'cuda'.*available: cpu"):
        synchronize("cuda")
