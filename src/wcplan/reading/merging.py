"""Across rows and files: one figure per indicator and months of a year, one figure per commitment
and year, one status per line of work and date. A figure given again is a warning when it is
the same, an error naming both places when it differs, and then neither is kept (wcplan never
chooses). Then the check of implausible jumps between whole-year figures.
"""

from __future__ import annotations

import math

from wcplan.base.findings import Finding, Severity
from wcplan.base.i18n import _
from wcplan.model import measurement_units as units
from wcplan.model.periods import Period
from wcplan.model.plan import Plan
from wcplan.model.records import Actual, Progress
from wcplan.reading.table import Reporter
from wcplan.reading.values import figure_text

#: A value more than this many times (or less than its inverse) the previous year's is flagged.
JUMP = 5.0


class ActualsMerger:
    """Keeps one record per indicator and months of a year, across all files, as rows are read.

    Figures covering the same months are one figure (2022-06 = 2022-Q2 = 2022-H1; 2022-12 =
    2022-Q4 = 2022-H2 = 2022). A repeated figure never becomes a second record: the same value
    again is a warning, a different value an error naming both places, and then neither value is
    kept (wcplan never chooses).
    """

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        self.first: dict[tuple[int, int, int], Actual] = {}
        self.labels: dict[tuple[int, int, int], str] = {}
        self.conflicted: set[tuple[int, int, int]] = set()

    def add(self, record: Actual, label: str) -> None:
        key = (record.indicator, record.year, record.months)
        self.first[key] = record
        self.labels[key] = label

    def seen(self, indicator: int, period: Period, value: float, file: str, line: int) -> bool:
        """Whether this indicator already has a figure for these months; if so, report the repeat."""
        key = (indicator, period.year, period.months)
        earlier = self.first.get(key)
        if earlier is None:
            return False
        same = same_value(earlier.value, value)
        if not same:
            self.conflicted.add(key)
        self.findings.append(
            repeated(indicator, period.label, value, file, line, earlier, self.labels[key], same)
        )
        return True

    def merged(self) -> list[Actual]:
        return [r for k, r in self.first.items() if k not in self.conflicted]


def same_value(earlier: float, value: float) -> bool:
    """Whether a figure given again is the same figure (within float rounding)."""
    return earlier == value or math.isclose(earlier, value, rel_tol=1e-12)


def repeated(
    indicator: int,
    label: str,
    value: float,
    file: str,
    line: int,
    earlier: Actual,
    earlier_label: str,
    same: bool,
) -> Finding:
    """The finding for a figure given again at `file`:`line` for `label`, first given as `earlier`
    (as `earlier_label`): a warning when it is the same figure, else an error naming both places."""
    place = (
        _("line {line}").format(line=earlier.line)
        if earlier.file == file
        else f"{earlier.file}:{earlier.line}"
    )
    if earlier_label != label:
        place = _("{place} (as {label})").format(place=place, label=earlier_label)
    if same:
        return Finding(
            "duplicate-row",
            _(
                "indicator {indicator} for {label} is given again with the same value as at "
                "{place}; the "
                "two are one value."
            ).format(indicator=indicator, label=label, place=place),
            file,
            line,
            None,
            Severity.WARNING,
        )
    return Finding(
        "conflicting-values",
        _(
            "indicator {indicator} for {label} is {value} here but {value2} at {place}; keep one of them."
        ).format(
            indicator=indicator,
            label=label,
            value=figure_text(value),
            value2=figure_text(earlier.value),
            place=place,
        ),
        file,
        line,
    )


class ProgressMerger:
    """Keeps one figure per commitment and year, and one report per line of work and date."""

    def __init__(self):
        self.records: dict[tuple, Progress] = {}
        self.conflicted: set[tuple] = set()

    def add(self, record: Progress, report: Reporter) -> None:
        key = (record.item, record.year) if record.is_commitment else (record.item, record.date)
        earlier = self.records.get(key)
        if earlier is None:
            self.records[key] = record
            return
        place = (
            _("line {line}").format(line=earlier.line)
            if earlier.file == record.file
            else f"{earlier.file}:{earlier.line}"
        )
        what = (
            _("commitment {id} for {year}").format(id=record.item, year=record.year)
            if record.is_commitment
            else _("line of work {id} on {date}").format(id=record.item, date=record.date.isoformat())
        )
        same = (
            math.isclose(earlier.value, record.value, rel_tol=1e-12)
            if record.is_commitment
            else (earlier.status, earlier.note) == (record.status, record.note)
        )
        if same:
            report(
                "duplicate-row",
                _("{what} is given again as at {place}; the two are one report.").format(
                    what=what, place=place
                ),
                record.line,
                severity=Severity.WARNING,
            )
        else:
            self.conflicted.add(key)
            report(
                "conflicting-values",
                _("{what} differs from {place}; keep one of them.").format(what=what, place=place),
                record.line,
            )

    def merged(self) -> list[Progress]:
        return [r for k, r in self.records.items() if k not in self.conflicted]


def implausible_jumps(actuals: list[Actual], plan: Plan) -> list[Finding]:
    """Warn where a whole-year value is over 5x, or under a fifth of, the previous year's figure:
    its actual where there is one, else its target (or the baseline before the first plan year)."""
    years = {(a.indicator, a.year): a for a in actuals if a.period is None}
    found = []
    for (ident, year), actual in years.items():
        indicator = plan.indicator(ident)
        previous = years.get((ident, year - 1))
        if previous is not None:
            reference, what = previous.value, _("its {year} actual").format(year=year - 1)
        elif year - 1 in indicator.targets:
            reference, what = float(indicator.targets[year - 1]), _("its {year} target").format(year=year - 1)
        elif year - 1 == plan.meta.base_year and indicator.baseline is not None:
            reference, what = float(indicator.baseline), _("its {year} baseline").format(year=year - 1)
        else:
            continue
        if reference <= 0:
            continue
        ratio = actual.value / reference
        if ratio > JUMP or ratio < 1 / JUMP:
            size = (
                _("more than {factor} times {what}")
                if ratio > JUMP
                else _("less than a {factor}th of {what}")
            ).format(factor=f"{JUMP:g}", what=what)
            found.append(
                Finding(
                    "implausible-jump",
                    _(
                        "indicator {id} is {value} in {year}, {comparison} ({reference}); check the "
                        "figure and "
                        "its unit ({unit})."
                    ).format(
                        id=ident,
                        value=figure_text(actual.value),
                        year=year,
                        comparison=size,
                        reference=figure_text(reference),
                        unit=units.named(indicator.unit),
                    ),
                    actual.file,
                    actual.line,
                    severity=Severity.WARNING,
                )
            )
    return found
