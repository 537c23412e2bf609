"""Walk a tensor's autograd graph into plain data, and draw it with matplotlib.

Every tensor computed from one that requires grad carries ``grad_fn``: the node
of the graph that will run backwards through the operation that made it. Each
node's ``next_functions`` points at the nodes of its inputs; a leaf tensor that
requires grad appears as an ``AccumulateGrad`` node, which adds the incoming
gradient to the leaf's ``.grad``; an input that needs no gradient appears as
``None``, a dead end that backward skips.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import torch

if TYPE_CHECKING:
    from matplotlib.axes import Axes

NodeKind = Literal["operation", "leaf", "constant"]

_FILL = {"operation": "#fdd9a0", "leaf": "#b9d7f7", "constant": "#dddddd"}
_EDGE = {"operation": "#a05a00", "leaf": "#1f5fa8", "constant": "#666666"}


@dataclass(frozen=True)
class GraphNode:
    """One node of an autograd graph.

    Parameters
    ----------
    index : int
        Position in ``ComputationGraph.nodes``; the output's node is 0.
    function : str
        The autograd function's class name, such as ``"MulBackward0"`` or
        ``"AccumulateGrad"``; ``"None"`` for an input that needs no gradient.
    kind : {"operation", "leaf", "constant"}
        An operation's backward function, a leaf tensor that requires grad, or an
        input that requires no grad.
    name : str or None
        The name given to this node's tensor in ``names``, if any.
    shape : tuple of int or None
        The leaf tensor's shape (leaves only).
    grad : torch.Tensor or None
        A copy of the leaf's ``.grad`` when the graph was traced (leaves only).
    """

    index: int
    function: str
    kind: NodeKind
    name: str | None = None
    shape: tuple[int, ...] | None = None
    grad: torch.Tensor | None = None

    @property
    def requires_grad(self) -> bool:
        """Whether gradients flow into this node (every node but a constant)."""
        return self.kind != "constant"


@dataclass(frozen=True)
class ComputationGraph:
    """An autograd graph as plain data.

    Parameters
    ----------
    nodes : tuple of GraphNode
        The nodes, the output's first, then in breadth-first order towards the leaves.
    edges : tuple of (int, int)
        ``(input, consumer)`` pairs of node indices, in the forward direction:
        the gradient flows from ``consumer`` back to ``input``.
    """

    nodes: tuple[GraphNode, ...]
    edges: tuple[tuple[int, int], ...]

    @property
    def leaves(self) -> tuple[GraphNode, ...]:
        """The leaf tensors that require grad: where ``backward()`` stores gradients."""
        return tuple(node for node in self.nodes if node.kind == "leaf")

    def depths(self) -> list[int]:
        """Count the steps from each node to the output, along the longest path.

        Returns
        -------
        list of int
            One depth per node, in the order of ``nodes``; the output's is 0.
        """
        depth = [0] * len(self.nodes)
        changed = True
        while changed:  # the graph is acyclic, so this settles within len(nodes) passes
            changed = False
            for source, target in self.edges:
                if depth[source] < depth[target] + 1:
                    depth[source] = depth[target] + 1
                    changed = True
        return depth


def trace_graph(
    output: torch.Tensor, names: Mapping[str, torch.Tensor] | None = None
) -> ComputationGraph:
    """Walk the autograd graph that produced ``output``, from ``output.grad_fn`` to its leaves.

    Parameters
    ----------
    output : torch.Tensor
        A tensor computed from at least one tensor that requires grad.
    names : mapping of str to torch.Tensor, optional
        Names for tensors of the graph (leaves, intermediates or the output), used
        as labels: pass ``{"x": x, "y": y}``.

    Returns
    -------
    ComputationGraph
        The nodes and edges, the output's node first.

    Raises
    ------
    TypeError
        If ``output`` or a value of ``names`` is not a tensor.
    ValueError
        If ``output`` has no graph (``output.grad_fn`` is ``None``).

    Examples
    --------
    >>> import torch
    >>> from torchintro import trace_graph
    >>> a = torch.tensor(2.0, requires_grad=True)
    >>> b = torch.tensor(3.0)
    >>> graph = trace_graph(a * b, names={"a": a})
    >>> [(node.function, node.kind, node.name) for node in graph.nodes]
    [('MulBackward0', 'operation', None), ('AccumulateGrad', 'leaf', 'a'), ('None', 'constant', None)]
    >>> graph.edges
    ((1, 0), (2, 0))
    >>> trace_graph(b)
    Traceback (most recent call last):
    ...
    ValueError: output has no autograd graph (output.grad_fn is None): ...
    """
    if not isinstance(output, torch.Tensor):
        raise TypeError(f"output must be a torch.Tensor, got {type(output).__name__}")
    if output.grad_fn is None:
        raise ValueError(
            "output has no autograd graph (output.grad_fn is None): it is a leaf tensor, or "
            "was computed from tensors that do not require grad or under torch.no_grad()"
        )
    label_of_leaf: dict[int, str] = {}
    label_of_function: dict[int, str] = {}
    for label, tensor in (names or {}).items():
        if not isinstance(tensor, torch.Tensor):
            raise TypeError(f"names[{label!r}] must be a torch.Tensor, got {type(tensor).__name__}")
        if tensor.grad_fn is not None:
            label_of_function[id(tensor.grad_fn)] = label
        else:
            label_of_leaf[id(tensor)] = label

    nodes: list[GraphNode] = []
    edges: list[tuple[int, int]] = []
    index_of: dict[int, int] = {}
    queue = [output.grad_fn]
    keep_alive = [output.grad_fn]  # ids stay unique only while the objects live

    def add(function: object, kind: NodeKind, **fields: object) -> int:
        function_name = "None" if function is None else type(function).__name__
        nodes.append(GraphNode(len(nodes), function_name, kind, **fields))  # type: ignore[arg-type]
        return len(nodes) - 1

    index_of[id(output.grad_fn)] = add(
        output.grad_fn, "operation", name=label_of_function.get(id(output.grad_fn))
    )
    while queue:
        function = queue.pop(0)
        consumer = index_of[id(function)]
        for parent, _ in function.next_functions:
            if parent is None:
                edges.append((add(None, "constant"), consumer))
                continue
            if id(parent) not in index_of:
                keep_alive.append(parent)
                if hasattr(parent, "variable"):
                    leaf = parent.variable
                    grad = None if leaf.grad is None else leaf.grad.detach().clone()
                    index_of[id(parent)] = add(
                        parent,
                        "leaf",
                        name=label_of_leaf.get(id(leaf)),
                        shape=tuple(leaf.shape),
                        grad=grad,
                    )
                else:
                    index_of[id(parent)] = add(
                        parent, "operation", name=label_of_function.get(id(parent))
                    )
                    queue.append(parent)
            edges.append((index_of[id(parent)], consumer))
    return ComputationGraph(tuple(nodes), tuple(edges))


def _format_grad(grad: torch.Tensor | None) -> str:
    if grad is None:
        return "grad: None"
    values = grad.flatten()
    if values.numel() > 0 and bool((values == values[0]).all()):
        return (
            f"grad: all {values[0].item():g}"
            if values.numel() > 1
            else f"grad: {values[0].item():g}"
        )
    return f"grad: shape {tuple(grad.shape)}"


def _mean_consumer_slot(
    index: int, edges: tuple[tuple[int, int], ...], slot: Mapping[int, float]
) -> float:
    slots = [slot[target] for source, target in edges if source == index]
    return sum(slots) / len(slots) if slots else 0.0


def _label(node: GraphNode, show_grad: bool, direction: str) -> str:
    if node.kind == "constant":
        return "constant\n(no grad)"
    lines = [node.name] if node.name else []
    if node.kind == "leaf" and direction == "forward":
        # AccumulateGrad only acts in the backward pass: forwards, a leaf is a tensor.
        lines.append(f"leaf · shape {node.shape}")
    elif node.kind == "leaf":
        lines += [node.function, f"shape {node.shape}"]
    else:
        lines.append(node.function)
    if node.kind == "leaf" and show_grad:
        lines.append(_format_grad(node.grad))
    return "\n".join(lines)


def draw_graph(
    graph: ComputationGraph,
    ax: Axes | None = None,
    *,
    direction: Literal["forward", "backward"] = "forward",
    show_grad: bool = False,
    orientation: Literal["horizontal", "vertical"] = "horizontal",
) -> Axes:
    r"""Draw an autograd graph in layers, from the leaves to the output.

    Operations are orange boxes labelled with their backward function, leaves blue
    boxes and constants (inputs that need no gradient, which autograd records only
    as ``None``) grey boxes reading "constant (no grad)". Drawn forwards, a leaf reads
    "leaf · shape ..."; drawn backwards, it names its ``AccumulateGrad`` node, which
    stores the gradient in ``.grad``. Drawn backwards, the edges to constants are
    dashed lines without arrowheads: no gradient flows to them.

    Parameters
    ----------
    graph : ComputationGraph
        A graph from :func:`trace_graph`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure sized to the graph if omitted.
    direction : {"forward", "backward"}, default "forward"
        Point the arrows the way the forward pass computes, or the way
        ``backward()`` sends gradients (then edges to constants are dashed, without
        arrowheads).
    show_grad : bool, default False
        Write each leaf's ``.grad`` (as traced) into its box.
    orientation : {"horizontal", "vertical"}, default "horizontal"
        Leaves on the left and the output on the right, or leaves at the top and
        the output at the bottom (narrower, for deep graphs on narrow pages).

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on, with the axis frame turned off.

    Raises
    ------
    TypeError
        If ``graph`` is not a :class:`ComputationGraph`.
    ValueError
        If ``direction`` is not ``"forward"`` or ``"backward"``, or ``orientation``
        is not ``"horizontal"`` or ``"vertical"``.

    Examples
    --------
    >>> import torch
    >>> from torchintro import draw_graph, trace_graph
    >>> x = torch.ones(2, requires_grad=True)
    >>> ax = draw_graph(trace_graph((x * x).sum(), names={"x": x}))
    >>> [text.get_text().splitlines()[0] for text in ax.texts if text.get_text()]
    ['SumBackward0', 'MulBackward0', 'x']
    >>> ax.texts[2].get_text()
    'x\nleaf · shape (2,)'
    >>> ax = draw_graph(trace_graph((x * 2).sum(), names={"x": x}), direction="backward")
    >>> [text.get_text() for text in ax.texts if text.get_text()][2:]
    ['x\nAccumulateGrad\nshape (2,)', 'constant\n(no grad)']
    >>> [arrow.arrowprops["arrowstyle"] for arrow in ax.texts if not arrow.get_text()]
    ['-|>', '-|>', '-']
    >>> ax = draw_graph(trace_graph((x * x).sum()), orientation="vertical")
    >>> [text.get_position()[1] for text in ax.texts if text.get_text()]  # output lowest
    [0, 1, 2]
    """
    import matplotlib.pyplot as plt

    if not isinstance(graph, ComputationGraph):
        raise TypeError(f"graph must be a ComputationGraph, got {type(graph).__name__}")
    if direction not in ("forward", "backward"):
        raise ValueError(f"direction must be 'forward' or 'backward', got {direction!r}")
    if orientation not in ("horizontal", "vertical"):
        raise ValueError(f"orientation must be 'horizontal' or 'vertical', got {orientation!r}")
    depth = graph.depths()
    n_layers = max(depth) + 1
    layers: list[list[int]] = [[] for _ in range(n_layers)]
    for node in graph.nodes:
        layers[depth[node.index]].append(node.index)
    widest = max(len(layer) for layer in layers)
    vertical = orientation == "vertical"
    if ax is None:
        figsize = (
            (1.8 * widest + 0.8, 1.1 * n_layers + 0.5)
            if vertical
            else (2.3 * n_layers + 0.5, 1.25 * widest + 0.9)
        )
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    # A node's slot is its place across its layer, centred on 0.
    slot: dict[int, float] = {}
    for layer in layers:
        # Order each layer by the mean slot of the nodes it feeds (placed already, as
        # they lie nearer the output), which keeps most arrows from crossing.
        layer.sort(key=lambda index: _mean_consumer_slot(index, graph.edges, slot))
        for row, index in enumerate(layer):
            slot[index] = row - (len(layer) - 1) / 2
    position = {
        index: (slot[index], depth[index])
        if vertical
        else (n_layers - 1 - depth[index], -slot[index])
        for index in slot
    }
    boxes = {}
    for node in graph.nodes:
        boxes[node.index] = ax.text(
            *position[node.index],
            _label(node, show_grad, direction),
            ha="center",
            va="center",
            fontsize=9,
            color="black",
            bbox={
                "boxstyle": "round,pad=0.5",
                "facecolor": _FILL[node.kind],
                "edgecolor": _EDGE[node.kind],
            },
        )
    multiplicity = Counter(graph.edges)
    drawn: Counter[tuple[int, int]] = Counter()
    for source, target in graph.edges:
        start, end = (source, target) if direction == "forward" else (target, source)
        # An input used twice (``y * y``) has two edges to one consumer: bend them
        # apart so both arrows show.
        bend = 0.3 * (drawn[source, target] - (multiplicity[source, target] - 1) / 2)
        drawn[source, target] += 1
        # Backwards, no gradient flows to a constant: a plain dashed line, no arrow.
        dead_end = direction == "backward" and "constant" in (
            graph.nodes[source].kind,
            graph.nodes[target].kind,
        )
        ax.annotate(
            "",
            xy=(0.5, 0.5),
            xycoords=boxes[end],
            xytext=(0.5, 0.5),
            textcoords=boxes[start],
            arrowprops={
                "arrowstyle": "-" if dead_end else "-|>",
                "linestyle": "--" if dead_end else "-",
                # A mid grey reads on the light page and on the dark one alike.
                "color": "#808080",
                "linewidth": 1.3,
                "patchA": boxes[start].get_bbox_patch(),
                "patchB": boxes[end].get_bbox_patch(),
                "shrinkA": 2,
                "shrinkB": 2,
                "connectionstyle": f"arc3,rad={bend}",
            },
        )
    across, along = (-widest / 2, widest / 2), (-0.6, n_layers - 0.4)
    if vertical:
        ax.set(xlim=across, ylim=along)
    else:
        ax.set(xlim=along, ylim=across)
    ax.set_axis_off()
    return ax
