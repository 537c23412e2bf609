"""Toy data: its two shapes, its seeding, and the errors for bad arguments."""

import pytest
import torch

from torchintro import make_linear_data, make_notebook_sample
from torchintro.data import TRUE_BIAS, TRUE_WEIGHT

# --- the two forms -------------------------------------------------------------------------


def test_seed_sample_is_one_sample_of_many_features():
    x, y = make_notebook_sample()
    assert x.shape == (10,)
    assert y.shape == ()
    torch.testing.assert_close(y, TRUE_WEIGHT * x.sum() + TRUE_BIAS)


def test_seed_sample_takes_the_number_of_features():
    x, _ = make_notebook_sample(3, seed=1)
    assert x.shape == (3,)


def test_linear_data_is_many_samples_of_one_feature_by_default():
    x, y = make_linear_data(7)
    assert x.shape == (7, 1)
    assert y.shape == (7,)
    assert x.dtype == y.dtype == torch.float32


def test_linear_data_takes_its_features_from_the_weight():
    x, y = make_linear_data(5, torch.tensor([1.0, 2.0, 3.0]), 0.5)
    assert x.shape == (5, 3)
    assert y.shape == (5,)


def test_linear_data_features_are_uniform_on_minus_one_to_one():
    x, _ = make_linear_data(2000, seed=3)
    assert x.min() >= -1
    assert x.max() < 1
    assert x.mean().item() == pytest.approx(0.0, abs=0.05)


def test_linear_data_without_noise_is_exactly_on_the_line():
    weight = torch.tensor([0.5, -1.5])
    x, y = make_linear_data(20, weight, 4.0, noise=0.0, seed=2)
    torch.testing.assert_close(y, x @ weight + 4.0, rtol=0, atol=0)


def test_linear_data_noise_has_the_requested_spread():
    x, y = make_linear_data(4000, noise=0.5, seed=0)
    residuals = y - (TRUE_WEIGHT * x[:, 0] + TRUE_BIAS)
    assert residuals.std().item() == pytest.approx(0.5, rel=0.05)
    assert residuals.mean().item() == pytest.approx(0.0, abs=0.05)


def test_linear_data_accepts_an_integer_weight_list():
    x, y = make_linear_data(4, [2, -1], 0)
    assert x.shape == (4, 2)
    torch.testing.assert_close(y, 2 * x[:, 0] - x[:, 1])


# --- seeding -------------------------------------------------------------------------------

MAKERS = {
    "seed sample": lambda seed: make_notebook_sample(4, seed=seed),
    "linear data": lambda seed: make_linear_data(6, noise=0.3, seed=seed),
}


@pytest.mark.parametrize("make", MAKERS.values(), ids=MAKERS.keys())
def test_same_seed_gives_the_same_data(make):
    (x1, y1), (x2, y2) = make(11), make(11)
    assert torch.equal(x1, x2)
    assert torch.equal(y1, y2)


@pytest.mark.parametrize("make", MAKERS.values(), ids=MAKERS.keys())
def test_different_seeds_give_different_data(make):
    (x1, _), (x2, _) = make(0), make(1)
    assert not torch.equal(x1, x2)


@pytest.mark.parametrize("make", MAKERS.values(), ids=MAKERS.keys())
def test_the_global_random_state_is_left_alone(make):
    before = torch.random.get_rng_state()
    make(0)
    assert torch.equal(torch.random.get_rng_state(), before)


@pytest.mark.parametrize("make", MAKERS.values(), ids=MAKERS.keys())
def test_data_does_not_depend_on_the_global_seed(make):
    torch.manual_seed(1)
    x1, _ = make(5)
    torch.manual_seed(2)
    x2, _ = make(5)
    assert torch.equal(x1, x2)


@pytest.mark.parametrize("make", MAKERS.values(), ids=MAKERS.keys())
def test_a_generator_passed_in_is_drawn_from_and_advanced(make):
    generator = torch.Generator().manual_seed(0)
    before = generator.get_state()
    x1, _ = make(generator)
    assert not torch.equal(generator.get_state(), before)
    x2, _ = make(generator)
    assert not torch.equal(x1, x2)  # the second call continues the stream
    assert torch.equal(x1, make(0)[0])  # and the first matches seed=0


# --- bad input -----------------------------------------------------------------------------


def test_linear_data_rejects_a_two_dimensional_weight():
    with pytest.raises(
        ValueError,
        match=r"^weight must be a float or a non-empty 1-D tensor, got shape \(2, 1\)$",
    ):
        make_linear_data(3, torch.ones(2, 1))


@pytest.mark.parametrize(
    "make", [make_notebook_sample, lambda seed: make_linear_data(2, seed=seed)]
)
@pytest.mark.parametrize(
    ("seed", "error"), [(-1, ValueError), (True, TypeError), (0.5, TypeError), (None, TypeError)]
)
def test_bad_seeds_are_named(make, seed, error):
    with pytest.raises(error, match=rf"^seed must be .*, got {seed!r}$"):
        make(seed=seed)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"weight": float("nan")}, ValueError, r"weight must hold finite numbers, got \[nan\]"),
        (
            {"weight": torch.tensor([1.0, float("inf")])},
            ValueError,
            r"finite numbers, got \[1.0, inf\]",
        ),
        ({"weight": "heavy"}, TypeError, r"weight must be a float or a 1-D tensor, got 'heavy'"),
        ({"weight": torch.tensor([])}, ValueError, r"non-empty 1-D tensor, got shape \(0,\)"),
        ({"bias": "a"}, TypeError, r"bias must be a number, got 'a'"),
        ({"bias": float("-inf")}, ValueError, r"bias must be a finite number, got -inf"),
    ],
)
def test_make_linear_data_rejects_bad_weight_and_bias(kwargs, error, message):
    with pytest.raises(error, match=message):
        make_linear_data(5, **kwargs)
