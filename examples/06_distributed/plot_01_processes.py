"""
Processes that talk
===================

To train on several GPUs, or several machines, PyTorch runs one *process* per device
and lets the processes exchange tensors through ``torch.distributed``. This page starts
two processes on this machine's CPU, joins them into a *process group*, and runs the
three collective operations data-parallel training is built from.
"""

# %%
# A process group
# ---------------
# Every process calls ``torch.distributed.init_process_group`` with the same
# ``world_size`` (how many processes there are) and its own ``rank`` (0, 1, ...), and
# a way to find the others. The *backend* carries the tensors: ``gloo`` for CPUs,
# ``nccl`` for NVIDIA GPUs. In plain PyTorch a two-process program looks like this
# (it is not run on this page; the next section runs the same thing):
#
# .. code-block:: python
#
#    import torch.distributed as dist
#    import torch.multiprocessing as mp
#
#
#    def main(rank, world_size):
#        dist.init_process_group(
#            "gloo", init_method="file:///tmp/rendezvous", rank=rank, world_size=world_size
#        )
#        ...  # the work: collectives, or training with DistributedDataParallel
#        dist.destroy_process_group()
#
#
#    if __name__ == "__main__":
#        mp.spawn(main, args=(2,), nprocs=2)  # calls main(rank, 2) in 2 new processes
#
# ``mp.spawn`` starts the processes with the ``spawn`` method: each is a fresh Python
# that imports ``main`` from its module. That is why the function must live in a file
# that can be imported, not in a notebook cell. The ``file://`` *init method* is a
# file the processes use to find each other; it must not be left over from an earlier
# run (PyTorch removes it when a run ends cleanly, not after a crash), so a new path for
# each run is safest. Between machines it would be a ``tcp://host:port`` address.
#
# Running it from a page
# ----------------------
# :func:`torchintro.distributed.run_processes` does what that program does, and hands
# back what each process's function returns: output a process prints does not reach
# this page (or a notebook), so the results travel back through a queue. It also puts
# a time limit on everything and stops all processes if one fails. The function each
# process runs is :func:`torchintro.distributed.collectives`; here is its code:
import inspect

from torchintro.distributed import collectives, run_processes

source = inspect.getsource(collectives)
signature, docstring, body = source.split('"""', 2)
print(signature.rstrip() + body)

# %%
# Each process starts from a tensor holding its rank plus one: ``[1., 1.]`` in rank 0,
# ``[2., 2.]`` in rank 1. Then:
#
# - ``all_reduce`` replaces each process's tensor by the sum over all processes;
# - ``broadcast`` replaces it by the tensor of one process, here rank 0;
# - ``all_gather`` gives every process the list of every process's tensor.
#
# All three are *collective*: every process of the group must call them, and each
# call waits for the others.
results = run_processes(collectives, world_size=2, timeout=60)
for rank, result in enumerate(results):
    print(f"rank {rank}:")
    for name, values in result.items():
        print(f"  {name:<10} {values}")
# sphinx_gallery_start_ignore
assert results[0]["start"] == [1.0, 1.0]
assert results[1]["start"] == [2.0, 2.0]
for result in results:
    assert result["all_reduce"] == [3.0, 3.0]
    assert result["broadcast"] == [1.0, 1.0]
    assert result["all_gather"] == [1.0, 1.0, 2.0, 2.0]
# sphinx_gallery_end_ignore

# %%
# After ``all_reduce`` both processes hold ``[3., 3.]``, the sum of ``[1., 1.]`` and
# ``[2., 2.]``; after ``broadcast`` both hold rank 0's ``[1., 1.]``; ``all_gather``
# gives both the two tensors in rank order. The next page uses ``all_reduce`` for what
# it is mostly used for: averaging gradients.
#
# What we learned
# ---------------
# - A distributed job is several processes, each with a ``rank`` in a group of
#   ``world_size``, joined by ``init_process_group`` with a backend (``gloo`` on CPUs,
#   ``nccl`` on NVIDIA GPUs).
# - Collectives (``all_reduce``, ``broadcast``, ``all_gather``) are called by every
#   process and exchange tensors between all of them.
# - Processes are started with ``spawn``: the function they run must be importable.
#
# Next: :ref:`sphx_glr_auto_examples_06_distributed_plot_02_ddp.py`.
