"""The rules for tasks: the tasks file, actuals and progress in, the state of every line of work
and every commitment for a year out. No printing, no files.

A commitment is judged by the indicator rules (wcplan.rules.yearend.judge, wcplan.rules.outlook) in the
years it is due: every year for a yearly commitment (每年), else the plan's last year. Before
then it is `not_due`, with the plan progress so far and the outlook to its target.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from wcplan.base.plain import clean, frame
from wcplan.model.plan import Attribute, Plan
from wcplan.model.records import Actual, Progress, WorkStatus
from wcplan.rules.outlook import Projection, SoFar, project, so_far
from wcplan.rules.status import Judgement
from wcplan.rules.verdicts import STATUSES, Outlook, Status
from wcplan.rules.yearend import judge

if TYPE_CHECKING:
    import pandas

    # annotations: the renderers that name these results need not build the tasks schema
    from wcplan.model.tasks import Commitment, Line, Task, Tasks

NOT_DUE = "not_due"
#: Every state a commitment can be in for a year: the indicator statuses, then not yet due.
COMMITMENT_STATES = [*(s.value for s in STATUSES), NOT_DUE]
#: A line of work nobody has reported on up to the year.
NO_REPORT = "no_report"
LINE_STATES = [*(s.value for s in WorkStatus), NO_REPORT]


@dataclass(frozen=True)
class CommitmentResult:
    commitment: Commitment
    year: int
    #: Whether the commitment is judged against its target this year.
    due: bool
    target: float | None
    value: float | None
    judgement: Judgement | None
    gap: float | None
    completion: float | None
    so_far: SoFar | None
    projection: Projection | None
    #: The records the value comes from: progress rows, or the actuals of its indicators.
    records: tuple = ()
    #: Indicators measuring it that have no whole-year actual for the year.
    missing: tuple[int, ...] = ()
    #: Its value in each plan year up to the year (those that have one).
    history: dict[int, float] = field(default_factory=dict)

    @property
    def state(self) -> str:
        """The indicator status when due, else 'not_due'."""
        return self.judgement.status.value if self.due else NOT_DUE

    @property
    def outlook(self) -> Outlook | None:
        return self.projection.outlook if self.projection else None

    @property
    def illustrative(self) -> bool:
        return any(r.illustrative for r in self.records)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(r.source for r in self.records if r.source))

    def to_record(self) -> dict:
        """The commitment and its state as a plain record, as `wcplan tasks --format json` prints it."""
        c, j, so_far, projection = self.commitment, self.judgement, self.so_far, self.projection
        return clean(
            {
                "id": c.id,
                "task": c.task.id if c.task else None,
                "line": c.line,
                "name": c.name,
                "name_en": c.name_en,
                "wording": c.wording,
                "unit": c.unit,
                "target": c.target,
                "direction": c.direction,
                # how the value is compared with the target: >= (N以上, 达到 N, 力争 N) or > (超过 N)
                "comparison": c.comparison.symbol(c.direction),
                "due": c.due,
                "yearly": c.yearly,
                "deadline_stated": c.deadline_stated,
                "strive": c.strive,
                "lead": c.leads,
                "lead_named": c.lead_named,
                "measured_by": (
                    {"indicators": c.indicators, "as": str(c.measured_as)} if c.indicators else None
                ),
                "baseline": c.baseline,
                "value": self.value,
                "state": self.state,
                "gap": self.gap,
                "completion": self.completion,
                "progress": j.progress if j else None,
                "reference_year": j.reference_year if j else None,
                "reason": j.reason if j else None,
                "plan_as_of": so_far.as_of if so_far else None,
                "plan_progress": (
                    (so_far.completion if so_far.completion is not None else so_far.progress)
                    if so_far
                    else None
                ),
                "outlook": str(projection.outlook) if projection else None,
                "projected": projection.value if projection else None,
                "missing_indicators": list(self.missing),
                "sources": self.sources,
                "illustrative": self.illustrative,
            }
        )


@dataclass(frozen=True)
class LineResult:
    task: Task
    line: Line
    year: int
    #: The latest status reported up to the end of the year (None: none reported).
    latest: Progress | None
    #: Every report of the year, oldest first.
    reports: tuple[Progress, ...] = ()

    @property
    def state(self) -> str:
        return self.latest.status.value if self.latest else NO_REPORT

    @property
    def stale(self) -> bool:
        """The latest report is from an earlier year."""
        return self.latest is not None and self.latest.year < self.year

    @property
    def illustrative(self) -> bool:
        return self.latest is not None and self.latest.illustrative

    def to_record(self) -> dict:
        """The line of work and its latest status as a plain record, as `wcplan tasks --format json`
        prints it."""
        latest = self.latest
        return clean(
            {
                "id": self.line.id,
                "task": self.task.id,
                "content": self.line.content,
                "content_en": self.line.content_en,
                "firms": list(self.line.firms),
                "milestones": [m.model_dump() for m in self.line.milestones],
                "lead": list(self.task.lead),
                "responsible": list(self.task.responsible),
                "status": self.state,
                "date": latest.date.isoformat() if latest else None,
                "note": latest.note if latest else None,
                "source": latest.source if latest else None,
                "illustrative": self.illustrative,
                "stale": self.stale,
                "reports": [
                    {"date": p.date.isoformat(), "status": str(p.status), "note": p.note}
                    for p in self.reports
                ],
            }
        )


@dataclass(frozen=True)
class UnitTasks:
    """One lead unit's lines of work and commitments for a year."""

    unit: str
    lines: list[LineResult]
    commitments: list[CommitmentResult]

    @property
    def line_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(LINE_STATES, 0)
        for r in self.lines:
            counts[r.state] += 1
        return counts

    @property
    def commitment_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(COMMITMENT_STATES, 0)
        for r in self.commitments:
            counts[r.state] += 1
        return counts

    @property
    def assessed(self) -> int:
        return sum(1 for r in self.commitments if r.due and r.judgement.status.assessed)

    @property
    def score(self) -> float | None:
        """(met + on_track) / assessed over the commitments due this year (None: none assessed)."""
        if not self.assessed:
            return None
        good = sum(
            1 for r in self.commitments if r.due and r.judgement.status in (Status.MET, Status.ON_TRACK)
        )
        return good / self.assessed

    def to_record(self) -> dict:
        return clean(
            {
                "unit": self.unit,
                "lines": [r.line.id for r in self.lines],
                "commitments": [r.commitment.id for r in self.commitments],
                "line_counts": self.line_counts,
                "commitment_counts": self.commitment_counts,
                "score": self.score,
            }
        )


@dataclass(frozen=True)
class TasksAssessment:
    plan: Plan
    tasks: Tasks
    year: int
    commitments: list[CommitmentResult]
    lines: list[LineResult]
    files: tuple[str, ...] = ()
    #: The units a filtered view keeps (`filter`); empty for the whole plan
    units_shown: tuple[str, ...] = ()

    @property
    def units(self) -> list[UnitTasks]:
        """One entry per lead unit (of a task, or of a commitment), in order of first appearance."""
        order: dict[str, UnitTasks] = {}

        def entry(unit: str) -> UnitTasks:
            if unit not in order:
                order[unit] = UnitTasks(unit, [], [])
            return order[unit]

        for r in self.lines:
            for unit in r.task.lead:
                entry(unit).lines.append(r)
        for r in self.commitments:
            for unit in r.commitment.leads:
                entry(unit).commitments.append(r)
        return list(order.values())

    @property
    def illustrative(self) -> bool:
        return any(r.illustrative for r in self.commitments) or any(r.illustrative for r in self.lines)

    @property
    def commitment_counts(self) -> dict[str, int]:
        return UnitTasks("", [], self.commitments).commitment_counts

    @property
    def line_counts(self) -> dict[str, int]:
        return UnitTasks("", self.lines, []).line_counts

    def to_records(self, what: Literal["commitments", "lines"] = "commitments") -> list[dict]:
        """One plain record per commitment (or per line of work), as `wcplan tasks --format json`
        prints them."""
        return [r.to_record() for r in (self.lines if what == "lines" else self.commitments)]

    def to_frame(self, what: Literal["commitments", "lines"] = "commitments") -> pandas.DataFrame:
        """One row per commitment (or per line of work); pandas is imported here."""
        return frame(self.to_records(what))

    def filter(self, units: Iterable[str] = ()) -> TasksAssessment:
        """Keep the lines and commitments that involve any of the units (lead or responsible)."""
        wanted = set(units)
        if not wanted:
            return self
        return replace(
            self,
            lines=[r for r in self.lines if wanted & set(r.task.units())],
            commitments=[r for r in self.commitments if wanted & set(r.commitment.units())],
            units_shown=tuple(dict.fromkeys([*self.units_shown, *units])),
        )


def assess_tasks(
    plan: Plan,
    tasks: Tasks,
    actuals: Iterable[Actual],
    progress: Iterable[Progress],
    year: int,
    files: Iterable[str] = (),
) -> TasksAssessment:
    """The state of every line of work and commitment for `year` (a plan year)."""
    if year not in plan.years:
        raise ValueError(f"{year} is not a plan year")
    whole: dict[tuple[int, int], Actual] = {
        (a.indicator, a.year): a for a in actuals if a.period is None and a.year <= year
    }
    values: dict[tuple[str, int], Progress] = {}
    updates: dict[str, list[Progress]] = {}
    for p in progress:
        if p.year > year:
            continue
        if p.is_commitment:
            values[(p.item, p.year)] = p
        else:
            updates.setdefault(p.item, []).append(p)
    results = [_commitment(plan, c, year, whole, values) for c in tasks.commitments]
    lines = []
    for task in tasks.tasks:
        for line in task.lines:
            mine = sorted(updates.get(line.id, []), key=lambda p: (p.date, p.line or 0))
            lines.append(
                LineResult(
                    task,
                    line,
                    year,
                    mine[-1] if mine else None,
                    tuple(p for p in mine if p.year == year),
                )
            )
    return TasksAssessment(plan, tasks, year, results, lines, tuple(files))


def commitment_value(
    commitment: Commitment, year: int, plan: Plan, whole: dict[tuple[int, int], Actual]
) -> tuple[float | None, tuple, tuple[int, ...]]:
    """(value, records, missing indicators) of a commitment measured by indicators, for a year."""
    from wcplan.model.tasks import MeasuredAs

    records, missing, total = [], [], 0.0
    for ident in commitment.indicators:
        actual = whole.get((ident, year))
        if actual is None:
            missing.append(ident)
            continue
        records.append(actual)
        total += actual.value
        if commitment.measured_as is MeasuredAs.INCREASE:
            total -= float(plan.indicator(ident).baseline)
    if missing:
        return None, tuple(records), tuple(missing)
    return total, tuple(records), ()


def _commitment(
    plan: Plan,
    c: Commitment,
    year: int,
    whole: dict[tuple[int, int], Actual],
    values: dict[tuple[str, int], Progress],
) -> CommitmentResult:
    by_year: dict[int, float] = {}
    records: tuple = ()
    missing: tuple[int, ...] = ()
    # The base year's value too, where one was supplied: it stands in for a missing baseline.
    for y in [plan.meta.base_year, *plan.years]:
        if y > year:
            break
        if c.indicators:
            value, recs, miss = commitment_value(c, y, plan, whole)
        else:
            row = values.get((c.id, y))
            value, recs, miss = (row.value if row else None), ((row,) if row else ()), ()
        if value is not None:
            by_year[y] = value
        if y == year:
            records, missing = recs, miss
    value = by_year.get(year)
    due = c.yearly or year == c.due
    judgement = gap = completion = None
    target = float(c.targets[year]) if due else None
    if due:
        earlier = {y: v for y, v in by_year.items() if y < year}
        judgement = judge(plan, c, year, value, earlier)
        if value is not None:
            gap = value - target
            if c.attribute is not Attribute.RATIO and target:
                completion = value / target
    return CommitmentResult(
        commitment=c,
        year=year,
        due=due,
        target=target,
        value=value,
        judgement=judgement,
        gap=gap,
        completion=completion,
        so_far=so_far(plan, c, year, by_year),
        projection=project(plan, c, year, by_year),
        records=records,
        missing=missing,
        history={y: v for y, v in by_year.items() if y in plan.years},
    )
