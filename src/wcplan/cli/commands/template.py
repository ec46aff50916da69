"""`wcplan template YEAR|PERIOD`: the fill-in sheets (填报模板) to send to each unit."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wcplan.base.errors import UsageError
from wcplan.base.i18n import N_, _, ngettext
from wcplan.cli import completion, options
from wcplan.cli.inputs import check_choices, load, resolve_period
from wcplan.model.periods import shown


class TemplateFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


Period = Annotated[
    str,
    typer.Argument(
        metavar="YEAR|PERIOD",
        autocompletion=completion.periods,
        help=N_(
            "The plan year (2022), or the period (2022-06, 2022-Q2, 2022-H1, 2022年6月, 2022年二季度, "
            "2022年上半年), whose figures the sheets ask for."
        ),
        show_default=False,
    ),
]


def command(
    period: Period,
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            metavar="NAME",
            autocompletion=completion.units,
            help=N_(
                "Only the sheet of this unit, e.g. 区工信局; repeatable. One unit makes one file; "
                "default: every unit, into a folder."
            ),
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=N_(
                "xlsx (locked, checked as it is filled in) or csv. Default: the suffix of -o, else xlsx."
            ),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help=N_(
                "The file to write (one unit), or the folder (several; made if needed). Default: "
                "填报表-PERIOD-UNIT.xlsx here, or the folder wcplan-templates-PERIOD."
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Replace files even when they are read-only (as cp -f does)."))
    ] = False,
    targets: options.Targets = None,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment
    from wcplan.cli.writing import write_all
    from wcplan.model.template import Role, build, file_name
    from wcplan.render import template as render

    env = environment(no_color)
    _location, plan = load(targets)
    when = resolve_period(period, plan)
    chosen = list(dict.fromkeys(check_choices(unit, plan.all_units(), "--unit", "unit", plan.units)))
    kind = _format(format, output)
    suffix = f".{kind}"
    write = render.xlsx_bytes if kind is TemplateFormat.xlsx else render.csv_bytes
    sheets = [build(plan, u, when) for u in chosen or plan.all_units()]
    one = len(chosen) == 1 and not (output is not None and output.is_dir())
    if one:
        target = output or Path(file_name(sheets[0], suffix))
        files, folder = {target: write(sheets[0])}, None
    else:
        folder = output or Path(f"wcplan-templates-{when.label}")
        if folder.suffix.lower() in (".xlsx", ".csv") or folder.is_file():
            raise UsageError(
                _(
                    "{path} is a file, but several sheets go to a folder: name a folder, or one --unit."
                ).format(path=folder),
                param="--output",
            )
        files = {folder / file_name(s, suffix): write(s) for s in sheets}
    write_all(files, force, folder)

    def counts(sheet) -> str:
        return _("{lead} as lead unit, {responsible} as responsible unit").format(
            lead=sheet.count(Role.LEAD), responsible=sheet.count(Role.RESPONSIBLE)
        )

    if one:
        env.say(
            _("wcplan: wrote {path}, the fill-in sheet of {unit} for {period} ({counts}).").format(
                path=target,
                unit=plan.unit_label(sheets[0].unit),
                period=shown(when.label),
                counts=counts(sheets[0]),
            )
        )
        return
    env.say(
        ngettext(
            "wcplan: wrote {n} fill-in sheet for {period} to {folder}:",
            "wcplan: wrote {n} fill-in sheets for {period} to {folder}:",
            len(sheets),
        ).format(n=len(sheets), period=shown(when.label), folder=folder)
    )
    for path, sheet in zip(files, sheets, strict=True):
        env.say(f"  {path.name} ({counts(sheet)})")


def _format(chosen: TemplateFormat | None, output: Path | None) -> TemplateFormat:
    """--format, else the suffix of a file named with -o, else xlsx; the two must agree."""
    by_suffix = {".xlsx": TemplateFormat.xlsx, ".csv": TemplateFormat.csv}
    implied = by_suffix.get(output.suffix.lower()) if output is not None else None
    if chosen is not None and implied is not None and chosen is not implied:
        raise UsageError(
            _("{path} ends in {suffix}, but --format is {format}.").format(
                path=output, suffix=output.suffix, format=chosen.value
            ),
            param="--output",
        )
    return chosen or implied or TemplateFormat.xlsx
