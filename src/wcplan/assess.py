"""The core: plan + actuals in, an assessment out. No printing, no files, no colour.

Every rule here is the year-end assessment of docs/methodology.md (the project's
statement of the shared methodology); the section names below are that document's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from wcplan.compare import Rules
from wcplan.i18n import _
from wcplan.outlook import Projection, SoFar, project, reference, so_far
from wcplan.periods import Period, whole_year
from wcplan.plan import Attribute, Indicator, Measure, Plan
from wcplan.records import Actual


class Status(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    UNKNOWN = "unknown"

    @property
    def assessed(self) -> bool:
        """Whether an actual existed and a status could be computed."""
        return self not in (Status.NO_DATA, Status.UNKNOWN)


STATUSES = list(Status)
LAGGING = (Status.BEHIND, Status.OFF_TRACK)


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
        units, categories, statuses = set(units), set(categories), set(statuses)
        kept = [
            r
            for r in self.results
            if (not units or units & set(r.indicator.units()))
            and (not categories or r.indicator.category in categories)
            and (not statuses or r.status in statuses)
        ]
        return replace(self, results=kept)


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


def scorecards(assessment: Assessment, by: str = "lead") -> list[Scorecard]:
    """The scorecards of `group_by_unit`, best score first; units with nothing assessed last."""
    cards = group_by_unit(assessment.results, by)
    order = {card.unit: i for i, card in enumerate(cards)}
    return sorted(cards, key=lambda c: (c.score is None, -(c.score or 0), order[c.unit]))


def count_statuses(results: Iterable[IndicatorResult]) -> dict[Status, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for r in results:
        counts[r.status] += 1
    return counts


# ── the rules ────────────────────────────────────────────────────────────────


class ConflictingFigures(ValueError):
    """Two figures for the same indicator and months differ: the rules never choose between them.
    (The reader reports such a conflict as an error, so the command line never gets here.)"""


def assess(
    plan: Plan, actuals: Iterable[Actual], when: int | Period, files: list[str] | None = None
) -> Assessment:
    """Assessment of every indicator of the plan for a year, or for the year to date of a period.

    `actuals`: the tidy table of `wcplan.actuals`, at most one figure per indicator and months
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
