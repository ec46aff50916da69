"""`wcplan submissions YEAR|PERIOD`: who has reported what (报送情况), and who is still to (催报清单)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

import wcplan
from wcplan.base.exit_codes import ExitCode
from wcplan.base.i18n import N_
from wcplan.cli import completion, options
from wcplan.cli.inputs import check_choices, load, resolve_period, tasks_loader


class SubmissionsFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


Period = Annotated[
    str,
    typer.Argument(
        metavar="YEAR|PERIOD",
        autocompletion=completion.periods,
        help=N_(
            "The plan year (2022), or the period (2022-06, 2022-Q2, 2022-H1, 2022年6月, 2022年二季度, "
            "2022年上半年), whose figures are collected."
        ),
        show_default=False,
    ),
]


def command(
    period: Period,
    by: Annotated[
        options.By,
        typer.Option(
            "--by",
            case_sensitive=False,
            help=N_(
                "lead: each indicator is due from its lead unit (牵头单位); responsible: from its "
                "responsible units (责任单位) as well."
            ),
        ),
    ] = options.By.lead,
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            metavar="NAME",
            autocompletion=completion.units,
            help=N_("Only this unit, e.g. 区工信局; repeatable."),
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help=N_("Exit 1 while anything is missing or a file has errors (for CI).")),
    ] = False,
    format: Annotated[
        SubmissionsFormat, typer.Option("--format", "-f", case_sensitive=False, help=N_("Output format."))
    ] = SubmissionsFormat.table,
    targets: options.Targets = None,
    actuals: options.Actuals = None,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment
    from wcplan.reading.locate import find_actuals

    env = environment(no_color)
    location, plan = load(targets)
    when = resolve_period(period, plan)
    units = list(dict.fromkeys(check_choices(unit, plan.all_units(), "--unit", "unit", plan.units)))
    # The one reading path, as status reads; its findings are not printed here: a file with errors
    # is listed as such, and `wcplan validate` shows each error.
    paths = find_actuals(actuals, location)
    read = wcplan.read_actuals(paths, plan, tasks=tasks_loader(plan, location), trace=True)
    result = wcplan.submissions(plan, read, when, str(by), units or None)

    if format is SubmissionsFormat.json:
        from wcplan.render.json import dumps, submissions_document

        env.write(dumps(submissions_document(result)))
    elif format is SubmissionsFormat.markdown:
        from wcplan.render.submissions import markdown

        env.stdout.file.write(markdown(result))
    else:
        from wcplan.render.terminal.submissions import render_table

        render_table(result, env.stdout)
    if strict and not result.complete:
        raise typer.Exit(ExitCode.INVALID)
