"""torchintro.distributed: processes that form a gloo group, and nothing left behind."""

import os
import subprocess
import sys
import textwrap
import time

import psutil
import pytest
import torch

from torchintro.distributed import (
    WorkerError,
    collectives,
    run_processes,
    run_torchrun,
    train_ddp,
)


def spawned_children() -> list[str]:
    """Command lines of this process's children started by multiprocessing's spawn."""
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            command = " ".join(child.cmdline())
        except psutil.Error:  # ended while we looked
            continue
        if "spawn_main" in command:
            found.append(command)
    return found


def test_two_processes_run_the_collectives():
    results = run_processes(collectives, world_size=2)
    assert [result["start"] for result in results] == [[1.0, 1.0], [2.0, 2.0]]
    assert all(result["all_reduce"] == [3.0, 3.0] for result in results)
    assert all(result["broadcast"] == [1.0, 1.0] for result in results)
    assert all(result["all_gather"] == [1.0, 1.0, 2.0, 2.0] for result in results)
    assert spawned_children() == []


def test_replicas_stay_identical_under_ddp():
    x, y = torch.linspace(-1, 1, 16).unsqueeze(1), torch.linspace(-5, 1, 16)
    ranks = run_processes(train_ddp, 2, args=(x, y, 2, 4, 0.1, 0))
    assert [len(rank["losses"]) for rank in ranks] == [4, 4]  # 8 points per rank, 4 per step
    assert max(max(rank["spread"]) for rank in ranks) == 0.0
    assert ranks[0]["weight"] == ranks[1]["weight"]


def test_a_failing_worker_is_named_with_its_traceback_and_nothing_is_left():
    flat = torch.zeros(4)  # no feature dimension: x.shape[1] fails in every worker
    with pytest.raises(WorkerError, match=r"worker [01] failed:") as caught:
        run_processes(train_ddp, 2, args=(flat, flat, 1, 2, 0.1, 0), timeout=60)
    assert "IndexError" in str(caught.value)
    assert "Traceback" in str(caught.value)
    assert caught.value.rank in (0, 1)
    assert spawned_children() == []


def test_a_run_past_its_timeout_is_stopped():
    start = time.monotonic()
    with pytest.raises(TimeoutError, match=r"timeout=0.2 s"):
        run_processes(collectives, 2, timeout=0.2)  # starting Python and torch takes longer
    assert time.monotonic() - start < 20
    assert spawned_children() == []


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"fn": "collectives"}, TypeError, "fn must be a function, got str"),
        ({"fn": lambda rank, size: rank}, ValueError, "fn must be a function defined at the top"),
        ({"world_size": 0}, ValueError, "world_size must be a positive integer, got 0"),
        ({"world_size": 2.0}, TypeError, "world_size must be a positive integer, got 2.0"),
        ({"timeout": -1}, ValueError, "timeout must be a positive finite number, got -1"),
        ({"args": "xy"}, TypeError, "args must be a sequence of arguments, got str"),
    ],
)
def test_bad_arguments_are_named(kwargs, error, message):
    arguments = {"fn": collectives, "world_size": 2, **kwargs}
    with pytest.raises(error, match=message):
        run_processes(arguments.pop("fn"), **arguments)
    assert spawned_children() == []


def test_a_function_of_the_main_script_is_refused():
    def local(rank, world_size):
        return rank

    with pytest.raises(ValueError, match=r"from 'tests?\.|<locals>|importable module"):
        run_processes(local, 2)


def test_a_script_without_a_main_guard_starts_its_processes_once(tmp_path):
    """A downloaded page run as `python page.py` must not be run again by each process."""
    script = tmp_path / "page.py"
    script.write_text(
        textwrap.dedent(
            """
            from torchintro.distributed import collectives, run_processes

            print("page ran")
            print(run_processes(collectives, 2)[1]["all_reduce"])
            """
        )
    )
    run = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["page ran", "[3.0, 3.0]"]


def test_what_a_worker_prints_is_flushed_before_it_leaves(tmp_path):
    """Workers leave with os._exit, skipping the interpreter's teardown, but not their output."""
    script = tmp_path / "page.py"
    script.write_text("from torchintro.distributed import run_processes\nrun_processes(print, 2)\n")
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    run = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=buffered,  # output to a pipe waits in a buffer, as it does by default
    )
    assert run.returncode == 0, run.stderr
    assert sorted(run.stdout.splitlines()) == ["0 2", "1 2"]  # print(rank, world_size)


def test_torchrun_needs_an_existing_script_and_sane_numbers(tmp_path):
    with pytest.raises(FileNotFoundError, match="script must be an existing file"):
        run_torchrun(tmp_path / "missing.py")
    script = tmp_path / "script.py"
    script.write_text("")
    with pytest.raises(ValueError, match="nproc_per_node must be a positive integer, got 0"):
        run_torchrun(script, 0)
    with pytest.raises(TypeError, match="timeout must be a positive number, got 'x'"):
        run_torchrun(script, timeout="x")


def test_a_failing_torchrun_script_raises_with_its_output(tmp_path):
    script = tmp_path / "fails.py"
    script.write_text("raise SystemExit('no data here')\n")
    with pytest.raises(RuntimeError, match=r"(?s)torchrun failed with exit code 1.*no data here"):
        run_torchrun(script, nproc_per_node=1, timeout=60)
