"""wcplan: progress checker for the Wangcheng District advanced-manufacturing action plan.

The Python API, for analysts who work in Jupyter: the same steps the command line takes, each
result convertible to plain records (``to_records()``) and to a pandas DataFrame (``to_frame()``)::

    import wcplan

    plan = wcplan.load_plan()                  # data/targets.yaml, found as the CLI finds it
    read = wcplan.read_actuals(plan=plan)      # the actuals (and task progress) beside it
    assert not read.errors, read.findings      # every problem with file, line and column
    year = wcplan.assess(plan, read, 2022)     # or "2022-H1", "2022-06", a Period
    year.to_frame()                            # one row per indicator: target, actual, status, …
    wcplan.score_units(year).to_frame()        # one row per lead unit: counts, score
    wcplan.assess_tasks(plan, read, 2022).to_frame()   # one row per commitment

    traced = wcplan.read_actuals(plan=plan, trace=True)     # rows without a figure kept too
    wcplan.submissions(plan, traced, "2022-H1").to_frame()  # who has reported what (报送情况)

`wcplan status 2022 --format json` prints ``year.to_records()`` as its "indicators": the
command line is a thin skin over these functions. Importing wcplan is light: each function
imports what it needs when called, and pandas only in ``to_frame()``.

Errors are exceptions of wcplan.base.errors (a `WcplanError` carries one sentence and, where
files are concerned, their findings); invalid actuals are not an exception but findings of
the `ActualsRead` (``read.errors``), as `wcplan validate` reports them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from wcplan.base.findings import Finding, Validation
    from wcplan.model.periods import Period
    from wcplan.model.plan import Indicator, Plan
    from wcplan.model.records import Actual, Progress
    from wcplan.model.tasks import Tasks
    from wcplan.reading.actuals import ActualsRead
    from wcplan.rules.commitments import TasksAssessment
    from wcplan.rules.scorecards import Scorecards
    from wcplan.rules.submissions import Submissions
    from wcplan.rules.trend import Trend
    from wcplan.rules.verdicts import Status
    from wcplan.rules.yearend import Assessment

__all__ = [
    "Actual",
    "ActualsRead",
    "Assessment",
    "Finding",
    "Indicator",
    "Period",
    "Plan",
    "Progress",
    "Scorecards",
    "Status",
    "Submissions",
    "Tasks",
    "TasksAssessment",
    "Trend",
    "Validation",
    "__version__",
    "assess",
    "assess_tasks",
    "load_plan",
    "load_tasks",
    "read_actuals",
    "score_units",
    "submissions",
    "trend",
]

PathLike = str | os.PathLike[str]

#: The result types, imported when first named (``wcplan.Assessment``), so that `import wcplan`
#: and `wcplan --help` stay light.
_TYPES = {
    "Actual": "wcplan.model.records",
    "ActualsRead": "wcplan.reading.actuals",
    "Assessment": "wcplan.rules.yearend",
    "Finding": "wcplan.base.findings",
    "Indicator": "wcplan.model.plan",
    "Period": "wcplan.model.periods",
    "Plan": "wcplan.model.plan",
    "Progress": "wcplan.model.records",
    "Scorecards": "wcplan.rules.scorecards",
    "Status": "wcplan.rules.status",
    "Submissions": "wcplan.rules.submissions",
    "Tasks": "wcplan.model.tasks",
    "TasksAssessment": "wcplan.rules.commitments",
    "Trend": "wcplan.rules.trend",
    "Validation": "wcplan.base.findings",
}


def __getattr__(name: str):
    if name in _TYPES:
        import importlib

        return getattr(importlib.import_module(_TYPES[name]), name)
    raise AttributeError(f"module 'wcplan' has no attribute {name!r}")


def load_plan(path: PathLike | None = None) -> Plan:
    """The plan file at `path`, validated; without one, the plan file the command line would use:
    $WCPLAN_TARGETS, else data/targets.yaml here or in a parent folder, else the shipped copy.

    Raises `PlanFileError` with a finding (file, line, column) for each problem of the file.

    >>> plan = load_plan()
    >>> plan.indicator(27).name
    '全社会研发经费投入占GDP比重'
    """
    from wcplan.base.paths import display_path
    from wcplan.model.planfile import load_plan as load
    from wcplan.reading.files import record
    from wcplan.reading.locate import find_plan

    location = find_plan(Path(path) if path is not None else None)
    record(location.path)
    return load(location.path, display_path(location.path))


def load_tasks(path: PathLike | None = None, plan: Plan | None = None) -> Tasks:
    """The tasks file at `path` (default: tasks.yaml beside the plan file load_plan() finds),
    validated against `plan` (default: load_plan()).

    >>> tasks = load_tasks()
    >>> tasks.commitment("C02").name
    '园区规模工业产值'
    """
    from wcplan.base.paths import display_path
    from wcplan.model.tasksfile import load_tasks as load
    from wcplan.reading.files import record
    from wcplan.reading.locate import find_plan, find_tasks

    plan = plan if plan is not None else load_plan()
    found = find_tasks(Path(path) if path is not None else None, find_plan(None) if path is None else None)
    record(found)
    return load(found, plan, display_path(found))


def read_actuals(
    paths: PathLike | Iterable[PathLike] | None = None,
    plan: Plan | None = None,
    *,
    tasks: Tasks | Callable[[], Tasks | None] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    files_required: bool = False,
    trace: bool = False,
) -> ActualsRead:
    """Read CSV and Excel files of actuals (and of task progress) into one table, with a finding
    for every problem. Never raises for what the files hold: check ``read.errors``.

    `paths`: files or folders (their .csv and .xlsx files); default: the actuals/ and progress/
    folders beside the plan file load_plan() finds. `plan`: default load_plan(). `tasks`: the tasks
    file that progress files are read against (or a function returning it), loaded beside the plan
    file when a progress file is met and none is given. `encoding`: decode CSV files with it
    instead of detecting UTF-8 or GBK; `sheet`: the worksheet of workbooks (default: the first);
    `files_required`: a folder with no file to read is an error, not a warning; `trace`: keep what
    each row that did not become data names (``read.unread``), as `submissions` needs.

    >>> read = read_actuals()
    >>> read.to_frame()[["indicator", "year", "value", "source"]].head(1)   # doctest: +SKIP
    """
    from wcplan.reading.actuals import ReadOptions
    from wcplan.reading.actuals import read_actuals as read
    from wcplan.reading.locate import find_actuals, find_plan, find_progress

    plan = plan if plan is not None else load_plan()
    if paths is None:
        location = find_plan(None)
        chosen = find_actuals(None, location) + find_progress(None, location)
    elif isinstance(paths, str | os.PathLike):
        chosen = [Path(paths)]
    else:
        chosen = [Path(p) for p in paths]
    if tasks is None:
        tasks = lambda: load_tasks(plan=plan)  # noqa: E731 (loaded only if a progress file needs it)
    options = ReadOptions(encoding=encoding, sheet=sheet, files_required=files_required, trace=trace)
    return read(chosen, plan, options, tasks=tasks)


def assess(plan: Plan, actuals: ActualsRead | Iterable[Actual], when: int | str | Period) -> Assessment:
    """Every indicator of the plan judged for a plan year (2022), or for the year to date of a
    period ("2022-H1", "2022-06", "2022年上半年", a Period), by the rules of docs/methodology.md.

    `actuals`: what read_actuals() read (its files are named in the result), or any iterable of
    `Actual` records. Raises ValueError for a year outside the plan or a text that is no period.

    >>> year = assess(load_plan(), read_actuals(), 2022)
    >>> year.counts[Status.MET]   # doctest: +SKIP
    22
    """
    from wcplan.model.periods import parse_period
    from wcplan.reading.actuals import ActualsRead
    from wcplan.rules.yearend import assess as judge_all

    if isinstance(when, str):
        period = parse_period(when)
        if period is None:
            raise ValueError(f"{when!r} is not a year or a period")
        when = period
    if isinstance(actuals, ActualsRead):
        return judge_all(plan, actuals.actuals, when, actuals.actuals_files)
    return judge_all(plan, actuals, when)


def _period(plan: Plan, when: int | str | Period) -> Period:
    """A plan year, a text naming a year or a period, or a Period, as a Period of a plan year."""
    from wcplan.model.periods import parse_period, whole_year

    if isinstance(when, int):
        when = whole_year(when)
    elif isinstance(when, str):
        period = parse_period(when)
        if period is None:
            raise ValueError(f"{when!r} is not a year or a period")
        when = period
    if when.year not in plan.years:
        raise ValueError(f"{when.year} is not a plan year")
    return when


def score_units(assessment: Assessment, by: str = "lead") -> Scorecards:
    """The scorecards (考核) of the lead units (`by="lead"`) or of the responsible units
    (`by="responsible"`): indicators per status, score (met + on track) / assessed, worst
    indicator; best score first.

    >>> score_units(assess(load_plan(), read_actuals(), 2022)).to_frame()   # doctest: +SKIP
    """
    return assessment.scorecards(by)


def assess_tasks(plan: Plan, actuals: ActualsRead, year: int, tasks: Tasks | None = None) -> TasksAssessment:
    """Every line of work (its latest status up to the year) and every commitment (judged like an
    indicator when due, else its progress and outlook) of the tasks file for a plan year.

    `actuals`: what read_actuals() read, task progress included; `tasks`: default load_tasks().
    """
    from wcplan.rules.commitments import assess_tasks as judge_tasks

    tasks = tasks if tasks is not None else load_tasks(plan=plan)
    return judge_tasks(plan, tasks, actuals.actuals, actuals.progress, year, actuals.files)


def trend(plan: Plan, indicator: Indicator | int, actuals: ActualsRead | Iterable[Actual]) -> Trend:
    """One indicator (or its id) over the plan: each year judged, and the outlook from the latest.

    >>> trend(load_plan(), 1, read_actuals()).to_frame()[["year", "actual", "status"]]   # doctest: +SKIP
    """
    from wcplan.reading.actuals import ActualsRead
    from wcplan.rules.trend import trend as follow

    if isinstance(indicator, int):
        found = plan.indicator(indicator)
        if found is None:
            raise ValueError(f"indicator {indicator} is not in the plan")
        indicator = found
    table = actuals.actuals if isinstance(actuals, ActualsRead) else actuals
    return follow(plan, indicator, table)


def submissions(
    plan: Plan,
    actuals: ActualsRead,
    when: int | str | Period,
    by: str = "lead",
    units: Iterable[str] | None = None,
) -> Submissions:
    """Who has reported what for a plan year or a period (报送情况): for each unit, the indicators
    due from it, each reported, invalid (a row with an error names it), not filled in (a fill-in
    sheet's row left empty) or missing, with the files and when each was last changed; and who is
    still to report (``.outstanding``, 催报清单).

    `actuals`: what ``read_actuals(..., trace=True)`` read (without `trace`, a row with an error
    could not be told from a figure never sent: a ValueError). `by`: ``"lead"``, the indicators
    each unit leads; ``"responsible"``, those it is responsible for too. `units`: only these
    (default: every unit that owes something).

    >>> plan = load_plan()
    >>> result = submissions(plan, read_actuals(plan=plan, trace=True), 2022)
    >>> [(u.unit, [d.indicator.id for d in u.outstanding]) for u in result.outstanding]
    [('区工信局', [17, 35]), ('区科技局', [27])]
    """
    from wcplan.reading.files import modification_times
    from wcplan.rules.submissions import collect

    if actuals.unread is None:
        raise ValueError("read the actuals with read_actuals(..., trace=True) to tell who has reported")
    return collect(
        plan,
        _period(plan, when),
        actuals.actuals,
        actuals.findings,
        actuals.unread,
        actuals.files,
        by,
        list(units) if units is not None else None,
        modification_times(actuals.files),
    )
