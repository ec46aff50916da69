"""The whole plan so far, and the outlook to the final target (methodology: "The whole plan
so far", "Outlook to the final target"). Pure: no printing, no files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from wcplan.base.i18n import _
from wcplan.model.plan import Attribute, Indicator, Plan
from wcplan.rules.compare import Rules
from wcplan.rules.verdicts import Outlook


@dataclass(frozen=True)
class Reference:
    """What progress is measured from: the baseline, or where it is missing a whole-year actual
    standing in for it (methodology, "Year-end assessment", step 3)."""

    value: float
    #: The year of the actual that stands in for a missing baseline; None for the baseline itself.
    year: int | None = None


def reference(
    indicator: Indicator, actuals: Mapping[int, float], base_year: int, before: int
) -> Reference | None:
    """The baseline; where it is missing, a whole-year actual of the base year where one was
    supplied, else the earliest whole-year actual of a plan year before `before`; else None.

    `actuals`: whole-year actuals of this indicator by year (the base year's may be among them)."""
    if indicator.baseline is not None:
        return Reference(float(indicator.baseline))
    if base_year in actuals:
        return Reference(float(actuals[base_year]), base_year)
    earlier = sorted(y for y in actuals if base_year < y < before)
    return Reference(float(actuals[earlier[0]]), earlier[0]) if earlier else None


@dataclass(frozen=True)
class SoFar:
    """How far the whole plan has come by the end of year `as_of`."""

    #: the year whose end it describes: the year judged, or for a period the year before it
    as_of: int
    #: annual indicators (累计法): sum of actuals / sum of targets over the years with an actual
    completion: float | None = None
    #: cumulative and ratio indicators: (A_Y - ref) / (T_final - ref)
    progress: float | None = None
    #: plan years up to `as_of` without an actual: named, never counted as zero
    missing_years: list[int] = field(default_factory=list)
    #: the year of the actual standing in for a missing baseline (None: the baseline)
    reference_year: int | None = None
    #: why no figure was computed where an actual exists
    reason: str | None = None


@dataclass(frozen=True)
class Projection:
    outlook: Outlook
    #: the projected final-year value (cumulative, ratio) or plan total (annual)
    value: float | None = None
    #: the outlook ratio O
    ratio: float | None = None
    reason: str | None = None
    #: the year of the latest actual it starts from (None where there is none)
    as_of: int | None = None
    #: the year of the actual standing in for a missing baseline (None: the baseline)
    reference_year: int | None = None


def so_far(plan: Plan, indicator: Indicator, year: int, actuals: Mapping[int, float]) -> SoFar:
    """The whole plan so far at the end of `year`. `actuals`: whole-year actuals of this
    indicator by year; those after `year` are not looked at."""
    years = [y for y in plan.years if y <= year]
    missing = [y for y in years if y not in actuals]
    if indicator.attribute is Attribute.ANNUAL:
        present = [y for y in years if y in actuals]
        total_target = sum(float(indicator.targets[y]) for y in present)
        completion = sum(actuals[y] for y in present) / total_target if present and total_target else None
        return SoFar(year, completion=completion, missing_years=missing)
    ref = reference(indicator, actuals, plan.meta.base_year, before=year)
    final = float(indicator.targets[plan.years[-1]])
    progress = reason = None
    if year in actuals and ref is not None:
        if Rules.of(plan).reaches(ref.value, final, indicator.direction):
            reason = _("the reference already stands at or beyond the final target")
        else:
            progress = (actuals[year] - ref.value) / (final - ref.value)
    ref_year = ref.year if ref else None
    return SoFar(year, progress=progress, missing_years=missing, reference_year=ref_year, reason=reason)


def project(plan: Plan, indicator: Indicator, year: int, actuals: Mapping[int, float]) -> Projection | None:
    """The outlook to the final target from the whole-year actuals up to `year` (those after it
    are not looked at); None in the plan's last year."""
    last = plan.years[-1]
    if year >= last:
        return None
    rules = Rules.of(plan)
    base_year = plan.meta.base_year
    final = float(indicator.targets[last])
    direction = indicator.direction
    comparison = indicator.comparison
    known = {y: float(a) for y, a in sorted(actuals.items()) if y in plan.years and y <= year}
    ref = reference(indicator, actuals, base_year, before=year + 1)
    ref_year = ref.year if ref else None
    # The points: the base year's value (the baseline, or an actual standing in for it), then
    # the actual of every plan year up to `year`.
    based = ref is not None and ref.year in (None, base_year)
    points = ([(base_year, ref.value)] if based else []) + list(known.items())
    if known:
        latest = list(known.items())[-1]
    else:
        latest = (base_year, ref.value) if ref is not None and ref.year == base_year else None
    as_of = latest[0] if latest else None

    if latest is not None and rules.reaches(latest[1], final, direction, comparison):
        # Likely where the latest actual already meets the final target, however few points.
        value, ratio = _projected(plan, indicator, known, points, ref) if len(points) >= 2 else (None, None)
        return Projection(
            Outlook.LIKELY,
            value,
            ratio,
            reason=_("the latest actual ({year}) already meets the final target").format(year=latest[0]),
            as_of=as_of,
            reference_year=ref_year,
        )
    if len(points) < 2:
        return Projection(
            Outlook.UNKNOWN,
            reason=_("fewer than two points (baseline and actuals) to project from"),
            as_of=as_of,
            reference_year=ref_year,
        )
    if indicator.attribute is not Attribute.ANNUAL and rules.reaches(ref.value, final, direction):
        return Projection(
            Outlook.UNLIKELY,
            reason=_("the final target is not beyond the reference, and the latest actual misses it"),
            as_of=as_of,
            reference_year=ref_year,
        )
    value, ratio = _projected(plan, indicator, known, points, ref)
    if ratio is None:
        reason = _("no actual of a plan year yet")
        return Projection(Outlook.UNKNOWN, value, reason=reason, as_of=as_of, reference_year=ref_year)
    outlook = rules.band(ratio, Outlook.LIKELY, Outlook.AT_RISK, Outlook.UNLIKELY)
    return Projection(outlook, value, ratio, as_of=as_of, reference_year=ref_year)


def _projected(
    plan: Plan,
    indicator: Indicator,
    known: dict[int, float],
    points: list[tuple[int, float]],
    ref: Reference | None,
) -> tuple[float | None, float | None]:
    """(the projected value, the outlook ratio O); either is None where it cannot be computed."""
    last = plan.years[-1]
    increase = indicator.direction == "increase"
    if indicator.attribute is Attribute.ANNUAL:
        values = list(known.values())
        if not values:
            return None, None
        # Every plan year without an actual is projected at the mean pace, like a future one,
        # rather than counted as zero.
        remaining = len(plan.years) - len(values)
        total = sum(values) + (sum(values) / len(values)) * remaining
        target_total = sum(float(indicator.targets[y]) for y in plan.years)
        if target_total == 0 or (not increase and total == 0):
            return total, None
        return total, (total / target_total if increase else target_total / total)
    final = float(indicator.targets[last])
    (first_year, first), (latest_year, latest) = points[0], points[-1]
    slope = (latest - first) / (latest_year - first_year)
    projected = latest + slope * (last - latest_year)
    if ref is None or final == ref.value:
        return projected, None
    return projected, (projected - ref.value) / (final - ref.value)
