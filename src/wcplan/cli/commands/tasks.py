"""`wcplan tasks YEAR`: the plan's tasks by lead unit, their lines of work and commitments."""

from __future__ import annotations

from typing import Annotated

import typer

import wcplan
from wcplan.base.i18n import N_
from wcplan.cli import completion, options
from wcplan.cli.inputs import check_choices, load, read_all, resolve_year


def command(
    year: Annotated[
        str,
        typer.Argument(
            metavar="YEAR",
            help=N_("The plan year to report, e.g. 2022."),
            show_default=False,
            autocompletion=completion.years,
        ),
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
            autocompletion=completion.units,
        ),
    ] = None,
    targets: options.Targets = None,
    tasks: options.Tasks = None,
    actuals: options.Actuals = None,
    progress: options.Progress = None,
    format: options.TableJsonOrMarkdownFormat = options.TableJsonOrMarkdown.table,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment

    env = environment(no_color)
    location, plan = load(targets)
    year = resolve_year(year, plan, "tasks")
    read, catalogue = read_all(plan, location, env, tasks, actuals, progress)
    result = wcplan.assess_tasks(plan, read, year, catalogue)
    units = check_choices(unit, result.tasks.all_units(), "--unit", "unit", plan.units, scope="tasks")
    result = result.filter(units)

    if format is options.TableJsonOrMarkdown.json:
        from wcplan.render.json import dumps, tasks_document

        env.write(dumps(tasks_document(result)))
    elif format is options.TableJsonOrMarkdown.markdown:
        from wcplan.render.markdown import tasks_markdown

        env.write(tasks_markdown(result))
    else:
        from wcplan.render.terminal.tasks import render_tasks

        render_tasks(result, env.stdout)
