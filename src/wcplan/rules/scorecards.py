"""Scorecards by unit (考核): each unit's indicators counted per status, its score
(met + on track) / assessed, and the indicator that lags most (methodology: "Scorecards by unit").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wcplan.base.plain import clean, frame
from wcplan.rules.status import IndicatorResult, count_statuses
from wcplan.rules.verdicts import STATUSES, Status

if TYPE_CHECKING:
    import pandas


#: Worst first: the order in which a unit's indicators lag.
SEVERITY = [Status.OFF_TRACK, Status.BEHIND, Status.ON_TRACK, Status.MET]


@dataclass(frozen=True)
class Scorecard:
    """One unit's indicators for a year (methodology: "Scorecards by unit")."""

    unit: str
    counts: dict[Status, int]
    results: list[IndicatorResult]

    @property
    def indicators(self) -> list[int]:
        return [r.indicator.id for r in self.results]

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def assessed(self) -> int:
        """Indicators with an actual and a computable status."""
        return sum(n for s, n in self.counts.items() if s.assessed)

    @property
    def score(self) -> float | None:
        """(met + on_track) / assessed; None when nothing could be assessed (never 0 for 'no data')."""
        if not self.assessed:
            return None
        return (self.counts[Status.MET] + self.counts[Status.ON_TRACK]) / self.assessed

    @property
    def worst(self) -> IndicatorResult | None:
        """The assessed indicator that lags most: worst status, then lowest progress ratio."""
        assessed = [r for r in self.results if r.status.assessed]
        if not assessed:
            return None
        return min(
            assessed,
            key=lambda r: (SEVERITY.index(r.status), r.progress if r.progress is not None else float("inf")),
        )

    def to_record(self) -> dict:
        """The scorecard as a plain record, as `wcplan units --format json` prints each unit."""
        worst = self.worst
        return clean(
            {
                "unit": self.unit,
                "indicators": self.indicators,
                **{str(s): self.counts[s] for s in STATUSES},
                "assessed": self.assessed,
                "score": self.score,
                "worst": None
                if worst is None
                else {
                    "id": worst.indicator.id,
                    "name": worst.indicator.name,
                    "status": str(worst.status),
                    "progress": worst.progress,
                },
            }
        )


@dataclass(frozen=True)
class Scorecards:
    """The scorecards of a year's units (lead or responsible), best score first."""

    year: int
    #: "lead" (牵头单位) or "responsible" (责任单位)
    by: str
    cards: list[Scorecard]

    def __iter__(self) -> Iterator[Scorecard]:
        return iter(self.cards)

    def __len__(self) -> int:
        return len(self.cards)

    def __getitem__(self, index: int) -> Scorecard:
        return self.cards[index]

    def to_records(self) -> list[dict]:
        """One plain record per unit, as `wcplan units --format json` prints them."""
        return [card.to_record() for card in self.cards]

    def to_frame(self) -> pandas.DataFrame:
        """One row per unit: its counts per status, assessed, score (the worst indicator flattened
        into worst_id, worst_status, worst_progress)."""
        rows = []
        for record in self.to_records():
            worst = record.pop("worst") or {}
            record.pop("indicators")
            rows.append(record | {f"worst_{k}": worst.get(k) for k in ("id", "status", "progress")})
        columns = ["unit", *(str(s) for s in STATUSES), "assessed", "score"]
        return frame(rows, [*columns, "worst_id", "worst_status", "worst_progress"])


def group_by_unit(results: list[IndicatorResult], by: str = "lead") -> list[Scorecard]:
    """One scorecard per lead unit (`by="lead"`) or per responsible unit (`by="responsible"`),
    in the order the units first appear in the plan."""
    if by not in ("lead", "responsible"):
        raise ValueError(f"by must be 'lead' or 'responsible', not {by!r}")
    grouped: dict[str, list[IndicatorResult]] = {}
    for r in results:
        for unit in [r.indicator.lead] if by == "lead" else r.indicator.responsible:
            grouped.setdefault(unit, []).append(r)
    return [Scorecard(unit, count_statuses(rs), rs) for unit, rs in grouped.items()]


def scorecards(results: Iterable[IndicatorResult], year: int, by: str = "lead") -> Scorecards:
    """The scorecards of `group_by_unit`, best score first; units with nothing assessed last."""
    cards = group_by_unit(list(results), by)
    order = {card.unit: i for i, card in enumerate(cards)}
    return Scorecards(
        year, by, sorted(cards, key=lambda c: (c.score is None, -(c.score or 0), order[c.unit]))
    )
