"""`wcplan units YEAR`: a scorecard per unit (考核): indicators per status, score, worst indicator."""

from __future__ import annotations

from typing import Annotated

import typer

import wcplan
from wcplan.base.i18n import N_
from wcplan.cli import completion, options
from wcplan.cli.inputs import assess_both, load, resolve_year


def command(
    year: Annotated[
        str,
        typer.Argument(
            metavar="YEAR",
            help=N_("The plan year to score, e.g. 2022."),
            show_default=False,
            autocompletion=completion.years,
        ),
    ],
    by: Annotated[
        options.By,
        typer.Option(
            "--by",
            case_sensitive=False,
            help=N_("Score lead units (牵头单位) or responsible units (责任单位)."),
        ),
    ] = options.By.lead,
    targets: options.Targets = None,
    tasks: options.Tasks = None,
    actuals: options.Actuals = None,
    progress: options.Progress = None,
    format: options.TableJsonOrMarkdownFormat = options.TableJsonOrMarkdown.table,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment
    from wcplan.render.text import notes

    env = environment(no_color)
    location, plan = load(targets)
    year = resolve_year(year, plan, "units")
    assessment, work = assess_both(plan, location, year, env, tasks, actuals, progress)
    cards, said = wcplan.score_units(assessment, str(by)), notes(assessment)
    if format is options.TableJsonOrMarkdown.json:
        from wcplan.render.json import dumps, scorecards_document, tasks_document

        doc = scorecards_document(cards, said)
        if work is not None:
            doc["tasks"] = {k: v for k, v in tasks_document(work).items() if k in ("units", "notes")}
        env.write(dumps(doc))
    elif format is options.TableJsonOrMarkdown.markdown:
        from wcplan.render.markdown import scorecards_markdown, tasks_scorecards_markdown

        extra = tasks_scorecards_markdown(work) if work is not None else []
        env.write("\n".join([scorecards_markdown(cards, plan, said), *extra]))
    else:
        from wcplan.render.terminal.units import render_scorecards, render_tasks_scorecards

        render_scorecards(cards, plan, said, env.stdout)
        if work is not None:
            render_tasks_scorecards(work, env.stdout)
