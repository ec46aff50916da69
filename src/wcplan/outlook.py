"""The whole plan so far, and the outlook to the final target (methodology: "The whole plan
so far", "Outlook to the final target"). Pure: no printing, no files."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from wcplan.i18n import _
from wcplan.plan import Attribute, Indicator, Plan


class Outlook(StrEnum):
    LIKELY = "likely"
    AT_RISK = "at_risk"
    UNLIKELY = "unlikely"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class SoFar:
    """How far the whole plan has come by year Y."""

    #: annual indicators (累计法): sum of actuals / sum of targets over the years with an actual
    completion: float | None = None
    #: cumulative and ratio indicators: (A_Y - ref) / (T_final - ref)
    progress: float | None = None
    #: plan years up to Y without an actual: named, never counted as zero
    missing_years: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Projection:
    outlook: Outlook
    #: the projected final-year value (cumulative, ratio) or plan total (annual)
    value: float | None = None
    #: the outlook ratio O
    ratio: float | None = None
    reason: str | None = None


def so_far(plan: Plan, indicator: Indicator, year: int, actuals: Mapping[int, float]) -> SoFar:
    """`actuals`: whole-year actuals of this indicator by year."""
    years = [y for y in plan.years if y <= year]
    missing = [y for y in years if y not in actuals]
    if indicator.attribute is Attribute.ANNUAL:
        present = [y for y in years if y in actuals]
        total_target = sum(float(indicator.targets[y]) for y in present)
        completion = sum(actuals[y] for y in present) / total_target if present and total_target else None
        return SoFar(completion=completion, missing_years=missing)
    ref = _reference(indicator, actuals, before=year)
    final = float(indicator.targets[plan.years[-1]])
    progress = None
    if year in actuals and ref is not None and not math.isclose(final, ref[1]):
        progress = (actuals[year] - ref[1]) / (final - ref[1])
    return SoFar(progress=progress, missing_years=missing)


def project(plan: Plan, indicator: Indicator, year: int, actuals: Mapping[int, float]) -> Projection | None:
    """The outlook to the final target from the whole-year actuals up to `year`; None in the last year."""
    last = plan.years[-1]
    if year >= last:
        return None
    final = float(indicator.targets[last])
    sign = 1.0 if indicator.direction == "increase" else -1.0
    known = {y: a for y, a in sorted(actuals.items()) if y in plan.years and y <= year}
    points = (
        [(plan.meta.base_year, float(indicator.baseline))] if indicator.baseline is not None else []
    ) + list(known.items())
    if len(points) < 2:
        return Projection(
            Outlook.UNKNOWN, reason=_("fewer than two points (baseline and actuals) to project from")
        )
    latest_year, latest = points[-1]
    already = sign * (latest - final) >= 0 or math.isclose(latest, final)

    if indicator.attribute is Attribute.ANNUAL:
        values = list(known.values())
        # Remaining years: the plan years whose actual is not known yet (a missing year is
        # projected at the mean pace, like a future one, rather than counted as zero).
        remaining = len(plan.years) - len(values)
        total = sum(values) + (sum(values) / len(values)) * remaining if values else None
        target_total = sum(float(indicator.targets[y]) for y in plan.years)
        if total is None:
            return Projection(Outlook.UNKNOWN, reason=_("no actual of a plan year yet"))
        if target_total == 0:
            return Projection(Outlook.LIKELY, total, None)
        ratio = total / target_total if sign > 0 else (target_total / total if total else math.inf)
        return Projection(_band(plan, ratio, already), total, ratio)

    first_year, first = points[0]
    slope = (latest - first) / (latest_year - first_year)
    projected = latest + slope * (last - latest_year)
    ref = (plan.meta.base_year, float(indicator.baseline)) if indicator.baseline is not None else points[0]
    if math.isclose(final, ref[1]):
        outlook = Outlook.LIKELY if already else Outlook.UNLIKELY
        return Projection(outlook, projected, None, reason=_("no change from the reference is planned"))
    ratio = (projected - ref[1]) / (final - ref[1])
    return Projection(_band(plan, ratio, already), projected, ratio)


def _band(plan: Plan, ratio: float, already: bool) -> Outlook:
    """The same bands as the year-end status (0.95 and 0.6 unless the plan file says otherwise)."""
    thresholds = plan.meta.thresholds
    if already or ratio >= thresholds.on_track:
        return Outlook.LIKELY
    if ratio >= thresholds.behind:
        return Outlook.AT_RISK
    return Outlook.UNLIKELY


def _reference(indicator: Indicator, actuals: Mapping[int, float], before: int) -> tuple[int, float] | None:
    """The baseline, or where it is missing the earliest actual of a plan year before `before`."""
    if indicator.baseline is not None:
        return (0, float(indicator.baseline))
    earlier = sorted(y for y in actuals if y < before)
    return (earlier[0], actuals[earlier[0]]) if earlier else None


@dataclass(frozen=True)
class Trend:
    """One indicator over the plan: every year judged, and the projection from the latest year."""

    indicator: Indicator
    #: one year-end result per plan year, in order (wcplan.assess.IndicatorResult)
    years: list
    #: the outlook from the latest plan year with a whole-year actual (None if that is the last year)
    projection: Projection | None
    #: the year the projection starts from
    projected_from: int | None


def trend(plan: Plan, indicator: Indicator, actuals) -> Trend:
    """`actuals`: the tidy table (records of any indicator; whole-year values are used)."""
    from wcplan.assess import assess_indicator  # the core's year-end rules, per year

    mine = {a.year: a for a in actuals if a.indicator == indicator.id and a.period is None}
    years = [assess_indicator(plan, indicator, year, mine) for year in plan.years]
    known = [y for y in plan.years if y in mine]
    latest = known[-1] if known else plan.meta.base_year
    values = {y: mine[y].value for y in known}
    projection = project(plan, indicator, latest, values) if latest < plan.years[-1] else None
    return Trend(indicator, years, projection, latest if projection else None)
