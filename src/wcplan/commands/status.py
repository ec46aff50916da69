"""`wcplan status YEAR`: every indicator judged against the year's target, by lead unit."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wcplan import options
from wcplan.commands.common import check_choices, load
from wcplan.errors import UsageError
from wcplan.i18n import N_, _, ngettext


class StatusFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


Period = Annotated[
    str,
    typer.Argument(
        metavar="YEAR|PERIOD",
        help=N_(
            "The plan year to judge (2022), or the year to date of a period: 2022-06, 2022-Q2, 2022-H1, "
            "2022年6月, 2022年二季度, 2022年上半年."
        ),
        show_default=False,
    ),
]
StatusFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        metavar="LIST",
        help=N_(
            "Only these statuses, comma-separated or repeated: met, on_track, behind, off_track, "
            "no_data, unknown."
        ),
        show_default=False,
    ),
]


HELP = N_("Judge every indicator for a YEAR (or the year to date of a PERIOD), by lead unit.")


def command(
    period: Period,
    targets: options.Targets = None,
    actuals: options.Actuals = None,
    unit: options.Unit = None,
    category: options.Category = None,
    status: StatusFilter = None,
    format: Annotated[
        StatusFormat, typer.Option("--format", "-f", case_sensitive=False, help=N_("Output format."))
    ] = StatusFormat.table,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.console import environment

    env = environment(no_color)
    location, plan = load(targets)
    when = resolve_period(period, plan)
    units = check_choices(unit, plan.all_units(), "--unit", "unit", plan.units)
    categories = check_choices(category, plan.categories(), "--category", "category", plan.categories_en)
    statuses = parse_statuses(status)

    result = assess_year(plan, location, actuals, when, env).filter(units, categories, statuses)

    if format is StatusFormat.json:
        from wcplan.render.json import assessment_document, dumps

        env.write(dumps(assessment_document(result)))
    elif format is StatusFormat.markdown:
        from wcplan.render.markdown import status_markdown

        env.write(status_markdown(result))
    else:
        from wcplan.render.terminal import render_status

        render_status(result, env.stdout)


def resolve_period(text: str, plan):
    """The year or period asked for, which must lie in a plan year; else a usage error."""
    from wcplan.periods import FORMS_HELP, parse_period

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
    from wcplan.actuals import read_actuals
    from wcplan.commands.common import tasks_loader
    from wcplan.errors import ActualsError
    from wcplan.locate import find_actuals
    from wcplan.render.findings import render_findings

    paths = find_actuals(actuals, location) + list(progress)
    read = read_actuals(paths, plan, tasks=tasks or tasks_loader(plan, location))
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
    render_findings(read.warnings + read.notes, env.stderr)
    return read


def assess_year(plan, location, actuals, when, env):
    """Read valid actuals and assess the year (or period) `when`."""
    from wcplan.assess import assess

    read = read_valid(plan, location, actuals, env)
    return assess(plan, read.actuals, when, read.actuals_files)


def parse_statuses(values: list[str] | None):
    from wcplan.assess import Status

    chosen = []
    for value in values or []:
        for part in value.split(","):
            key = part.strip().lower().replace("-", "_").replace(" ", "_")
            if not key:
                continue
            try:
                chosen.append(Status(key))
            except ValueError:
                known = ", ".join(s.value for s in Status)
                raise UsageError(
                    _("'{status}' is not a status; use {known}.").format(status=part.strip(), known=known),
                    param="--status",
                ) from None
    return chosen
