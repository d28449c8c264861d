"""Drawing from weighted choices with a seeded random generator."""

import random
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate


def zipf_cumulative(count: int, exponent: float, shift: float = 0.0) -> list[float]:
    """Cumulative weights 1/(rank + shift)^exponent, for `pick` and `random.choices`."""
    return list(accumulate(1 / (rank + shift) ** exponent for rank in range(1, count + 1)))


def pick[T](rng: random.Random, items: Sequence[T], cumulative: Sequence[float]) -> T:
    """One item drawn with precomputed cumulative weights (faster than `choices` per call)."""
    return items[bisect_left(cumulative, rng.random() * cumulative[-1])]


def pick_weighted[T: tuple](rng: random.Random, pairs: Sequence[T]) -> T:
    """One of (item, weight, ...) tuples, drawn by weight."""
    return rng.choices(pairs, weights=[p[1] for p in pairs])[0]
