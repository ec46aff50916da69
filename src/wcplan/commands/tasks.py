"""`wcplan tasks YEAR`: the plan's tasks by lead unit, their lines of work and commitments."""

from __future__ import annotations

from typing import Annotated

import typer

from wcplan import options
from wcplan.commands.common import check_choices, check_year, load, tasks_loader
from wcplan.commands.units import UnitsFormat


def command(
    year: Annotated[
        int, typer.Argument(metavar="YEAR", help="The plan year to report, e.g. 2022.", show_default=False)
    ],
    unit: options.Unit = None,
    targets: options.Targets = None,
    tasks: options.Tasks = None,
    actuals: options.Actuals = None,
    progress: options.Progress = None,
    format: Annotated[
        UnitsFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
    ] = UnitsFormat.table,
    no_color: options.NoColor = False,
) -> None:
    """The five tasks by lead unit for YEAR: each line of work's latest status and note, and each
    commitment of the plan's text judged like an indicator."""
    from wcplan.console import environment

    env = environment(no_color)
    location, plan = load(targets)
    check_year(year, plan)
    result = assess_tasks_year(plan, location, year, env, tasks, actuals, progress)
    units = check_choices(unit, result.tasks.all_units(), "--unit", "unit")
    result = result.filter(units)

    from wcplan.render import tasks as render

    if format is UnitsFormat.json:
        from wcplan.render.json import dumps

        env.write(dumps(render.document(result)))
    elif format is UnitsFormat.markdown:
        env.write(render.markdown(result))
    else:
        render.render_table(result, env.stdout)


def assess_tasks_year(
    plan, location, year, env, tasks=None, actuals=None, progress=None, quiet=False, required=True
):
    """Read the tasks file, valid actuals and progress, and assess the tasks for `year`.
    `quiet`: print no warnings (a caller that reads the actuals again prints them once).
    Without `required`, a plan with no tasks file gives None (a report without a tasks section)."""
    from wcplan.assess_tasks import assess_tasks
    from wcplan.commands.status import read_valid
    from wcplan.locate import find_progress

    loader = tasks_loader(plan, location, tasks, required)
    catalogue = loader()
    if catalogue is None:
        return None
    read = read_valid(plan, location, actuals, env, find_progress(progress, location), loader, quiet)
    return assess_tasks(plan, catalogue, read.actuals, read.progress, year, read.files)
