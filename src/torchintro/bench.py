"""Time matrix multiplication on a device, correctly, and sweep sizes across devices.

Timing uses :class:`torch.utils.benchmark.Timer`, which warms up, then runs the
statement in blocks of many calls until enough time has passed, and gives each block's
time per call; we keep the fastest block, the one least disturbed by whatever else the
machine was doing (as :mod:`timeit` advises). The statement ends with a synchronization
of the device: kernels on an accelerator run asynchronously, and without it the clock
would stop when the work was queued, not when it was done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import torch
import torch.utils.benchmark

from torchintro._checks import check_positive_float, check_positive_int
from torchintro.devices import available_devices, select_device, synchronize


@dataclass(frozen=True)
class MatmulTiming:
    """One timed matrix multiplication.

    Parameters
    ----------
    device : str
        The device it ran on, such as ``"cpu"`` or ``"cuda:0"``.
    size : int
        ``n`` of the two ``n x n`` matrices multiplied.
    seconds : float
        Time of one multiplication: the time per call of the fastest block of calls.
    gflops : float
        Billions of floating-point operations per second (``2 n**3 / seconds / 1e9``).
    """

    device: str
    size: int
    seconds: float
    gflops: float


def _fastest(statement: str, device: torch.device, min_run_time: float, **names: object) -> float:
    """Time ``statement`` followed by a synchronization of ``device``.

    Returns the time per call of the fastest of the timer's blocks of calls.
    """
    timer = torch.utils.benchmark.Timer(
        stmt=f"{statement}; synchronize(device)",
        globals={**names, "device": device, "synchronize": synchronize},
        num_threads=torch.get_num_threads(),  # Timer defaults to one thread
    )
    return min(timer.blocked_autorange(min_run_time=min_run_time).times)


def _check_timing(
    size: object, device: str | torch.device | None, min_run_time: object
) -> tuple[int, torch.device, float]:
    """Check the arguments the two timing functions share, and resolve the device."""
    size = check_positive_int("size", size)
    min_run_time = check_positive_float("min_run_time", min_run_time)
    return size, select_device(device), min_run_time


def matmul_gflops(size: int, seconds: float) -> float:
    """Throughput of an ``n x n`` by ``n x n`` matrix multiply that took ``seconds``.

    Multiplying two ``n x n`` matrices takes ``n**3`` multiplications and as many
    additions: ``2 n**3`` floating-point operations.

    Parameters
    ----------
    size : int
        ``n``, the side of the square matrices.
    seconds : float
        Time the multiplication took.

    Returns
    -------
    float
        GFLOP/s, billions of floating-point operations per second.

    Raises
    ------
    ValueError
        If ``size`` or ``seconds`` is not positive.

    Examples
    --------
    >>> from torchintro import matmul_gflops
    >>> matmul_gflops(1000, 0.5)
    4.0
    """
    size = check_positive_int("size", size)
    seconds = check_positive_float("seconds", seconds)
    return 2 * size**3 / seconds / 1e9


def time_matmul(
    size: int,
    device: str | torch.device | None = None,
    *,
    dtype: torch.dtype = torch.float32,
    min_run_time: float = 0.05,
) -> MatmulTiming:
    """Time ``a @ b`` for two random ``size x size`` matrices on ``device``.

    The matrices are created on the device first, so the time is the multiply
    alone, not the copy to the device.

    Parameters
    ----------
    size : int
        Side of the square matrices.
    device : str or torch.device, optional
        Where to run; :func:`~torchintro.select_device` picks when omitted.
    dtype : torch.dtype, default torch.float32
        Element type of the matrices.
    min_run_time : float, default 0.05
        Seconds to keep timing blocks of multiplies before taking the fastest block.

    Returns
    -------
    MatmulTiming
        The device, the size, the time per multiply in seconds and the GFLOP/s.

    Raises
    ------
    ValueError
        If ``size`` or ``min_run_time`` is not positive, or the device is unknown.

    Examples
    --------
    >>> from torchintro import time_matmul
    >>> timing = time_matmul(64, "cpu", min_run_time=0.01)
    >>> timing.device, timing.size, timing.gflops > 0
    ('cpu', 64, True)
    """
    size, device, min_run_time = _check_timing(size, device, min_run_time)
    generator = torch.Generator().manual_seed(0)
    a = torch.randn(size, size, generator=generator, dtype=dtype).to(device)
    b = torch.randn(size, size, generator=generator, dtype=dtype).to(device)
    seconds = _fastest("a @ b", device, min_run_time, a=a, b=b)
    return MatmulTiming(str(device), size, seconds, matmul_gflops(size, seconds))


def sweep_matmul(
    sizes: Iterable[int],
    devices: Iterable[str | torch.device] | None = None,
    *,
    min_run_time: float = 0.05,
) -> list[MatmulTiming]:
    """Time matrix multiplies for every size on every device.

    Parameters
    ----------
    sizes : iterable of int
        Matrix sides to try.
    devices : iterable of str or torch.device, optional
        Devices to compare; every device of :func:`~torchintro.available_devices`
        when omitted.
    min_run_time : float, default 0.05
        Passed on to :func:`time_matmul`.

    Returns
    -------
    list of MatmulTiming
        One per device and size, devices in the outer loop.

    Raises
    ------
    TypeError
        If ``devices`` is a single device rather than a list of them.
    ValueError
        If ``sizes`` or ``devices`` is empty, ``sizes`` holds a non-positive size,
        or ``devices`` names a device this machine lacks.

    Examples
    --------
    >>> from torchintro import sweep_matmul
    >>> table = sweep_matmul([16, 32], ["cpu"], min_run_time=0.01)
    >>> [(row.device, row.size) for row in table]
    [('cpu', 16), ('cpu', 32)]
    """
    sizes = [check_positive_int(f"sizes[{i}]", size) for i, size in enumerate(sizes)]
    if not sizes:
        raise ValueError("sizes must hold at least one matrix size, got an empty sequence")
    if isinstance(devices, (str, torch.device)):
        # A string is iterable: without this, "cpu" would be swept as "c", "p", "u".
        raise TypeError(f"devices must be a list of devices such as ['cpu'], got {devices!r}")
    devices = available_devices() if devices is None else [select_device(d) for d in devices]
    if not devices:
        raise ValueError("devices must hold at least one device, got an empty sequence")
    return [time_matmul(size, d, min_run_time=min_run_time) for d in devices for size in sizes]


@dataclass(frozen=True)
class CopyTiming:
    """One timed copy from the CPU's memory to a device.

    Parameters
    ----------
    device : str
        The device copied to, such as ``"cuda:0"``.
    megabytes : float
        Size of the copied tensor in MB (10**6 bytes).
    seconds : float
        Time of one copy: the time per call of the fastest block of calls.
    gigabytes_per_second : float
        The copy's bandwidth.
    """

    device: str
    megabytes: float
    seconds: float
    gigabytes_per_second: float


def time_copy_to_device(
    size: int, device: str | torch.device, *, min_run_time: float = 0.05
) -> CopyTiming:
    """Time copying a ``size x size`` float32 matrix from the CPU to ``device``.

    Data usually starts in the CPU's memory; before an accelerator can use it, it
    crosses to the device's memory. This measures that crossing, synchronized.

    Parameters
    ----------
    size : int
        Side of the square matrix.
    device : str or torch.device
        The device to copy to; copying to ``"cpu"`` is a plain memory copy.
    min_run_time : float, default 0.05
        Seconds to keep timing blocks of copies before taking the fastest block.

    Returns
    -------
    CopyTiming
        The device, the size in MB, the time per copy and the bandwidth.

    Raises
    ------
    ValueError
        If ``size`` or ``min_run_time`` is not positive, or the device is unknown.

    Examples
    --------
    >>> from torchintro import time_copy_to_device
    >>> timing = time_copy_to_device(256, "cpu", min_run_time=0.01)
    >>> timing.device, timing.megabytes, timing.gigabytes_per_second > 0
    ('cpu', 0.262144, True)
    """
    size, device, min_run_time = _check_timing(size, device, min_run_time)
    host = torch.randn(size, size, generator=torch.Generator().manual_seed(0))
    # copy=True: to the CPU, .to() would otherwise hand back host itself.
    seconds = _fastest("host.to(device, copy=True)", device, min_run_time, host=host)
    megabytes = host.numel() * host.element_size() / 1e6
    return CopyTiming(str(device), megabytes, seconds, megabytes / 1e3 / seconds)
