"""Tracing autograd graphs into plain data, and drawing them."""

import pytest
import torch
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.text import Annotation

from torchintro import ComputationGraph, GraphNode, draw_graph, trace_graph


def worked_example():
    """The seed notebook's example: y = x + 5, z = y * y + 1, t = z.sum()."""
    x = torch.ones(3, 2, requires_grad=True)
    y = x + 5
    z = y * y + 1
    t = z.sum()
    return x, y, z, t


def boxes_and_arrows(ax):
    arrows = [text for text in ax.texts if isinstance(text, Annotation)]
    boxes = [text for text in ax.texts if not isinstance(text, Annotation)]
    return boxes, arrows


# --- trace_graph: structure ----------------------------------------------------------------


def test_trace_of_the_worked_example():
    *_, t = worked_example()
    graph = trace_graph(t)
    assert [(node.function, node.kind) for node in graph.nodes] == [
        ("SumBackward0", "operation"),  # t = z.sum()
        ("AddBackward0", "operation"),  # z = (y * y) + 1
        ("MulBackward0", "operation"),  # y * y
        ("None", "constant"),  # the 1
        ("AddBackward0", "operation"),  # y = x + 5
        ("AccumulateGrad", "leaf"),  # x
        ("None", "constant"),  # the 5
    ]
    # y * y feeds y's node into the multiply twice: one edge per input.
    assert graph.edges == ((1, 0), (2, 1), (3, 1), (4, 2), (4, 2), (5, 4), (6, 4))
    assert [node.index for node in graph.nodes] == list(range(7))
    assert graph.depths() == [0, 1, 2, 2, 3, 4, 4]


def test_leaves_carry_their_shape_and_only_they_do():
    *_, t = worked_example()
    graph = trace_graph(t)
    (leaf,) = graph.leaves
    assert leaf.function == "AccumulateGrad"
    assert leaf.shape == (3, 2)
    assert all(node.shape is None for node in graph.nodes if node.kind != "leaf")


def test_a_leaf_used_twice_appears_once():
    a = torch.tensor([0.5, 1.0], requires_grad=True)
    graph = trace_graph((a.sin() + a.exp() * a).sum())
    assert len(graph.leaves) == 1
    leaf = graph.leaves[0].index
    consumers = sorted(
        graph.nodes[target].function for source, target in graph.edges if source == leaf
    )
    assert consumers == ["ExpBackward0", "MulBackward0", "SinBackward0"]


def test_inputs_without_grad_are_constant_nodes():
    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0)
    graph = trace_graph(a * b, names={"a": a, "b": b})
    constant = graph.nodes[2]
    assert (constant.function, constant.kind) == ("None", "constant")
    assert constant.name is None  # b has no node of its own to name
    assert constant.shape is None
    assert constant.grad is None
    assert not constant.requires_grad
    assert graph.nodes[1].requires_grad
    assert graph.nodes[0].requires_grad
    assert graph.edges == ((1, 0), (2, 0))


def test_names_label_leaves_intermediates_and_the_output():
    x, y, z, t = worked_example()
    unrelated = torch.zeros(1, requires_grad=True) * 2
    graph = trace_graph(t, names={"x": x, "y": y, "z": z, "t": t, "unrelated": unrelated})
    names = {node.name: node.function for node in graph.nodes if node.name}
    assert names == {
        "t": "SumBackward0",
        "z": "AddBackward0",
        "y": "AddBackward0",
        "x": "AccumulateGrad",
    }
    assert graph.nodes[0].name == "t"
    assert graph.leaves[0].name == "x"


def test_without_names_no_node_is_named():
    *_, t = worked_example()
    assert all(node.name is None for node in trace_graph(t).nodes)


def test_leaf_grad_is_none_before_backward():
    *_, t = worked_example()
    assert trace_graph(t).leaves[0].grad is None


def test_leaf_grad_is_a_copy_taken_at_trace_time():
    x, *_, t = worked_example()
    t.backward()
    graph = trace_graph(t)  # the structure outlives backward(); only saved tensors go
    expected = torch.full((3, 2), 12.0)  # dt/dx = 2 * (x + 5)
    torch.testing.assert_close(graph.leaves[0].grad, expected)
    x.grad.zero_()
    torch.testing.assert_close(graph.leaves[0].grad, expected)
    assert not graph.leaves[0].grad.requires_grad


def test_depths_follow_the_longest_path():
    nodes = tuple(GraphNode(index, "F", "operation") for index in range(4))
    # 2 feeds 0 directly and through 1; 3 feeds 2.
    graph = ComputationGraph(nodes, ((1, 0), (2, 1), (2, 0), (3, 2)))
    assert graph.depths() == [0, 1, 2, 3]


def test_depths_of_a_single_node():
    graph = ComputationGraph((GraphNode(0, "F", "operation"),), ())
    assert graph.depths() == [0]


# --- trace_graph: bad input ----------------------------------------------------------------


def test_trace_rejects_a_tensor_without_graph():
    with pytest.raises(
        ValueError, match=r"^output has no autograd graph \(output\.grad_fn is None\)"
    ):
        trace_graph(torch.ones(2) * 3)


def test_trace_rejects_a_leaf_that_requires_grad():
    with pytest.raises(ValueError, match=r"output\.grad_fn is None.*leaf tensor"):
        trace_graph(torch.ones(2, requires_grad=True))


def test_trace_rejects_a_result_computed_under_no_grad():
    x = torch.ones(2, requires_grad=True)
    with torch.no_grad():
        y = x * 2
    with pytest.raises(ValueError, match=r"output\.grad_fn is None.*torch\.no_grad\(\)"):
        trace_graph(y)


@pytest.mark.parametrize(
    ("output", "type_name"), [([1.0], "list"), (2.0, "float"), (None, "NoneType")]
)
def test_trace_rejects_non_tensors(output, type_name):
    with pytest.raises(TypeError, match=rf"^output must be a torch\.Tensor, got {type_name}$"):
        trace_graph(output)


def test_trace_rejects_names_that_are_not_tensors():
    *_, t = worked_example()
    with pytest.raises(TypeError, match=r"^names\['x'\] must be a torch\.Tensor, got int$"):
        trace_graph(t, names={"x": 3})


# --- property-based: random expression trees -----------------------------------------------

LEAF_NAMES = ("a", "b", "c")  # require grad
CONSTANT_NAME = "k"  # does not
UNARY = {"sin": torch.sin, "exp": torch.exp, "sum": torch.sum}
BINARY = {"add": torch.add, "mul": torch.mul}

expressions = st.recursive(
    st.sampled_from((*LEAF_NAMES, CONSTANT_NAME)),
    lambda children: st.one_of(
        st.tuples(st.sampled_from(sorted(UNARY)), children),
        st.tuples(st.sampled_from(sorted(BINARY)), children, children),
    ),
    max_leaves=8,
)


def evaluate(expression, tensors):
    if isinstance(expression, str):
        return tensors[expression]
    operation, *arguments = expression
    values = [evaluate(argument, tensors) for argument in arguments]
    return {**UNARY, **BINARY}[operation](*values)


def names_in(expression) -> set[str]:
    if isinstance(expression, str):
        return {expression}
    return set().union(*(names_in(argument) for argument in expression[1:]))


@settings(max_examples=100, deadline=None)
@given(expressions)
def test_trace_of_random_expressions(expression):
    tensors = {name: torch.linspace(-1, 1, 3).requires_grad_() for name in LEAF_NAMES}
    tensors[CONSTANT_NAME] = torch.linspace(0.5, 1, 3)
    output = evaluate(expression, tensors).sum()
    assume(output.grad_fn is not None)  # an expression of constants alone has no graph
    graph = trace_graph(output, names=tensors)
    n_nodes = len(graph.nodes)

    # Node 0 is the output's grad_fn, and nodes know their own position.
    assert graph.nodes[0].function == type(output.grad_fn).__name__
    assert graph.nodes[0].kind == "operation"
    assert [node.index for node in graph.nodes] == list(range(n_nodes))

    # Every leaf that requires grad and was used appears exactly once, and no other.
    used = names_in(expression) & set(LEAF_NAMES)
    leaf_names = [node.name for node in graph.leaves]
    assert sorted(leaf_names) == sorted(used)
    assert all(node.function == "AccumulateGrad" for node in graph.leaves)

    # Edges point between valid nodes, from inputs to consumers that are operations.
    for source, target in graph.edges:
        assert 0 <= source < n_nodes
        assert 0 <= target < n_nodes
        assert source != 0
        assert graph.nodes[target].kind == "operation"

    # Every node reaches the output.
    inputs_of = {index: [] for index in range(n_nodes)}
    for source, target in graph.edges:
        inputs_of[target].append(source)
    reached, frontier = {0}, [0]
    while frontier:
        for source in inputs_of[frontier.pop()]:
            if source not in reached:
                reached.add(source)
                frontier.append(source)
    assert reached == set(range(n_nodes))

    # Depths grow along every edge towards the leaves.
    depth = graph.depths()
    assert depth[0] == 0
    assert all(depth[source] > depth[target] for source, target in graph.edges)


# --- draw_graph ------------------------------------------------------------------------------


def test_draw_graph_draws_one_box_per_node_and_one_arrow_per_edge():
    x, *_, t = worked_example()
    graph = trace_graph(t, names={"x": x, "t": t})
    ax = draw_graph(graph)
    assert isinstance(ax, Axes)
    assert not ax.axison
    boxes, arrows = boxes_and_arrows(ax)
    assert len(boxes) == len(graph.nodes)
    assert len(arrows) == len(graph.edges)
    assert [box.get_text() for box in boxes] == [
        "t\nSumBackward0",
        "AddBackward0",
        "MulBackward0",
        "constant\n(no grad)",
        "AddBackward0",
        "x\nleaf · shape (3, 2)",
        "constant\n(no grad)",
    ]


def test_draw_graph_names_accumulate_grad_only_backwards():
    x, *_, t = worked_example()
    graph = trace_graph(t, names={"x": x})
    (leaf,) = graph.leaves
    forward, _ = boxes_and_arrows(draw_graph(graph))
    backward, _ = boxes_and_arrows(draw_graph(graph, direction="backward"))
    assert forward[leaf.index].get_text() == "x\nleaf · shape (3, 2)"
    assert backward[leaf.index].get_text() == "x\nAccumulateGrad\nshape (3, 2)"
    # Operations and constants read the same both ways.
    for node in graph.nodes:
        if node is not leaf:
            assert forward[node.index].get_text() == backward[node.index].get_text()


def test_draw_graph_puts_the_output_right_and_the_leaves_left():
    *_, t = worked_example()
    graph = trace_graph(t)
    boxes, _ = boxes_and_arrows(draw_graph(graph))
    depth = graph.depths()
    for node, box in zip(graph.nodes, boxes, strict=True):
        assert box.get_position()[0] == max(depth) - depth[node.index]


@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_draw_graph_arrows_follow_the_direction(direction):
    *_, t = worked_example()
    graph = trace_graph(t)
    boxes, arrows = boxes_and_arrows(draw_graph(graph, direction=direction))
    for (source, target), arrow in zip(graph.edges, arrows, strict=True):
        tail, head = (source, target) if direction == "forward" else (target, source)
        assert arrow.anncoords is boxes[tail]
        assert arrow.xycoords is boxes[head]


@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_draw_graph_dashes_edges_to_constants_only_backwards(direction):
    *_, t = worked_example()
    graph = trace_graph(t)
    _, arrows = boxes_and_arrows(draw_graph(graph, direction=direction))
    assert len(arrows) == len(graph.edges)
    n_dead_ends = 0
    for (source, target), arrow in zip(graph.edges, arrows, strict=True):
        touches_constant = "constant" in (graph.nodes[source].kind, graph.nodes[target].kind)
        dead_end = direction == "backward" and touches_constant
        n_dead_ends += dead_end
        assert arrow.arrowprops["arrowstyle"] == ("-" if dead_end else "-|>")
        assert arrow.arrow_patch.get_linestyle() == ("--" if dead_end else "-")
    assert n_dead_ends == (2 if direction == "backward" else 0)  # the 5 and the 1


def test_draw_graph_draws_on_the_axes_given():
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    *_, t = worked_example()
    assert draw_graph(trace_graph(t), ax) is ax


def test_draw_graph_shows_grads_only_when_asked():
    *_, t = worked_example()
    t.backward()
    graph = trace_graph(t)
    leaf = graph.leaves[0].index
    assert "grad" not in boxes_and_arrows(draw_graph(graph))[0][leaf].get_text()
    label = boxes_and_arrows(draw_graph(graph, show_grad=True))[0][leaf].get_text()
    assert label.endswith("grad: all 12")


@pytest.mark.parametrize(
    ("values", "expected"),
    [(3.0, "grad: 6"), ([1.0, 2.0], "grad: shape (2,)"), ([], "grad: shape (0,)")],
    ids=["scalar", "varied", "empty"],
)
def test_draw_graph_summarises_each_kind_of_grad(values, expected):
    leaf = torch.tensor(values, requires_grad=True)
    (leaf * leaf).sum().backward()  # grad 2 * leaf
    graph = trace_graph(leaf * 2)
    boxes, _ = boxes_and_arrows(draw_graph(graph, show_grad=True))
    assert boxes[graph.leaves[0].index].get_text().endswith(expected)


def test_draw_graph_without_backward_says_grad_none():
    *_, t = worked_example()
    graph = trace_graph(t)
    boxes, _ = boxes_and_arrows(draw_graph(graph, show_grad=True))
    assert boxes[graph.leaves[0].index].get_text().endswith("grad: None")


def test_draw_graph_rejects_an_unknown_direction():
    *_, t = worked_example()
    with pytest.raises(
        ValueError, match=r"^direction must be 'forward' or 'backward', got 'sideways'$"
    ):
        draw_graph(trace_graph(t), direction="sideways")


def test_draw_graph_rejects_what_is_not_a_graph():
    *_, t = worked_example()
    with pytest.raises(TypeError, match=r"^graph must be a ComputationGraph, got Tensor$"):
        draw_graph(t)
