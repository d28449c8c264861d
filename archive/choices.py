"""A facet's values as the pages show them: what `archive/facets.py` resolves from a URL and
`archive/filters.py` marks, from the counts of `archive/facet_index.py`."""

from dataclasses import dataclass

# The value of the side facet for claims of both sides.
JOINT = "joint"
JOINT_LABEL = "Both sides (joint)"


@dataclass
class Choice:
    value: str  # as the URL holds it
    label: str
    count: int = 0
    selected: bool = False
    ids: tuple[int, ...] = ()  # rows the value stands for, when the facet resolves them


def by_count(choices: list[Choice]) -> list[Choice]:
    """Most records first, then by label; the value settles ties between equal labels."""
    return sorted(choices, key=lambda c: (-c.count, c.label.lower(), c.value))
