"""`wcplan units YEAR`: a scorecard per unit (考核): indicators per status, score, worst indicator."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from wcplan import options
from wcplan.commands.common import check_year, load
from wcplan.i18n import N_


class By(StrEnum):
    lead = "lead"
    responsible = "responsible"


class UnitsFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


HELP = N_(
    "Score every unit for YEAR: indicators per status, (met + on track) / assessed, worst indicator;"
    " then each lead unit's lines of work and commitments."
)


def command(
    year: Annotated[
        int, typer.Argument(metavar="YEAR", help=N_("The plan year to score, e.g. 2022."), show_default=False)
    ],
    by: Annotated[
        By,
        typer.Option(
            "--by",
            case_sensitive=False,
            help=N_("Score lead units (牵头单位) or responsible units (责任单位)."),
        ),
    ] = By.lead,
    targets: options.Targets = None,
    tasks: options.Tasks = None,
    actuals: options.Actuals = None,
    progress: options.Progress = None,
    format: Annotated[
        UnitsFormat, typer.Option("--format", "-f", case_sensitive=False, help=N_("Output format."))
    ] = (UnitsFormat.table),
    no_color: options.NoColor = False,
) -> None:
    from wcplan.console import environment
    from wcplan.render import scorecards as render

    env = environment(no_color)
    location, plan = load(targets)
    check_year(year, plan)
    from wcplan.assess import scorecards
    from wcplan.commands.tasks import assess_both
    from wcplan.render import tasks as tasks_render
    from wcplan.render.text import notes

    assessment, work = assess_both(plan, location, year, env, tasks, actuals, progress)
    cards, said = scorecards(assessment, str(by)), notes(assessment)
    if format is UnitsFormat.json:
        from wcplan.render.json import dumps

        doc = render.document(cards, year, str(by), said)
        if work is not None:
            doc["tasks"] = {k: v for k, v in tasks_render.document(work).items() if k in ("units", "notes")}
        env.write(dumps(doc))
    elif format is UnitsFormat.markdown:
        extra = tasks_render.scorecards_markdown(work) if work is not None else []
        env.write("\n".join([render.markdown(cards, plan, year, str(by), said), *extra]))
    else:
        render.render_table(cards, plan, year, str(by), said, env.stdout)
        if work is not None:
            tasks_render.render_scorecards(work, env.stdout)
