"""What commands build before they call the API: the plan and tasks file found and loaded, the
year or period and the filters checked (a usage error otherwise), and the actuals read, refused
on any error with every finding, their warnings and notes printed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import wcplan
from wcplan.base.errors import ActualsError, UsageError
from wcplan.base.i18n import _, ngettext


def load(targets: Path | None):
    """Locate and load the plan file; returns (location, plan)."""
    from wcplan.reading.locate import find_plan

    location = find_plan(targets)
    return location, wcplan.load_plan(location.path)


def check_choices(
    given: list[str] | None, known: list[str], option: str, noun: str, english=None, scope: str = "indicators"
) -> list[str]:
    """Every value of a filter option must name something that exists: by its Chinese name, or
    by its English one (`english`: Chinese name -> English name), in any case. For units,
    `english` is every unit the plan declares: one with nothing in this view (`scope`: its
    indicators, or its tasks) is told apart from a name the plan does not know, and a misspelt
    name gets the closest known names."""
    from wcplan.base.suggest import closest, key

    english = english or {}
    by_key = {key(zh): zh for zh in [*english, *known]} | {key(en): zh for zh, en in english.items() if en}
    chosen = []
    for g in given or []:
        name = g if g in known or g in english else by_key.get(key(g))
        if name in known:
            chosen.append(name)
            continue
        if name is not None and noun == "unit":
            sentence = (
                _(
                    "{name} is a unit of the plan, but it leads no line of work or commitment and is "
                    "responsible for none; the units with tasks are: {known}."
                )
                if scope == "tasks"
                else _(
                    "{name} is a unit of the plan, but it leads no indicator and is responsible for none "
                    "(`wcplan tasks` shows its work); the units with indicators are: {known}."
                )
            )
            raise UsageError(sentence.format(name=name, known=", ".join(known)), param=option)
        names = [*known, *(english[k] for k in known if english.get(k))]
        near = list(dict.fromkeys(by_key[key(n)] for n in closest(g, names)))
        if noun == "unit" and scope == "tasks":
            sentence = _("no unit of the plan is called {names}; the units with tasks are: {known}.")
        elif noun == "unit":
            sentence = _("no unit of the plan is called {names}; the units with indicators are: {known}.")
        else:
            sentence = _("no category is called {names}; the plan's categories are: {known}.")
        if near:
            sentence = _("{sentence} Did you mean {near}?").format(
                sentence=sentence, near=_(" or ").join(near)
            )
        raise UsageError(sentence.format(names=g, known=", ".join(known)), param=option)
    return chosen


def tasks_loader(plan, location, option: Path | None = None, required: bool = True) -> Callable:
    """A function that locates and loads the tasks file once, when first called; it returns None
    when there is no tasks file and none is `required`."""
    loaded = []

    def get():
        if not loaded:
            from wcplan.reading.locate import find_tasks

            path = find_tasks(option, location, required)
            loaded.append(wcplan.load_tasks(path, plan) if path else None)
        return loaded[0]

    return get


def resolve_year(text: str, plan, command: str) -> int:
    """A YEAR argument must be a plan year (a period of the whole year, 2022-12 or 2022年全年, is
    that year); a period within the year is refused with the command that judges one."""
    from wcplan.model.periods import parse_period

    when = parse_period(text)
    if when is not None and not when.whole_year:
        raise UsageError(
            _(
                "wcplan {command} takes a whole plan year such as {year}, not a period; `wcplan status "
                "{period}` judges the year to date."
            ).format(command=command, year=when.year, period=text.strip()),
            "YEAR",
        )
    if when is None:
        raise UsageError(
            _("'{text}' is not a year; give a plan year: {years}.").format(
                text=text, years=", ".join(map(str, plan.years))
            ),
            "YEAR",
        )
    if when.year not in plan.years:
        raise UsageError(
            _("{year} is not a plan year; the plan's years are {years}.").format(
                year=when.year, years=", ".join(map(str, plan.years))
            ),
            "YEAR",
        )
    return when.year


def resolve_period(text: str, plan):
    """The year or period asked for, which must lie in a plan year; else a usage error."""
    from wcplan.model.periods import FORMS_HELP, parse_period

    when = parse_period(text)
    if when is None:
        raise UsageError(
            _("'{text}' is not a year or a period; write it as {forms}.").format(
                text=text, forms=_(FORMS_HELP)
            ),
            param="YEAR|PERIOD",
        )
    if when.year not in plan.years:
        years = ", ".join(map(str, plan.years))
        base = when.year == plan.meta.base_year
        sentence = (
            _("{year} is the base year, not a plan year; the plan's years are {years}.")
            if base
            else _("{year} is not a plan year; the plan's years are {years}.")
        )
        raise UsageError(sentence.format(year=when.year, years=years), param="YEAR|PERIOD")
    return when


def read_valid(plan, location, actuals, env, progress=(), tasks=None):
    """Read the actuals (and the task-progress paths `progress`), refusing them on any error (with
    every finding), and print their warnings and notes. Shared by every command that judges actuals.
    `tasks`: the tasks file or a function loading it (default: found beside the plan file)."""
    from wcplan.reading.locate import find_actuals

    paths = find_actuals(actuals, location) + list(progress)
    read = wcplan.read_actuals(paths, plan, tasks=tasks or tasks_loader(plan, location))
    if read.errors:
        n = len(read.errors)
        raise ActualsError(
            ngettext(
                "the actuals have {n} error; nothing was assessed. `wcplan validate` reports every problem "
                "of the files.",
                "the actuals have {n} errors; nothing was assessed. `wcplan validate` reports every problem "
                "of the files.",
                n,
            ).format(n=n),
            read.findings,
        )
    shown = read.warnings + read.notes
    if shown:  # Rich only when there is something to print
        from wcplan.render.terminal.findings import render_findings

        render_findings(shown, env.stderr)
    return read


def read_all(plan, location, env, tasks=None, actuals=None, progress=None, required=True):
    """Read valid actuals and task progress in one pass; returns (read, tasks file). Without
    `required`, a plan with no tasks file gives None for it (and no progress is read)."""
    from wcplan.reading.locate import find_progress

    loader = tasks_loader(plan, location, tasks, required)
    catalogue = loader()
    paths = find_progress(progress, location) if catalogue is not None else []
    return read_valid(plan, location, actuals, env, paths, loader), catalogue


def assess_both(plan, location, when, env, tasks=None, actuals=None, progress=None):
    """The indicators for `when` and, where there is a tasks file, the tasks for its year, from
    one reading of the files: (assessment, tasks assessment or None)."""
    read, catalogue = read_all(plan, location, env, tasks, actuals, progress, required=False)
    assessment = wcplan.assess(plan, read, when)
    if catalogue is None:
        return assessment, None
    year = when if isinstance(when, int) else when.year
    return assessment, wcplan.assess_tasks(plan, read, year, catalogue)
