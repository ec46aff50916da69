"""`wcplan tasks YEAR`: the plan's tasks by lead unit, their lines of work and commitments."""

from __future__ import annotations

from typing import Annotated

import typer

from wcplan import options
from wcplan.commands.common import check_choices, check_year, load, tasks_loader
from wcplan.commands.units import UnitsFormat
from wcplan.i18n import N_

HELP = N_(
    "The five tasks by lead unit for YEAR: each line of work's latest status and note, and each "
    "commitment of the plan's text judged like an indicator."
)


def command(
    year: Annotated[
        int,
        typer.Argument(metavar="YEAR", help=N_("The plan year to report, e.g. 2022."), show_default=False),
    ],
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            metavar="NAME",
            help=N_(
                "Only the lines of work and commitments this unit leads or is responsible for, "
                "e.g. 区金融办; repeatable."
            ),
            show_default=False,
        ),
    ] = None,
    targets: options.Targets = None,
    tasks: options.Tasks = None,
    actuals: options.Actuals = None,
    progress: options.Progress = None,
    format: Annotated[
        UnitsFormat, typer.Option("--format", "-f", case_sensitive=False, help=N_("Output format."))
    ] = UnitsFormat.table,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.console import environment

    env = environment(no_color)
    location, plan = load(targets)
    check_year(year, plan)
    result = assess_tasks_year(plan, location, year, env, tasks, actuals, progress)
    units = check_choices(unit, result.tasks.all_units(), "--unit", "unit", plan.units)
    result = result.filter(units)

    from wcplan.render import tasks as render

    if format is UnitsFormat.json:
        from wcplan.render.json import dumps

        env.write(dumps(render.document(result)))
    elif format is UnitsFormat.markdown:
        env.write(render.markdown(result))
    else:
        render.render_table(result, env.stdout)


def assess_tasks_year(plan, location, year, env, tasks=None, actuals=None, progress=None):
    """Read the tasks file, valid actuals and progress, and assess the tasks for `year`."""
    from wcplan.assess_tasks import assess_tasks

    read, catalogue = read_all(plan, location, env, tasks, actuals, progress)
    return assess_tasks(plan, catalogue, read.actuals, read.progress, year, read.files)


def read_all(plan, location, env, tasks=None, actuals=None, progress=None, required=True):
    """Read valid actuals and task progress in one pass; returns (read, tasks file). Without
    `required`, a plan with no tasks file gives None for it (and no progress is read)."""
    from wcplan.commands.status import read_valid
    from wcplan.locate import find_progress

    loader = tasks_loader(plan, location, tasks, required)
    catalogue = loader()
    paths = find_progress(progress, location) if catalogue is not None else []
    return read_valid(plan, location, actuals, env, paths, loader), catalogue


def assess_both(plan, location, when, env, tasks=None, actuals=None, progress=None):
    """The indicators for `when` and, where there is a tasks file, the tasks for its year, from
    one reading of the files: (assessment, tasks assessment or None)."""
    from wcplan.assess import assess
    from wcplan.assess_tasks import assess_tasks

    read, catalogue = read_all(plan, location, env, tasks, actuals, progress, required=False)
    assessment = assess(plan, read.actuals, when, read.actuals_files)
    if catalogue is None:
        return assessment, None
    year = when if isinstance(when, int) else when.year
    return assessment, assess_tasks(plan, catalogue, read.actuals, read.progress, year, read.files)
