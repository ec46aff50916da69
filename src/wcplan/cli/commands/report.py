"""`wcplan report YEAR|PERIOD`: the status as a report to circulate: Markdown or JSON."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wcplan.base.i18n import N_, _
from wcplan.cli import options
from wcplan.cli.inputs import assess_both, check_choices, load, resolve_period


class ReportFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"
    xlsx = "xlsx"


#: Formats that are files, not text: without --output they go to wcplan-report-PERIOD.SUFFIX here.
FILE_SUFFIX = {ReportFormat.html: ".html", ReportFormat.xlsx: ".xlsx"}


HELP = N_(
    "Make a report of YEAR (or a PERIOD) to circulate: summary, units, what lags, no data, tasks and"
    " commitments, method."
)


def command(
    period: options.Period,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", case_sensitive=False, help=N_("Report format."))
    ] = ReportFormat.markdown,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=N_(
                "Write the report to FILE (whole or not at all). Default: stdout for markdown and json; "
                "wcplan-report-PERIOD.html or .xlsx in the current folder for html and xlsx."
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Replace FILE even when it is read-only (as cp -f does)."))
    ] = False,
    unit: options.Unit = None,
    targets: options.Targets = None,
    tasks: options.Tasks = None,
    actuals: options.Actuals = None,
    progress: options.Progress = None,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment
    from wcplan.render.report import build

    env = environment(no_color)
    location, plan = load(targets)
    when = resolve_period(period, plan)
    units = check_choices(unit, plan.all_units(), "--unit", "unit", plan.units)
    assessment, work = assess_both(plan, location, when, env, tasks, actuals, progress)
    report = build(assessment.filter(units=units), tasks=work.filter(units) if work else None)
    if format is ReportFormat.json:
        from wcplan.render.json import dumps, report_document

        data = (dumps(report_document(report)) + "\n").encode("utf-8")
    elif format is ReportFormat.html:
        from wcplan.render.html import document

        data = document(report).encode("utf-8")
    elif format is ReportFormat.xlsx:
        from wcplan.render.excel import workbook

        data = workbook(report)
    else:
        from wcplan.render.markdown import report_markdown

        data = report_markdown(report).encode("utf-8")
    if output is None and format not in FILE_SUFFIX:
        env.stdout.file.write(data.decode("utf-8"))
        return
    from wcplan.cli.writing import write_atomic

    target = output or Path(f"wcplan-report-{when.label}{FILE_SUFFIX[format]}")
    write_atomic(target, data, force)
    env.say(_("wcplan: wrote {path} ({size} bytes).").format(path=target, size=f"{len(data):,}"))
