"""Comparisons at a threshold: the one place where wcplan decides whether a figure reaches a
target, an expected value or a band's edge (methodology: "Comparisons at a threshold").

Decimal figures arrive in binary floating point a hair off: (23.88 - 22.2) / (25 - 22.2) is
0.5999999999999996, not 0.6. Every comparison of the rules therefore goes through `Rules`,
with the plan's relative tolerance, so that a figure landing exactly on an edge belongs to the
upper side, as its printed value says, and no module can compare a ratio any other way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from wcplan.model.plan import Comparison

Band = TypeVar("Band")


@dataclass(frozen=True)
class Rules:
    """The plan's thresholds and tolerance, and every comparison made with them."""

    on_track: float = 0.95
    behind: float = 0.6
    tolerance: float = 1e-9

    @classmethod
    def of(cls, plan) -> Rules:
        """The rules a plan file sets (methodology defaults where it sets none)."""
        meta = plan.meta
        return cls(
            on_track=float(meta.thresholds.on_track),
            behind=float(meta.thresholds.behind),
            tolerance=float(meta.tolerance),
        )

    def _slack(self, x: float, t: float) -> float:
        return self.tolerance * max(1.0, abs(x), abs(t))

    def at_least(self, x: float, t: float) -> bool:
        """`x >= t`, with the relative tolerance: x >= t - tol * max(1, |x|, |t|)."""
        return x >= t - self._slack(x, t)

    def more_than(self, x: float, t: float) -> bool:
        """`x > t`, with the tolerance applied the other way: x > t + tol * max(1, |x|, |t|)."""
        return x > t + self._slack(x, t)

    def reaches(
        self, x: float, t: float, direction: str = "increase", comparison: Comparison = Comparison.AT_LEAST
    ) -> bool:
        """Whether `x` meets the target `t` for an indicator of this direction: the comparison
        as stated for "increase", mirrored for "decrease"."""
        if direction != "increase":
            x, t = -x, -t
        if comparison is Comparison.MORE_THAN:
            return self.more_than(x, t)
        return self.at_least(x, t)

    def band(self, ratio: float, upper: Band, middle: Band, lower: Band) -> Band:
        """The band of a ratio: `upper` from `on_track` (0.95) up, `middle` from `behind` (0.6)
        up, else `lower`; each edge belongs to the band above it."""
        if self.at_least(ratio, self.on_track):
            return upper
        if self.at_least(ratio, self.behind):
            return middle
        return lower
