"""
Launching for real: ``torchrun``
================================

The previous pages started their processes from Python. Real jobs are launched with
``torchrun``, PyTorch's launcher, which starts one process per device, tells each its
rank, restarts them if asked, and works the same on one machine or many. This page
runs a complete data-parallel training script with ``torchrun`` and shows what it
printed; then it says what changes for several machines and for GPUs.
"""

# %%
# The script
# ----------
# A script for ``torchrun`` is an ordinary Python program whose processes call
# ``init_process_group`` without a rank or an address: ``torchrun`` sets them in
# environment variables (``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK``, ``MASTER_ADDR``,
# ``MASTER_PORT``), where ``init_process_group`` finds them. This one is
# ``torchintro/torchrun_example.py``; it trains the line of the previous page for 20
# epochs. Only rank 0 prints, after gathering every rank's results with
# ``all_gather_object``: output from several processes would come out in any order.
from pathlib import Path

from torchintro import torchrun_example

script = Path(torchrun_example.__file__)
print(script.read_text())

# %%
# Running it
# ----------
# On a command line, in the script's folder::
#
#     torchrun --standalone --nproc-per-node=2 torchrun_example.py
#
# ``--standalone`` runs the job on this machine alone, with a free port for the
# processes to meet; ``--nproc-per-node=2`` starts two processes. ``torchrun`` is the
# ``torch.distributed.run`` module: :func:`torchintro.distributed.run_torchrun` runs it
# as ``python -m torch.distributed.run`` with the Python running this page, in a
# subprocess with a time limit, and returns what it printed:
from torchintro.distributed import run_torchrun

run = run_torchrun(script, nproc_per_node=2, timeout=90)
print("python", " ".join(run.args[1:]).replace(str(script), script.name))
print(run.stdout)
# sphinx_gallery_start_ignore
lines = run.stdout.splitlines()
assert lines[0] == "2 processes, 20 epochs, 4 steps per epoch"
weights = {line.split(", ")[0].split()[-1] for line in lines[1:3]}
assert len(weights) == 1  # both ranks hold the same weight
assert abs(float(weights.pop()) - 3) < 0.1
biases = {line.split(", ")[1].split()[-1] for line in lines[1:3]}
assert len(biases) == 1
assert abs(float(biases.pop()) + 2) < 0.1  # close to the true intercept too
# sphinx_gallery_end_ignore

# %%
# Both ranks end with the same parameters, close to the true line
# :math:`y = 3x - 2`, while their last losses differ: each is the loss on that rank's
# own last batch. ``torchrun`` also writes to the error stream, which the page keeps
# out of the output above; where ``OMP_NUM_THREADS`` is not set, a note that it sets it
# to 1 in every process, so that the processes do not all start one thread per core:
notes = [line for line in run.stderr.splitlines() if "OMP_NUM_THREADS" in line]
print(notes[0] if notes else "(no note: OMP_NUM_THREADS was set already)")

# %%
# Several machines
# ----------------
# On several machines, ``torchrun`` runs once on each, with the same rendezvous
# endpoint, a host and port all machines can reach, instead of ``--standalone``::
#
#     torchrun --nnodes=2 --nproc-per-node=4 --rdzv-backend=c10d \
#              --rdzv-endpoint=host0.example.com:29400 --rdzv-id=job42 train.py
#
# ``--nnodes`` is the number of machines; ``WORLD_SIZE`` becomes nodes times processes
# per node, ``RANK`` is unique across all of them, and ``LOCAL_RANK`` counts the
# processes of one machine. The script does not change.
#
# GPUs
# ----
# On GPUs, run one process per GPU and make three changes to the script:
#
# - the ``nccl`` backend, NVIDIA's library for exchanging tensors between GPUs, instead
#   of ``gloo``: ``init_process_group("nccl")``;
# - each process uses the GPU numbered by its ``LOCAL_RANK``:
#   ``torch.cuda.set_device(local_rank)``, and moves the model and every batch there;
# - ``DistributedDataParallel(model, device_ids=[local_rank])``.
#
# To read next, in PyTorch's documentation: "Getting Started with Distributed Data
# Parallel" and "Multi GPU training with DDP" (tutorials), "torchrun (Elastic Launch)"
# and "Distributed communication package - torch.distributed" (reference). For models
# too large for one device, "Getting Started with Fully Sharded Data Parallel (FSDP2)".
#
# What we learned
# ---------------
# - ``torchrun --standalone --nproc-per-node=N script.py`` starts ``N`` processes and
#   passes them their rank and the group's size; the script calls
#   ``init_process_group`` without them.
# - Print (and save checkpoints) from rank 0 only.
# - Several machines: ``--nnodes`` and a rendezvous endpoint. GPUs: ``nccl``, one
#   process per GPU, ``device_ids=[local_rank]``.
#
# Next: :ref:`sphx_glr_auto_examples_06_distributed_plot_04_ddp_exercises.py`.
