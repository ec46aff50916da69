"""Who has reported what (报送情况): for a period, each unit's due indicators, which have a figure
and which are still missing. Data only: no printing, no reading of files.

It takes what the one reading path read, as plain data: the figures, the findings, the rows that
did not become data (`ActualsRead.unread`, read with `ReadOptions(trace=True)`) and the files
read, so that every file is judged as `validate` and `status` judge it. An indicator is due from
a unit for a period when it has a target for the period's year and the unit leads it (with
`by="responsible"`, also when the unit is responsible for it). Its state for the period:

- reported: a figure covers exactly the period's months (2022-06, 2022-Q2 and 2022-H1 are one);
- invalid: no figure, but a row names the indicator and the period and has an error, so that a
  unit that sent a wrong figure is asked to correct it, not to send it;
- not filled in: no figure, but a row of a fill-in sheet names it and was left empty;
- missing: nothing names it.

A file with errors is listed as such, whatever its rows name, since its errors keep `status` from
judging anything until they are corrected.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from wcplan.base.findings import Finding, Severity
from wcplan.base.plain import clean, frame
from wcplan.model.periods import Period
from wcplan.model.plan import Indicator, Plan
from wcplan.model.records import Actual
from wcplan.model.template import Role, due

if TYPE_CHECKING:
    import pandas

#: The finding of a row of a fill-in sheet left empty (wcplan.reading.rowcheck).
NOT_FILLED_CODE = "value-not-filled"


class State(StrEnum):
    REPORTED = "reported"
    INVALID = "invalid"
    NOT_FILLED = "not_filled"
    MISSING = "missing"


STATES = list(State)


def _time(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


@dataclass(frozen=True)
class Row:
    """A row of a file that names an indicator for the period but did not give it a figure."""

    file: str
    line: int
    #: The codes of the errors at the row (none for a row not filled in).
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Due:
    """One indicator due from a unit, and where it stands."""

    indicator: Indicator
    role: Role
    state: State
    actual: Actual | None = None
    rows: tuple[Row, ...] = ()

    def to_record(self) -> dict:
        """As `wcplan submissions --format json` prints each of a unit's indicators."""
        a = self.actual
        return clean(
            {
                "id": self.indicator.id,
                "name": self.indicator.name,
                "name_en": self.indicator.name_en,
                "unit": self.indicator.unit,
                "role": str(self.role),
                "state": str(self.state),
                "value": a.value if a else None,
                "period": a.period_label if a else None,
                "source": a.source if a else None,
                "illustrative": a.illustrative if a else False,
                "reporter": a.reporter if a else None,
                "location": f"{a.file}:{a.line}" if a and a.file else None,
                "rows": [{"file": r.file, "line": r.line, "errors": list(r.codes)} for r in self.rows],
            }
        )


@dataclass(frozen=True)
class SourceFile:
    """A file that a unit's figures or rows came from."""

    file: str
    modified: dt.datetime | None
    #: The reporters (填报单位) its figures name, in order of first appearance.
    reporters: tuple[str, ...]

    def to_record(self) -> dict:
        return {"file": self.file, "modified": _time(self.modified), "reporters": list(self.reporters)}


@dataclass(frozen=True)
class UnitSubmissions:
    unit: str
    due: list[Due]
    files: list[SourceFile]

    @property
    def counts(self) -> dict[State, int]:
        return _count(self.due)

    @property
    def outstanding(self) -> list[Due]:
        """What the unit is still to send (or to correct)."""
        return [d for d in self.due if d.state is not State.REPORTED]

    def to_record(self) -> dict:
        """As `wcplan submissions --format json` prints each unit."""
        return {
            "unit": self.unit,
            "counts": {str(k): v for k, v in self.counts.items()},
            "indicators": [d.to_record() for d in self.due],
            "files": [f.to_record() for f in self.files],
        }


@dataclass(frozen=True)
class FileWithErrors:
    file: str
    modified: dt.datetime | None
    #: Errors per code, most frequent first.
    codes: dict[str, int]

    @property
    def errors(self) -> int:
        return sum(self.codes.values())

    def to_record(self) -> dict:
        return {
            "file": self.file,
            "errors": self.errors,
            "codes": self.codes,
            "modified": _time(self.modified),
        }


@dataclass(frozen=True)
class Submissions:
    plan: Plan
    period: Period
    #: "lead" or "responsible" (see the module's docstring).
    by: str
    units: list[UnitSubmissions]
    files_with_errors: list[FileWithErrors]
    #: Every file read.
    files: list[str]

    @property
    def counts(self) -> dict[State, int]:
        """Each indicator counted once, however many units it is due from."""
        unique = {d.indicator.id: d for u in self.units for d in u.due}
        return _count(unique.values())

    @property
    def outstanding(self) -> list[UnitSubmissions]:
        """The units still to send something (催报清单), in plan order."""
        return [u for u in self.units if u.outstanding]

    @property
    def complete(self) -> bool:
        """Every due indicator has a figure, and no file has an error."""
        return not self.outstanding and not self.files_with_errors

    def to_records(self) -> list[dict]:
        """One plain record per unit, its indicators and files inside, as `wcplan submissions
        --format json` prints them under "units"."""
        return [u.to_record() for u in self.units]

    def to_frame(self) -> pandas.DataFrame:
        """One row per indicator due from a unit: the unit (`due_from`), then the indicator's
        record, its rows without a figure as `file:line` (`rows`) and their error codes (`errors`).
        pandas is imported here."""
        rows = []
        for u in self.units:
            for d in u.due:
                record = d.to_record()
                record["rows"] = ", ".join(f"{r.file}:{r.line}" for r in d.rows) or None
                record["errors"] = ", ".join(dict.fromkeys(c for r in d.rows for c in r.codes)) or None
                rows.append({"due_from": u.unit, **record})
        columns = ["due_from", "id", "name", "name_en", "unit", "role", "state", "value", "period"]
        return frame(rows, [*columns, "source", "illustrative", "reporter", "location", "rows", "errors"])


def _count(items: Iterable[Due]) -> dict[State, int]:
    counts = dict.fromkeys(STATES, 0)
    for d in items:
        counts[d.state] += 1
    return counts


def collect(
    plan: Plan,
    period: Period,
    actuals: Iterable[Actual],
    findings: Iterable[Finding],
    unread: Mapping[tuple[str, int], tuple[int, int, int]],
    files: Sequence[str],
    by: str = "lead",
    units: list[str] | None = None,
    modified: Mapping[str, dt.datetime] | None = None,
) -> Submissions:
    """Who has reported what for `period`: every unit of the plan, in plan order, or `units`, in
    their order.

    `actuals`, `findings`, `unread`, `files`: what the reader read (ActualsRead, traced);
    `modified`: when each file was last changed."""
    if by not in ("lead", "responsible"):
        raise ValueError(f"by must be 'lead' or 'responsible', not {by!r}")
    modified = modified or {}
    findings = list(findings)
    figures = {a.indicator: a for a in actuals if (a.year, a.months) == (period.year, period.months)}
    errors: dict[tuple[str | None, int | None], list[str]] = {}
    not_filled = set()
    for f in findings:
        if f.severity is Severity.ERROR:
            errors.setdefault((f.file, f.line), []).append(f.code)
        elif f.code == NOT_FILLED_CODE:
            not_filled.add((f.file, f.line))
    rows: dict[int, list[Row]] = {}
    for (file, line), (ident, year, months) in unread.items():
        if (year, months) != (period.year, period.months):
            continue
        if (file, line) in errors:
            rows.setdefault(ident, []).append(Row(file, line, tuple(errors[file, line])))
        elif (file, line) in not_filled:
            rows.setdefault(ident, []).append(Row(file, line))
        # any other such row repeats a figure given elsewhere (a warning): the figure is there

    chosen = units or (plan.lead_units() if by == "lead" else plan.all_units())
    result = []
    for unit in chosen:
        items = [
            _due(indicator, role, figures.get(indicator.id), rows.get(indicator.id, []))
            for indicator, role in due(plan, unit, period.year)
            if by == "responsible" or role is Role.LEAD
        ]
        if items:
            result.append(UnitSubmissions(unit, items, _sources(items, modified)))

    by_file: dict[str, Counter] = {}
    for f in findings:
        if f.severity is Severity.ERROR:
            by_file.setdefault(f.file or "", Counter())[f.code] += 1
    order = {name: n for n, name in enumerate(files)}
    with_errors = [
        FileWithErrors(name, modified.get(name), dict(sorted(c.items(), key=lambda i: (-i[1], i[0]))))
        for name, c in sorted(by_file.items(), key=lambda item: order.get(item[0], -1))
    ]
    return Submissions(plan, period, by, result, with_errors, list(files))


def _due(indicator: Indicator, role: Role, actual: Actual | None, rows: list[Row]) -> Due:
    if actual is not None:
        return Due(indicator, role, State.REPORTED, actual)
    invalid = tuple(r for r in rows if r.codes)
    if invalid:
        return Due(indicator, role, State.INVALID, rows=invalid)
    if rows:
        return Due(indicator, role, State.NOT_FILLED, rows=tuple(rows))
    return Due(indicator, role, State.MISSING)


def _sources(items: list[Due], modified: Mapping[str, dt.datetime]) -> list[SourceFile]:
    """The files the unit's figures and rows came from, in order of first appearance."""
    reporters: dict[str, dict[str, None]] = {}
    for d in items:
        if d.actual is not None and d.actual.file:
            found = reporters.setdefault(d.actual.file, {})
            if d.actual.reporter:
                found[d.actual.reporter] = None
        for row in d.rows:
            reporters.setdefault(row.file, {})
    return [SourceFile(name, modified.get(name), tuple(names)) for name, names in reporters.items()]
