"""Choose, describe and synchronize the device that tensors live on.

PyTorch's device-agnostic API is :mod:`torch.accelerator`: it answers for CUDA,
ROCm, Apple's MPS, Intel's XPU and the rest alike, so nothing here is CUDA-only.
"""

from __future__ import annotations

import os
import platform

import torch

DEVICE_ENV_VAR = "TORCHINTRO_DEVICE"
"""Name of the environment variable that overrides the automatic device choice."""


def _current_accelerator() -> torch.device | None:
    """Return the accelerator torch would use, or None; the calls exist since torch 2.6."""
    if torch.accelerator.is_available():
        return torch.accelerator.current_accelerator()
    return None


def _total_memory(device: torch.device, index: int) -> int | None:
    """Return the device's total memory in bytes, where this torch can tell."""
    try:
        if hasattr(torch.accelerator, "get_memory_info"):  # torch >= 2.9
            return torch.accelerator.get_memory_info(index)[1]
        if device.type == "cuda":
            return torch.cuda.mem_get_info(index)[1]
    except (RuntimeError, NotImplementedError):
        pass
    return None


def available_devices() -> list[torch.device]:
    """List the devices this machine can compute on: the CPU, then each accelerator.

    Returns
    -------
    list of torch.device
        ``cpu`` first, then one entry per accelerator index, if there is an accelerator.

    Examples
    --------
    >>> from torchintro import available_devices
    >>> available_devices()[0]
    device(type='cpu')
    """
    devices = [torch.device("cpu")]
    accelerator = _current_accelerator()
    if accelerator is not None:
        count = torch.accelerator.device_count()
        devices += [torch.device(accelerator.type, index) for index in range(count)]
    return devices


def select_device(device: str | torch.device | None = None) -> torch.device:
    """Pick the device to compute on.

    The choice, first match wins: the ``device`` argument; the environment variable
    ``TORCHINTRO_DEVICE``; the current accelerator (``torch.accelerator``); the CPU.

    Parameters
    ----------
    device : str or torch.device, optional
        A device to use instead of the automatic choice, such as ``"cpu"``,
        ``"cuda"``, ``"cuda:1"`` or ``"mps"``.

    Returns
    -------
    torch.device
        A device that exists on this machine.

    Raises
    ------
    TypeError
        If ``device`` is neither a string, a ``torch.device`` nor ``None``.
    ValueError
        If the requested device name is not a device type PyTorch knows, or names
        a device this machine does not have.

    Examples
    --------
    >>> from torchintro import select_device
    >>> select_device("cpu")
    device(type='cpu')
    >>> select_device("abacus")
    Traceback (most recent call last):
    ...
    ValueError: device must name a PyTorch device such as 'cpu' or 'cuda:0', got 'abacus'
    """
    source = "device"
    if device is None and os.environ.get(DEVICE_ENV_VAR):
        device, source = os.environ[DEVICE_ENV_VAR], DEVICE_ENV_VAR
    if device is None:
        accelerator = _current_accelerator()
        return accelerator if accelerator is not None else torch.device("cpu")
    if not isinstance(device, (str, torch.device)):
        raise TypeError(f"{source} must be a str or torch.device, got {type(device).__name__}")
    try:
        chosen = torch.device(device)
    except RuntimeError:
        raise ValueError(
            f"{source} must name a PyTorch device such as 'cpu' or 'cuda:0', got {device!r}"
        ) from None
    if chosen.type == "cpu":
        return chosen
    present = [d for d in available_devices() if d.type == chosen.type]
    if not present or (chosen.index is not None and chosen.index >= len(present)):
        names = ", ".join(str(d) for d in available_devices())
        raise ValueError(
            f"{source} is {device!r}, but this machine has no such device (available: {names})"
        )
    return chosen


def describe_device(device: str | torch.device) -> str:
    """Describe a device in one line: its name, its type and its memory where known.

    Parameters
    ----------
    device : str or torch.device
        The device to describe.

    Returns
    -------
    str
        For an accelerator, its product name, the device and its total memory;
        for the CPU, the processor architecture and the number of threads torch uses.

    Examples
    --------
    >>> from torchintro import describe_device
    >>> describe_device("cpu")  # doctest: +ELLIPSIS
    'CPU (cpu, ..., ... threads)'
    """
    device = select_device(device)
    if device.type == "cpu":
        return f"CPU (cpu, {platform.machine()}, {torch.get_num_threads()} threads)"
    index = device.index if device.index is not None else torch.accelerator.current_device_index()
    name = device.type.upper()
    if device.type == "cuda":
        name = torch.cuda.get_device_name(index)
    total = _total_memory(device, index)
    memory = "" if total is None else f", {total / 2**30:.1f} GiB"
    return f"{name} ({device.type}:{index}{memory})"


def synchronize(device: str | torch.device) -> None:
    """Wait until every operation queued on ``device`` has finished.

    Accelerators run kernels asynchronously: a call returns as soon as the work is
    queued. Time a computation only after synchronizing, or you time the queueing.
    On the CPU, work is already finished when a call returns, so this does nothing.

    Parameters
    ----------
    device : str or torch.device
        The device to wait for.

    Examples
    --------
    >>> import torch
    >>> from torchintro import synchronize
    >>> y = torch.ones(3) * 2
    >>> synchronize("cpu")
    >>> y
    tensor([2., 2., 2.])
    """
    device = select_device(device)
    if device.type != "cpu":
        torch.accelerator.synchronize(device)
