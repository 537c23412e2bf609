"""Run a function in several processes that form a ``torch.distributed`` group, on the CPU.

:func:`run_processes` is what ``torchrun`` or ``torch.multiprocessing.spawn`` do for a
script, made safe to call from a page, a notebook or a test: the processes are started
with ``spawn`` (a forked child can hang once the parent has used torch's thread pool),
meet through a ``file://`` rendezvous in a fresh temporary folder (so two runs on one
machine never compete for a port), talk over gloo, and hand their results back through
a queue, since what a worker prints does not reach the caller. Every wait has a time
limit; a worker that raises stops all of them and the caller gets its traceback; no
process outlives the call.

The worker functions the tutorial's pages run live here too, because a process started
with ``spawn`` imports the function it runs by module and name, and a page's own
functions (defined in ``__main__`` of a build, a notebook kernel) cannot be imported.
"""

from __future__ import annotations

import contextlib
import datetime
import multiprocessing
import os
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import torch

from torchintro._checks import check_positive_float, check_positive_int

__all__ = [
    "WorkerError",
    "collectives",
    "run_processes",
    "run_torchrun",
    "train_ddp",
]

# What a gloo worker of this torch prints when it aborts while shutting down.
SHUTDOWN_ABORT = "terminate called without an active exception"


class WorkerError(RuntimeError):
    """A worker process of :func:`run_processes` raised; the message holds its traceback.

    Parameters
    ----------
    rank : int
        The rank of the process that failed, kept as the attribute ``rank``.
    details : str
        What went wrong in it: its traceback, or how the process ended.
    """

    def __init__(self, rank: int, details: str) -> None:
        super().__init__(f"worker {rank} failed:\n{details}")
        self.rank = rank


def _check_importable(fn: object) -> Callable[..., Any]:
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    module = getattr(fn, "__module__", None)
    qualname = getattr(fn, "__qualname__", "")
    if module in (None, "__main__") or "<locals>" in qualname or "<lambda>" in qualname:
        raise ValueError(
            f"fn must be a function defined at the top level of an importable module, got "
            f"{qualname or fn!r} from {module!r}: processes started with 'spawn' import the "
            "function by module and name (put it in a module of your own, as "
            "torchintro.distributed does)"
        )
    return fn


def _loopback_if_unresolvable() -> None:
    """Make gloo use the loopback interface where the host name does not resolve."""
    try:
        socket.gethostbyname(socket.gethostname())
    except OSError:
        os.environ.setdefault("GLOO_SOCKET_IFNAME", "lo")


def _worker(
    fn: Callable[..., Any],
    rank: int,
    world_size: int,
    init_method: str,
    args: tuple,
    results: Any,
    timeout: float,
) -> None:
    """Run in each process: join the group, call ``fn``, send back its result or traceback.

    The process then leaves at once, with ``os._exit``, once its answer is sent and its
    output flushed: a normal exit would first tear down every module the process
    imported, which takes a Python that imported torch about half a second and gives
    the caller nothing.
    """
    import torch.distributed as dist

    torch.set_num_threads(1)  # one core per process: the processes share the machine
    _loopback_if_unresolvable()
    ok = False
    try:
        dist.init_process_group(
            "gloo",
            init_method=init_method,
            rank=rank,
            world_size=world_size,
            timeout=datetime.timedelta(seconds=timeout),
        )
        results.put((rank, True, fn(rank, world_size, *args)))
        ok = True
    except BaseException:  # noqa: BLE001 - whatever it is, the caller must hear of it
        results.put((rank, False, traceback.format_exc()))
    finally:
        if dist.is_initialized():
            dist.destroy_process_group()
    results.close()
    results.join_thread()  # the answer is in the pipe
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0 if ok else 1)


def _stop(processes: Sequence[multiprocessing.process.BaseProcess]) -> None:
    """End every process still running: ask, then insist."""
    started = [process for process in processes if process.pid is not None]
    for process in started:
        if process.is_alive():
            process.terminate()
    for process in started:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join(5)


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Keep ``spawn`` from running the caller's script again in each new process.

    ``spawn`` re-imports the ``__main__`` module in every child, from its file when it
    has one: a downloaded page run as ``python page.py`` would start its processes again
    from each of them. The functions we run come from importable modules (checked), so
    the children do not need ``__main__``; while they start, it shows no file to import.
    """
    main = sys.modules["__main__"]
    saved = {name: main.__dict__.pop(name) for name in ("__file__",) if name in main.__dict__}
    spec = getattr(main, "__spec__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__spec__ = spec
        main.__dict__.update(saved)


def run_processes(
    fn: Callable[..., Any],
    world_size: int = 2,
    *,
    args: Sequence[Any] = (),
    timeout: float = 60.0,
) -> list[Any]:
    """Call ``fn(rank, world_size, *args)`` in ``world_size`` processes of one gloo group.

    Each process is started with ``spawn``, joins the process group through a ``file://``
    rendezvous in a temporary folder, calls ``fn`` and sends back what it returns (which
    must pickle). ``torch.distributed`` collectives work inside ``fn``.

    Parameters
    ----------
    fn : callable
        A function defined at the top level of an importable module (not in
        ``__main__``, not a lambda or a nested function): ``spawn`` imports it by name.
    world_size : int, default 2
        Number of processes.
    args : sequence, default ()
        Further arguments for ``fn``, after ``rank`` and ``world_size``; they must pickle.
    timeout : float, default 60.0
        Seconds the whole run may take; also the time limit of every collective.

    Returns
    -------
    list
        What ``fn`` returned in each process, in rank order.

    Raises
    ------
    WorkerError
        If ``fn`` raised in a process, or a process died: the message names the rank and
        holds the traceback. The other processes are stopped.
    TimeoutError
        If the processes did not all finish within ``timeout`` seconds; all are stopped.

    Examples
    --------
    >>> from torchintro.distributed import collectives, run_processes
    >>> [result["all_reduce"] for result in run_processes(collectives, 2)]
    [[3.0, 3.0], [3.0, 3.0]]
    >>> run_processes(lambda rank, world_size: rank)
    Traceback (most recent call last):
        ...
    ValueError: fn must be a function defined at the top level of an importable module, ...
    """
    fn = _check_importable(fn)
    world_size = check_positive_int("world_size", world_size)
    timeout = check_positive_float("timeout", timeout)
    if isinstance(args, (str, bytes)) or not isinstance(args, Sequence):
        raise TypeError(f"args must be a sequence of arguments, got {type(args).__name__}")

    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    folder = Path(tempfile.mkdtemp(prefix="torchintro-dist-"))
    init_method = (folder / "rendezvous").as_uri()
    processes = [
        context.Process(
            target=_worker,
            args=(fn, rank, world_size, init_method, tuple(args), results, timeout),
            name=f"torchintro-worker-{rank}",
            daemon=True,  # ended with the caller, whatever happens to it
        )
        for rank in range(world_size)
    ]
    deadline = time.monotonic() + timeout
    returned: dict[int, Any] = {}
    try:
        with _main_module_hidden():
            for process in processes:
                process.start()
        while len(returned) < world_size:
            try:
                rank, ok, value = results.get(timeout=0.2)
            except queue.Empty:
                dead = [
                    rank
                    for rank, process in enumerate(processes)
                    if rank not in returned and process.exitcode not in (None, 0)
                ]
                if dead:
                    exitcode = processes[dead[0]].exitcode
                    message = f"the process ended with exit code {exitcode}"
                    raise WorkerError(dead[0], message) from None
                if time.monotonic() > deadline:
                    missing = sorted(set(range(world_size)) - set(returned))
                    raise TimeoutError(
                        f"run_processes: workers {missing} had not finished after "
                        f"timeout={timeout:g} s"
                    ) from None
                continue
            if not ok:
                raise WorkerError(rank, value)
            returned[rank] = value
        for process in processes:
            process.join(max(deadline - time.monotonic(), 1.0))
    finally:
        _stop(processes)
        results.close()
        shutil.rmtree(folder, ignore_errors=True)
    return [returned[rank] for rank in range(world_size)]


def collectives(rank: int, world_size: int) -> dict[str, list[float]]:
    """Run ``all_reduce``, ``broadcast`` and ``all_gather`` on small tensors; report the values.

    A worker for :func:`run_processes`: each process starts from the tensor
    ``[rank + 1, rank + 1]`` and returns it before and after each collective.

    Parameters
    ----------
    rank : int
        This process's rank.
    world_size : int
        Number of processes in the group.

    Returns
    -------
    dict
        ``"start"``, ``"all_reduce"`` (the sum over ranks, everywhere), ``"broadcast"``
        (rank 0's tensor, everywhere) and ``"all_gather"`` (every rank's tensor, in rank
        order, everywhere), each as a list of floats.
    """
    import torch.distributed as dist

    start = torch.full((2,), float(rank + 1))
    summed = start.clone()
    dist.all_reduce(summed, op=dist.ReduceOp.SUM)  # in place: every rank gets the sum
    shared = start.clone()
    dist.broadcast(shared, src=0)  # in place: every rank gets rank 0's values
    gathered = [torch.empty(2) for _ in range(world_size)]
    dist.all_gather(gathered, start)  # every rank gets every rank's tensor
    return {
        "start": start.tolist(),
        "all_reduce": summed.tolist(),
        "broadcast": shared.tolist(),
        "all_gather": torch.cat(gathered).tolist(),
    }


def train_ddp(
    rank: int,
    world_size: int,
    x: torch.Tensor,
    y: torch.Tensor,
    epochs: int,
    batch_size: int,
    lr: float,
    seed: int,
) -> dict[str, Any]:
    """Train ``nn.Linear`` with ``DistributedDataParallel`` on this rank's shard of ``x, y``.

    A worker for :func:`run_processes`. Every process builds the same model (seeded),
    wraps it in DDP, and trains on the batches its ``DistributedSampler`` gives it
    (``shuffle`` with ``seed``, ``set_epoch`` each epoch), ``batch_size`` examples per
    process and step, with SGD and the mean squared error.

    Parameters
    ----------
    rank, world_size : int
        This process's rank, and the number of processes.
    x, y : torch.Tensor
        All the data, of shapes ``(n, features)`` and ``(n,)``; each process uses its shard.
    epochs, batch_size : int
        Passes over the data, and examples per process and step.
    lr : float
        Learning rate.
    seed : int
        Seed of the model's initial parameters and of the sampler's shuffling.

    Returns
    -------
    dict
        ``"losses"``: this rank's loss at each step; ``"spread"``: after each step, the
        largest difference between this rank's parameters and any other rank's;
        ``"weight"`` and ``"bias"``: the final parameters, as lists.
    """
    import torch.distributed as dist
    from torch import nn
    from torch.nn.parallel import DistributedDataParallel
    from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

    torch.manual_seed(seed)  # the same initial parameters in every process
    model = DistributedDataParallel(nn.Linear(x.shape[1], 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    dataset = TensorDataset(x, y)
    sampler = DistributedSampler(dataset, num_replicas=world_size, rank=rank, seed=seed)
    loader = DataLoader(dataset, batch_size=batch_size, sampler=sampler)
    losses, spread = [], []
    for epoch in range(epochs):
        sampler.set_epoch(epoch)  # a new shuffle each epoch, the same in every process
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb).squeeze(1), yb)
            loss.backward()  # DDP averages the gradients over the processes here
            optimizer.step()
            losses.append(loss.item())
            mine = torch.cat([p.detach().flatten() for p in model.parameters()])
            everyone = [torch.empty_like(mine) for _ in range(world_size)]
            dist.all_gather(everyone, mine)
            spread.append(max((other - mine).abs().max().item() for other in everyone))
    linear = model.module
    return {
        "losses": losses,
        "spread": spread,
        "weight": linear.weight.detach().flatten().tolist(),
        "bias": linear.bias.item(),
    }


def run_torchrun(
    script: str | os.PathLike, nproc_per_node: int = 2, *, timeout: float = 90.0
) -> subprocess.CompletedProcess:
    """Run ``torchrun --standalone --nproc-per-node=N script`` and return the finished run.

    ``torchrun`` is the module ``torch.distributed.run``; it runs here with the Python
    that calls this function, in a subprocess whose output is captured.

    Parameters
    ----------
    script : str or os.PathLike
        The training script to launch.
    nproc_per_node : int, default 2
        Number of processes.
    timeout : float, default 90.0
        Seconds the run may take.

    Returns
    -------
    subprocess.CompletedProcess
        The run, with ``stdout`` and ``stderr`` as text.

    Raises
    ------
    RuntimeError
        If the run fails; the message holds its output. A worker of torch 2.13 can abort
        while shutting down, after its work, printing "terminate called without an active
        exception" (seen in about one build in five here, never in 23 runs by hand): such
        a run is made once more before it counts as failed.
    FileNotFoundError
        If ``script`` does not exist.
    """
    path = Path(script)
    if not path.is_file():
        raise FileNotFoundError(f"script must be an existing file, got {str(script)!r}")
    nproc_per_node = check_positive_int("nproc_per_node", nproc_per_node)
    timeout = check_positive_float("timeout", timeout)
    command = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--standalone",
        f"--nproc-per-node={nproc_per_node}",
        str(path),
    ]
    for _ in range(2):
        run = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        if run.returncode == 0 or SHUTDOWN_ABORT not in run.stderr:
            break
    if run.returncode != 0:
        raise RuntimeError(
            f"torchrun failed with exit code {run.returncode}:\n{run.stdout}\n{run.stderr}"
        )
    return run
