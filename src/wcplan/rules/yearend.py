"""The year-end rules: plan + actuals in, an assessment of every indicator for a year (or the year
to date of a period) out. No printing, no files, no colour.

Every rule here is the year-end assessment of docs/methodology.md (the project's statement of
the shared methodology); the section names below are that document's. What a result holds is
wcplan.rules.status; the plan so far and the outlook are wcplan.rules.outlook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from wcplan.base.i18n import _
from wcplan.base.plain import frame
from wcplan.model.periods import Period, whole_year
from wcplan.model.plan import Attribute, Indicator, Measure, Plan
from wcplan.model.records import Actual
from wcplan.rules.compare import Rules
from wcplan.rules.outlook import project, reference, so_far
from wcplan.rules.scorecards import Scorecard, Scorecards, group_by_unit, scorecards
from wcplan.rules.status import IndicatorResult, Judgement, count_statuses
from wcplan.rules.verdicts import Status

if TYPE_CHECKING:
    import pandas


@dataclass(frozen=True)
class Assessment:
    plan: Plan
    year: int
    results: list[IndicatorResult]
    files: list[str] = field(default_factory=list)
    #: What is judged: the whole year, or the year to date (2022-06, 2022-Q2, 2022-H1)
    period: Period | None = None
    #: Whole-year actuals of every indicator by year, up to the year judged (for paths and charts)
    history: dict[int, dict[int, float]] = field(default_factory=dict)
    #: The filters of the view (`filter`): "units", "categories", "statuses" -> the values kept
    filters: dict[str, tuple] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.period.label if self.period else str(self.year)

    @property
    def whole_year(self) -> bool:
        """Whether the whole year is judged (not the year to date of a period)."""
        return self.period is None or self.period.whole_year

    @property
    def units(self) -> list[Scorecard]:
        """One scorecard per lead unit, in plan order."""
        return group_by_unit(self.results, "lead")

    @property
    def counts(self) -> dict[Status, int]:
        return count_statuses(self.results)

    @property
    def met_or_on_track_share(self) -> float | None:
        """Share of the indicators shown that are met or on track (None when none are shown)."""
        if not self.results:
            return None
        counts = self.counts
        return (counts[Status.MET] + counts[Status.ON_TRACK]) / len(self.results)

    @property
    def illustrative(self) -> list[IndicatorResult]:
        return [r for r in self.results if r.actual is not None and r.actual.illustrative]

    def filter(
        self,
        units: Iterable[str] = (),
        categories: Iterable[str] = (),
        statuses: Iterable[Status] = (),
    ) -> Assessment:
        """Keep the indicators that involve any of the units (as lead or responsible unit),
        belong to any of the categories, and have any of the statuses; empty means all."""
        chosen = {"units": tuple(units), "categories": tuple(categories), "statuses": tuple(statuses)}
        units, categories, statuses = (set(v) for v in chosen.values())
        kept = [
            r
            for r in self.results
            if (not units or units & set(r.indicator.units()))
            and (not categories or r.indicator.category in categories)
            and (not statuses or r.status in statuses)
        ]
        filters = {**self.filters, **{k: v for k, v in chosen.items() if v}}
        return replace(self, results=kept, filters=filters)

    def scorecards(self, by: str = "lead") -> Scorecards:
        """The units' scorecards (`by`: "lead" or "responsible"), best score first."""
        return scorecards(self.results, self.year, by)

    def to_records(self) -> list[dict]:
        """One plain record per indicator, as `wcplan status --format json` prints them."""
        return [r.to_record() for r in self.results]

    def to_frame(self) -> pandas.DataFrame:
        """One row per indicator (the columns of `to_records`); pandas is imported here."""
        return frame(self.to_records())


# ── the rules ────────────────────────────────────────────────────────────────


class ConflictingFigures(ValueError):
    """Two figures for the same indicator and months differ: the rules never choose between them.
    (The reader reports such a conflict as an error, so the command line never gets here.)"""


def assess(
    plan: Plan, actuals: Iterable[Actual], when: int | Period, files: list[str] | None = None
) -> Assessment:
    """Assessment of every indicator of the plan for a year, or for the year to date of a period.

    `actuals`: the tidy table of `wcplan.reading.actuals`, at most one figure per indicator and months
    of a year (a figure covering the whole year, 2022-12 or 2022-Q4, is the year's figure).
    """
    period = whole_year(when) if isinstance(when, int) else when
    year = period.year
    if year not in plan.years:
        raise ValueError(f"{year} is not a plan year")
    by_indicator: dict[int, dict[int, Actual]] = {}
    within: dict[int, list[Actual]] = {}
    for actual in actuals:
        if actual.months == 12:
            years = by_indicator.setdefault(actual.indicator, {})
            _no_conflict(years.get(actual.year), actual)
            years[actual.year] = actual
        elif actual.year == year:
            within.setdefault(actual.indicator, []).append(actual)
    results = [
        assess_indicator(plan, ind, period, by_indicator.get(ind.id, {}), within.get(ind.id, []))
        for ind in plan.indicators
    ]
    # A period sees only its past: the whole-year figures of earlier years.
    seen = year if period.whole_year else year - 1
    history = {
        ident: {y: a.value for y, a in sorted(years.items()) if y <= seen}
        for ident, years in by_indicator.items()
    }
    return Assessment(
        plan=plan, year=year, results=results, files=list(files or []), period=period, history=history
    )


def _no_conflict(earlier: Actual | None, actual: Actual) -> None:
    if earlier is not None and earlier.value != actual.value:
        raise ConflictingFigures(
            f"indicator {actual.indicator}: {earlier.period_label} ({earlier.value:g}) and "
            f"{actual.period_label} ({actual.value:g}) cover the same months but differ"
        )


def assess_indicator(
    plan: Plan,
    indicator: Indicator,
    when: int | Period,
    actuals: Mapping[int, Actual],
    within: Iterable[Actual] = (),
) -> IndicatorResult:
    """The result for one indicator. `actuals`: its whole-year figures by year; `within`: its
    figures for periods within the year judged.

    A view of a period sees only what was known at its end: figures of its year covering at most
    its months, and whole-year figures of earlier years. Its plan so far and outlook are those as
    of the end of the previous year (none in the plan's first year)."""
    period = whole_year(when) if isinstance(when, int) else when
    year = period.year
    target = float(indicator.targets[year])
    rules = Rules.of(plan)
    seen = year if period.whole_year else year - 1
    values = {y: a.value for y, a in actuals.items() if y <= seen}
    earlier = {y: v for y, v in values.items() if y < year}
    actual = _figure(period, actuals.get(year) if period.whole_year else None, list(within))
    expected = schedule_gap = None
    if actual is not None and actual.months < 12 and indicator.measure is Measure.FLOW:
        judgement, expected, schedule_gap = judge_schedule(
            indicator, target, actual.value, actual.months, rules
        )
    else:
        judgement = judge(plan, indicator, year, actual.value if actual else None, earlier)
    gap = completion = None
    if actual is not None:
        gap = actual.value - target
        if indicator.attribute is not Attribute.RATIO and target != 0:
            completion = actual.value / target
    as_of = seen if seen in plan.years else None
    return IndicatorResult(
        indicator,
        year,
        target,
        actual,
        judgement,
        gap,
        completion,
        so_far(plan, indicator, as_of, values) if as_of else None,
        project(plan, indicator, as_of, values) if as_of else None,
        expected,
        schedule_gap,
        provisional=actual is not None and actual.months < 12,
    )


def _figure(period: Period, whole: Actual | None, within: list[Actual]) -> Actual | None:
    """The figure to judge: for a year its whole-year figure, else provisionally the latest
    figure within it; for a period the figure covering exactly its months (a May figure does not
    answer June)."""
    if period.whole_year:
        if whole is not None or not within:
            return whole
        months = max(a.months for a in within)
    else:
        months = period.months
    same = [a for a in within if a.months == months]
    if not same:
        return None
    for other in same[1:]:
        _no_conflict(same[0], other)
    exact = [a for a in same if a.period_label == period.label]
    return (exact or same)[0]


def judge_schedule(
    indicator: Indicator, target: float, actual: float, months: int, rules: Rules | None = None
) -> tuple[Judgement, float, float | None]:
    """A flow within the year against the time schedule (methodology: "A period within the year").

    Returns the judgement, the expected value E = T x f and the schedule gap (A/T - f) x 100 points.
    """
    rules = rules or Rules()
    share = months / 12
    expected = target * share
    schedule_gap = (actual / target - share) * 100 if target else None
    increase = indicator.direction == "increase"
    if rules.reaches(actual, expected, indicator.direction):
        return Judgement(Status.MET), expected, schedule_gap
    if expected == 0 or (not increase and actual == 0):
        # Only a figure on the wrong side of 0 misses an expected value of 0: no ratio exists.
        return (
            Judgement(Status.OFF_TRACK, reason=_("the target is 0 and the actual is below it")),
            expected,
            schedule_gap,
        )
    ratio = actual / expected if increase else expected / actual
    return Judgement(_band(rules, ratio), progress=ratio), expected, schedule_gap


def judge(
    plan: Plan,
    indicator: Indicator,
    year: int,
    actual: float | None,
    earlier_actuals: Mapping[int, float],
) -> Judgement:
    """Year-end status of one indicator (methodology, "Year-end assessment for year Y").

    `indicator` may be a commitment of the tasks file (it has the same attributes, and its own
    `comparison`). `earlier_actuals` maps earlier years (the base year's among them, where one
    was supplied) to whole-year actuals: they stand in for a missing baseline.
    """
    rules = Rules.of(plan)
    target = float(indicator.targets[year])
    direction = indicator.direction
    comparison = indicator.comparison
    increase = direction == "increase"

    # 1. No actual.
    if actual is None:
        return Judgement(Status.NO_DATA)
    # 2. Met, at the threshold with the plan's tolerance.
    if rules.reaches(actual, target, direction, comparison):
        return Judgement(Status.MET)

    # 3. The progress ratio.
    if indicator.attribute is Attribute.ANNUAL:
        if target == 0 or (not increase and actual == 0):
            # Only an actual on the wrong side of 0 misses a target of 0: no ratio exists.
            return Judgement(Status.OFF_TRACK, reason=_("the target is 0 and the actual is below it"))
        ratio = actual / target if increase else target / actual
        return Judgement(_band(rules, ratio), progress=ratio)

    ref = reference(indicator, earlier_actuals, plan.meta.base_year, before=year)
    if ref is None:
        return Judgement(
            Status.UNKNOWN,
            reason=_(
                "no baseline, and no whole-year actual of {base} or of a plan year before {year} to "
                "measure progress from"
            ).format(base=plan.meta.base_year, year=year),
        )
    if rules.reaches(ref.value, target, direction):
        # No increase was planned, or the reference already stands at or beyond the target: a fall
        # from above the target to below it is never progress.
        planned_none = rules.reaches(target, ref.value, direction)  # the target is the reference
        return Judgement(
            Status.OFF_TRACK,
            reference=ref.value,
            reference_year=ref.year,
            reason=(
                _("no change from the reference was planned and the actual missed the target")
                if planned_none
                else _(
                    "the reference ({value}) already stands beyond the target, and the actual fell below it"
                ).format(value=f"{ref.value:g}")
            ),
        )
    ratio = (actual - ref.value) / (target - ref.value)
    return Judgement(_band(rules, ratio), ratio, ref.value, ref.year)


def _band(rules: Rules, ratio: float) -> Status:
    # 4. The bands, each edge belonging to the band above it.
    return rules.band(ratio, Status.ON_TRACK, Status.BEHIND, Status.OFF_TRACK)
