"""Data-parallel training of a line, as a script for ``torchrun``.

Run it with two processes on this machine::

    torchrun --standalone --nproc-per-node=2 torchrun_example.py

``torchrun`` starts the processes and gives each its rank and the group's size in
environment variables (``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK``, ``MASTER_ADDR``,
``MASTER_PORT``), which ``init_process_group`` reads. Everything else is plain PyTorch:
the same data in every process (seeded), a ``DistributedSampler`` shard each, the model
wrapped in ``DistributedDataParallel``. Only rank 0 prints, so that the output does not
depend on which process writes first.
"""

import datetime

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset


def main(epochs: int = 20, batch_size: int = 8, lr: float = 0.1) -> None:
    """Train in this process as one rank of the group ``torchrun`` started; rank 0 prints."""
    dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=30))
    rank, world_size = dist.get_rank(), dist.get_world_size()

    generator = torch.Generator().manual_seed(0)  # the same 64 points in every process
    x = torch.rand(64, 1, generator=generator) * 2 - 1
    y = 3 * x[:, 0] - 2 + 0.5 * torch.randn(64, generator=generator)
    dataset = TensorDataset(x, y)
    sampler = DistributedSampler(dataset, seed=0)  # rank and size from the process group
    loader = DataLoader(dataset, batch_size=batch_size, sampler=sampler)

    torch.manual_seed(0)  # the same initial parameters in every process
    model = DistributedDataParallel(nn.Linear(1, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for epoch in range(epochs):
        sampler.set_epoch(epoch)
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb).squeeze(1), yb)
            loss.backward()
            optimizer.step()

    # Collect every rank's parameters and last loss in rank 0, which prints them.
    mine = (model.module.weight.item(), model.module.bias.item(), loss.item())
    everyone = [None] * world_size
    dist.all_gather_object(everyone, mine)
    if rank == 0:
        print(f"{world_size} processes, {epochs} epochs, {len(loader)} steps per epoch")
        for other, (weight, bias, last_loss) in enumerate(everyone):
            print(f"rank {other}: weight {weight:.4f}, bias {bias:.4f}, last loss {last_loss:.4f}")
    # Shut down in order: every rank done with its collectives, DDP (which holds the
    # process group) gone, then the group itself.
    dist.barrier()
    del model, optimizer
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
