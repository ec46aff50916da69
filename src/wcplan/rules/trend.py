"""One indicator over the plan: every year judged by the year-end rules, and the outlook from the
latest year with an actual (`wcplan trend`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wcplan.base.plain import frame
from wcplan.model.plan import Indicator, Plan
from wcplan.model.records import Actual
from wcplan.rules.outlook import Projection, project
from wcplan.rules.status import IndicatorResult
from wcplan.rules.yearend import assess_indicator

if TYPE_CHECKING:
    import pandas


@dataclass(frozen=True)
class Trend:
    """One indicator over the plan: every year judged, and the projection from the latest year."""

    indicator: Indicator
    #: one year-end result per plan year, in order
    years: list[IndicatorResult]
    #: the outlook from the latest plan year with a whole-year actual (None if that is the last year)
    projection: Projection | None
    #: the year the projection starts from
    projected_from: int | None

    def to_records(self) -> list[dict]:
        """One plain record per plan year (the year's result, with `year`), as `wcplan trend
        --format json` prints them."""
        return [r.to_record() | {"year": r.year} for r in self.years]

    def to_frame(self) -> pandas.DataFrame:
        return frame(self.to_records())


def trend(plan: Plan, indicator: Indicator, actuals: Iterable[Actual]) -> Trend:
    """`actuals`: the tidy table (records of any indicator; whole-year values are used)."""
    mine = {a.year: a for a in actuals if a.indicator == indicator.id and a.period is None}
    years = [assess_indicator(plan, indicator, year, mine) for year in plan.years]
    known = [y for y in plan.years if y in mine]
    latest = known[-1] if known else plan.meta.base_year
    values = {y: a.value for y, a in mine.items()}  # the base year's too: it may stand in for the baseline
    projection = project(plan, indicator, latest, values) if latest < plan.years[-1] else None
    return Trend(indicator, years, projection, latest if projection else None)
