"""What a report says, derived from an assessment: the same facts for every format. Pure."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wcplan.base.errors import UsageError
from wcplan.base.i18n import N_, _
from wcplan.render import text
from wcplan.rules.scorecards import Scorecard
from wcplan.rules.status import IndicatorResult
from wcplan.rules.verdicts import LAGGING, Status
from wcplan.rules.yearend import Assessment

if TYPE_CHECKING:
    from wcplan.rules.commitments import TasksAssessment


@dataclass(frozen=True)
class Report:
    assessment: Assessment
    made_on: dt.date
    #: sources of the values shown, with how many values each gave (illustrative included)
    sources: dict[str, int] = field(default_factory=dict)
    #: the plan's tasks and commitments for the year, when there is a tasks file
    tasks: TasksAssessment | None = None

    @property
    def units(self) -> list[Scorecard]:
        return self.assessment.units

    @property
    def lagging(self) -> list[IndicatorResult]:
        """Behind and off track, the furthest behind first: off track before behind, then by the
        lowest progress ratio (a miss without a ratio, such as a missed target of no change, first)."""
        lag = [r for r in self.assessment.results if r.status in LAGGING]
        return sorted(
            lag,
            key=lambda r: (
                r.status is not Status.OFF_TRACK,
                r.progress if r.progress is not None else float("-inf"),
                r.indicator.id,
            ),
        )

    @property
    def no_data(self) -> list[IndicatorResult]:
        return [r for r in self.assessment.results if r.status in (Status.NO_DATA, Status.UNKNOWN)]


def today() -> dt.date:
    """Today, or the date of $SOURCE_DATE_EPOCH (the reproducible-builds convention: whole seconds
    since 1970-01-01 UTC), so that a report can be made again byte for byte. A value that is no
    such number, or no date of the calendar, is a usage error, as the convention asks."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today()
    # ASCII digits only: '²' passes isdigit() but not int(), and int() refuses thousands of digits
    if epoch.isascii() and epoch.isdigit() and len(epoch) <= 18:
        with contextlib.suppress(OverflowError, OSError, ValueError):  # past the year 9999
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    shown = epoch if len(epoch) <= 40 else epoch[:40] + "…"
    raise UsageError(
        _(
            "SOURCE_DATE_EPOCH={value} is not a date wcplan can use; give whole seconds since "
            "1970-01-01 UTC (1700000000 is 2023-11-14), or unset it."
        ).format(value=shown)
    )


def build(
    assessment: Assessment, made_on: dt.date | None = None, tasks: TasksAssessment | None = None
) -> Report:
    sources: dict[str, int] = {}
    for r in assessment.results:
        if r.actual is not None:
            key = r.actual.source or _("(no source given)")
            sources[key] = sources.get(key, 0) + 1
    return Report(assessment, made_on or today(), sources, tasks)


def method(plan) -> list[str]:
    """The judging rules in brief, for every report's closing section (docs/methodology.md in full)."""
    on, behind = plan.meta.thresholds.on_track, plan.meta.thresholds.behind
    on, behind = f"{on:g}", f"{behind:g}"
    return [
        _("Met: the actual reaches the year's target."),
        _(
            "Otherwise the progress ratio R: for annual (当年值) indicators R = actual / target; for "
            "cumulative (累计值) and ratio (占比值) indicators R = (actual − baseline) / (target − "
            "baseline), "
            "the share of the planned rise achieved."
        ),
        _(
            "On track: R ≥ {on}; behind: {behind} ≤ R < {on}; off track: R < {behind}; a ratio on an edge "
            "belongs to the band above. No data: no actual. Unknown: R cannot be computed (no baseline, and "
            "no base-year or earlier actual)."
        ).format(on=on, behind=behind),
        _(
            "Gap = actual − target (percentage points for percentage indicators); completion (完成率) = "
            "actual / "
            "target."
        ),
        _(
            "Within a year (序时进度), flows are judged against target × months / 12; counts and shares "
            "against the year-end target; both provisional."
        ),
        _(
            "Outlook (趋势判断): the final target projected at the pace so far: likely (≥ {on} of the way), "
            "at risk (≥ {behind}), unlikely, or unknown (fewer than two points)."
        ).format(on=on, behind=behind),
    ]


#: The columns of a report's list of what lags, and of its list of indicators without an actual.
LAG_COLUMNS = [N_("ID"), N_("Indicator"), N_("Lead unit"), N_("Status"), N_("Progr."), N_("Gap")]
NO_DATA_COLUMNS = [N_("ID"), N_("Indicator"), N_("Lead unit"), N_("Status"), N_("Why")]


def marked_status(r: IndicatorResult) -> str:
    """The status as a cell shows it: symbol and word, with * where the figure is provisional."""
    return text.status_text(r.status) + ("*" if r.provisional else "")


def lagging_rows(report: Report) -> list[list[str]]:
    """The cells of what lags, furthest first (LAG_COLUMNS), as every document format shows them."""
    plan = report.assessment.plan
    return [
        [
            str(r.indicator.id),
            r.indicator.label,
            plan.unit_label(r.indicator.lead),
            marked_status(r),
            text.progress(r.progress),
            text.gap(r),
        ]
        for r in report.lagging
    ]


def no_data_rows(report: Report) -> list[list[str]]:
    """The cells of the indicators without an actual (NO_DATA_COLUMNS)."""
    plan = report.assessment.plan
    return [
        [
            str(r.indicator.id),
            r.indicator.label,
            plan.unit_label(r.indicator.lead),
            marked_status(r),
            r.judgement.reason or _("no actual"),
        ]
        for r in report.no_data
    ]
