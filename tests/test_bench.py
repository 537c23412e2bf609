"""Matrix-multiply timing: the arithmetic, one timing, and sweeps.

Sizes are tiny and ``min_run_time`` short so the suite stays fast; timings are
only checked to be positive, never compared, since machines differ.
"""

import re

import pytest
import torch

from torchintro import (
    MatmulTiming,
    bench,
    matmul_gflops,
    sweep_matmul,
    time_copy_to_device,
    time_matmul,
)
from torchintro.devices import DEVICE_ENV_VAR

QUICK = 0.001  # seconds of repeats per timing


@pytest.fixture
def cpu_only(monkeypatch):
    monkeypatch.delenv(DEVICE_ENV_VAR, raising=False)
    monkeypatch.setattr(
        torch.accelerator, "current_accelerator", lambda check_available=False: None
    )


# --- matmul_gflops -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "seconds", "expected"),
    [(1000, 0.5, 4.0), (1000, 2.0, 1.0), (1, 2e-9, 1.0), (2048, 1.0, 2 * 2048**3 / 1e9)],
)
def test_matmul_gflops_counts_two_n_cubed_operations(size, seconds, expected):
    assert matmul_gflops(size, seconds) == pytest.approx(expected)


# --- time_matmul ---------------------------------------------------------------------------


def test_time_matmul_on_the_cpu():
    timing = time_matmul(16, "cpu", min_run_time=QUICK)
    assert isinstance(timing, MatmulTiming)
    assert (timing.device, timing.size) == ("cpu", 16)
    assert timing.seconds > 0
    assert timing.gflops == pytest.approx(matmul_gflops(16, timing.seconds))


def test_time_matmul_times_a_product_of_the_given_dtype(monkeypatch):
    timed = []

    def fake_fastest(statement, device, min_run_time, **names):
        timed.append((statement, {name: value.dtype for name, value in names.items()}))
        return 0.5

    monkeypatch.setattr(bench, "_fastest", fake_fastest)
    timing = time_matmul(8, torch.device("cpu"), dtype=torch.float64, min_run_time=QUICK)
    assert timed == [("a @ b", {"a": torch.float64, "b": torch.float64})]
    assert (timing.seconds, timing.gflops) == (0.5, matmul_gflops(8, 0.5))


def test_time_matmul_picks_a_device_when_none_is_given(cpu_only):
    assert time_matmul(4, min_run_time=QUICK).device == "cpu"


def test_time_matmul_leaves_the_global_random_state_alone():
    before = torch.random.get_rng_state()
    time_matmul(4, "cpu", min_run_time=QUICK)
    assert torch.equal(torch.random.get_rng_state(), before)


def test_time_matmul_rejects_an_unknown_device(cpu_only):
    with pytest.raises(ValueError, match=r"device must name a PyTorch device .*'abacus'"):
        time_matmul(4, "abacus", min_run_time=QUICK)


def test_time_matmul_rejects_a_missing_device(cpu_only):
    with pytest.raises(ValueError, match=r"device is 'cuda'.*available: cpu"):
        time_matmul(4, "cuda", min_run_time=QUICK)


# --- sweep_matmul --------------------------------------------------------------------------


def test_sweep_loops_over_devices_outside_and_sizes_inside():
    table = sweep_matmul([4, 8, 2], ["cpu", "cpu:0"], min_run_time=QUICK)
    assert [(row.device, row.size) for row in table] == [
        ("cpu", 4),
        ("cpu", 8),
        ("cpu", 2),
        ("cpu:0", 4),
        ("cpu:0", 8),
        ("cpu:0", 2),
    ]
    assert all(row.seconds > 0 and row.gflops > 0 for row in table)


def test_sweep_defaults_to_every_available_device(cpu_only):
    table = sweep_matmul([4], min_run_time=QUICK)
    assert [(row.device, row.size) for row in table] == [("cpu", 4)]


def test_sweep_takes_any_iterable_of_sizes():
    table = sweep_matmul((size for size in (2, 3)), [torch.device("cpu")], min_run_time=QUICK)
    assert [row.size for row in table] == [2, 3]


def test_sweep_rejects_empty_sizes():
    with pytest.raises(ValueError, match=r"^sizes must hold at least one matrix size"):
        sweep_matmul([], ["cpu"], min_run_time=QUICK)


def test_sweep_rejects_empty_devices():
    with pytest.raises(ValueError, match=r"^devices must hold at least one device"):
        sweep_matmul([4], [], min_run_time=QUICK)


@pytest.mark.parametrize("device", ["cpu", torch.device("cpu")])
def test_sweep_rejects_a_single_device_in_place_of_a_list(device):
    with pytest.raises(
        TypeError, match=rf"^devices must be a list of devices .*, got {re.escape(repr(device))}$"
    ):
        sweep_matmul([4], device, min_run_time=QUICK)


def test_sweep_rejects_a_missing_device(cpu_only):
    with pytest.raises(ValueError, match=r"device is 'cuda'.*available: cpu"):
        sweep_matmul([4], ["cpu", "cuda"], min_run_time=QUICK)


def test_copy_to_device_times_a_real_copy():
    timing = time_copy_to_device(64, "cpu", min_run_time=QUICK)
    assert timing.device == "cpu"
    assert timing.megabytes == 64 * 64 * 4 / 1e6
    assert timing.seconds > 0
    assert timing.gigabytes_per_second == pytest.approx(timing.megabytes / 1e3 / timing.seconds)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"size": 0, "device": "cpu"}, ValueError, r"size must be a positive integer, got 0"),
        ({"size": 8, "device": "abacus"}, ValueError, r"device must name a PyTorch device"),
        ({"size": 8, "device": "cpu", "min_run_time": -1}, ValueError, r"min_run_time must be"),
    ],
)
def test_copy_to_device_rejects_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        time_copy_to_device(**kwargs)
