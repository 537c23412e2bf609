"""Each checker passes its reference answer and says what is wrong with typical mistakes."""

import copy
import math
import re

import numpy as np
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

import torchintro
from torchintro import exercises as ex


def verdict_of(checker, *answers, capsys):
    """Run a checker; return its verdict, after checking it printed exactly that verdict."""
    verdict = checker(*answers)
    assert capsys.readouterr().out == f"{verdict}\n"
    assert ex.verdicts[-1] is verdict
    return verdict


def assert_passes(checker, *answers, capsys):
    verdict = verdict_of(checker, *answers, capsys=capsys)
    assert verdict.passed, verdict.hint
    assert bool(verdict) is True
    assert str(verdict).startswith("Correct (")


def assert_hint(checker, *answers, hint, capsys):
    verdict = verdict_of(checker, *answers, capsys=capsys)
    assert not verdict
    assert str(verdict).startswith("Not yet (")
    assert hint in verdict.hint, verdict.hint


# Reference answers, as the solutions on the site compute them.


def double_safely(t):
    return t * 2


def double_in_place(t):
    t *= 2
    return t


def fill_shared(readings, value):
    shared = torch.from_numpy(readings)
    shared.fill_(value)
    return shared


def sine_angles(requires_grad=True, backward=True):
    angles = torch.linspace(0, 2 * math.pi, 50, requires_grad=requires_grad)
    if backward:
        torch.sin(angles).sum().backward()
    return angles


def loop_gradients(reset: bool, item: bool = True):
    x = torch.tensor(1.0, requires_grad=True)
    seen = []
    for _ in range(3):
        if reset and x.grad is not None:
            x.grad.zero_()
        (x * x).backward()
        seen.append(x.grad.item() if item else x.grad)
    return seen


class MLP(nn.Module):
    def __init__(self, inputs, hidden, outputs, relu=True):
        super().__init__()
        self.hidden = nn.Linear(inputs, hidden)
        self.output = nn.Linear(hidden, outputs)
        self.relu = relu

    def forward(self, x):
        hidden = self.hidden(x)
        return self.output(torch.relu(hidden) if self.relu else hidden)


def accuracy(model, loader):
    was_training = model.training
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for xb, yb in loader:
            correct += (model(xb).argmax(dim=1) == yb).sum().item()
            total += len(yb)
    model.train(was_training)
    return correct / total


def mean_of_batches(model, loader):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        scores = [(model(xb).argmax(dim=1) == yb).float().mean().item() for xb, yb in loader]
    model.train(was_training)
    return sum(scores) / len(scores)


def accuracy_in_train_mode(model, loader):
    with torch.no_grad():
        return sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in loader) / 10


def accuracy_left_in_eval(model, loader):
    model.eval()
    with torch.no_grad():
        return sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in loader) / 10


def accuracy_with_grad(model, loader):
    was_training = model.training
    model.eval()
    result = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in loader) / 10
    model.train(was_training)
    return result


def test_multiplication_table(capsys):
    numbers = torch.arange(1, 6)
    assert_passes(ex.check_multiplication_table, numbers.reshape(5, 1) * numbers, capsys=capsys)
    assert_passes(
        ex.check_multiplication_table, torch.outer(numbers, numbers).float(), capsys=capsys
    )
    assert_hint(
        ex.check_multiplication_table,
        numbers * numbers,
        hint="expected shape (5, 5), got (5,)",
        capsys=capsys,
    )
    assert_hint(
        ex.check_multiplication_table,
        torch.outer(numbers - 1, numbers - 1),
        hint="values off, at index (0, 0) expected 1, got 0",
        capsys=capsys,
    )
    assert_hint(
        ex.check_multiplication_table,
        [[1, 2], [3, 4]],
        hint="expected a tensor, got a list",
        capsys=capsys,
    )


def test_double_safely(capsys):
    assert_passes(ex.check_double_safely, double_safely, capsys=capsys)
    assert_hint(
        ex.check_double_safely, double_in_place, hint="changed its input in place", capsys=capsys
    )
    assert_hint(
        ex.check_double_safely,
        lambda t: t + 2,
        hint="values off, at index 0 expected 2, got 3",
        capsys=capsys,
    )
    assert_hint(
        ex.check_double_safely,
        torch.ones(3),
        hint="expected a function, got a tensor of shape (3,)",
        capsys=capsys,
    )


def test_fill_shared(capsys):
    assert_passes(ex.check_fill_shared, fill_shared, capsys=capsys)

    def copies(readings, value):
        return torch.tensor(readings).fill_(value)

    def not_filled(readings, value):
        return torch.from_numpy(readings)

    assert_hint(
        ex.check_fill_shared, copies, hint="does not share the array's memory", capsys=capsys
    )
    assert_hint(
        ex.check_fill_shared,
        not_filled,
        hint="the array holds [0.0, 0.0, 0.0, 0.0] afterwards",
        capsys=capsys,
    )
    assert_hint(
        ex.check_fill_shared,
        lambda readings, value: readings,
        hint="got a NumPy array of shape (4,)",
        capsys=capsys,
    )


def test_sine_derivative(capsys):
    assert_passes(ex.check_sine_derivative, sine_angles(), capsys=capsys)
    assert_hint(
        ex.check_sine_derivative,
        sine_angles(requires_grad=False, backward=False),
        hint="does not require grad",
        capsys=capsys,
    )
    assert_hint(
        ex.check_sine_derivative,
        sine_angles(backward=False),
        hint="angles.grad is None",
        capsys=capsys,
    )
    twice = sine_angles()
    torch.sin(twice).sum().backward()  # a second backward pass doubles the gradient
    assert_hint(
        ex.check_sine_derivative,
        twice,
        hint="angles.grad: values off, at index 0 expected 1, got 2",
        capsys=capsys,
    )
    not_leaf = torch.linspace(0, 2 * math.pi, 50).requires_grad_() * 1
    torch.sin(not_leaf).sum().backward()
    assert_hint(ex.check_sine_derivative, not_leaf, hint="not a leaf", capsys=capsys)


def test_partial_derivatives(capsys):
    assert_passes(ex.check_partial_derivatives, (12, 5), capsys=capsys)
    assert_passes(ex.check_partial_derivatives, [torch.tensor(12.0), 5.0], capsys=capsys)
    assert_hint(ex.check_partial_derivatives, (5, 12), hint="swapped", capsys=capsys)
    assert_hint(
        ex.check_partial_derivatives, (4, 5), hint="df/da: expected 12, got 4", capsys=capsys
    )
    assert_hint(
        ex.check_partial_derivatives,
        12,
        hint="expected two numbers, (df/da, df/db), got an int",
        capsys=capsys,
    )
    assert_hint(
        ex.check_partial_derivatives,
        ("12", 5),
        hint="each number: expected a number, got a str",
        capsys=capsys,
    )


def test_fixed_loop(capsys):
    assert_passes(ex.check_fixed_loop, loop_gradients(reset=True), capsys=capsys)
    assert_hint(
        ex.check_fixed_loop,
        loop_gradients(reset=False),
        hint="[2.0, 4.0, 6.0] still accumulates",
        capsys=capsys,
    )
    assert_hint(
        ex.check_fixed_loop,
        loop_gradients(reset=True, item=False),
        hint="the same tensor memory more than once",
        capsys=capsys,
    )
    assert_hint(
        ex.check_fixed_loop,
        [2.0, 2.0],
        hint="expected three gradients, one per pass, got 2",
        capsys=capsys,
    )


def two_feature_fit(seed=1, features=2):
    weight = torch.tensor([2.0, -1.0])[:features]
    x, y = torchintro.make_linear_data(200, weight=weight, bias=0.5, noise=0.1, seed=seed)
    return x, y


def test_two_feature_fit(capsys):
    x, y = two_feature_fit()
    assert_passes(ex.check_two_feature_fit, torchintro.fit_least_squares(x, y), capsys=capsys)
    descent = torchintro.fit_gradient_descent(x, y, learning_rate=0.5, epochs=300)
    assert_passes(ex.check_two_feature_fit, descent, capsys=capsys)
    short = torchintro.fit_gradient_descent(x, y, learning_rate=0.5, epochs=10)
    assert_hint(
        ex.check_two_feature_fit,
        short,
        hint="the fit's weight: values off, at index 0",
        capsys=capsys,
    )
    one = torchintro.fit_least_squares(*two_feature_fit(features=1))
    assert_hint(ex.check_two_feature_fit, one, hint="expected shape (2,), got (1,)", capsys=capsys)
    assert_hint(
        ex.check_two_feature_fit,
        (2.0, -1.0),
        hint="expected a fit (what fit_least_squares returns) with .weight, got a tuple",
        capsys=capsys,
    )


def test_largest_stable_rate(capsys):
    assert_passes(ex.check_largest_stable_rate, 0.95, capsys=capsys)
    assert_hint(ex.check_largest_stable_rate, 1.0, hint="1.00 is not stable", capsys=capsys)
    assert_hint(
        ex.check_largest_stable_rate,
        0.9,
        hint="a larger rate on the list is stable too",
        capsys=capsys,
    )
    assert_hint(
        ex.check_largest_stable_rate,
        0.99,
        hint="0.99 is not one of the rates to try",
        capsys=capsys,
    )


def test_predictions(capsys):
    fit = torchintro.fit_least_squares(*torchintro.make_linear_data(50, noise=0.5, seed=0))
    new_x = torch.tensor([[-1.0], [0.0], [1.0]])
    assert_passes(ex.check_predictions, fit.predict(new_x), capsys=capsys)
    assert_hint(
        ex.check_predictions, 3 * new_x[:, 0] - 2, hint="the true line's values", capsys=capsys
    )
    assert_hint(
        ex.check_predictions,
        fit.predict(new_x)[:, None],
        hint="expected shape (3,), got (3, 1)",
        capsys=capsys,
    )


def test_to_numpy(capsys):
    assert_passes(ex.check_to_numpy, lambda t: t.detach().cpu().numpy(), capsys=capsys)
    assert_hint(
        ex.check_to_numpy,
        lambda t: t.numpy(),
        hint="your function raised RuntimeError: Can't call numpy()",
        capsys=capsys,
    )
    assert_hint(
        ex.check_to_numpy,
        lambda t: t.detach(),
        hint="expected a NumPy array, got a tensor of shape (4, 1)",
        capsys=capsys,
    )
    assert_hint(
        ex.check_to_numpy,
        lambda t: t.detach_().numpy(),
        hint="changed its input in place",
        capsys=capsys,
    )


def test_to_numpy_keeps_the_random_state(capsys):
    torch.manual_seed(1)
    expected = torch.rand(3)
    torch.manual_seed(1)
    ex.check_to_numpy(lambda t: t.detach().numpy())
    assert torch.equal(torch.rand(3), expected)


def test_gflops(capsys):
    assert_passes(ex.check_gflops, 2 * 2048**3 / 0.25 / 1e9, capsys=capsys)
    assert_passes(ex.check_gflops, 68.72, capsys=capsys)
    assert_hint(ex.check_gflops, 2048**3 / 0.25 / 1e9, hint="half the answer", capsys=capsys)
    assert_hint(ex.check_gflops, 2 * 2048**3 / 0.25, hint="in FLOP/s", capsys=capsys)
    assert_hint(ex.check_gflops, 70, hint="GFLOP/s: expected 68.7195, got 70", capsys=capsys)


def test_fit_on_device(capsys):
    x, y = torchintro.make_linear_data(50, noise=0.5, seed=0)
    device = torchintro.select_device()
    assert_passes(
        ex.check_fit_on_device,
        torchintro.fit_least_squares(x.to(device), y.to(device)),
        capsys=capsys,
    )
    elsewhere = torchintro.FitResult(
        weight=torch.ones(1, device="meta"), bias=0.0, losses=torch.empty(0), method="meta"
    )
    assert_hint(
        ex.check_fit_on_device,
        elsewhere,
        hint="the fit's weight is on meta, expected cpu: move x and y",
        capsys=capsys,
    )
    other = torchintro.fit_least_squares(*torchintro.make_linear_data(50, noise=0.5, seed=1))
    assert_hint(ex.check_fit_on_device, other, hint="the fit's weight: values off", capsys=capsys)


def test_mlp(capsys):
    assert_passes(ex.check_mlp, MLP, capsys=capsys)
    assert_hint(
        ex.check_mlp,
        lambda i, h, o: MLP(i, h, o, relu=False),
        hint="your MLP is linear",
        capsys=capsys,
    )
    assert_hint(
        ex.check_mlp,
        lambda i, h, o: MLP(i, o, h),
        hint="has 1002 parameters, expected 2410",
        capsys=capsys,
    )
    assert_hint(
        ex.check_mlp,
        lambda i, h, o: nn.Linear(i, o),
        hint="has 650 parameters, expected 2410",
        capsys=capsys,
    )

    class NoInit(nn.Module):
        def __init__(self, inputs, hidden, outputs):
            self.hidden = nn.Linear(inputs, hidden)

    assert_hint(ex.check_mlp, NoInit, hint="MLP(64, 32, 10) raised AttributeError", capsys=capsys)
    assert_hint(
        ex.check_mlp, lambda i, h, o: "mlp", hint="gave a str, expected an nn.Module", capsys=capsys
    )


def test_accuracy(capsys):
    assert_passes(ex.check_accuracy, accuracy, capsys=capsys)
    assert_hint(
        ex.check_accuracy, mean_of_batches, hint="mean of the batches' accuracies", capsys=capsys
    )
    assert_hint(
        ex.check_accuracy,
        accuracy_in_train_mode,
        hint="in training mode while evaluated",
        capsys=capsys,
    )
    assert_hint(ex.check_accuracy, accuracy_left_in_eval, hint="did not restore it", capsys=capsys)
    assert_hint(ex.check_accuracy, accuracy_with_grad, hint="torch.no_grad()", capsys=capsys)
    assert_hint(
        ex.check_accuracy, lambda model, loader: 0.5, hint="never called the model", capsys=capsys
    )


def test_best_epoch(capsys):
    from sklearn.datasets import load_digits

    digits = load_digits()
    features = torch.tensor(digits.data, dtype=torch.float32) / 16
    model = nn.Linear(64, 10)
    with torch.no_grad():  # each class's weights: its mean image, a fair classifier
        for digit in range(10):
            model.weight[digit] = features[digits.target == digit].mean(dim=0)
        model.bias.copy_(-0.5 * (model.weight**2).sum(dim=1))
    score = ex._validation_accuracy(model)
    best = copy.deepcopy(model.state_dict())
    with torch.no_grad():
        model.weight.mul_(-1.0)  # a "later epoch", worse than the first
    later = ex._validation_accuracy(model)
    assert later < score
    accuracies = [score] + [later] * 19
    assert_hint(
        ex.check_best_epoch, model, accuracies, hint="the last epoch's accuracy", capsys=capsys
    )
    model.load_state_dict(best)
    assert_passes(ex.check_best_epoch, model, accuracies, capsys=capsys)
    assert_hint(ex.check_best_epoch, model, accuracies[:5], hint="got 5", capsys=capsys)
    assert_hint(
        ex.check_best_epoch,
        model,
        [1.0] * 20,
        hint="validation accuracy: expected 1",
        capsys=capsys,
    )
    assert_hint(
        ex.check_best_epoch,
        model.state_dict(),
        accuracies,
        hint="an nn.Module, got an OrderedDict",
        capsys=capsys,
    )


def test_shards(capsys):
    dataset = TensorDataset(torch.zeros(10))
    shards = [
        list(DistributedSampler(dataset, num_replicas=3, rank=r, shuffle=False)) for r in range(3)
    ]
    assert_passes(ex.check_shards, shards, capsys=capsys)
    unpadded = [list(range(r, 10, 3)) for r in range(3)]
    assert_hint(
        ex.check_shards,
        unpadded,
        hint="rank 1: expected [1, 4, 7, 0], got [1, 4, 7]; 10 is not a multiple",
        capsys=capsys,
    )
    shuffled = [list(DistributedSampler(dataset, num_replicas=3, rank=r)) for r in range(3)]
    assert_hint(ex.check_shards, shuffled, hint="rank 0: expected [0, 3, 6, 9]", capsys=capsys)
    assert_hint(ex.check_shards, shards[:2], hint="expected three lists of indices", capsys=capsys)


def test_averaged_gradient(capsys):
    x, y = torchintro.make_linear_data(10, noise=0.5, seed=0)
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    replicas = [copy.deepcopy(model) for _ in range(2)]
    for replica, part in zip(replicas, (slice(0, 5), slice(5, 10)), strict=True):
        nn.functional.mse_loss(replica(x[part]).squeeze(1), y[part]).backward()
    total = replicas[0].weight.grad + replicas[1].weight.grad
    assert_passes(ex.check_averaged_gradient, total / 2, capsys=capsys)
    assert_hint(
        ex.check_averaged_gradient, total, hint="the sum of the two gradients", capsys=capsys
    )
    assert_hint(
        ex.check_averaged_gradient,
        replicas[0].weight.grad,
        hint="values off, at index (0, 0)",
        capsys=capsys,
    )
    assert_hint(
        ex.check_averaged_gradient,
        total.flatten() / 2,
        hint="expected shape (1, 1), got (1,)",
        capsys=capsys,
    )


def test_steps_per_epoch(capsys):
    sampler = DistributedSampler(TensorDataset(torch.zeros(1000)), num_replicas=4, rank=0)
    steps = len(DataLoader(range(1000), batch_size=8, sampler=sampler))
    assert_passes(ex.check_steps_per_epoch, (steps, 32), capsys=capsys)
    assert_hint(
        ex.check_steps_per_epoch,
        (31, 32),
        hint="steps per epoch: expected 32, got 31",
        capsys=capsys,
    )
    assert_hint(
        ex.check_steps_per_epoch,
        (32, 8),
        hint="examples per step: expected 32, got 8",
        capsys=capsys,
    )
    assert_hint(ex.check_steps_per_epoch, 32, hint="expected two numbers", capsys=capsys)


CHECKERS = [getattr(ex, name) for name in ex.__all__ if name.startswith("check_")]


@pytest.mark.parametrize("checker", CHECKERS, ids=lambda checker: checker.__name__)
def test_unfinished_answers_get_a_hint(checker, capsys):
    """A stub, a function that raises, or an answer of another kind: a hint, no traceback."""
    answers = 2 if checker is ex.check_best_epoch else 1

    def stub(*args):
        raise NotImplementedError

    assert_hint(checker, *[...] * answers, hint="replace the ... with your answer", capsys=capsys)
    assert_hint(checker, *[(..., ...)] * answers, hint="replace the ... with", capsys=capsys)
    for wrong in (stub, object(), None, "answer", np.zeros(3)):
        verdict = verdict_of(checker, *[wrong] * answers, capsys=capsys)
        assert not verdict
        assert verdict.hint.endswith("."), verdict.hint


def test_a_stub_function_is_named(capsys):
    def stub(t):
        raise NotImplementedError

    assert_hint(
        ex.check_double_safely,
        stub,
        hint="still raises NotImplementedError: write its body",
        capsys=capsys,
    )


def test_every_checker_is_documented():
    for checker in CHECKERS:
        assert "Returns" in checker.__doc__, checker.__name__
        assert checker.__doc__.splitlines()[0].startswith("Check"), checker.__name__


def test_a_verdict_shows_nothing_more_in_a_notebook():
    verdict = ex.Verdict("x", False, "why.")
    assert verdict._ipython_display_() is None
    assert repr(verdict) == "Verdict('x', passed=False, hint='why.')"
    assert str(verdict) == "Not yet (x): why."


# Mistakes a review found, each with the hint it must get.


def test_answers_in_float32_or_tensors_are_read_as_numbers(capsys):
    assert_passes(ex.check_largest_stable_rate, torch.arange(0.80, 1.11, 0.05)[3], capsys=capsys)
    assert_passes(ex.check_largest_stable_rate, np.float32(0.95), capsys=capsys)
    assert_passes(ex.check_partial_derivatives, torch.tensor([12.0, 5.0]), capsys=capsys)
    assert_passes(ex.check_steps_per_epoch, np.array([32, 32]), capsys=capsys)
    assert_hint(ex.check_steps_per_epoch, [32, 32, 32], hint="2 numbers, got 3", capsys=capsys)


def test_checks_work_inside_no_grad_and_inference_mode(capsys):
    with torch.no_grad():
        assert_passes(ex.check_partial_derivatives, (12, 5), capsys=capsys)
        assert_passes(ex.check_fixed_loop, [2.0, 2.0, 2.0], capsys=capsys)
    with torch.inference_mode():
        assert_passes(ex.check_largest_stable_rate, 0.95, capsys=capsys)
    assert torch.is_grad_enabled()


@pytest.mark.parametrize("checker", [ex.check_accuracy, ex.check_mlp, ex.check_to_numpy])
def test_checks_keep_the_learners_random_state(checker, capsys):
    answers = {ex.check_accuracy: accuracy, ex.check_mlp: MLP, ex.check_to_numpy: np.asarray}
    torch.manual_seed(3)
    expected = torch.rand(3)
    torch.manual_seed(3)
    checker(answers[checker])
    assert torch.equal(torch.rand(3), expected)


class AfterwardsToo(MLP):
    def forward(self, x):
        return torch.relu(super().forward(x))


class Sigmoid(MLP):
    def forward(self, x):
        return self.output(torch.sigmoid(self.hidden(x)))


def test_mlp_mistakes(capsys):
    assert_hint(ex.check_mlp, AfterwardsToo, hint="nothing after the last one", capsys=capsys)
    assert_hint(
        ex.check_mlp, Sigmoid, hint="does not compute output(relu(hidden(x)))", capsys=capsys
    )
    assert_hint(ex.check_mlp, MLP(64, 32, 10), hint="pass the class itself", capsys=capsys)


def test_accuracy_over_full_batches_is_named(capsys):
    def over_full_batches(model, loader):
        model.eval()
        with torch.no_grad():
            correct = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in loader)
        model.train()
        return correct / (len(loader) * loader.batch_size)

    assert_hint(ex.check_accuracy, over_full_batches, hint="batches x batch size", capsys=capsys)


def test_an_untrained_model_does_not_pass(capsys):
    model = nn.Linear(64, 10)
    score = ex._validation_accuracy(model)
    assert_hint(
        ex.check_best_epoch, model, [score] * 20, hint="is the model trained", capsys=capsys
    )


def test_dtypes_that_are_not_floating_point_are_named(capsys):
    assert_hint(
        ex.check_double_safely,
        lambda t: (t * 2).int(),
        hint="dtype torch.int32 where a floating-point dtype was needed",
        capsys=capsys,
    )
    assert_hint(
        ex.check_to_numpy,
        lambda t: t.detach().numpy().astype(int),
        hint="dtype int64 where a floating-point",
        capsys=capsys,
    )


def test_non_integer_indices_are_named(capsys):
    shards = [[0, 3, 6, 9], [1, 4, 7, 0.0], [2, 5, 8, 1]]
    assert_hint(ex.check_shards, shards, hint="rank 1: indices are integers", capsys=capsys)
    assert_passes(
        ex.check_shards, [torch.tensor([0, 3, 6, 9]), [1, 4, 7, 0], (2, 5, 8, 1)], capsys=capsys
    )


def test_a_not_implemented_error_with_a_message_is_named(capsys):
    def unsupported(t):
        raise NotImplementedError("aten::something is not implemented for this device")

    assert_hint(
        ex.check_double_safely,
        unsupported,
        hint="raised NotImplementedError: aten::something",
        capsys=capsys,
    )


def test_the_check_failing_itself_says_so_in_one_line(capsys):
    verdict = verdict_of(ex.check_multiplication_table, torch.ones(5, 5).to_sparse(), capsys=capsys)
    assert not verdict
    assert "\n" not in verdict.hint


def test_gradient_descent_that_has_not_converged_is_named(capsys):
    x, y = two_feature_fit()
    short = torchintro.fit_gradient_descent(x, y, learning_rate=0.5, epochs=10)
    assert_hint(ex.check_two_feature_fit, short, hint="has not converged yet", capsys=capsys)


def test_the_checkers_page_documents_every_name():
    """docs/checkers.rst lists each public name once, by gallery."""
    from pathlib import Path

    page = (Path(__file__).parents[1] / "docs" / "checkers.rst").read_text()
    documented = re.findall(r"^\.\. auto(?:function|class|data):: (\w+)$", page, re.MULTILINE)
    assert sorted(documented) == sorted(ex.__all__)
