"""`wcplan units YEAR`: a scorecard per unit (考核): indicators per status, score, worst indicator."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wcplan import options
from wcplan.commands.common import load
from wcplan.errors import UsageError


class By(StrEnum):
    lead = "lead"
    responsible = "responsible"


class UnitsFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def command(
    year: Annotated[
        int, typer.Argument(metavar="YEAR", help="The plan year to score, e.g. 2022.", show_default=False)
    ],
    by: Annotated[
        By,
        typer.Option(
            "--by", case_sensitive=False, help="Score lead units (牵头单位) or responsible units (责任单位)."
        ),
    ] = By.lead,
    targets: options.Targets = None,
    actuals: options.Actuals = None,
    format: Annotated[
        UnitsFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
    ] = (UnitsFormat.table),
    no_color: options.NoColor = False,
) -> None:
    """Score every unit for YEAR: indicators per status, (met + on track) / assessed, worst indicator."""
    from wcplan.commands.status import assess_year
    from wcplan.console import environment
    from wcplan.render import scorecards as render

    env = environment(no_color)
    location, plan = load(targets)
    if year not in plan.years:
        raise UsageError(
            f"{year} is not a plan year; the plan's years are {', '.join(map(str, plan.years))}.", "YEAR"
        )
    from wcplan.assess import scorecards
    from wcplan.render.text import notes

    assessment = assess_year(plan, location, actuals, year, env)
    cards, said = scorecards(assessment, str(by)), notes(assessment)
    if format is UnitsFormat.json:
        from wcplan.render.json import dumps

        env.write(dumps(render.document(cards, year, str(by), said)))
    elif format is UnitsFormat.markdown:
        env.write(render.markdown(cards, year, str(by), said))
    else:
        render.render_table(cards, year, str(by), said, env.stdout)
