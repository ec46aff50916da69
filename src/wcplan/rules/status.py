"""What the rules say of one indicator for one year: its status, the judgement behind it (the
progress ratio, the reference it is measured from, the reason), and the result with its figures
(methodology: "Year-end assessment for year Y").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wcplan.base.plain import clean
from wcplan.model.plan import Indicator
from wcplan.model.records import Actual
from wcplan.rules.outlook import Projection, SoFar
from wcplan.rules.verdicts import STATUSES, Status


@dataclass(frozen=True)
class Judgement:
    """The outcome of the rules for one indicator and one year."""

    status: Status
    progress: float | None = None
    reference: float | None = None
    #: the year of the actual that stood in for a missing baseline (None: the baseline itself)
    reference_year: int | None = None
    reason: str | None = None


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator
    year: int
    target: float
    actual: Actual | None
    judgement: Judgement
    gap: float | None
    completion: float | None
    #: the whole plan so far (methodology: "The whole plan so far")
    so_far: SoFar | None = None
    #: the outlook to the final target; None in the plan's last year
    projection: Projection | None = None
    #: flows judged within the year (序时进度): target x months / 12, and (A/T - f) x 100 points
    expected: float | None = None
    schedule_gap: float | None = None
    #: judged on a figure from within the year (a period), not a whole-year value
    provisional: bool = False

    @property
    def status(self) -> Status:
        return self.judgement.status

    @property
    def progress(self) -> float | None:
        return self.judgement.progress

    def to_record(self) -> dict:
        """The result as a plain record: the indicator's fields, its figures and its status, as
        `wcplan status --format json` prints each indicator."""
        ind, j, actual = self.indicator, self.judgement, self.actual
        so_far, projection = self.so_far, self.projection
        return clean(
            {
                "id": ind.id,
                "name": ind.name,
                "name_en": ind.name_en,
                "category": ind.category,
                "unit": ind.unit,
                "attribute": str(ind.attribute),
                "measure": str(ind.measure),
                "direction": ind.direction,
                "lead": ind.lead,
                "responsible": list(ind.responsible),
                "baseline": ind.baseline,
                "target": self.target,
                "actual": actual.value if actual else None,
                "gap": self.gap,
                "completion": self.completion,
                "progress": j.progress,
                "status": str(self.status),
                "reference": j.reference,
                "reference_year": j.reference_year,
                "reason": j.reason,
                "source": actual.source if actual else None,
                "illustrative": actual.illustrative if actual else False,
                "note": actual.note if actual else None,
                "location": f"{actual.file}:{actual.line}" if actual and actual.file else None,
                "plan_progress": so_far.progress if so_far else None,
                "plan_completion": so_far.completion if so_far else None,
                "plan_as_of": so_far.as_of if so_far else None,
                "plan_reference_year": so_far.reference_year if so_far else None,
                "plan_reason": so_far.reason if so_far else None,
                "missing_years": list(so_far.missing_years) if so_far else [],
                "projection": projection.value if projection else None,
                "outlook": str(projection.outlook) if projection else None,
                "outlook_ratio": projection.ratio if projection else None,
                "projected_from": projection.as_of if projection else None,
                "outlook_reason": projection.reason if projection else None,
                "period": actual.period_label if actual else None,
                "provisional": self.provisional,
                "expected": self.expected,
                "schedule_gap": self.schedule_gap,
            }
        )


def count_statuses(results: Iterable[IndicatorResult]) -> dict[Status, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for r in results:
        counts[r.status] += 1
    return counts
