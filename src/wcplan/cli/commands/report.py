"""`wcplan report YEAR|PERIOD`: the status as a report to circulate: Markdown, JSON, HTML, Excel or Word."""

from __future__ import annotations

from typing import Annotated

import typer

from wcplan.base.i18n import N_, _
from wcplan.cli import options
from wcplan.cli.destination import ReportFormat, destination
from wcplan.cli.inputs import assess_both, check_choices, load, resolve_period


def command(
    period: options.Period,
    format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=N_("Report format. Default: the extension of --output, else markdown."),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=N_(
                "Write the report to FILE (whole or not at all), in the format its extension names: .md, "
                ".json, .html, .xlsx or .docx; - for stdout. Default: stdout for Markdown and JSON, else "
                "wcplan-report-PERIOD.html, .xlsx or .docx here."
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
    where = destination(output, format, when.label)
    format = where.format
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
    elif format is ReportFormat.docx:
        from wcplan.render.docx import document

        data = document(report)
    else:
        from wcplan.render.markdown import report_markdown

        data = report_markdown(report).encode("utf-8")
    if where.path is None:
        env.stdout.file.write(data.decode("utf-8"))
        return
    from wcplan.cli.writing import write_atomic

    target = where.path
    write_atomic(target, data, force)
    env.say(_("wcplan: wrote {path} ({size} bytes).").format(path=target, size=f"{len(data):,}"))
