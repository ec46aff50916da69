"""`wcplan validate [PATH]...`: check submitted actuals, every problem with file, line and column."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

import wcplan
from wcplan.base.errors import UsageError
from wcplan.base.exit_codes import ExitCode
from wcplan.base.i18n import N_, _
from wcplan.cli import options
from wcplan.cli.inputs import load, tasks_loader


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="[PATH]...",  # Typer 0.28 shows it as given; 0.29 would bracket it again
        help=N_(
            "CSV or Excel files of actuals or of task progress, or folders of them. Default: the "
            "actuals/ and progress/ folders beside the plan file."
        ),
        show_default=False,
    ),
]


def command(
    paths: Paths = None,
    targets: options.Targets = None,
    tasks: options.Tasks = None,
    format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=N_(
                "text: one line per problem; json: one document; github: workflow annotations "
                "(and a Markdown summary in $GITHUB_STEP_SUMMARY when it is set)."
            ),
        ),
    ] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Warnings fail too (exit 1)."))] = False,
    max_problems: Annotated[
        int,
        typer.Option(
            "--max-problems",
            min=0,
            metavar="N",
            help=N_("Print at most N problems (all are counted); 0: all."),
        ),
    ] = 200,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            metavar="NAME",
            help=N_("Decode CSV files as NAME (e.g. gb18030) instead of detecting UTF-8 or GBK."),
            show_default=False,
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            metavar="NAME",
            help=N_("The worksheet of .xlsx files to read (default: the first)."),
            show_default=False,
        ),
    ] = None,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment
    from wcplan.reading.locate import find_actuals, find_progress

    env = environment(no_color)
    location, plan = load(targets)
    found = find_actuals(paths, location, param="PATH") + ([] if paths else find_progress(None, location))
    if not found:
        raise UsageError(
            _("there is nothing to validate: name files or folders, or add {folder}.").format(
                folder=location.path.parent / "actuals"
            ),
            param="PATH",
        )
    loader = tasks_loader(plan, location, tasks)
    if tasks is not None:
        loader()  # a tasks file named is checked even when no progress file needs it
    read = wcplan.read_actuals(found, plan, tasks=loader, encoding=encoding, sheet=sheet, files_required=True)
    result = read.validate(strict)

    if format is ValidateFormat.json:
        from wcplan.render.json import dumps, validation_document

        env.write(dumps(validation_document(result, max_problems)))
    elif format is ValidateFormat.github:
        from wcplan.render import github

        env.write("\n".join(github.github_lines(result, max_problems)))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            from wcplan.base.errors import WcplanError
            from wcplan.cli.writing import append_text

            try:
                append_text(Path(summary), github.step_summary(result, max_problems))
            except WcplanError as exc:
                # The summary only adds to the annotations: the files' validity decides the exit code.
                env.say(
                    _("wcplan: warning: no summary in $GITHUB_STEP_SUMMARY: {reason}").format(
                        reason=exc.message
                    )
                )
    else:
        from wcplan.render.terminal.findings import render_validation

        render_validation(result, env.stdout, max_problems)
    if not result.valid:
        raise typer.Exit(ExitCode.INVALID)
